// Events: what happened, cited to the passages that report it.
import EventIcon from '@mui/icons-material/Event';
import type { RaRecord } from 'react-admin';
import { EventCreate } from './EventCreate.tsx';
import { EventEdit } from './EventEdit.tsx';
import { EventList } from './EventList.tsx';
import { EventShow } from './EventShow.tsx';

export const events = {
  list: EventList,
  show: EventShow,
  edit: EventEdit,
  create: EventCreate,
  icon: EventIcon,
  recordRepresentation: (record: RaRecord) => String(record.title ?? ''),
};
