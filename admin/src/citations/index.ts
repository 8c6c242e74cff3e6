// Citations: passages of sources cited for events and statements. No list of their own: they
// are reached from what cites them and what they are cited from.
import FormatQuoteIcon from '@mui/icons-material/FormatQuote';
import type { RaRecord } from 'react-admin';
import { CitationCreate } from './CitationCreate.tsx';
import { CitationEdit } from './CitationEdit.tsx';
import { CitationShow } from './CitationShow.tsx';

const MAX_LABEL = 60;

export const citations = {
  show: CitationShow,
  edit: CitationEdit,
  create: CitationCreate,
  icon: FormatQuoteIcon,
  recordRepresentation: (record: RaRecord) => {
    const text = String(record.exact ?? '');
    return text.length > MAX_LABEL ? `“${text.slice(0, MAX_LABEL)}…”` : `“${text}”`;
  },
};
