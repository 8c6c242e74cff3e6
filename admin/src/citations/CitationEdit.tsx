// Changing a citation's role or note; the passage itself is re-cited, not edited.
import { required, SelectInput, TextInput } from 'react-admin';
import { CITATION_ROLE_CHOICES } from '../common/choices.ts';
import { VersionedEdit } from '../common/VersionedEdit.tsx';
import { VersionedForm } from '../common/VersionedForm.tsx';

export const CitationEdit = () => (
  <VersionedEdit>
    <VersionedForm>
      <TextInput source="exact" label="Passage" multiline fullWidth disabled />
      <SelectInput source="role" choices={CITATION_ROLE_CHOICES} validate={required()} />
      <TextInput
        source="note"
        multiline
        fullWidth
        helperText="e.g. how an inferred date was reasoned"
      />
    </VersionedForm>
  </VersionedEdit>
);
