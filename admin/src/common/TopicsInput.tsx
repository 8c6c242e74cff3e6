// Picks topics from the vocabulary, searching the API as you type.
import { AutocompleteArrayInput, ReferenceArrayInput } from 'react-admin';

export const TopicsInput = ({ source = 'topicIds' }: { source?: string }) => (
  <ReferenceArrayInput source={source} reference="topics" label="Topics">
    <AutocompleteArrayInput optionText="name" label="Topics" />
  </ReferenceArrayInput>
);
