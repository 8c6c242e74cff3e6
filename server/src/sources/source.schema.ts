// The Source type (a work that reports events and statements) and its queries: the `sources`
// connection, `source(id:)` and `sourceByUrl(url:)`.
import type { Prisma } from '../db/generated/prisma/client.ts';
import { builder } from '../schema/builder.ts';
import { curatedSelect, filterText, partialDateOrNull } from '../schema/common-fields.ts';
import type { Context } from '../schema/context.ts';
import {
  DatePrecisionEnum,
  DateQualifierEnum,
  EditorialStatusEnum,
  SortDirectionEnum,
  SourceKindEnum,
} from '../schema/enums.ts';
import { BadUserInputError } from '../schema/errors.ts';
import { decodeIdOf } from '../schema/global-id.ts';
import { statusFilter, visibleWhere } from '../schema/visibility.ts';
import { endOfPeriodExclusive } from '../shared/partial-date.ts';
import { InvalidUrlError, normalizeUrl } from './url.ts';

export const SourceRef = builder.prismaNode('Source', {
  description: 'A work that reports events or statements: an article, a press release, a post...',
  id: { field: 'id' },
  nullable: true,
  select: curatedSelect,
  fields: (t) => ({
    kind: t.expose('kind', { type: SourceKindEnum }),
    title: t.exposeString('title', {
      description: 'The published title, or one an editor wrote (see titleSuppliedByEditor).',
    }),
    titleSuppliedByEditor: t.exposeBoolean('titleSuppliedByEditor'),
    outlet: t.exposeString('outlet', { nullable: true }),
    authors: t.exposeStringList('authors'),
    language: t.exposeString('language', { description: 'BCP 47 language tag.' }),
    publishedOn: t.string({
      nullable: true,
      description: 'Publication date at its precision: "2025", "2025-02" or "2025-02-25".',
      select: { publishedOn: true, publishedPrecision: true },
      resolve: (source) => partialDateOrNull(source.publishedOn, source.publishedPrecision),
    }),
    publishedOnPrecision: t.expose('publishedPrecision', {
      type: DatePrecisionEnum,
      nullable: true,
    }),
    publishedOnQualifier: t.expose('publishedQualifier', {
      type: DateQualifierEnum,
      nullable: true,
      description: 'INFERRED when the source does not state the date (for example the year).',
    }),
    url: t.exposeString('url', { nullable: true }),
    urlAliases: t.stringList({
      description: 'Every URL the source is known by.',
      select: { urls: { select: { url: true }, orderBy: { createdAt: 'asc' } } },
      resolve: (source) => source.urls.map((alias) => alias.url),
    }),
    retrievedOn: t.string({
      nullable: true,
      select: { retrievedOn: true },
      resolve: (source) => partialDateOrNull(source.retrievedOn, 'DAY'),
    }),
    archiveUrl: t.exposeString('archiveUrl', { nullable: true }),
    body: t.exposeString('body', {
      description:
        'The full text in Unicode NFC with \\n line endings; citation offsets count its code points.',
    }),
    contentHash: t.exposeString('contentHash', { description: 'SHA-256 (hex) of the body.' }),
    status: t.expose('status', { type: EditorialStatusEnum }),
    version: t.exposeInt('version', {
      description: 'Send it back when editing (optimistic concurrency).',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

export const SourceOrderField = builder.enumType('SourceOrderField', {
  values: ['PUBLISHED_ON', 'TITLE', 'CREATED_AT', 'UPDATED_AT'] as const,
});

export const SourceOrder = builder.inputType('SourceOrder', {
  fields: (t) => ({
    field: t.field({ type: SourceOrderField, required: true }),
    direction: t.field({ type: SortDirectionEnum, defaultValue: 'desc' }),
  }),
});

export const SourceFilter = builder.inputType('SourceFilter', {
  fields: (t) => ({
    text: t.string({ description: 'Words in the title, outlet or body (case-insensitive).' }),
    kind: t.field({ type: [SourceKindEnum] }),
    outlet: t.string(),
    publishedFrom: t.field({ type: 'PartialDate', description: 'Published on or after.' }),
    publishedTo: t.field({
      type: 'PartialDate',
      description: 'Published on or before (inclusive).',
    }),
    status: t.field({ type: [EditorialStatusEnum], description: 'Editors only.' }),
  }),
});

type SourceFilterValue = typeof SourceFilter.$inferInput;

function sourceWhere(
  ctx: Context,
  filter: SourceFilterValue | null | undefined,
): Prisma.SourceWhereInput {
  const where: Prisma.SourceWhereInput = { ...visibleWhere(ctx) };
  if (!filter) return where;
  const text = filterText(filter.text, 'filter.text');
  if (text) {
    where.OR = [
      { title: { contains: text, mode: 'insensitive' } },
      { outlet: { contains: text, mode: 'insensitive' } },
      { body: { contains: text, mode: 'insensitive' } },
    ];
  }
  if (filter.kind?.length) where.kind = { in: filter.kind };
  const outlet = filterText(filter.outlet, 'filter.outlet');
  if (outlet) where.outlet = { equals: outlet, mode: 'insensitive' };
  if (filter.publishedFrom || filter.publishedTo) {
    where.publishedOn = {
      ...(filter.publishedFrom ? { gte: filter.publishedFrom.date } : {}),
      ...(filter.publishedTo ? { lt: endOfPeriodExclusive(filter.publishedTo) } : {}),
    };
  }
  if (filter.status?.length) where.status = statusFilter(ctx, filter.status, 'filter.status');
  return where;
}

const SOURCE_ORDER_COLUMNS = {
  PUBLISHED_ON: 'publishedOn',
  TITLE: 'title',
  CREATED_AT: 'createdAt',
  UPDATED_AT: 'updatedAt',
} as const;

builder.queryFields((t) => ({
  sources: t.prismaConnection(
    {
      type: 'Source',
      cursor: 'id',
      description: 'Sources, newest publication first unless orderBy says otherwise.',
      args: {
        filter: t.arg({ type: SourceFilter }),
        orderBy: t.arg({ type: SourceOrder }),
      },
      resolve: (query, _root, args, ctx) => {
        const column = SOURCE_ORDER_COLUMNS[args.orderBy?.field ?? 'PUBLISHED_ON'];
        const direction = args.orderBy?.direction ?? 'desc';
        return ctx.prisma.source.findMany({
          ...query,
          where: sourceWhere(ctx, args.filter),
          // Undated sources sort last whichever the direction; nulls only exist in publishedOn.
          orderBy: [
            column === 'publishedOn'
              ? { publishedOn: { sort: direction, nulls: 'last' } }
              : { [column]: direction },
            { id: direction },
          ],
        });
      },
      totalCount: (_connection, args, ctx) =>
        ctx.prisma.source.count({ where: sourceWhere(ctx, args.filter) }),
    },
    { description: 'A page of sources.' },
  ),
  source: t.prismaField({
    type: 'Source',
    nullable: true,
    description: 'A source by id; null when it does not exist or is not visible to you.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.source.findFirst({
        ...query,
        where: { id: decodeIdOf(args.id, ['Source'], 'id'), ...visibleWhere(ctx) },
      }),
  }),
  sourceByUrl: t.prismaField({
    type: 'Source',
    nullable: true,
    description:
      'The source known by this URL. Scheme, "www.", a trailing slash, the fragment and tracking ' +
      'parameters do not matter.',
    args: { url: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      let normalizedUrl: string;
      try {
        normalizedUrl = normalizeUrl(args.url);
      } catch (error) {
        if (error instanceof InvalidUrlError) throw new BadUserInputError(error.message, 'url');
        throw error;
      }
      return ctx.prisma.source.findFirst({
        ...query,
        where: { urls: { some: { normalizedUrl } }, ...visibleWhere(ctx) },
      });
    },
  }),
}));
