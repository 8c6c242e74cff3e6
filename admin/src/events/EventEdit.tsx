// Editing an event, with the version it was loaded at.
import { VersionedEdit } from '../common/VersionedEdit.tsx';
import { VersionedForm } from '../common/VersionedForm.tsx';
import { EventInputs } from './EventInputs.tsx';

export const EventEdit = () => (
  <VersionedEdit>
    <VersionedForm>
      <EventInputs />
    </VersionedForm>
  </VersionedEdit>
);
