// The form of an edit page: keeps the editor's edits when the record is reloaded after a
// conflict, and deletes (softly) only after a confirmation. (No warnWhenUnsavedChanges: with
// keepDirtyValues the form stays dirty after a save, and the warning would block the redirect.)
import type { ReactNode } from 'react';
import { DeleteButton, SaveButton, SimpleForm, type SimpleFormProps, Toolbar } from 'react-admin';
import { ConflictDialog } from './ConflictDialog.tsx';

const RESET_OPTIONS = { keepDirtyValues: true } as const;

export const EditToolbar = ({ deletable = true }: { deletable?: boolean }) => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    {deletable && <DeleteButton mutationMode="pessimistic" />}
  </Toolbar>
);

export const VersionedForm = ({
  children,
  deletable = true,
  ...props
}: Omit<SimpleFormProps, 'children'> & { children: ReactNode; deletable?: boolean }) => (
  <SimpleForm
    // Mistakes show when leaving a field (a date that does not exist…), then as you fix them.
    mode="onTouched"
    resetOptions={RESET_OPTIONS}
    toolbar={<EditToolbar deletable={deletable} />}
    {...props}
  >
    {children}
    <ConflictDialog />
  </SimpleForm>
);
