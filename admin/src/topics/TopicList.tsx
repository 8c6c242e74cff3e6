// The topic vocabulary, by name (the API offers no other order).
import { Datagrid, List, SearchInput, SelectInput, TextField } from 'react-admin';
import { BulkActions } from '../common/BulkActions.tsx';
import { STATUS_CHOICES } from '../common/choices.ts';
import { ListActions } from '../common/ListActions.tsx';
import { StatusField } from '../common/StatusField.tsx';
import { useCanEdit } from '../common/useCanEdit.ts';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Name or slug" />,
  <SelectInput key="status" source="status" choices={STATUS_CHOICES} />,
];

export const TopicList = () => {
  const canEdit = useCanEdit();
  return (
    <List filters={filters} actions={<ListActions />} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={canEdit ? <BulkActions /> : false}>
        <TextField source="name" sortable={false} />
        <TextField source="slug" sortable={false} />
        <StatusField source="status" sortable={false} />
      </Datagrid>
    </List>
  );
};
