// Picks an actor (person or organisation), searching names and aliases in the API as you type;
// a name that is not in the record yet can be added from the picker.
import { AutocompleteInput, ReferenceInput, type Validator } from 'react-admin';
import { CreateActorSuggestion } from '../actors/CreateActorDialog.tsx';

export interface ActorInputProps {
  source: string;
  label?: string;
  validate?: Validator | Validator[];
  /** Only this kind of actor (PERSON or ORGANIZATION). */
  kind?: string;
}

export const ActorInput = ({ source, label = 'Actor', validate, kind }: ActorInputProps) => (
  <ReferenceInput source={source} reference="actors" filter={kind ? { kind } : undefined}>
    <AutocompleteInput
      optionText="name"
      label={label}
      validate={validate}
      create={<CreateActorSuggestion kind={kind} />}
      createItemLabel={(name: string) => `Add “${name}” as a new actor`}
    />
  </ReferenceInput>
);
