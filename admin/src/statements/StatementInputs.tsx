// The fields of a statement, shared by create and edit: the words, who said them and how,
// when (with precision), at which event, on which topics, and its rank.
import {
  AutocompleteInput,
  FormDataConsumer,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
} from 'react-admin';
import { ActorInput } from '../common/ActorInput.tsx';
import {
  DATE_QUALIFIER_CHOICES,
  STATEMENT_CHANNEL_CHOICES,
  STATEMENT_KIND_CHOICES,
  STATEMENT_RANK_CHOICES,
} from '../common/choices.ts';
import { PartialDateInput } from '../common/PartialDateInput.tsx';
import { TopicsInput } from '../common/TopicsInput.tsx';

export const StatementInputs = () => (
  <>
    <SelectInput source="kind" choices={STATEMENT_KIND_CHOICES} validate={required()} />
    <TextInput
      source="text"
      multiline
      minRows={3}
      fullWidth
      validate={required()}
      helperText="A direct quote: the exact words as they appear in the source"
    />
    <ActorInput source="speakerId" label="Speaker" />
    <TextInput source="speakerTitle" label="Speaker's title at the time" fullWidth />
    <SelectInput source="channel" choices={STATEMENT_CHANNEL_CHOICES} emptyText="(unknown)" />
    <PartialDateInput source="saidOn" label="Said on" />
    <SelectInput
      source="dateQualifier"
      label="The date is"
      choices={DATE_QUALIFIER_CHOICES}
      emptyText="(undated)"
    />
    <ReferenceInput source="eventId" reference="events">
      <AutocompleteInput optionText="title" label="Said at or about (event)" fullWidth />
    </ReferenceInput>
    <TopicsInput />
    <SelectInput source="rank" choices={STATEMENT_RANK_CHOICES} validate={required()} />
    <FormDataConsumer>
      {({ formData }) =>
        formData.rank === 'DEPRECATED' && (
          <TextInput
            source="rankReason"
            label="Why it is deprecated"
            fullWidth
            validate={required()}
          />
        )
      }
    </FormDataConsumer>
  </>
);
