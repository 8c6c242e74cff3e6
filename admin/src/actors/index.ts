// Actors: the people and organisations that speak and take part in events.
import PeopleIcon from '@mui/icons-material/People';
import type { RaRecord } from 'react-admin';
import { ActorCreate } from './ActorCreate.tsx';
import { ActorEdit } from './ActorEdit.tsx';
import { ActorList } from './ActorList.tsx';
import { ActorShow } from './ActorShow.tsx';

export const actors = {
  list: ActorList,
  show: ActorShow,
  edit: ActorEdit,
  create: ActorCreate,
  icon: PeopleIcon,
  recordRepresentation: (record: RaRecord) => String(record.name ?? ''),
};
