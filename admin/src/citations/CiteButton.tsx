// Opens the citation form for this statement or event (the passage typed or pasted; the source
// reader will offer selecting it instead).
import AddLinkIcon from '@mui/icons-material/AddLink';
import { Button, Link, useCanAccess, useCreatePath, useRecordContext } from 'react-admin';

export const CiteButton = ({ target }: { target: 'statement' | 'event' }) => {
  const record = useRecordContext();
  const createPath = useCreatePath();
  const { canAccess } = useCanAccess({ resource: 'citations', action: 'create' });
  if (!record || !canAccess) return null;
  const preset = target === 'statement' ? { statementId: record.id } : { eventId: record.id };
  return (
    <Button
      component={Link}
      to={createPath({ resource: 'citations', type: 'create' })}
      state={{ record: preset }}
      label="Cite a passage"
    >
      <AddLinkIcon />
    </Button>
  );
};
