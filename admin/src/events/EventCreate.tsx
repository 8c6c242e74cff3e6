// Recording an event (as a draft); its passages are cited from its page afterwards.
import { Create, SimpleForm } from 'react-admin';
import { EventInputs } from './EventInputs.tsx';

export const EventCreate = () => (
  <Create redirect="show">
    <SimpleForm
      mode="onTouched"
      defaultValues={{ kind: 'MEETING', participants: [], topicIds: [] }}
    >
      <EventInputs />
    </SimpleForm>
  </Create>
);
