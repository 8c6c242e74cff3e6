// `suggestStatements(sourceId:)`: the quotations found in a source and their likely speakers, as
// statement drafts an editor can accept (createStatement with the passage) or dismiss.

import { ActorRef } from '../actors/actor.schema.ts';
import { requireRole } from '../auth/roles.ts';
import { builder } from '../schema/builder.ts';
import { decodeIdOf } from '../schema/global-id.ts';
import { visibleWhere } from '../schema/visibility.ts';
import { CodePointIndex } from '../shared/text.ts';
import { findQuotations, type SuggestedQuote } from './find-quotations.ts';

interface Suggestion extends SuggestedQuote {
  prefix: string;
  suffix: string;
  alreadyRecorded: boolean;
}

const CONTEXT = 32;

const SuggestionRef = builder.objectRef<Suggestion>('StatementSuggestion').implement({
  description:
    'A quotation found in a source: its words, where they are, and who probably said them. ' +
    'Accept it with createStatement (kind DIRECT_QUOTE, citing exact/prefix/suffix or start/end).',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The quoted words, without the quotation marks.' }),
    start: t.exposeInt('start', {
      description: 'Code-point offset of the words in the source body.',
    }),
    end: t.exposeInt('end'),
    prefix: t.exposeString('prefix'),
    suffix: t.exposeString('suffix'),
    speaker: t.prismaField({
      type: ActorRef,
      nullable: true,
      description: 'The known actor the attribution names, if one matched.',
      resolve: (query, suggestion, _args, ctx) =>
        suggestion.speakerId
          ? ctx.prisma.actor.findFirst({
              ...query,
              where: { id: suggestion.speakerId, ...visibleWhere(ctx) },
            })
          : null,
    }),
    speakerName: t.exposeString('speakerName', {
      nullable: true,
      description:
        'The matched actor’s name, or the name as the text gives it when no known actor matched.',
    }),
    attribution: t.exposeString('attribution', {
      nullable: true,
      description: 'e.g. "said Hun Sen".',
    }),
    confidence: t.exposeFloat('confidence', { description: 'From 0 to 1.' }),
    alreadyRecorded: t.exposeBoolean('alreadyRecorded', {
      description: 'True when a live citation of this source already covers the words.',
    }),
  }),
});

builder.queryFields((t) => ({
  suggestStatements: t.field({
    type: [SuggestionRef],
    description: 'Quotations found in a source, with their likely speakers, for editors to accept.',
    args: { sourceId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      requireRole(ctx, 'EDITOR', 'ask for statement suggestions');
      const sourceId = decodeIdOf(args.sourceId, ['Source'], 'sourceId');
      const [source, actors, citations] = await Promise.all([
        ctx.prisma.source.findFirst({
          where: { id: sourceId, deletedAt: null },
          select: { body: true },
        }),
        ctx.prisma.actor.findMany({
          where: { deletedAt: null },
          select: { id: true, name: true, aliases: true },
        }),
        ctx.prisma.citation.findMany({
          where: { sourceId, deletedAt: null },
          select: { start: true, end: true },
        }),
      ]);
      if (!source) return [];
      const index = new CodePointIndex(source.body);
      return findQuotations(source.body, actors).map((quote) => ({
        ...quote,
        prefix: index.slice(Math.max(0, quote.start - CONTEXT), quote.start),
        suffix: index.slice(quote.end, Math.min(index.length, quote.end + CONTEXT)),
        alreadyRecorded: citations.some(
          (citation) => citation.start <= quote.start && citation.end >= quote.end,
        ),
      }));
    },
  }),
}));
