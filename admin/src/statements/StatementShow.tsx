// A statement: the words, who said them, when and how, and the passages that support them.
import { Show, TabbedShowLayout, TextField } from 'react-admin';
import { CitationsField } from '../citations/CitationsField.tsx';
import { PartialDateField } from '../common/PartialDateField.tsx';
import { RecordLink } from '../common/RecordLink.tsx';
import { RecordMeta } from '../common/RecordMeta.tsx';
import { ShowActions } from '../common/ShowActions.tsx';
import { TextBlockField } from '../common/TextBlockField.tsx';
import { TopicChips } from '../common/TopicChips.tsx';
import { HistoryPanel } from '../history/HistoryPanel.tsx';

export const StatementShow = () => (
  <Show actions={<ShowActions />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="Summary">
        <RecordMeta />
        <TextBlockField source="text" />
        <TextField source="kind" />
        <RecordLink source="speaker" reference="actors" display="name" label="Speaker" />
        <TextField source="speakerTitle" label="Speaker's title" emptyText="—" />
        <TextField source="channel" emptyText="—" />
        <PartialDateField source="saidOn" label="Said on" />
        <TextField source="dateQualifier" label="The date is" emptyText="—" />
        <RecordLink source="event" reference="events" display="title" label="Event" />
        <TopicChips label="Topics" />
        <TextField source="rank" />
        <TextField source="rankReason" label="Rank reason" emptyText="—" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Citations" path="citations">
        <CitationsField target="statement" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="History" path="history">
        <HistoryPanel />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
