// The review queue: every record waiting IN_REVIEW, by type, oldest change first within a type
// as the API lists them. Reviewers publish; editors (and reviewers) return a record to draft.
import {
  Alert,
  Button,
  Card,
  CardContent,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  Link,
  type RaRecord,
  Title,
  useCreatePath,
  useDataProvider,
  useGetList,
  useNotify,
  usePermissions,
  useRefresh,
} from 'react-admin';
import { atLeast, isRole } from '../auth/access.ts';
import { countOf, useRecordCounts } from '../dashboard/record-counts.ts';
import type { CitelineDataProvider } from '../dataProvider/data-provider.ts';

interface QueueType {
  resource: string;
  label: string;
  /** What the record is called in the queue. */
  name: (record: RaRecord) => string;
}

export const QUEUE_TYPES: readonly QueueType[] = [
  { resource: 'sources', label: 'Sources', name: (record) => String(record.title ?? '') },
  { resource: 'events', label: 'Events', name: (record) => String(record.title ?? '') },
  {
    resource: 'statements',
    label: 'Statements',
    name: (record) => {
      const speaker = (record.speaker as { name?: string } | null)?.name;
      return `${speaker ? `${speaker}: ` : ''}“${String(record.text ?? '')}”`;
    },
  },
  { resource: 'actors', label: 'Actors', name: (record) => String(record.name ?? '') },
  { resource: 'topics', label: 'Topics', name: (record) => String(record.name ?? '') },
];

/** How many records the queue shows per type; the list page has the rest. */
const PER_TYPE = 50;

const IN_REVIEW = { status: 'IN_REVIEW' };

const QueueSection = ({ type }: { type: QueueType }) => {
  const { data, total, isPending, error } = useGetList(type.resource, {
    filter: IN_REVIEW,
    pagination: { page: 1, perPage: PER_TYPE },
  });
  const dataProvider = useDataProvider<CitelineDataProvider>();
  const createPath = useCreatePath();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePermissions();
  const role = isRole(permissions) ? permissions : null;
  const [busy, setBusy] = useState<string | null>(null);

  if (isPending) return null;
  if (error) return <Alert severity="error">{(error as Error).message}</Alert>;
  if (!data || data.length === 0) return null;

  const move = async (record: RaRecord, to: 'PUBLISHED' | 'DRAFT') => {
    setBusy(String(record.id));
    try {
      await dataProvider.transition(type.resource, {
        id: record.id,
        to,
        expectedVersion: Number(record.version),
      });
      notify(to === 'PUBLISHED' ? 'Published.' : 'Returned to draft.', { type: 'success' });
    } catch (failure) {
      notify(failure instanceof Error ? failure.message : String(failure), { type: 'error' });
    } finally {
      setBusy(null);
      refresh();
    }
  };

  const listPath = `${createPath({ resource: type.resource, type: 'list' })}?filter=${encodeURIComponent(JSON.stringify(IN_REVIEW))}`;
  return (
    <Card variant="outlined" component="section" aria-label={`${type.label} in review`}>
      <CardContent>
        <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
          <Typography variant="h6" component="h2">
            {type.label}
          </Typography>
          <Chip size="small" label={total ?? data.length} />
          {(total ?? 0) > data.length && (
            <Button component={Link} to={listPath} size="small">
              All {total}
            </Button>
          )}
        </Stack>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>Record</TableCell>
              <TableCell sx={{ width: '12rem' }}>Last changed</TableCell>
              <TableCell sx={{ width: '16rem' }} align="right">
                Decision
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((record) => (
              <TableRow key={record.id} data-testid="review-item">
                <TableCell>
                  <Link to={createPath({ resource: type.resource, id: record.id, type: 'show' })}>
                    {type.name(record)}
                  </Link>
                </TableCell>
                <TableCell>
                  {record.updatedAt ? new Date(String(record.updatedAt)).toLocaleString() : ''}
                </TableCell>
                <TableCell align="right">
                  <Stack direction="row" spacing={1} justifyContent="flex-end">
                    {atLeast(role, 'REVIEWER') && (
                      <Button
                        size="small"
                        variant="contained"
                        disabled={busy === String(record.id)}
                        onClick={() => move(record, 'PUBLISHED')}
                      >
                        Approve
                      </Button>
                    )}
                    {atLeast(role, 'EDITOR') && (
                      <Button
                        size="small"
                        disabled={busy === String(record.id)}
                        onClick={() => move(record, 'DRAFT')}
                      >
                        Return
                      </Button>
                    )}
                  </Stack>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};

export const ReviewQueue = () => {
  const counts = useRecordCounts();
  const total = counts.data ? countOf(counts.data, 'IN_REVIEW') : undefined;
  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4 }}>
      <Title title="Review queue" />
      <Typography variant="body2" color="text.secondary">
        Records waiting for review. Approving publishes a record (reviewers); returning sends it
        back to draft. A statement or an event needs a citation to be published.
      </Typography>
      {total === 0 && <Alert severity="success">Nothing is waiting for review.</Alert>}
      {QUEUE_TYPES.map((type) => (
        <QueueSection key={type.resource} type={type} />
      ))}
    </Stack>
  );
};
