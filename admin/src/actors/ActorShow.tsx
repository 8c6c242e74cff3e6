// An actor: names, description, positions held over time, and what they said.
import {
  ArrayField,
  Datagrid,
  FunctionField,
  Pagination,
  ReferenceManyField,
  Show,
  TabbedShowLayout,
  TextField,
} from 'react-admin';
import { PartialDateField } from '../common/PartialDateField.tsx';
import { RecordLink } from '../common/RecordLink.tsx';
import { RecordMeta } from '../common/RecordMeta.tsx';
import { ShowActions } from '../common/ShowActions.tsx';
import { TextBlockField } from '../common/TextBlockField.tsx';
import { HistoryPanel } from '../history/HistoryPanel.tsx';

export const ActorShow = () => (
  <Show actions={<ShowActions />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="Summary">
        <RecordMeta />
        <TextField source="name" />
        <TextField source="kind" />
        <FunctionField
          label="Aliases"
          render={(record) => (record.aliases as string[]).join(', ') || '—'}
        />
        <TextBlockField source="description" />
        <TextField source="country" emptyText="—" />
        <TextField source="wikidataId" label="Wikidata id" emptyText="—" />
        <ArrayField source="positions" label="Positions held">
          <Datagrid bulkActionButtons={false} rowClick={false}>
            <TextField source="title" />
            <RecordLink
              source="organization"
              reference="actors"
              display="name"
              label="Organisation"
            />
            <PartialDateField source="startDate" label="From" />
            <PartialDateField source="endDate" label="To" />
          </Datagrid>
        </ArrayField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Statements" path="statements">
        <ReferenceManyField
          reference="statements"
          target="speaker"
          label={false}
          perPage={25}
          pagination={<Pagination />}
          sort={{ field: 'saidOn', order: 'DESC' }}
        >
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="text" sortable={false} />
            <PartialDateField source="saidOn" label="Said on" />
          </Datagrid>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="History" path="history">
        <HistoryPanel />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
