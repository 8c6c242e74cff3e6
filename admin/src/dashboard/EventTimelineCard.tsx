// The latest events by date, as a timeline: each at its date's precision ("February 2024",
// never a made-up day), undated ones last as the API orders them.
import { Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useCreatePath, useDataProvider } from 'react-admin';
import { describePartialDate } from '../common/partial-date.ts';
import { StatusField } from '../common/StatusField.tsx';
import type { CitelineDataProvider } from '../dataProvider/data-provider.ts';

interface TimelineEvent {
  id: string;
  title: string;
  kind: string;
  status: string;
  startDate: string | null;
  endDate: string | null;
  place: string | null;
}

export const EventTimelineCard = () => {
  const dataProvider = useDataProvider<CitelineDataProvider>();
  const createPath = useCreatePath();
  const events = useQuery({
    queryKey: ['dashboard', 'events'],
    queryFn: async () =>
      (
        await dataProvider.graphql<{ events: { edges: { node: TimelineEvent }[] } }>(
          '{ events(first: 20, orderBy: { field: START_DATE, direction: DESC }) { edges { node { id title kind status startDate endDate place } } } }',
        )
      ).events.edges.map((edge) => edge.node),
  });
  return (
    <Card component="section" aria-label="Timeline of events">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          Timeline of events
        </Typography>
        <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {events.data?.map((event) => {
            const from = describePartialDate(event.startDate);
            const to = describePartialDate(event.endDate);
            return (
              <Box
                component="li"
                key={event.id}
                data-testid="timeline-event"
                sx={{
                  position: 'relative',
                  pl: 3,
                  pb: 1.5,
                  borderLeft: 2,
                  borderColor: 'divider',
                  '&::before': {
                    content: '""',
                    position: 'absolute',
                    left: -6,
                    top: 6,
                    width: 10,
                    height: 10,
                    borderRadius: '50%',
                    bgcolor: event.startDate ? 'primary.main' : 'text.disabled',
                  },
                }}
              >
                <Typography variant="caption" color="text.secondary">
                  {from ? (to && to !== from ? `${from} – ${to}` : from) : 'Date unknown'}
                  {event.place ? ` · ${event.place}` : ''}
                </Typography>
                <Stack direction="row" spacing={1} alignItems="center">
                  <Link to={createPath({ resource: 'events', id: event.id, type: 'show' })}>
                    {event.title}
                  </Link>
                  <Chip
                    size="small"
                    variant="outlined"
                    label={event.kind.toLowerCase().replaceAll('_', ' ')}
                  />
                  {event.status !== 'PUBLISHED' && <StatusField record={event} />}
                </Stack>
              </Box>
            );
          })}
        </Box>
      </CardContent>
    </Card>
  );
};
