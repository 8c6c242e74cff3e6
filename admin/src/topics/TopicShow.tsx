// A topic: its name, slug and description, and the events and statements on it.
import {
  Datagrid,
  Pagination,
  ReferenceManyField,
  Show,
  TabbedShowLayout,
  TextField,
} from 'react-admin';
import { PartialDateField } from '../common/PartialDateField.tsx';
import { RecordMeta } from '../common/RecordMeta.tsx';
import { ShowActions } from '../common/ShowActions.tsx';
import { TextBlockField } from '../common/TextBlockField.tsx';
import { HistoryPanel } from '../history/HistoryPanel.tsx';

export const TopicShow = () => (
  <Show actions={<ShowActions />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="Summary">
        <RecordMeta />
        <TextField source="name" />
        <TextField source="slug" />
        <TextBlockField source="description" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Events" path="events">
        <ReferenceManyField
          reference="events"
          target="topic"
          label={false}
          perPage={25}
          pagination={<Pagination />}
        >
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="title" sortable={false} />
            <PartialDateField source="startDate" label="Date" sortable={false} />
          </Datagrid>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Statements" path="statements">
        <ReferenceManyField
          reference="statements"
          target="topic"
          label={false}
          perPage={25}
          pagination={<Pagination />}
        >
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="text" sortable={false} />
            <PartialDateField source="saidOn" label="Said on" sortable={false} />
          </Datagrid>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="History" path="history">
        <HistoryPanel />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
