// Shown when saving hits a CONFLICT: what changed on the server since the form was loaded, next
// to the editor's values. "Reload" takes the server's version of the fields the editor did not
// touch and keeps their edits (the form resets with keepDirtyValues); "Keep editing" closes.
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@mui/material';
import { useEffect, useState } from 'react';
import {
  type RaRecord,
  useDataProvider,
  useEditContext,
  useRecordContext,
  useResourceContext,
  useTranslate,
} from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { useConflict } from './conflict-context.ts';
import { type ConflictRow, conflictRows, displayValue } from './conflict-diff.ts';

const humanize = (field: string) =>
  field
    .replace(/Ids?$/, '')
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase()
    .replace(/^./, (first) => first.toUpperCase());

export const ConflictDialog = () => {
  const { conflict, clear } = useConflict();
  const record = useRecordContext();
  const resource = useResourceContext();
  const dataProvider = useDataProvider();
  const { refetch } = useEditContext();
  const { getValues } = useFormContext();
  const translate = useTranslate();
  const [current, setCurrent] = useState<RaRecord | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    if (!conflict || !record || !resource) return;
    let cancelled = false;
    setCurrent(null);
    setFailed(null);
    dataProvider
      .getOne(resource, { id: record.id })
      .then(({ data }) => {
        if (!cancelled) setCurrent(data);
      })
      .catch((error: unknown) => {
        if (!cancelled) setFailed(error instanceof Error ? error.message : String(error));
      });
    return () => {
      cancelled = true;
    };
  }, [conflict, record, resource, dataProvider]);

  if (!conflict || !record) return null;
  const rows: ConflictRow[] = current ? conflictRows(record, current, getValues()) : [];
  const label = (field: string) =>
    translate(`resources.${resource}.fields.${field}`, { _: humanize(field) });

  const reload = async () => {
    await refetch?.();
    clear();
  };

  return (
    <Dialog open onClose={clear} maxWidth="md" fullWidth aria-labelledby="conflict-title">
      <DialogTitle id="conflict-title">Someone else changed this record</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {conflict.message} Your changes are not saved yet and are still in the form.
        </DialogContentText>
        {failed && <DialogContentText color="error">{failed}</DialogContentText>}
        {current && rows.length === 0 && (
          <DialogContentText sx={{ mt: 2 }}>
            Only its status or bookkeeping changed (now version {String(current.version)}).
          </DialogContentText>
        )}
        {rows.length > 0 && (
          <Table size="small" sx={{ mt: 2 }} aria-label="Changes since you opened the form">
            <TableHead>
              <TableRow>
                <TableCell>Field</TableCell>
                <TableCell>Your value</TableCell>
                <TableCell>Now saved (version {String(current?.version)})</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.field} data-field={row.field}>
                  <TableCell>
                    {label(row.field)}
                    {row.changedByYou ? ' (you changed it too)' : ''}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{displayValue(row.yours)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{displayValue(row.theirs)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <DialogContentText sx={{ mt: 2 }}>
          Reload takes the saved version of the fields you did not change and keeps your edits; then
          check the form and save again.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={clear}>Keep editing</Button>
        <Button onClick={reload} variant="contained">
          Reload, keeping my changes
        </Button>
      </DialogActions>
    </Dialog>
  );
};
