// Every user, by email (admins only).
import {
  BooleanField,
  Datagrid,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectInput,
  TextField,
} from 'react-admin';
import { USER_ROLE_CHOICES } from '../common/choices.ts';
import { ListActions } from '../common/ListActions.tsx';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Name or email" />,
  <SelectInput key="role" source="role" choices={USER_ROLE_CHOICES} />,
  <NullableBooleanInput key="disabled" source="disabled" />,
];

export const UserList = () => (
  <List filters={filters} actions={<ListActions />} perPage={25}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="email" sortable={false} />
      <TextField source="name" sortable={false} />
      <TextField source="role" sortable={false} />
      <BooleanField source="disabled" sortable={false} />
    </Datagrid>
  </List>
);
