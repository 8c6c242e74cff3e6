// A link to the show page of a record embedded in this one (a statement's speaker, an event's
// parent), labelled with one of its fields, without another request.
import { Link as MuiLink } from '@mui/material';
import { type FieldProps, Link, useCreatePath, useFieldValue } from 'react-admin';

export interface RecordLinkProps extends FieldProps {
  /** The resource the embedded record belongs to. */
  reference: string;
  /** Its field to show. */
  display: string;
}

export const RecordLink = ({ reference, display, ...props }: RecordLinkProps) => {
  const value: unknown = useFieldValue(props);
  const createPath = useCreatePath();
  if (!value || typeof value !== 'object') return null;
  const embedded = value as Record<string, unknown>;
  const label = String(embedded[display] ?? '');
  if (typeof embedded.id !== 'string') return <span>{label}</span>;
  return (
    <MuiLink
      component={Link}
      to={createPath({ resource: reference, id: embedded.id, type: 'show' })}
      variant="body2"
      onClick={(event: React.MouseEvent) => event.stopPropagation()}
    >
      {label}
    </MuiLink>
  );
};
