// Editing a statement, with the version it was loaded at. A direct quote's new text must still
// be in one of its passages.
import { VersionedEdit } from '../common/VersionedEdit.tsx';
import { VersionedForm } from '../common/VersionedForm.tsx';
import { StatementInputs } from './StatementInputs.tsx';

export const StatementEdit = () => (
  <VersionedEdit>
    <VersionedForm>
      <StatementInputs />
    </VersionedForm>
  </VersionedEdit>
);
