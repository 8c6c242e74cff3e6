// Shows a partial date as it reads ("February 2024"), with the stored form as a tooltip.

import { Typography } from '@mui/material';
import { type FieldProps, useFieldValue } from 'react-admin';
import { describePartialDate } from './partial-date.ts';

export const PartialDateField = (props: FieldProps) => {
  const value: unknown = useFieldValue(props);
  if (typeof value !== 'string' || value === '') {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        undated
      </Typography>
    );
  }
  return (
    <Typography component="span" variant="body2" title={value}>
      {describePartialDate(value)}
    </Typography>
  );
};
