// Users: accounts and their roles (admins only; never deleted, disabled instead).
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import type { RaRecord } from 'react-admin';
import { UserCreate } from './UserCreate.tsx';
import { UserEdit } from './UserEdit.tsx';
import { UserList } from './UserList.tsx';

export const users = {
  list: UserList,
  edit: UserEdit,
  create: UserCreate,
  icon: ManageAccountsIcon,
  recordRepresentation: (record: RaRecord) => String(record.name ?? record.email ?? ''),
};
