// Long untrusted text (a source body, a quote) shown as text with its line breaks: React escapes
// it, so markup in it is shown, never run.
import { Typography } from '@mui/material';
import { type FieldProps, useFieldValue } from 'react-admin';

export const TextBlockField = (props: FieldProps) => {
  const value: unknown = useFieldValue(props);
  if (typeof value !== 'string') return null;
  return (
    <Typography
      component="div"
      variant="body2"
      sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxWidth: '60rem' }}
    >
      {value}
    </Typography>
  );
};
