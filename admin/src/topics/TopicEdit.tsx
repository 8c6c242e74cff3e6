// Editing a topic, with the version it was loaded at.
import { VersionedEdit } from '../common/VersionedEdit.tsx';
import { VersionedForm } from '../common/VersionedForm.tsx';
import { TopicInputs } from './TopicInputs.tsx';

export const TopicEdit = () => (
  <VersionedEdit>
    <VersionedForm>
      <TopicInputs />
    </VersionedForm>
  </VersionedEdit>
);
