// A citation: the passage (exact text with its context), where it sits in the source, how well
// it is anchored, what it is cited for, its formatted reference and its history.

import { Typography } from '@mui/material';
import {
  FunctionField,
  Labeled,
  NumberField,
  Show,
  SimpleShowLayout,
  TextField,
  useRecordContext,
} from 'react-admin';
import { RecordLink } from '../common/RecordLink.tsx';
import { RecordMeta } from '../common/RecordMeta.tsx';
import { ShowActions } from '../common/ShowActions.tsx';
import { HistoryPanel } from '../history/HistoryPanel.tsx';
import { FormattedReference } from '../lookups/FormattedReference.tsx';

/** The passage with its prefix and suffix dimmed, as text. */
const PassageInContext = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Labeled label="Passage in context">
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', maxWidth: '60rem' }}>
        <span style={{ opacity: 0.6 }}>…{String(record.prefix)}</span>
        <mark>{String(record.exact)}</mark>
        <span style={{ opacity: 0.6 }}>{String(record.suffix)}…</span>
      </Typography>
    </Labeled>
  );
};

export const CitationShow = () => (
  <Show actions={<ShowActions />}>
    <SimpleShowLayout>
      <RecordMeta />
      <PassageInContext />
      <RecordLink source="source" reference="sources" display="title" label="Source" />
      <RecordLink source="statement" reference="statements" display="text" label="Statement" />
      <RecordLink source="event" reference="events" display="title" label="Event" />
      <TextField source="role" />
      <TextField source="note" emptyText="—" />
      <NumberField source="start" label="Start (code points)" />
      <NumberField source="end" label="End (exclusive)" />
      <TextField source="anchorStatus" label="Anchor" />
      <NumberField source="anchorScore" label="Anchor similarity" emptyText="—" />
      <FunctionField
        label="Reference"
        render={(record) => <FormattedReference kind="citation" id={String(record.id)} />}
      />
      <Labeled label="History" fullWidth>
        <HistoryPanel />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
