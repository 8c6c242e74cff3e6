// A URL from the record: a link (opening a new tab, no referrer) when it is http(s), plain text
// otherwise. react-admin's UrlField would link any scheme, javascript: included.
import { Link, Typography } from '@mui/material';
import { type FieldProps, useFieldValue } from 'react-admin';
import { safeHttpUrl } from './safe-url.ts';

export const SafeUrlField = (props: FieldProps) => {
  const value: unknown = useFieldValue(props);
  if (typeof value !== 'string' || value === '') return null;
  const href = safeHttpUrl(value);
  if (!href) {
    return (
      <Typography component="span" variant="body2" title="Not an http(s) address: not linked">
        {value}
      </Typography>
    );
  }
  return (
    <Link
      href={href}
      target="_blank"
      rel="noopener noreferrer nofollow"
      variant="body2"
      onClick={(event) => event.stopPropagation()}
    >
      {value}
    </Link>
  );
};
