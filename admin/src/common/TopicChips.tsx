// A record's topics (embedded { id, name }), as chips linking to each topic.
import { Chip, Stack } from '@mui/material';
import { type FieldProps, Link, useCreatePath, useFieldValue } from 'react-admin';

export const TopicChips = (props: Omit<FieldProps, 'source'> & { source?: string }) => {
  const value: unknown = useFieldValue({ ...props, source: props.source ?? 'topics' });
  const createPath = useCreatePath();
  if (!Array.isArray(value) || value.length === 0) return <span>—</span>;
  return (
    <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap>
      {(value as { id: string; name: string }[]).map((topic) => (
        <Chip
          key={topic.id}
          size="small"
          label={topic.name}
          component={Link}
          to={createPath({ resource: 'topics', id: topic.id, type: 'show' })}
          clickable
          onClick={(event: React.MouseEvent) => event.stopPropagation()}
        />
      ))}
    </Stack>
  );
};
