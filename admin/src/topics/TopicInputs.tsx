// The fields of a topic, shared by create and edit.
import { regex, required, TextInput } from 'react-admin';

export const TopicInputs = () => (
  <>
    <TextInput source="name" fullWidth validate={required()} />
    <TextInput
      source="slug"
      validate={[
        required(),
        regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Lower-case words joined by hyphens'),
      ]}
      helperText='A stable key, e.g. "demining"'
    />
    <TextInput source="description" multiline fullWidth />
  </>
);
