// The editorial status as a coloured chip.
import { Chip } from '@mui/material';
import { type FieldProps, useFieldValue } from 'react-admin';

const COLORS = {
  DRAFT: 'default',
  IN_REVIEW: 'warning',
  PUBLISHED: 'success',
  ARCHIVED: 'secondary',
} as const;

export const StatusField = (props: Omit<FieldProps, 'source'> & { source?: string }) => {
  const value: unknown = useFieldValue({ ...props, source: props.source ?? 'status' });
  if (typeof value !== 'string') return null;
  const color = COLORS[value as keyof typeof COLORS] ?? 'default';
  return <Chip size="small" color={color} label={value.replace('_', ' ').toLowerCase()} />;
};
