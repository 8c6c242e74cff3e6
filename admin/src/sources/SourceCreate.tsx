// Adding a source by import: its text or HTML (reduced to readable text by the API). A source
// already in the record (same URL or same text) is opened instead of duplicated.
import {
  Create,
  RadioButtonGroupInput,
  type RaRecord,
  required,
  SimpleForm,
  TextInput,
  useNotify,
  useRedirect,
} from 'react-admin';
import { SourceMetadataInputs } from './SourceMetadataInputs.tsx';
import type { ImportOutcome } from './source.api.ts';

const DEFAULTS = { format: 'text', kind: 'ARTICLE', language: 'en', authors: [] };

export const SourceCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const onSuccess = (data: RaRecord) => {
    const outcome = data.importOutcome as ImportOutcome | undefined;
    if (outcome && !outcome.created) {
      const by = outcome.matchedBy === 'URL' ? 'URL' : 'text';
      notify(`This source is already in the record (same ${by}): here it is.`, { type: 'info' });
    } else {
      notify('Source imported as a draft.', { type: 'success' });
    }
    redirect('show', 'sources', data.id);
  };
  return (
    <Create mutationOptions={{ onSuccess }} title="Import a source">
      <SimpleForm mode="onTouched" defaultValues={DEFAULTS}>
        <RadioButtonGroupInput
          source="format"
          label="The text is"
          choices={[
            { id: 'text', name: 'Plain text' },
            { id: 'html', name: 'HTML (reduced to text; scripts and styles dropped)' },
          ]}
        />
        <TextInput
          source="body"
          label="Text or HTML"
          multiline
          minRows={12}
          maxRows={30}
          fullWidth
          validate={required()}
        />
        <SourceMetadataInputs titleRequired={false} />
      </SimpleForm>
    </Create>
  );
};
