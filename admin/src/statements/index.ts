// Statements: the words people said or wrote, cited to the passages that carry them.
import FormatQuoteIcon from '@mui/icons-material/FormatQuote';
import type { RaRecord } from 'react-admin';
import { StatementCreate } from './StatementCreate.tsx';
import { StatementEdit } from './StatementEdit.tsx';
import { StatementList } from './StatementList.tsx';
import { StatementShow } from './StatementShow.tsx';

const MAX_LABEL = 60;

export const statements = {
  list: StatementList,
  show: StatementShow,
  edit: StatementEdit,
  create: StatementCreate,
  icon: FormatQuoteIcon,
  recordRepresentation: (record: RaRecord) => {
    const text = String(record.text ?? '');
    return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL)}…` : text;
  },
};
