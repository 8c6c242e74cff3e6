// Editing an actor, with the version it was loaded at.
import { VersionedEdit } from '../common/VersionedEdit.tsx';
import { VersionedForm } from '../common/VersionedForm.tsx';
import { ActorInputs } from './ActorInputs.tsx';

export const ActorEdit = () => (
  <VersionedEdit>
    <VersionedForm>
      <ActorInputs />
    </VersionedForm>
  </VersionedEdit>
);
