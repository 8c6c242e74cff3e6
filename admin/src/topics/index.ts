// Topics: the curated vocabulary events and statements are filed under.
import LabelIcon from '@mui/icons-material/Label';
import type { RaRecord } from 'react-admin';
import { TopicCreate } from './TopicCreate.tsx';
import { TopicEdit } from './TopicEdit.tsx';
import { TopicList } from './TopicList.tsx';
import { TopicShow } from './TopicShow.tsx';

export const topics = {
  list: TopicList,
  show: TopicShow,
  edit: TopicEdit,
  create: TopicCreate,
  icon: LabelIcon,
  recordRepresentation: (record: RaRecord) => String(record.name ?? ''),
};
