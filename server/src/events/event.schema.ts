// The Event type (something that happened: a meeting, a visit, an exercise...), its participants,
// and the `events` connection and `event(id:)` lookup.

import { prismaConnectionHelpers } from '@pothos/plugin-prisma';
import type { Prisma } from '../db/generated/prisma/client.ts';
import { builder } from '../schema/builder.ts';
import { curatedSelect, filterText, partialDateOrNull } from '../schema/common-fields.ts';
import type { Context } from '../schema/context.ts';
import {
  DatePrecisionEnum,
  DateQualifierEnum,
  EditorialStatusEnum,
  EventKindEnum,
  ParticipantRoleEnum,
  SortDirectionEnum,
} from '../schema/enums.ts';
import { decodeIdOf } from '../schema/global-id.ts';
import { statusFilter, visibleWhere } from '../schema/visibility.ts';
import { TopicRef } from '../topics/topic.schema.ts';
import { dateRangeWhere } from './date-range.ts';

export const EventRef = builder.prismaNode('Event', {
  description: 'Something that happened: a meeting, a visit, an exercise, an announcement...',
  id: { field: 'id' },
  nullable: true,
  select: curatedSelect,
  fields: (t) => ({
    kind: t.expose('kind', { type: EventKindEnum }),
    title: t.exposeString('title'),
    summary: t.exposeString('summary', { nullable: true, description: 'A neutral summary.' }),
    startDate: t.string({
      nullable: true,
      description:
        'When it started, at its precision: "2024", "2024-02" or "2024-02-26". Null when the ' +
        'sources do not date it (a day and month without a year stays undated).',
      select: { startOn: true, startPrecision: true },
      resolve: (event) => partialDateOrNull(event.startOn, event.startPrecision),
    }),
    endDate: t.string({
      nullable: true,
      description: 'When it ended, for events over several days.',
      select: { endOn: true, endPrecision: true },
      resolve: (event) => partialDateOrNull(event.endOn, event.endPrecision),
    }),
    datePrecision: t.expose('startPrecision', { type: DatePrecisionEnum, nullable: true }),
    endDatePrecision: t.expose('endPrecision', { type: DatePrecisionEnum, nullable: true }),
    dateQualifier: t.field({
      type: DateQualifierEnum,
      nullable: true,
      description:
        'INFERRED when an editor inferred part of the date (such as the year); null when undated.',
      select: { dateQualifier: true, startOn: true },
      resolve: (event) => (event.startOn ? event.dateQualifier : null),
    }),
    place: t.exposeString('place', { nullable: true }),
    parent: t.relation('parent', {
      nullable: true,
      description: 'The event this one is part of (a visit contains meetings).',
    }),
    children: t.relation('children', {
      description: 'Events that are part of this one, in date order.',
      query: (_args, ctx) => ({
        where: visibleWhere(ctx),
        orderBy: [{ startOn: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
      }),
    }),
    participants: t.relation('participants', {
      description: 'Who took part, and in what role.',
      query: (_args, ctx) => ({
        where: { actor: visibleWhere(ctx) },
        orderBy: [{ role: 'asc' }, { actorId: 'asc' }],
      }),
    }),
    topics: t.field({
      type: [TopicRef],
      select: (_args, ctx, nestedSelection) => ({
        topics: {
          where: { topic: visibleWhere(ctx) },
          select: { topic: nestedSelection(true) },
        },
      }),
      resolve: (event) => event.topics.map(({ topic }) => topic),
    }),
    status: t.expose('status', { type: EditorialStatusEnum }),
    version: t.exposeInt('version'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.prismaObject('EventParticipant', {
  description: 'An actor taking part in an event.',
  select: { eventId: true, actorId: true },
  fields: (t) => ({
    role: t.expose('role', { type: ParticipantRoleEnum }),
    actor: t.relation('actor', { nullable: true }),
  }),
});

export const EventFilter = builder.inputType('EventFilter', {
  fields: (t) => ({
    text: t.string({ description: 'Words in the title or summary (case-insensitive).' }),
    kind: t.field({ type: [EventKindEnum] }),
    actor: t.id({ description: 'Only events this actor took part in.' }),
    topic: t.id(),
    source: t.id({ description: 'Only events citing this source.' }),
    parent: t.id({ description: 'Only the events that are part of this one.' }),
    from: t.field({ type: 'PartialDate', description: 'Events overlapping this date or later.' }),
    to: t.field({ type: 'PartialDate', description: 'Events starting on or before this date.' }),
    status: t.field({ type: [EditorialStatusEnum], description: 'Editors only.' }),
  }),
});

const EventOrderField = builder.enumType('EventOrderField', {
  values: ['START_DATE', 'TITLE', 'CREATED_AT', 'UPDATED_AT'] as const,
});

const EventOrder = builder.inputType('EventOrder', {
  fields: (t) => ({
    field: t.field({ type: EventOrderField, required: true }),
    direction: t.field({ type: SortDirectionEnum, defaultValue: 'desc' }),
  }),
});

export function eventWhere(
  ctx: Context,
  filter: typeof EventFilter.$inferInput | null | undefined,
): Prisma.EventWhereInput {
  const where: Prisma.EventWhereInput = { ...visibleWhere(ctx) };
  if (!filter) return where;
  const and: Prisma.EventWhereInput[] = [];
  const text = filterText(filter.text, 'filter.text');
  if (text) {
    and.push({
      OR: [
        { title: { contains: text, mode: 'insensitive' } },
        { summary: { contains: text, mode: 'insensitive' } },
      ],
    });
  }
  if (filter.kind?.length) where.kind = { in: filter.kind };
  if (filter.actor) {
    where.participants = { some: { actorId: decodeIdOf(filter.actor, ['Actor'], 'filter.actor') } };
  }
  if (filter.topic) {
    where.topics = { some: { topicId: decodeIdOf(filter.topic, ['Topic'], 'filter.topic') } };
  }
  if (filter.source) {
    const sourceId = decodeIdOf(filter.source, ['Source'], 'filter.source');
    where.citations = { some: { sourceId, ...visibleWhere(ctx) } };
  }
  if (filter.parent) where.parentId = decodeIdOf(filter.parent, ['Event'], 'filter.parent');
  const range = dateRangeWhere(filter.from, filter.to);
  if (range) and.push(range);
  if (filter.status?.length) where.status = statusFilter(ctx, filter.status, 'filter.status');
  if (and.length) where.AND = and;
  return where;
}

const EVENT_ORDER_COLUMNS = {
  START_DATE: 'startOn',
  TITLE: 'title',
  CREATED_AT: 'createdAt',
  UPDATED_AT: 'updatedAt',
} as const;

builder.queryFields((t) => ({
  events: t.prismaConnection({
    type: 'Event',
    cursor: 'id',
    description: 'Events, most recent first unless orderBy says otherwise.',
    args: { filter: t.arg({ type: EventFilter }), orderBy: t.arg({ type: EventOrder }) },
    resolve: (query, _root, args, ctx) => {
      const column = EVENT_ORDER_COLUMNS[args.orderBy?.field ?? 'START_DATE'];
      const direction = args.orderBy?.direction ?? 'desc';
      return ctx.prisma.event.findMany({
        ...query,
        where: eventWhere(ctx, args.filter),
        // Undated events sort last whichever the direction.
        orderBy: [
          column === 'startOn'
            ? { startOn: { sort: direction, nulls: 'last' } }
            : { [column]: direction },
          { id: direction },
        ],
      });
    },
    totalCount: (_connection, args, ctx) =>
      ctx.prisma.event.count({ where: eventWhere(ctx, args.filter) }),
  }),
  event: t.prismaField({
    type: 'Event',
    nullable: true,
    description: 'An event by id; null when it does not exist or is not visible to you.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.event.findFirst({
        ...query,
        where: { id: decodeIdOf(args.id, ['Event'], 'id'), ...visibleWhere(ctx) },
      }),
  }),
}));

const topicEvents = prismaConnectionHelpers(builder, 'EventTopic', {
  cursor: 'eventId_topicId',
  query: (_args, ctx) => ({
    where: { event: visibleWhere(ctx) },
    orderBy: { event: { startOn: { sort: 'desc' as const, nulls: 'last' as const } } },
  }),
  select: (nodeSelection) => ({ event: nodeSelection({ select: curatedSelect }) }),
  resolveNode: (link) => link.event,
});

builder.prismaObjectField('Topic', 'events', (t) =>
  t.connection({
    type: EventRef,
    description: 'Events on this topic, most recent first.',
    select: (args, ctx, nestedSelection) => ({
      events: topicEvents.getQuery(args, ctx, nestedSelection),
    }),
    resolve: (topic, args, ctx) => topicEvents.resolve(topic.events, args, ctx),
  }),
);
