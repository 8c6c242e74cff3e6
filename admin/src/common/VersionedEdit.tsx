// The edit page every curated type uses: pessimistic saves (nothing is sent late or lost when
// the tab closes) that carry the version the form was loaded with, and a CONFLICT shown in a
// dialog instead of a notification. Put a VersionedForm inside.
import { type ReactNode, useMemo, useState } from 'react';
import { Edit, type EditProps, useNotify } from 'react-admin';
import { isConflict } from '../graphql/errors.ts';
import { type Conflict, ConflictContext } from './conflict-context.ts';

const hasFieldErrors = (error: unknown) => {
  const errors = (error as { body?: { errors?: Record<string, unknown> } } | null)?.body?.errors;
  return !!errors && Object.keys(errors).length > 0;
};

export const VersionedEdit = ({
  children,
  ...props
}: Omit<EditProps, 'mutationMode' | 'children'> & { children: ReactNode }) => {
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const notify = useNotify();
  const state = useMemo(() => ({ conflict, clear: () => setConflict(null) }), [conflict]);
  return (
    <ConflictContext.Provider value={state}>
      <Edit
        mutationMode="pessimistic"
        redirect="show"
        {...props}
        mutationOptions={{
          onError: (error: unknown) => {
            if (isConflict(error)) {
              setConflict({ message: error.message, currentVersion: error.body.currentVersion });
              return;
            }
            // Validation errors are shown on their fields and in the form's own notification.
            if (hasFieldErrors(error)) return;
            notify(error instanceof Error ? error.message : 'ra.notification.http_error', {
              type: 'error',
            });
          },
        }}
      >
        {children}
      </Edit>
    </ConflictContext.Provider>
  );
};
