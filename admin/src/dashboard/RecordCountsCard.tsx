// How many records of each type are in each workflow status, each count a link to the list of
// those records.
import {
  Card,
  CardContent,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Link, useCreatePath } from 'react-admin';
import { resourceOfType } from '../common/record-types.ts';
import { countOf, type RecordCount, useRecordCounts } from './record-counts.ts';

const TYPES = [
  ['Source', 'Sources'],
  ['Event', 'Events'],
  ['Statement', 'Statements'],
  ['Actor', 'Actors'],
  ['Topic', 'Topics'],
] as const;

const STATUSES: { id: RecordCount['status']; label: string }[] = [
  { id: 'DRAFT', label: 'Draft' },
  { id: 'IN_REVIEW', label: 'In review' },
  { id: 'PUBLISHED', label: 'Published' },
  { id: 'ARCHIVED', label: 'Archived' },
];

export const RecordCountsCard = () => {
  const counts = useRecordCounts();
  const createPath = useCreatePath();
  const listOf = (type: string, status?: string) => {
    const resource = resourceOfType(type) ?? '';
    const path = createPath({ resource, type: 'list' });
    return status ? `${path}?filter=${encodeURIComponent(JSON.stringify({ status }))}` : path;
  };
  return (
    <Card component="section" aria-label="Records by status">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          The record
        </Typography>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell />
              {STATUSES.map((status) => (
                <TableCell key={status.id} align="right">
                  {status.label}
                </TableCell>
              ))}
              <TableCell align="right">Total</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {TYPES.map(([type, label]) => {
              const rows = (counts.data ?? []).filter((count) => count.type === type);
              const total = rows.reduce((sum, count) => sum + count.count, 0);
              return (
                <TableRow key={type} data-type={type}>
                  <TableCell component="th" scope="row">
                    <Link to={listOf(type)}>{label}</Link>
                  </TableCell>
                  {STATUSES.map((status) => {
                    const count = countOf(rows, status.id);
                    return (
                      <TableCell key={status.id} align="right" data-status={status.id}>
                        {count === 0 ? (
                          <Typography component="span" variant="body2" color="text.disabled">
                            0
                          </Typography>
                        ) : (
                          <Link to={listOf(type, status.id)}>{count}</Link>
                        )}
                      </TableCell>
                    );
                  })}
                  <TableCell align="right">
                    <strong>{counts.data ? total : '…'}</strong>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};
