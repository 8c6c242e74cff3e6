// A record's history: every revision, newest first, with who made it, when, and what changed
// (before → after, long texts as a word diff); editors put an older version back with
// restoreRevision, which is itself a new change (status and deletion stay as they are).
import RestoreIcon from '@mui/icons-material/Restore';
import {
  Alert,
  Box,
  Button,
  Chip,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import {
  Confirm,
  type RaRecord,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { useCanEdit } from '../common/useCanEdit.ts';
import type { CitelineDataProvider } from '../dataProvider/data-provider.ts';
import { fetchNames } from './record-names.ts';
import {
  type DiffRow,
  type NameOf,
  referencesIn,
  revisionDiff,
  type Snapshot,
  type TextPart,
} from './revision-diff.ts';

export interface Revision {
  id: string;
  operation: 'CREATE' | 'UPDATE' | 'DELETE' | 'RESTORE' | 'TRANSITION' | 'PURGE';
  version: number;
  changedBy: string | null;
  createdAt: string;
  changedFields: string[];
  before: Snapshot | null;
  after: Snapshot | null;
}

interface HistoryPage {
  history: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Revision }[];
  };
}

const PAGE = 20;
const HISTORY = `query History($id: ID!, $first: Int!, $after: String) {
  history(id: $id, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id operation version changedBy createdAt changedFields before after } }
  }
}`;

const OPERATION_LABELS: Record<Revision['operation'], string> = {
  CREATE: 'created',
  UPDATE: 'edited',
  DELETE: 'deleted',
  RESTORE: 'restored',
  TRANSITION: 'workflow',
  PURGE: 'purged',
};

/** Whole values longer than this are cut (a creation's body…). */
const MAX_VALUE = 400;

const clip = (text: string) =>
  text.length > MAX_VALUE
    ? `${text.slice(0, MAX_VALUE)}… (${text.length - MAX_VALUE} more characters)`
    : text;

const Parts = ({ parts }: { parts: TextPart[] }) => (
  <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-wrap' }}>
    {parts.map((part, index) => {
      const key = `${index}-${part.kind}`;
      switch (part.kind) {
        case 'removed':
          return (
            <Box
              key={key}
              component="del"
              sx={{ bgcolor: 'rgba(211, 47, 47, 0.15)', textDecorationColor: '#d32f2f', mr: 0.5 }}
            >
              {part.text}
            </Box>
          );
        case 'added':
          return (
            <Box
              key={key}
              component="ins"
              sx={{ bgcolor: 'rgba(46, 125, 50, 0.18)', textDecoration: 'none' }}
            >
              {part.text}
            </Box>
          );
        case 'elided':
          return (
            <Box key={key} component="span" sx={{ color: 'text.disabled' }}>
              {` … ${part.words} words … `}
            </Box>
          );
        default:
          return <span key={key}>{part.text}</span>;
      }
    })}
  </Typography>
);

const Empty = () => (
  <Box component="span" sx={{ color: 'text.disabled' }}>
    (empty)
  </Box>
);

export const DiffTable = ({ rows }: { rows: DiffRow[] }) => (
  <Table size="small" aria-label="Changes">
    <TableHead>
      <TableRow>
        <TableCell sx={{ width: '14rem' }}>Field</TableCell>
        <TableCell>Before</TableCell>
        <TableCell>After</TableCell>
      </TableRow>
    </TableHead>
    <TableBody>
      {rows.map((row) => (
        <TableRow key={row.field} data-field={row.field}>
          <TableCell sx={{ verticalAlign: 'top' }}>{row.label}</TableCell>
          {row.parts ? (
            <TableCell colSpan={2}>
              <Parts parts={row.parts} />
            </TableCell>
          ) : (
            <>
              <TableCell sx={{ verticalAlign: 'top', whiteSpace: 'pre-wrap' }}>
                {row.before === '' ? <Empty /> : clip(row.before)}
              </TableCell>
              <TableCell sx={{ verticalAlign: 'top', whiteSpace: 'pre-wrap' }}>
                {row.after === '' ? <Empty /> : clip(row.after)}
              </TableCell>
            </>
          )}
        </TableRow>
      ))}
    </TableBody>
  </Table>
);

