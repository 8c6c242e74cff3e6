// Events, most recent first: search, filters (kind, status, dates, who took part, topic) and
// server-side pages.
import {
  AutocompleteInput,
  Datagrid,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
} from 'react-admin';
import { BulkActions } from '../common/BulkActions.tsx';
import { EVENT_KIND_CHOICES, STATUS_CHOICES } from '../common/choices.ts';
import { ListActions } from '../common/ListActions.tsx';
import { PartialDateField } from '../common/PartialDateField.tsx';
import { PartialDateInput } from '../common/PartialDateInput.tsx';
import { StatusField } from '../common/StatusField.tsx';
import { TopicChips } from '../common/TopicChips.tsx';
import { useCanEdit } from '../common/useCanEdit.ts';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Title or summary" />,
  <SelectInput key="kind" source="kind" choices={EVENT_KIND_CHOICES} />,
  <SelectInput key="status" source="status" choices={STATUS_CHOICES} />,
  <PartialDateInput key="from" source="from" label="From" />,
  <PartialDateInput key="to" source="to" label="To" />,
  <ReferenceInput key="actor" source="actor" reference="actors">
    <AutocompleteInput optionText="name" label="Participant" />
  </ReferenceInput>,
  <ReferenceInput key="topic" source="topic" reference="topics">
    <AutocompleteInput optionText="name" label="Topic" />
  </ReferenceInput>,
];

export const EventList = () => {
  const canEdit = useCanEdit();
  return (
    <List
      filters={filters}
      actions={<ListActions />}
      sort={{ field: 'startDate', order: 'DESC' }}
      perPage={25}
    >
      <Datagrid rowClick="show" bulkActionButtons={canEdit ? <BulkActions /> : false}>
        <TextField source="title" />
        <TextField source="kind" sortable={false} />
        <PartialDateField source="startDate" label="Date" />
        <TextField source="place" sortable={false} emptyText="—" />
        <TopicChips label="Topics" sortable={false} />
        <StatusField source="status" sortable={false} />
      </Datagrid>
    </List>
  );
};
