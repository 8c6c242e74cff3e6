// Statements in the API: speaker, event and topics are embedded records; the form edits their
// ids (speakerId, eventId, topicIds).

import { idOf, idsOf, orNull } from '../common/values.ts';
import type { ResourceApi } from '../dataProvider/resource-api.ts';

const FIELDS =
  'id version status kind text speakerTitle channel saidOn saidOnPrecision dateQualifier rank rankReason speaker { id name } event { id title } topics { id name } createdAt updatedAt';

export const statementApi: ResourceApi = {
  typename: 'Statement',
  fields: FIELDS,
  list: {
    field: 'statements',
    filterType: 'StatementFilter',
    orderType: 'StatementOrder',
    sortFields: { saidOn: 'SAID_ON', createdAt: 'CREATED_AT', updatedAt: 'UPDATED_AT' },
    listFilters: ['rank', 'status'],
  },
  toRecord: (node) => ({
    ...node,
    speakerId: idOf(node.speaker),
    eventId: idOf(node.event),
    topicIds: idsOf(node.topics),
  }),
  toInput: (data) => ({
    kind: data.kind,
    text: data.text,
    speaker: orNull(data.speakerId),
    speakerTitle: orNull(data.speakerTitle),
    channel: orNull(data.channel),
    saidOn: orNull(data.saidOn),
    dateQualifier: orNull(data.dateQualifier),
    event: orNull(data.eventId),
    topics: data.topicIds ?? [],
    rank: data.rank,
    rankReason: orNull(data.rankReason),
    // On create only: the passage cited at once (a direct quote must be in it word for word).
    ...(data.citeSourceId && {
      citations: [
        { source: data.citeSourceId, exact: data.citeExact || data.text, role: 'SUPPORTS' },
      ],
    }),
  }),
  fieldMap: {
    speaker: 'speakerId',
    event: 'eventId',
    topics: 'topicIds',
    // input.citations.0.exact → citeExact (the create form cites one passage).
    citations: '',
    '0': '',
    exact: 'citeExact',
    source: 'citeSourceId',
  },
};
