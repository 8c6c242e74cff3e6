// `findPassages(text:)`: which sources contain a quote someone pasted, where exactly, and what
// already cites those passages.
import { queryFromInfo } from '@pothos/plugin-prisma';
import { builder, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../schema/builder.ts';
import { type CuratedRow, filterText } from '../schema/common-fields.ts';
import { BadUserInputError } from '../schema/errors.ts';
import { visibleWhere } from '../schema/visibility.ts';
import { normalizeText } from '../shared/text.ts';
import { SourceRef } from '../sources/source.schema.ts';
import {
  CitationRef,
  type CitationVisibilityRow,
  citationVisibilitySelect,
  visibleCitationWhere,
} from './citation.schema.ts';
import { buildDeepLink } from './format.ts';
import { findOccurrences, literalProbe, type PassageOccurrence } from './passage-match.ts';

interface PassageMatch extends PassageOccurrence {
  source: CuratedRow & { url: string | null };
  citations: CitationVisibilityRow[];
}

const PassageMatchRef = builder.objectRef<PassageMatch>('PassageMatch').implement({
  description: 'Where a quote occurs in a source, and the citations that overlap that passage.',
  fields: (t) => ({
    source: t.field({ type: SourceRef, resolve: (match) => match.source }),
    exact: t.exposeString('exact', { description: 'The passage as it is in the source.' }),
    prefix: t.exposeString('prefix'),
    suffix: t.exposeString('suffix'),
    start: t.exposeInt('start', { description: 'Code-point offset in the source body.' }),
    end: t.exposeInt('end', { description: 'Exclusive end offset.' }),
    deepLink: t.string({
      nullable: true,
      description: 'The source URL with a text fragment pointing at the passage.',
      resolve: (match) => buildDeepLink(match.source.url, match),
    }),
    citations: t.field({
      type: [CitationRef],
      description: 'Existing citations whose passage overlaps this one.',
      resolve: (match) => match.citations,
    }),
  }),
});

const MIN_QUOTE_LENGTH = 3;

builder.queryFields((t) => ({
  findPassages: t.field({
    type: [PassageMatchRef],
    description:
      'Sources containing this text, with each occurrence. Typographic quotes, apostrophes and ' +
      'dashes match their plain forms.',
    args: {
      text: t.arg.string({ required: true }),
      first: t.arg.int({
        defaultValue: DEFAULT_PAGE_SIZE,
        description: `At most ${MAX_PAGE_SIZE}.`,
      }),
    },
    resolve: async (_root, args, ctx, info): Promise<PassageMatch[]> => {
      const quote = normalizeText(filterText(args.text, 'text') ?? '');
      const limit = args.first ?? DEFAULT_PAGE_SIZE;
      if (limit < 1 || limit > MAX_PAGE_SIZE) {
        throw new BadUserInputError(`first must be between 1 and ${MAX_PAGE_SIZE}`, 'first');
      }
      const probe = literalProbe(quote);
      if (quote.length < MIN_QUOTE_LENGTH || probe === null) {
        throw new BadUserInputError(
          `text is too short to look up: give at least ${MIN_QUOTE_LENGTH} consecutive letters`,
          'text',
        );
      }
      // `contains` on the literal probe is a LIKE served by the trigram index on bodies; the
      // folded comparison then runs here.
      const candidates = await ctx.prisma.source.findMany({
        where: { ...visibleWhere(ctx), body: { contains: probe } },
        select: { id: true, url: true, body: true },
        orderBy: [{ publishedOn: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
        take: 200,
      });
      const found = candidates.flatMap((source) =>
        findOccurrences(source.body, quote, limit).map((occurrence) => ({ source, occurrence })),
      );
      const page = found.slice(0, limit);
      if (page.length === 0) return [];

      const sourceIds = [...new Set(page.map((match) => match.source.id))];
      const [sources, citations] = await Promise.all([
        ctx.prisma.source.findMany({
          ...queryFromInfo({ context: ctx, info, typeName: 'Source', path: ['source'] }),
          where: { id: { in: sourceIds } },
        }),
        ctx.prisma.citation.findMany({
          ...queryFromInfo({
            context: ctx,
            info,
            typeName: 'Citation',
            path: ['citations'],
            select: {
              ...citationVisibilitySelect,
              sourceId: true,
              start: true,
              end: true,
            },
          }),
          where: {
            ...visibleCitationWhere(ctx),
            sourceId: { in: sourceIds },
            OR: page.map(({ source, occurrence }) => ({
              sourceId: source.id,
              start: { lt: occurrence.end },
              end: { gt: occurrence.start },
            })),
          },
          orderBy: [{ start: 'asc' }, { id: 'asc' }],
        }),
      ]);
      const sourcesById = new Map(sources.map((source) => [source.id, source]));
      return page.flatMap(({ source, occurrence }) => {
        const loaded = sourcesById.get(source.id);
        if (!loaded) return [];
        return [
          {
            ...occurrence,
            source: { ...loaded, url: source.url },
            citations: citations.filter(
              (citation) =>
                citation.sourceId === source.id &&
                citation.start < occurrence.end &&
                citation.end > occurrence.start,
            ),
          },
        ];
      });
    },
  }),
}));
