// People and organisations, by name: search (names and aliases), filters, server-side pages.
import {
  Datagrid,
  FunctionField,
  List,
  SearchInput,
  SelectInput,
  TextField,
  TextInput,
} from 'react-admin';
import { BulkActions } from '../common/BulkActions.tsx';
import { ACTOR_KIND_CHOICES, STATUS_CHOICES } from '../common/choices.ts';
import { ListActions } from '../common/ListActions.tsx';
import { StatusField } from '../common/StatusField.tsx';
import { useCanEdit } from '../common/useCanEdit.ts';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Name or alias" />,
  <SelectInput key="kind" source="kind" choices={ACTOR_KIND_CHOICES} />,
  <SelectInput key="status" source="status" choices={STATUS_CHOICES} />,
  <TextInput key="country" source="country" />,
];

export const ActorList = () => {
  const canEdit = useCanEdit();
  return (
    <List
      filters={filters}
      actions={<ListActions />}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={25}
    >
      <Datagrid rowClick="show" bulkActionButtons={canEdit ? <BulkActions /> : false}>
        <TextField source="name" />
        <TextField source="kind" sortable={false} />
        <FunctionField
          label="Aliases"
          sortable={false}
          render={(record) => (record.aliases as string[]).join(', ') || '—'}
        />
        <TextField source="country" sortable={false} emptyText="—" />
        <StatusField source="status" sortable={false} />
      </Datagrid>
    </List>
  );
};
