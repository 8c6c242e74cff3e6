// The fields of an actor, shared by create and edit: names, and the titles held over time.
import {
  ArrayInput,
  required,
  SelectInput,
  SimpleFormIterator,
  TextArrayInput,
  TextInput,
} from 'react-admin';
import { ActorInput } from '../common/ActorInput.tsx';
import { ACTOR_KIND_CHOICES } from '../common/choices.ts';
import { PartialDateInput } from '../common/PartialDateInput.tsx';

export const ActorInputs = () => (
  <>
    <TextInput source="name" fullWidth validate={required()} />
    <SelectInput source="kind" choices={ACTOR_KIND_CHOICES} validate={required()} />
    <TextArrayInput source="aliases" helperText="Other names and spellings; Enter after each" />
    <TextInput source="description" multiline fullWidth />
    <TextInput source="country" helperText='ISO 3166-1 alpha-2, e.g. "KH"' />
    <TextInput source="wikidataId" label="Wikidata id" helperText='e.g. "Q42"' />
    <ArrayInput source="positions" label="Positions held">
      <SimpleFormIterator disableReordering>
        <TextInput source="title" validate={required()} helperText={false} />
        <ActorInput source="organizationId" label="Organisation" kind="ORGANIZATION" />
        <PartialDateInput source="startDate" label="From" />
        <PartialDateInput source="endDate" label="To" />
      </SimpleFormIterator>
    </ArrayInput>
  </>
);
