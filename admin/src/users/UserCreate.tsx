// Creating a user who can sign in at once (admins only).
import {
  Create,
  email,
  minLength,
  PasswordInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { USER_ROLE_CHOICES } from '../common/choices.ts';

export const UserCreate = () => (
  <Create redirect="list">
    <SimpleForm mode="onTouched" defaultValues={{ role: 'EDITOR' }}>
      <TextInput source="email" type="email" validate={[required(), email()]} />
      <TextInput source="name" validate={required()} />
      <SelectInput source="role" choices={USER_ROLE_CHOICES} validate={required()} />
      <PasswordInput
        source="password"
        validate={[required(), minLength(12)]}
        helperText="At least 12 characters; give it to them in person"
      />
    </SimpleForm>
  </Create>
);
