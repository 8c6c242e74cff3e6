// Adding a term to the topic vocabulary (as a draft).
import { Create, SimpleForm } from 'react-admin';
import { TopicInputs } from './TopicInputs.tsx';

export const TopicCreate = () => (
  <Create redirect="show">
    <SimpleForm mode="onTouched">
      <TopicInputs />
    </SimpleForm>
  </Create>
);
