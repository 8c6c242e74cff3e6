// Sources: the works events and statements are cited to.
import ArticleIcon from '@mui/icons-material/Article';
import type { RaRecord } from 'react-admin';
import { SourceCreate } from './SourceCreate.tsx';
import { SourceEdit } from './SourceEdit.tsx';
import { SourceList } from './SourceList.tsx';
import { SourceShow } from './SourceShow.tsx';

export const sources = {
  list: SourceList,
  show: SourceShow,
  edit: SourceEdit,
  create: SourceCreate,
  icon: ArticleIcon,
  recordRepresentation: (record: RaRecord) => String(record.title ?? ''),
};
