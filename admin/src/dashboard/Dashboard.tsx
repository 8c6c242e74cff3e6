// The editor's home page: the record by type and status, what needs attention, recent changes
// and a timeline of events.
import { Box } from '@mui/material';
import { Title } from 'react-admin';
import { AttentionCard } from './AttentionCard.tsx';
import { EventTimelineCard } from './EventTimelineCard.tsx';
import { RecentChangesCard } from './RecentChangesCard.tsx';
import { RecordCountsCard } from './RecordCountsCard.tsx';

export const Dashboard = () => (
  <Box
    sx={{
      mt: 2,
      mb: 4,
      display: 'grid',
      gap: 2,
      gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 3fr) minmax(0, 2fr)' },
      alignItems: 'start',
    }}
  >
    <Title title="Dashboard" />
    <Box sx={{ display: 'grid', gap: 2 }}>
      <RecordCountsCard />
      <RecentChangesCard />
    </Box>
    <Box sx={{ display: 'grid', gap: 2 }}>
      <AttentionCard />
      <EventTimelineCard />
    </Box>
  </Box>
);
