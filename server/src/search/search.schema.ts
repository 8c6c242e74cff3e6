// `search(query:)`: ranked full-text search over sources, statements, events and actors, with
// highlighted snippets. One SQL statement ranks and pages; one query per matched type loads the
// records with everything the client selected beneath them.
import { queryFromInfo, type WithBrand } from '@pothos/plugin-prisma';
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import type { GraphQLResolveInfo } from 'graphql';
import { ActorRef } from '../actors/actor.schema.ts';
import { EventRef } from '../events/event.schema.ts';
import { builder } from '../schema/builder.ts';
import { type CuratedRow, filterText } from '../schema/common-fields.ts';
import { type Context, canReadDrafts } from '../schema/context.ts';
import { SourceRef } from '../sources/source.schema.ts';
import { StatementRef } from '../statements/statement.schema.ts';
import {
  SEARCHABLE_TYPES,
  type SearchableType,
  type SearchRow,
  searchRecords,
} from './search.sql.ts';
import { parseHeadline, type Snippet } from './snippet.ts';

const REFS = {
  Source: SourceRef,
  Statement: StatementRef,
  Event: EventRef,
  Actor: ActorRef,
} as const;

const SearchResult = builder.unionType('SearchResult', {
  description: 'A record found by search.',
  types: [SourceRef, StatementRef, EventRef, ActorRef],
});

const SearchTypeEnum = builder.enumType('SearchType', {
  values: SEARCHABLE_TYPES.map((type) => type.toUpperCase()) as [
    'SOURCE',
    'STATEMENT',
    'EVENT',
    'ACTOR',
  ],
});

const Highlight = builder.objectRef<{ start: number; end: number }>('Highlight').implement({
  description: 'A range of a snippet that matched, in code points, end exclusive.',
  fields: (t) => ({ start: t.exposeInt('start'), end: t.exposeInt('end') }),
});

const SnippetRef = builder.objectRef<Snippet>('Snippet').implement({
  description: 'An extract of the matched text. Render highlights yourself; the text is not HTML.',
  fields: (t) => ({
    text: t.exposeString('text'),
    highlights: t.field({ type: [Highlight], resolve: (snippet) => snippet.highlights }),
  }),
});

interface Hit {
  score: number;
  snippet: Snippet;
  record: WithBrand<CuratedRow>;
}

const SearchHit = builder.objectRef<Hit>('SearchHit').implement({
  description: 'One search result, with its relevance score and a highlighted snippet.',
  fields: (t) => ({
    score: t.exposeFloat('score', { description: 'Relevance; higher is better.' }),
    snippet: t.field({ type: SnippetRef, resolve: (hit) => hit.snippet }),
    record: t.field({ type: SearchResult, resolve: (hit) => hit.record }),
  }),
});

/** Loads the matched records of one type, planning the selection made beneath `record`. */
async function loadRecords(
  ctx: Context,
  info: GraphQLResolveInfo,
  type: SearchableType,
  ids: string[],
): Promise<Map<string, WithBrand<CuratedRow>>> {
  if (ids.length === 0) return new Map();
  const query = queryFromInfo({
    context: ctx,
    info,
    typeName: type,
    path: ['edges', 'node', 'record'],
  });
  const where = { where: { id: { in: ids } } };
  const rows: CuratedRow[] =
    type === 'Source'
      ? await ctx.prisma.source.findMany({ ...query, ...where })
      : type === 'Statement'
        ? await ctx.prisma.statement.findMany({ ...query, ...where })
        : type === 'Event'
          ? await ctx.prisma.event.findMany({ ...query, ...where })
          : await ctx.prisma.actor.findMany({ ...query, ...where });
  return new Map(rows.map((row) => [row.id, REFS[type].addBrand(row)]));
}

async function toHits(ctx: Context, info: GraphQLResolveInfo, rows: SearchRow[]): Promise<Hit[]> {
  const loaded = await Promise.all(
    SEARCHABLE_TYPES.map((type) =>
      loadRecords(
        ctx,
        info,
        type,
        rows.filter((row) => row.type === type).map((row) => row.id),
      ),
    ),
  );
  const byType = new Map(SEARCHABLE_TYPES.map((type, index) => [type, loaded[index]]));
  return rows.flatMap((row) => {
    const record = byType.get(row.type)?.get(row.id);
    return record ? [{ score: row.score, snippet: parseHeadline(row.headline ?? ''), record }] : [];
  });
}

builder.queryFields((t) => ({
  search: t.connection(
    {
      type: SearchHit,
      description:
        'Ranked full-text search over sources, statements, events and actors. The query takes ' +
        'web-search syntax: words, "quoted phrases", OR, and -excluded words.',
      args: {
        query: t.arg.string({ required: true }),
        types: t.arg({ type: [SearchTypeEnum], description: 'Only these kinds of record.' }),
      },
      resolve: async (_root, args, ctx, info) => {
        const text = filterText(args.query, 'query') ?? '';
        const types = args.types?.length
          ? SEARCHABLE_TYPES.filter((type) => args.types?.includes(type.toUpperCase() as never))
          : SEARCHABLE_TYPES;
        let total = 0;
        const connection = await resolveOffsetConnection({ args }, async ({ limit, offset }) => {
          const rows = await searchRecords(
            ctx.prisma,
            { query: text, types, includeDrafts: canReadDrafts(ctx) },
            // Every row read: which of them the connection shows is Pothos's to decide.
            { limit, offset, headlines: limit },
          );
          total = rows[0]?.total ?? 0;
          return toHits(ctx, info, rows);
        });
        return { ...connection, totalCount: total };
      },
    },
    {
      name: 'SearchConnection',
      fields: (c) => ({
        totalCount: c.int({
          description: 'How many records matched (0 when paging past the end).',
          resolve: (connection) => (connection as { totalCount?: number }).totalCount ?? 0,
        }),
      }),
    },
  ),
}));
