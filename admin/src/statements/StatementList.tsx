// Statements, most recent first: search, filters (kind, speaker, event, topic, dates, rank,
// status) and server-side pages.
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
import {
  STATEMENT_KIND_CHOICES,
  STATEMENT_RANK_CHOICES,
  STATUS_CHOICES,
} from '../common/choices.ts';
import { ListActions } from '../common/ListActions.tsx';
import { PartialDateField } from '../common/PartialDateField.tsx';
import { PartialDateInput } from '../common/PartialDateInput.tsx';
import { RecordLink } from '../common/RecordLink.tsx';
import { StatusField } from '../common/StatusField.tsx';
import { useCanEdit } from '../common/useCanEdit.ts';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Words in the statement" />,
  <SelectInput key="kind" source="kind" choices={STATEMENT_KIND_CHOICES} />,
  <SelectInput key="status" source="status" choices={STATUS_CHOICES} />,
  <SelectInput key="rank" source="rank" choices={STATEMENT_RANK_CHOICES} />,
  <ReferenceInput key="speaker" source="speaker" reference="actors">
    <AutocompleteInput optionText="name" label="Speaker" />
  </ReferenceInput>,
  <ReferenceInput key="event" source="event" reference="events">
    <AutocompleteInput optionText="title" label="Event" />
  </ReferenceInput>,
  <ReferenceInput key="topic" source="topic" reference="topics">
    <AutocompleteInput optionText="name" label="Topic" />
  </ReferenceInput>,
  <PartialDateInput key="saidFrom" source="saidFrom" label="Said from" />,
  <PartialDateInput key="saidTo" source="saidTo" label="Said to" />,
];

export const StatementList = () => {
  const canEdit = useCanEdit();
  return (
    <List
      filters={filters}
      actions={<ListActions />}
      sort={{ field: 'saidOn', order: 'DESC' }}
      perPage={25}
    >
      <Datagrid rowClick="show" bulkActionButtons={canEdit ? <BulkActions /> : false}>
        <TextField source="text" sortable={false} />
        <RecordLink
          source="speaker"
          reference="actors"
          display="name"
          label="Speaker"
          sortable={false}
        />
        <TextField source="kind" sortable={false} />
        <PartialDateField source="saidOn" label="Said on" />
        <StatusField source="status" sortable={false} />
      </Datagrid>
    </List>
  );
};
