// The latest changes to any record: what, which record (by name, linked), who and when.
import { Card, CardContent, Chip, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useCreatePath, useDataProvider } from 'react-admin';
import { resourceOfType } from '../common/record-types.ts';
import type { CitelineDataProvider } from '../dataProvider/data-provider.ts';
import { fetchNodeNames } from '../history/record-names.ts';

interface Change {
  id: string;
  recordType: string;
  recordId: string;
  operation: string;
  changedBy: string | null;
  createdAt: string;
}

const OPERATIONS: Record<string, string> = {
  CREATE: 'created',
  UPDATE: 'edited',
  DELETE: 'deleted',
  RESTORE: 'restored',
  TRANSITION: 'moved in the workflow',
  PURGE: 'purged',
};

const MAX_NAME = 90;

const short = (text: string) => (text.length > MAX_NAME ? `${text.slice(0, MAX_NAME)}…` : text);

export const RecentChangesCard = () => {
  const dataProvider = useDataProvider<CitelineDataProvider>();
  const createPath = useCreatePath();
  const changes = useQuery({
    queryKey: ['recentChanges'],
    queryFn: async () => {
      const data = await dataProvider.graphql<{ recentChanges: { edges: { node: Change }[] } }>(
        '{ recentChanges(first: 10) { edges { node { id recordType recordId operation changedBy createdAt } } } }',
      );
      const list = data.recentChanges.edges.map((edge) => edge.node);
      const names = await fetchNodeNames(
        dataProvider,
        list.map((change) => change.recordId),
      );
      return { list, names };
    },
  });
  return (
    <Card component="section" aria-label="Recent changes">
      <CardContent>
        <Typography variant="h6" component="h2">
          Recent changes
        </Typography>
        <List dense>
          {changes.data?.list.map((change) => {
            const resource = resourceOfType(change.recordType);
            const name = changes.data.names[change.recordId];
            const label = name
              ? short(name)
              : `(a ${change.recordType.toLowerCase()} no longer visible)`;
            return (
              <ListItem key={change.id} disableGutters data-testid="recent-change">
                <ListItemText
                  primary={
                    <>
                      <Chip size="small" label={change.recordType} sx={{ mr: 1 }} />
                      {resource && name ? (
                        <Link to={createPath({ resource, id: change.recordId, type: 'show' })}>
                          {label}
                        </Link>
                      ) : (
                        label
                      )}
                    </>
                  }
                  secondary={`${OPERATIONS[change.operation] ?? change.operation} by ${change.changedBy ?? 'the system'}, ${new Date(change.createdAt).toLocaleString()}`}
                />
              </ListItem>
            );
          })}
        </List>
        {changes.data?.list.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            Nothing has changed yet.
          </Typography>
        )}
      </CardContent>
    </Card>
  );
};
