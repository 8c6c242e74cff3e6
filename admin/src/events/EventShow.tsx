// An event: when and where, who took part in what role, its topics, the event it is part of,
// and the passages that report it.
import { ArrayField, Datagrid, Show, TabbedShowLayout, TextField } from 'react-admin';
import { CitationsField } from '../citations/CitationsField.tsx';
import { PartialDateField } from '../common/PartialDateField.tsx';
import { RecordLink } from '../common/RecordLink.tsx';
import { RecordMeta } from '../common/RecordMeta.tsx';
import { ShowActions } from '../common/ShowActions.tsx';
import { TextBlockField } from '../common/TextBlockField.tsx';
import { TopicChips } from '../common/TopicChips.tsx';
import { HistoryPanel } from '../history/HistoryPanel.tsx';

export const EventShow = () => (
  <Show actions={<ShowActions />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="Summary">
        <RecordMeta />
        <TextField source="title" />
        <TextField source="kind" />
        <TextBlockField source="summary" />
        <TextField source="place" emptyText="—" />
        <PartialDateField source="startDate" label="Start date" />
        <PartialDateField source="endDate" label="End date" />
        <TextField source="dateQualifier" label="The date is" emptyText="—" />
        <RecordLink source="parent" reference="events" display="title" label="Part of" />
        <ArrayField source="participants">
          <Datagrid bulkActionButtons={false} rowClick={false}>
            <RecordLink source="actor" reference="actors" display="name" label="Actor" />
            <TextField source="role" />
          </Datagrid>
        </ArrayField>
        <TopicChips label="Topics" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Citations" path="citations">
        <CitationsField target="event" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="History" path="history">
        <HistoryPanel />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
