// What needs an editor now: records waiting for review and citations whose source changed
// under them, each a link to the page that deals with it.
import FactCheckIcon from '@mui/icons-material/FactCheck';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import { Card, CardContent, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useDataProvider } from 'react-admin';
import type { CitelineDataProvider } from '../dataProvider/data-provider.ts';
import { countOf, useRecordCounts } from './record-counts.ts';

const Item = ({
  icon,
  count,
  label,
  to,
  testId,
}: {
  icon: ReactNode;
  count: number | undefined;
  label: string;
  to: string;
  testId: string;
}) => (
  <Stack direction="row" spacing={2} alignItems="center">
    {icon}
    <Typography variant="h4" component="span" data-testid={testId}>
      {count ?? '…'}
    </Typography>
    <Link to={to}>{label}</Link>
  </Stack>
);

export const AttentionCard = () => {
  const dataProvider = useDataProvider<CitelineDataProvider>();
  const counts = useRecordCounts();
  const review = useQuery({
    queryKey: ['citationsForReview', 'count'],
    queryFn: async () =>
      (
        await dataProvider.graphql<{ citationsForReview: { totalCount: number } }>(
          '{ citationsForReview(first: 1) { totalCount } }',
        )
      ).citationsForReview.totalCount,
  });
  return (
    <Card component="section" aria-label="Needs attention">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          Needs attention
        </Typography>
        <Stack spacing={2}>
          <Item
            icon={<FactCheckIcon color="warning" />}
            count={counts.data ? countOf(counts.data, 'IN_REVIEW') : undefined}
            label="records waiting for review"
            to="/review"
            testId="in-review-count"
          />
          <Item
            icon={<LinkOffIcon color="error" />}
            count={review.data}
            label="citations needing review (fuzzy or orphaned)"
            to="/citation-health"
            testId="citations-for-review-count"
          />
        </Stack>
      </CardContent>
    </Card>
  );
};
