// Events in the API: participants with roles, topics and a parent are embedded records; the
// form edits their ids (participants[].actorId, topicIds, parentId).

import { idOf, idsOf, orNull } from '../common/values.ts';
import type { ResourceApi } from '../dataProvider/resource-api.ts';

const FIELDS =
  'id version status kind title summary place startDate endDate datePrecision endDatePrecision dateQualifier parent { id title } participants { role actor { id name } } topics { id name } createdAt updatedAt';

interface ParticipantValue {
  actorId?: string | null;
  role?: string;
}

export const eventApi: ResourceApi = {
  typename: 'Event',
  fields: FIELDS,
  list: {
    field: 'events',
    filterType: 'EventFilter',
    orderType: 'EventOrder',
    sortFields: {
      title: 'TITLE',
      startDate: 'START_DATE',
      createdAt: 'CREATED_AT',
      updatedAt: 'UPDATED_AT',
    },
    listFilters: ['kind', 'status'],
  },
  toRecord: (node) => ({
    ...node,
    parentId: idOf(node.parent),
    topicIds: idsOf(node.topics),
    participants: (node.participants as { role: string; actor: { id: string } | null }[]).map(
      (participant) => ({ ...participant, actorId: participant.actor?.id ?? null }),
    ),
  }),
  toInput: (data) => ({
    kind: data.kind,
    title: data.title,
    summary: orNull(data.summary),
    place: orNull(data.place),
    startDate: orNull(data.startDate),
    endDate: orNull(data.endDate),
    dateQualifier: orNull(data.dateQualifier),
    parent: orNull(data.parentId),
    topics: data.topicIds ?? [],
    participants: ((data.participants ?? []) as ParticipantValue[]).map((participant) => ({
      actor: participant.actorId,
      role: participant.role,
    })),
  }),
  fieldMap: { parent: 'parentId', topics: 'topicIds', actor: 'actorId' },
};
