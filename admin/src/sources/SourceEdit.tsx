// Editing a source. Saving a changed body re-anchors every citation of it (EXACT, FUZZY or
// ORPHANED); the API does that, the form only sends the text.
import { required, TextInput } from 'react-admin';
import { VersionedEdit } from '../common/VersionedEdit.tsx';
import { VersionedForm } from '../common/VersionedForm.tsx';
import { SourceMetadataInputs } from './SourceMetadataInputs.tsx';

export const SourceEdit = () => (
  <VersionedEdit>
    <VersionedForm>
      <SourceMetadataInputs />
      <TextInput
        source="body"
        label="Text"
        multiline
        minRows={12}
        maxRows={30}
        fullWidth
        validate={required()}
        helperText="Changing the text re-anchors every citation of this source"
      />
    </VersionedForm>
  </VersionedEdit>
);
