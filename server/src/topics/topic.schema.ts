// The Topic type (a term of the curated vocabulary) and the `topics` connection.
import type { Prisma } from '../db/generated/prisma/client.ts';
import { builder } from '../schema/builder.ts';
import { curatedSelect, filterText } from '../schema/common-fields.ts';
import type { Context } from '../schema/context.ts';
import { EditorialStatusEnum } from '../schema/enums.ts';
import { BadUserInputError } from '../schema/errors.ts';
import { decodeIdOf } from '../schema/global-id.ts';
import { statusFilter, visibleWhere } from '../schema/visibility.ts';

export const TopicRef = builder.prismaNode('Topic', {
  description: 'A term of the curated topic vocabulary.',
  id: { field: 'id' },
  nullable: true,
  select: curatedSelect,
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable, URL-safe key such as "demining".' }),
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    status: t.expose('status', { type: EditorialStatusEnum }),
    version: t.exposeInt('version'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const TopicFilter = builder.inputType('TopicFilter', {
  fields: (t) => ({
    text: t.string({ description: 'Part of the name or slug (case-insensitive).' }),
    status: t.field({ type: [EditorialStatusEnum], description: 'Editors only.' }),
  }),
});

function topicWhere(
  ctx: Context,
  filter: typeof TopicFilter.$inferInput | null | undefined,
): Prisma.TopicWhereInput {
  const where: Prisma.TopicWhereInput = { ...visibleWhere(ctx) };
  const text = filterText(filter?.text, 'filter.text');
  if (text) {
    where.OR = [
      { name: { contains: text, mode: 'insensitive' } },
      { slug: { contains: text.toLowerCase() } },
    ];
  }
  if (filter?.status?.length) where.status = statusFilter(ctx, filter.status, 'filter.status');
  return where;
}

builder.queryFields((t) => ({
  topics: t.prismaConnection({
    type: 'Topic',
    cursor: 'id',
    description: 'The topic vocabulary, by name.',
    args: { filter: t.arg({ type: TopicFilter }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.topic.findMany({
        ...query,
        where: topicWhere(ctx, args.filter),
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      }),
    totalCount: (_connection, args, ctx) =>
      ctx.prisma.topic.count({ where: topicWhere(ctx, args.filter) }),
  }),
  topic: t.prismaField({
    type: 'Topic',
    nullable: true,
    description: 'A topic by id or by slug.',
    args: { id: t.arg.id(), slug: t.arg.string() },
    resolve: (query, _root, args, ctx) => {
      if (!args.id === !args.slug) {
        throw new BadUserInputError(
          'Give either id or slug to look up a topic',
          args.id ? 'slug' : 'id',
        );
      }
      const where: Prisma.TopicWhereInput = args.id
        ? { id: decodeIdOf(args.id, ['Topic'], 'id') }
        : { slug: filterText(args.slug, 'slug') };
      return ctx.prisma.topic.findFirst({ ...query, where: { ...where, ...visibleWhere(ctx) } });
    },
  }),
}));
