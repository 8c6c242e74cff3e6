// Sources, newest publication first: search, filters and server-side pages.
import {
  Datagrid,
  DateField,
  List,
  SearchInput,
  SelectInput,
  TextField,
  TextInput,
} from 'react-admin';
import { BulkActions } from '../common/BulkActions.tsx';
import { SOURCE_KIND_CHOICES, STATUS_CHOICES } from '../common/choices.ts';
import { ListActions } from '../common/ListActions.tsx';
import { PartialDateField } from '../common/PartialDateField.tsx';
import { PartialDateInput } from '../common/PartialDateInput.tsx';
import { StatusField } from '../common/StatusField.tsx';
import { useCanEdit } from '../common/useCanEdit.ts';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Title, outlet or text" />,
  <SelectInput key="kind" source="kind" choices={SOURCE_KIND_CHOICES} />,
  <SelectInput key="status" source="status" choices={STATUS_CHOICES} />,
  <TextInput key="outlet" source="outlet" />,
  <PartialDateInput key="publishedFrom" source="publishedFrom" label="Published from" />,
  <PartialDateInput key="publishedTo" source="publishedTo" label="Published to" />,
];

export const SourceList = () => {
  const canEdit = useCanEdit();
  return (
    <List
      filters={filters}
      actions={<ListActions />}
      sort={{ field: 'publishedOn', order: 'DESC' }}
      perPage={25}
    >
      <Datagrid rowClick="show" bulkActionButtons={canEdit ? <BulkActions /> : false}>
        <TextField source="title" />
        <TextField source="kind" sortable={false} />
        <TextField source="outlet" sortable={false} />
        <PartialDateField source="publishedOn" label="Published" />
        <StatusField source="status" sortable={false} />
        <DateField source="updatedAt" label="Updated" showTime />
      </Datagrid>
    </List>
  );
};
