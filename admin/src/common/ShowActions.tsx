// The top of a record's page: workflow moves and Edit, each shown only to roles that may use it.
import { EditButton, TopToolbar } from 'react-admin';
import { WorkflowButtons } from './WorkflowButtons.tsx';

export const ShowActions = ({ editable = true }: { editable?: boolean }) => (
  <TopToolbar>
    <WorkflowButtons />
    {editable && <EditButton />}
  </TopToolbar>
);
