// A source: its description, the reader (its text with cited passages highlighted, where
// editors cite what they select), its full text (as text: markup in it is shown, never run) and
// what is cited from it.
import {
  Datagrid,
  FunctionField,
  Labeled,
  NumberField,
  Pagination,
  ReferenceManyField,
  Show,
  TabbedShowLayout,
  TextField,
} from 'react-admin';
import { PartialDateField } from '../common/PartialDateField.tsx';
import { RecordLink } from '../common/RecordLink.tsx';
import { RecordMeta } from '../common/RecordMeta.tsx';
import { SafeUrlField } from '../common/SafeUrlField.tsx';
import { ShowActions } from '../common/ShowActions.tsx';
import { TextBlockField } from '../common/TextBlockField.tsx';
import { HistoryPanel } from '../history/HistoryPanel.tsx';
import { SourceReader } from '../reader/SourceReader.tsx';

export const SourceShow = () => (
  <Show actions={<ShowActions />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="Summary">
        <RecordMeta />
        <TextField source="title" />
        <TextField source="kind" />
        <TextField source="outlet" emptyText="—" />
        <FunctionField
          source="authors"
          render={(record) => (record.authors as string[] | undefined)?.join(', ') || '—'}
        />
        <SafeUrlField source="url" label="URL" />
        <SafeUrlField source="archiveUrl" label="Archive URL" />
        <PartialDateField source="publishedOn" label="Published on" />
        <TextField source="publishedOnQualifier" label="Publication date is" emptyText="—" />
        <PartialDateField source="retrievedOn" label="Retrieved on" />
        <TextField source="language" />
        <TextField source="contentHash" label="Content hash (SHA-256)" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Read" path="read">
        <SourceReader />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Text" path="text">
        <Labeled label="Body">
          <TextBlockField source="body" />
        </Labeled>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Citations" path="citations">
        <ReferenceManyField
          reference="citations"
          target="source"
          label={false}
          perPage={25}
          pagination={<Pagination />}
        >
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="exact" label="Passage" sortable={false} />
            <NumberField source="start" sortable={false} />
            <TextField source="role" sortable={false} />
            <TextField source="anchorStatus" label="Anchor" sortable={false} />
            <RecordLink
              source="statement"
              reference="statements"
              display="text"
              label="Statement"
              sortable={false}
            />
            <RecordLink
              source="event"
              reference="events"
              display="title"
              label="Event"
              sortable={false}
            />
          </Datagrid>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="History" path="history">
        <HistoryPanel />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
