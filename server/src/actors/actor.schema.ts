// The Actor type (a person or an organisation), its positions over time, and the `actors`
// connection and `actor(id:)` lookup.
import type { Prisma } from '../db/generated/prisma/client.ts';
import { builder } from '../schema/builder.ts';
import { curatedSelect, filterText, partialDateOrNull } from '../schema/common-fields.ts';
import type { Context } from '../schema/context.ts';
import { ActorKindEnum, EditorialStatusEnum, SortDirectionEnum } from '../schema/enums.ts';
import { decodeIdOf } from '../schema/global-id.ts';
import { statusFilter, visibleWhere } from '../schema/visibility.ts';

export const ActorRef = builder.prismaNode('Actor', {
  description: 'A person or an organisation.',
  id: { field: 'id' },
  nullable: true,
  select: curatedSelect,
  fields: (t) => ({
    kind: t.expose('kind', { type: ActorKindEnum }),
    name: t.exposeString('name'),
    aliases: t.exposeStringList('aliases', { description: 'Other names and spellings.' }),
    description: t.exposeString('description', { nullable: true }),
    country: t.exposeString('country', { nullable: true, description: 'ISO 3166-1 alpha-2 code.' }),
    wikidataId: t.exposeString('wikidataId', { nullable: true }),
    positions: t.relation('positions', {
      description: 'Titles and affiliations held over time, earliest first.',
      query: { orderBy: [{ startOn: { sort: 'asc', nulls: 'first' } }, { id: 'asc' }] },
    }),
    status: t.expose('status', { type: EditorialStatusEnum }),
    version: t.exposeInt('version'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.prismaObject('ActorPosition', {
  description: 'A title or affiliation an actor held ("Minister of National Defence").',
  select: { id: true },
  fields: (t) => ({
    title: t.exposeString('title'),
    organization: t.relation('organization', { nullable: true }),
    startDate: t.string({
      nullable: true,
      select: { startOn: true, startPrecision: true },
      resolve: (position) => partialDateOrNull(position.startOn, position.startPrecision),
    }),
    endDate: t.string({
      nullable: true,
      select: { endOn: true, endPrecision: true },
      resolve: (position) => partialDateOrNull(position.endOn, position.endPrecision),
    }),
  }),
});

export const ActorFilter = builder.inputType('ActorFilter', {
  fields: (t) => ({
    text: t.string({ description: 'Part of the name or an alias (case-insensitive).' }),
    kind: t.field({ type: ActorKindEnum }),
    country: t.string(),
    status: t.field({ type: [EditorialStatusEnum], description: 'Editors only.' }),
  }),
});

const ActorOrderField = builder.enumType('ActorOrderField', {
  values: ['NAME', 'CREATED_AT', 'UPDATED_AT'] as const,
});

const ActorOrder = builder.inputType('ActorOrder', {
  fields: (t) => ({
    field: t.field({ type: ActorOrderField, required: true }),
    direction: t.field({ type: SortDirectionEnum, defaultValue: 'asc' }),
  }),
});

function actorWhere(
  ctx: Context,
  filter: typeof ActorFilter.$inferInput | null | undefined,
): Prisma.ActorWhereInput {
  const where: Prisma.ActorWhereInput = { ...visibleWhere(ctx) };
  if (!filter) return where;
  const text = filterText(filter.text, 'filter.text');
  if (text) {
    where.OR = [{ name: { contains: text, mode: 'insensitive' } }, { aliases: { has: text } }];
  }
  if (filter.kind) where.kind = filter.kind;
  const country = filterText(filter.country, 'filter.country');
  if (country) where.country = country.toUpperCase();
  if (filter.status?.length) where.status = statusFilter(ctx, filter.status, 'filter.status');
  return where;
}

const ACTOR_ORDER_COLUMNS = {
  NAME: 'name',
  CREATED_AT: 'createdAt',
  UPDATED_AT: 'updatedAt',
} as const;

builder.queryFields((t) => ({
  actors: t.prismaConnection({
    type: 'Actor',
    cursor: 'id',
    description: 'People and organisations, by name unless orderBy says otherwise.',
    args: { filter: t.arg({ type: ActorFilter }), orderBy: t.arg({ type: ActorOrder }) },
    resolve: (query, _root, args, ctx) => {
      const column = ACTOR_ORDER_COLUMNS[args.orderBy?.field ?? 'NAME'];
      const direction = args.orderBy?.direction ?? 'asc';
      return ctx.prisma.actor.findMany({
        ...query,
        where: actorWhere(ctx, args.filter),
        orderBy: [{ [column]: direction }, { id: direction }],
      });
    },
    totalCount: (_connection, args, ctx) =>
      ctx.prisma.actor.count({ where: actorWhere(ctx, args.filter) }),
  }),
  actor: t.prismaField({
    type: 'Actor',
    nullable: true,
    description: 'An actor by id; null when it does not exist or is not visible to you.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.actor.findFirst({
        ...query,
        where: { id: decodeIdOf(args.id, ['Actor'], 'id'), ...visibleWhere(ctx) },
      }),
  }),
}));