const RevisionCard = ({
  revision,
  nameOf,
  restorable,
  onRestore,
}: {
  revision: Revision;
  nameOf: NameOf;
  restorable: boolean;
  onRestore: (revision: Revision) => void;
}) => {
  const rows = useMemo(
    () =>
      revision.operation === 'DELETE' ? [] : revisionDiff(revision.before, revision.after, nameOf),
    [revision, nameOf],
  );
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="revision" data-version={revision.version}>
      <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: rows.length ? 1 : 0 }}>
        <Typography variant="subtitle2">Version {revision.version}</Typography>
        <Chip size="small" label={OPERATION_LABELS[revision.operation]} />
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
          by {revision.changedBy ?? 'the system'}, {new Date(revision.createdAt).toLocaleString()}
        </Typography>
        {restorable && (
          <Button size="small" startIcon={<RestoreIcon />} onClick={() => onRestore(revision)}>
            Restore version {revision.version}
          </Button>
        )}
      </Stack>
      {rows.length > 0 ? (
        <DiffTable rows={rows} />
      ) : (
        revision.operation !== 'DELETE' && (
          <Typography variant="body2" color="text.secondary">
            No change to the content.
          </Typography>
        )
      )}
    </Paper>
  );
};

export const HistoryPanel = () => {
  const record = useRecordContext();
  if (!record) return null;
  return <History record={record} />;
};

const History = ({ record }: { record: RaRecord }) => {
  const id = String(record.id);
  const dataProvider = useDataProvider<CitelineDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const canEdit = useCanEdit();
  const [restoring, setRestoring] = useState<Revision | null>(null);
  const [busy, setBusy] = useState(false);

  const history = useInfiniteQuery({
    queryKey: ['history', id, record.version],
    queryFn: ({ pageParam }) =>
      dataProvider.graphql<HistoryPage>(HISTORY, { id, first: PAGE, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) =>
      page.history.pageInfo.hasNextPage ? page.history.pageInfo.endCursor : undefined,
  });
  const revisions = useMemo(
    () => history.data?.pages.flatMap((page) => page.history.edges.map((edge) => edge.node)) ?? [],
    [history.data],
  );
  const references = useMemo(
    () => referencesIn(...revisions.flatMap((revision) => [revision.before, revision.after])),
    [revisions],
  );
  const names = useQuery({
    queryKey: ['history-names', references.map((item) => `${item.type}:${item.uuid}`).join(',')],
    queryFn: () => fetchNames(dataProvider, references),
    enabled: references.length > 0,
  });
  const nameOf = useMemo<NameOf>(
    () => (type, uuid) => names.data?.[`${type}:${uuid}`],
    [names.data],
  );

  const restore = async () => {
    if (!restoring) return;
    setBusy(true);
    try {
      await dataProvider.graphql(
        'mutation RestoreRevision($revisionId: ID!, $expectedVersion: Int!) { restoreRevision(revisionId: $revisionId, expectedVersion: $expectedVersion) { id version } }',
        { revisionId: restoring.id, expectedVersion: Number(record.version) },
      );
      notify(`Version ${restoring.version} restored as a new change.`, { type: 'success' });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setBusy(false);
      setRestoring(null);
    }
  };

  const total = history.data?.pages[0]?.history.totalCount;
  return (
    <Stack spacing={2} sx={{ maxWidth: '70rem' }}>
      {history.error && <Alert severity="error">{(history.error as Error).message}</Alert>}
      {total !== undefined && (
        <Typography variant="body2" color="text.secondary">
          {total === 1 ? 'One revision' : `${total} revisions`}, newest first.
        </Typography>
      )}
      {revisions.map((revision, index) => (
        <RevisionCard
          key={revision.id}
          revision={revision}
          nameOf={nameOf}
          // The newest revision is the record as it is; a deletion holds nothing to put back.
          restorable={
            canEdit &&
            index > 0 &&
            revision.operation !== 'DELETE' &&
            revision.operation !== 'PURGE' &&
            (revision.after ?? revision.before) !== null
          }
          onRestore={setRestoring}
        />
      ))}
      {history.hasNextPage && (
        <Button onClick={() => history.fetchNextPage()} disabled={history.isFetchingNextPage}>
          Older revisions
        </Button>
      )}
      <Confirm
        isOpen={!!restoring}
        loading={busy}
        title={`Restore version ${restoring?.version ?? ''}?`}
        content="Its content replaces the current one, as a new version; the history keeps everything."
        confirm="Restore"
        onConfirm={restore}
        onClose={() => setRestoring(null)}
      />
    </Stack>
  );
};
