// Adding a person or an organisation (as a draft).
import { Create, SimpleForm } from 'react-admin';
import { ActorInputs } from './ActorInputs.tsx';

export const ActorCreate = () => (
  <Create redirect="show">
    <SimpleForm mode="onTouched" defaultValues={{ kind: 'PERSON', aliases: [], positions: [] }}>
      <ActorInputs />
    </SimpleForm>
  </Create>
);
