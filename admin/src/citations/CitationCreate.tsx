// Citing a passage of a source for a statement or an event: the passage's exact text (with text
// just before or after it when it occurs more than once). Opened from a statement's or an
// event's page, which fills in what it is cited for.
import {
  AutocompleteInput,
  Create,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { CITATION_ROLE_CHOICES } from '../common/choices.ts';

export const CitationCreate = () => (
  <Create redirect="show" title="Cite a passage">
    <SimpleForm mode="onTouched" defaultValues={{ role: 'SUPPORTS' }}>
      <ReferenceInput source="statementId" reference="statements">
        <AutocompleteInput optionText="text" label="For the statement" fullWidth />
      </ReferenceInput>
      <ReferenceInput source="eventId" reference="events">
        <AutocompleteInput optionText="title" label="Or for the event" fullWidth />
      </ReferenceInput>
      <ReferenceInput source="sourceId" reference="sources">
        <AutocompleteInput optionText="title" label="Source" fullWidth validate={required()} />
      </ReferenceInput>
      <TextInput
        source="exact"
        label="Passage"
        multiline
        fullWidth
        validate={required()}
        helperText="Copied verbatim from the source"
      />
      <TextInput
        source="prefix"
        label="Text just before it"
        helperText="Only when the passage occurs more than once"
      />
      <TextInput source="suffix" label="Text just after it" />
      <SelectInput source="role" choices={CITATION_ROLE_CHOICES} validate={required()} />
      <TextInput source="note" multiline fullWidth />
    </SimpleForm>
  </Create>
);
