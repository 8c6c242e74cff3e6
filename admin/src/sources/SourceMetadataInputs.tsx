// The fields describing a source (everything but its body), shared by create and edit.
import { BooleanInput, required, SelectInput, TextArrayInput, TextInput } from 'react-admin';
import { DATE_QUALIFIER_CHOICES, SOURCE_KIND_CHOICES } from '../common/choices.ts';
import { PartialDateInput } from '../common/PartialDateInput.tsx';

export const SourceMetadataInputs = ({ titleRequired = true }: { titleRequired?: boolean }) => (
  <>
    <TextInput
      source="title"
      fullWidth
      validate={titleRequired ? required() : undefined}
      helperText={titleRequired ? false : 'Leave empty to take it from the HTML <title> or <h1>'}
    />
    <BooleanInput source="titleSuppliedByEditor" label="Title written by an editor" />
    <SelectInput source="kind" choices={SOURCE_KIND_CHOICES} validate={required()} />
    <TextInput source="outlet" />
    <TextArrayInput source="authors" helperText="Press Enter after each name" />
    <TextInput source="url" label="URL" type="url" fullWidth helperText="http(s) only" />
    <TextInput source="archiveUrl" label="Archive URL" type="url" fullWidth />
    <TextInput source="language" helperText='BCP 47, e.g. "en" or "km"' />
    <PartialDateInput source="publishedOn" label="Published on" />
    <SelectInput
      source="publishedOnQualifier"
      label="Publication date is"
      choices={DATE_QUALIFIER_CHOICES}
      emptyText="(not said)"
    />
    <PartialDateInput source="retrievedOn" label="Retrieved on" />
  </>
);
