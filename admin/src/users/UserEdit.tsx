// Changing a user's name, role, password or whether they are disabled (admins only). Users are
// never deleted: disable them. The last active admin can be neither demoted nor disabled.
import {
  BooleanInput,
  minLength,
  PasswordInput,
  required,
  SelectInput,
  TextInput,
} from 'react-admin';
import { USER_ROLE_CHOICES } from '../common/choices.ts';
import { VersionedEdit } from '../common/VersionedEdit.tsx';
import { VersionedForm } from '../common/VersionedForm.tsx';

export const UserEdit = () => (
  <VersionedEdit redirect="list">
    <VersionedForm deletable={false}>
      <TextInput source="email" disabled helperText="The sign-in address cannot change" />
      <TextInput source="name" validate={required()} />
      <SelectInput source="role" choices={USER_ROLE_CHOICES} validate={required()} />
      <BooleanInput
        source="disabled"
        helperText="A disabled user cannot sign in; their sessions end"
      />
      <PasswordInput
        source="password"
        label="New password"
        validate={minLength(12)}
        helperText="Leave empty to keep the current one; a new one ends their sessions"
      />
    </VersionedForm>
  </VersionedEdit>
);
