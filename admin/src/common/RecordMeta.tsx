// Bookkeeping shown on every record's page: status, version, created and updated.
import { Stack, Typography } from '@mui/material';
import { DateField, useRecordContext } from 'react-admin';
import { StatusField } from './StatusField.tsx';

export const RecordMeta = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={2} alignItems="center" sx={{ color: 'text.secondary' }}>
      <StatusField />
      <Typography variant="body2">version {String(record.version)}</Typography>
      <Typography variant="body2">
        created <DateField source="createdAt" showTime />
      </Typography>
      <Typography variant="body2">
        updated <DateField source="updatedAt" showTime />
      </Typography>
    </Stack>
  );
};
