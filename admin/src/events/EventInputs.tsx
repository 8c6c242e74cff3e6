// The fields of an event, shared by create and edit: dates with their precision, participants
// with roles, topics and the event it is part of.
import {
  ArrayInput,
  AutocompleteInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleFormIterator,
  TextInput,
} from 'react-admin';
import { ActorInput } from '../common/ActorInput.tsx';
import {
  DATE_QUALIFIER_CHOICES,
  EVENT_KIND_CHOICES,
  PARTICIPANT_ROLE_CHOICES,
} from '../common/choices.ts';
import { PartialDateInput } from '../common/PartialDateInput.tsx';
import { TopicsInput } from '../common/TopicsInput.tsx';

export const EventInputs = () => (
  <>
    <TextInput source="title" fullWidth validate={required()} />
    <SelectInput source="kind" choices={EVENT_KIND_CHOICES} validate={required()} />
    <TextInput
      source="summary"
      multiline
      minRows={3}
      fullWidth
      helperText="Neutral, one paragraph"
    />
    <TextInput source="place" />
    <PartialDateInput source="startDate" label="Start date" />
    <PartialDateInput source="endDate" label="End date" helperText="For events over several days" />
    <SelectInput
      source="dateQualifier"
      label="The date is"
      choices={DATE_QUALIFIER_CHOICES}
      emptyText="(undated)"
    />
    <ArrayInput source="participants">
      <SimpleFormIterator inline disableReordering>
        <ActorInput source="actorId" label="Actor" validate={required()} />
        <SelectInput source="role" choices={PARTICIPANT_ROLE_CHOICES} validate={required()} />
      </SimpleFormIterator>
    </ArrayInput>
    <TopicsInput />
    <ReferenceInput source="parentId" reference="events">
      <AutocompleteInput optionText="title" label="Part of (parent event)" fullWidth />
    </ReferenceInput>
  </>
);
