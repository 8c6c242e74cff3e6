// Picks an actor (person or organisation), searching names and aliases in the API as you type.
import { AutocompleteInput, ReferenceInput, type Validator } from 'react-admin';

export interface ActorInputProps {
  source: string;
  label?: string;
  validate?: Validator | Validator[];
  /** Only this kind of actor (PERSON or ORGANIZATION). */
  kind?: string;
}

export const ActorInput = ({ source, label = 'Actor', validate, kind }: ActorInputProps) => (
  <ReferenceInput source={source} reference="actors" filter={kind ? { kind } : undefined}>
    <AutocompleteInput optionText="name" label={label} validate={validate} />
  </ReferenceInput>
);
