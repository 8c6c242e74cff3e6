// The Statement type (words someone said or wrote) and the `statements` connection and
// `statement(id:)` lookup.

import { prismaConnectionHelpers } from '@pothos/plugin-prisma';
import type { Prisma } from '../db/generated/prisma/client.ts';
import { periodEndsOnOrAfter } from '../events/date-range.ts';
import { builder } from '../schema/builder.ts';
import { curatedSelect, filterText, partialDateOrNull } from '../schema/common-fields.ts';
import type { Context } from '../schema/context.ts';
import {
  DatePrecisionEnum,
  DateQualifierEnum,
  EditorialStatusEnum,
  SortDirectionEnum,
  StatementChannelEnum,
  StatementKindEnum,
  StatementRankEnum,
} from '../schema/enums.ts';
import { decodeIdOf } from '../schema/global-id.ts';
import { statusFilter, visibleWhere } from '../schema/visibility.ts';
import { endOfPeriodExclusive } from '../shared/partial-date.ts';
import { TopicRef } from '../topics/topic.schema.ts';

export const StatementRef = builder.prismaNode('Statement', {
  description: 'Words someone said or wrote: a direct quote or a paraphrase, cited to sources.',
  id: { field: 'id' },
  nullable: true,
  select: curatedSelect,
  fields: (t) => ({
    text: t.exposeString('text', {
      description: 'For a DIRECT_QUOTE, the exact words, verbatim in one of its citations.',
    }),
    kind: t.expose('kind', { type: StatementKindEnum }),
    speaker: t.relation('speaker', { nullable: true }),
    speakerTitle: t.exposeString('speakerTitle', {
      nullable: true,
      description: "The speaker's title when the statement was made.",
    }),
    channel: t.expose('channel', { type: StatementChannelEnum, nullable: true }),
    saidOn: t.string({
      nullable: true,
      description: 'When it was said, at its precision: "2024", "2024-02" or "2024-02-26".',
      select: { saidOn: true, saidPrecision: true },
      resolve: (statement) => partialDateOrNull(statement.saidOn, statement.saidPrecision),
    }),
    saidOnPrecision: t.expose('saidPrecision', { type: DatePrecisionEnum, nullable: true }),
    dateQualifier: t.expose('dateQualifier', { type: DateQualifierEnum, nullable: true }),
    event: t.relation('event', { nullable: true }),
    topics: t.field({
      type: [TopicRef],
      select: (_args, ctx, nestedSelection) => ({
        topics: {
          where: { topic: visibleWhere(ctx) },
          select: { topic: nestedSelection(true) },
        },
      }),
      resolve: (statement) => statement.topics.map(({ topic }) => topic),
    }),
    rank: t.expose('rank', { type: StatementRankEnum }),
    rankReason: t.exposeString('rankReason', { nullable: true }),
    status: t.expose('status', { type: EditorialStatusEnum }),
    version: t.exposeInt('version'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

export const StatementFilter = builder.inputType('StatementFilter', {
  fields: (t) => ({
    text: t.string({ description: 'Words in the statement (case-insensitive).' }),
    kind: t.field({ type: StatementKindEnum }),
    speaker: t.id({ description: 'Only statements by this actor.' }),
    topic: t.id(),
    event: t.id(),
    source: t.id({ description: 'Only statements citing this source.' }),
    rank: t.field({ type: [StatementRankEnum] }),
    saidFrom: t.field({
      type: 'PartialDate',
      description:
        'Said on or after (a statement dated to a month or a year: its period reaches it).',
    }),
    saidTo: t.field({ type: 'PartialDate', description: 'Said on or before (inclusive).' }),
    status: t.field({ type: [EditorialStatusEnum], description: 'Editors only.' }),
  }),
});

const StatementOrderField = builder.enumType('StatementOrderField', {
  values: ['SAID_ON', 'CREATED_AT', 'UPDATED_AT'] as const,
});

const StatementOrder = builder.inputType('StatementOrder', {
  fields: (t) => ({
    field: t.field({ type: StatementOrderField, required: true }),
    direction: t.field({ type: SortDirectionEnum, defaultValue: 'desc' }),
  }),
});

export function statementWhere(
  ctx: Context,
  filter: typeof StatementFilter.$inferInput | null | undefined,
): Prisma.StatementWhereInput {
  const where: Prisma.StatementWhereInput = { ...visibleWhere(ctx) };
  if (!filter) return where;
  const text = filterText(filter.text, 'filter.text');
  if (text) where.text = { contains: text, mode: 'insensitive' };
  if (filter.kind) where.kind = filter.kind;
  if (filter.speaker) where.speakerId = decodeIdOf(filter.speaker, ['Actor'], 'filter.speaker');
  if (filter.topic) {
    where.topics = { some: { topicId: decodeIdOf(filter.topic, ['Topic'], 'filter.topic') } };
  }
  if (filter.event) where.eventId = decodeIdOf(filter.event, ['Event'], 'filter.event');
  if (filter.source) {
    const sourceId = decodeIdOf(filter.source, ['Source'], 'filter.source');
    where.citations = { some: { sourceId, ...visibleWhere(ctx) } };
  }
  if (filter.rank?.length) where.rank = { in: filter.rank };
  // Dates are periods: a statement "said in February 2024" was said on or after 2024-02-15 as far
  // as anyone knows, so it matches saidFrom: 2024-02-15 (and saidTo: 2024-02-01).
  if (filter.saidTo) where.saidOn = { lt: endOfPeriodExclusive(filter.saidTo) };
  if (filter.saidFrom) {
    where.OR = periodEndsOnOrAfter<Prisma.StatementWhereInput>(
      filter.saidFrom.date,
      'saidOn',
      'saidPrecision',
    );
  }
  if (filter.status?.length) where.status = statusFilter(ctx, filter.status, 'filter.status');
  return where;
}

const STATEMENT_ORDER_COLUMNS = {
  SAID_ON: 'saidOn',
  CREATED_AT: 'createdAt',
  UPDATED_AT: 'updatedAt',
} as const;

export function statementOrderBy(
  orderBy: typeof StatementOrder.$inferInput | null | undefined,
): Prisma.StatementOrderByWithRelationInput[] {
  const column = STATEMENT_ORDER_COLUMNS[orderBy?.field ?? 'SAID_ON'];
  const direction = orderBy?.direction ?? 'desc';
  // Undated statements sort last whichever the direction; only saidOn can be null.
  return [
    column === 'saidOn' ? { saidOn: { sort: direction, nulls: 'last' } } : { [column]: direction },
    { id: direction },
  ];
}

builder.queryFields((t) => ({
  statements: t.prismaConnection({
    type: 'Statement',
    cursor: 'id',
    description: 'Statements, most recent first unless orderBy says otherwise.',
    args: { filter: t.arg({ type: StatementFilter }), orderBy: t.arg({ type: StatementOrder }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.statement.findMany({
        ...query,
        where: statementWhere(ctx, args.filter),
        orderBy: statementOrderBy(args.orderBy),
      }),
    totalCount: (_connection, args, ctx) =>
      ctx.prisma.statement.count({ where: statementWhere(ctx, args.filter) }),
  }),
  statement: t.prismaField({
    type: 'Statement',
    nullable: true,
    description: 'A statement by id; null when it does not exist or is not visible to you.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.statement.findFirst({
        ...query,
        where: { id: decodeIdOf(args.id, ['Statement'], 'id'), ...visibleWhere(ctx) },
      }),
  }),
}));

builder.prismaObjectFields('Actor', (t) => ({
  statements: t.relatedConnection('statements', {
    cursor: 'id',
    description: "The actor's statements, most recent first.",
    totalCount: true,
    query: (_args, ctx) => ({
      where: visibleWhere(ctx),
      orderBy: [{ saidOn: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }],
    }),
  }),
}));

builder.prismaObjectFields('Event', (t) => ({
  statements: t.relation('statements', {
    description: 'Statements made at or about this event.',
    query: (_args, ctx) => ({
      where: visibleWhere(ctx),
      orderBy: [{ saidOn: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
    }),
  }),
}));

const topicStatements = prismaConnectionHelpers(builder, 'StatementTopic', {
  cursor: 'statementId_topicId',
  query: (_args, ctx) => ({
    where: { statement: visibleWhere(ctx) },
    orderBy: { statement: { saidOn: { sort: 'desc' as const, nulls: 'last' as const } } },
  }),
  select: (nodeSelection) => ({ statement: nodeSelection({ select: curatedSelect }) }),
  resolveNode: (link) => link.statement,
});

builder.prismaObjectField('Topic', 'statements', (t) =>
  t.connection({
    type: StatementRef,
    description: 'Statements on this topic, most recent first.',
    select: (args, ctx, nestedSelection) => ({
      statements: topicStatements.getQuery(args, ctx, nestedSelection),
    }),
    resolve: (topic, args, ctx) => topicStatements.resolve(topic.statements, args, ctx),
  }),
);
