// The editorial workflow on a record's page: the moves the signed-in role may make from the
// record's status (submit for review, publish, return, archive…), each with the record's version.
import { Stack } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  useDataProvider,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
  useResourceContext,
} from 'react-admin';
import { isRole, type Status, transitionsFor } from '../auth/access.ts';
import type { CitelineDataProvider } from '../dataProvider/data-provider.ts';

export const WorkflowButtons = () => {
  const record = useRecordContext();
  const resource = useResourceContext();
  const { permissions } = usePermissions();
  const dataProvider = useDataProvider<CitelineDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!record || !resource || typeof record.status !== 'string') return null;
  const role = isRole(permissions) ? permissions : null;
  const moves = transitionsFor(record.status as Status, role);
  if (moves.length === 0) return null;

  const move = async (to: Status, label: string) => {
    setBusy(true);
    try {
      await dataProvider.transition(resource, {
        id: record.id,
        to,
        expectedVersion: Number(record.version),
      });
      notify(`${label}: done`, { type: 'success' });
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setBusy(false);
      refresh();
    }
  };

  return (
    <Stack direction="row" spacing={1} aria-label="Workflow">
      {moves.map(({ to, label }) => (
        <Button key={to} label={label} disabled={busy} onClick={() => move(to, label)} />
      ))}
    </Stack>
  );
};
