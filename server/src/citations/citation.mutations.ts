// Mutations for citations: citePassage anchors a passage of a source for a statement or an event;
// updateCitation changes its role or note (to move a citation, cite the new passage and delete
// the old one, so the history shows both).
import { requireRole } from '../auth/roles.ts';
import type { CitationRole } from '../db/generated/prisma/enums.ts';
import { inTransaction, updateRecord } from '../records/change.ts';
import type { Tx } from '../records/models.ts';
import { registerRestorer } from '../records/restorers.ts';
import { builder } from '../schema/builder.ts';
import type { Viewer } from '../schema/context.ts';
import { CitationRoleEnum } from '../schema/enums.ts';
import { BadUserInputError } from '../schema/errors.ts';
import { decodeIdOf } from '../schema/global-id.ts';
import { expectedVersion, optionalPlainText } from '../schema/validate.ts';
import { createCitation } from './cite.ts';

export const PassageInputRef = builder.inputType('PassageInput', {
  description:
    'A passage of a source: its exact text (with prefix, suffix or start when it occurs more than ' +
    'once), or its start and end offsets in code points.',
  fields: (t) => ({
    source: t.id({ required: true }),
    exact: t.string({ description: 'The passage, copied verbatim from the source.' }),
    prefix: t.string({ description: 'Text just before the passage, to choose among occurrences.' }),
    suffix: t.string({ description: 'Text just after the passage, to choose among occurrences.' }),
    start: t.int({ description: 'Code-point offset of the passage.' }),
    end: t.int({
      description: 'Code-point offset just past the passage (with start, instead of exact).',
    }),
    role: t.field({ type: CitationRoleEnum, defaultValue: 'SUPPORTS' }),
    note: t.string(),
  }),
});

const CitePassageInput = builder.inputType('CitePassageInput', {
  fields: (t) => ({
    statement: t.id({ description: 'The statement the passage supports (or this, or event).' }),
    event: t.id({ description: 'The event the passage reports.' }),
    passage: t.field({ type: PassageInputRef, required: true }),
  }),
});

const UpdateCitationInput = builder.inputType('UpdateCitationInput', {
  fields: (t) => ({
    role: t.field({ type: CitationRoleEnum }),
    note: t.string(),
  }),
});

function updateCitation(
  tx: Tx,
  id: string,
  viewer: Viewer,
  version: number,
  input: { role?: CitationRole | null; note?: string | null },
) {
  return updateRecord(tx, {
    model: 'Citation',
    id,
    viewer,
    expectedVersion: version,
    data: () => {
      const data: Record<string, unknown> = {};
      if (input.role) data.role = input.role;
      const note = optionalPlainText(input.note, 'input.note', { max: 2_000, multiline: true });
      if (note !== undefined) data.note = note;
      return data;
    },
  });
}

registerRestorer('Citation', (tx, { id, viewer, expectedVersion, content }) =>
  updateCitation(tx, id, viewer, expectedVersion, {
    role: content.role as CitationRole,
    note: (content.note as string | null) ?? null,
  }),
);

builder.mutationFields((t) => ({
  citePassage: t.prismaField({
    type: 'Citation',
    description:
      'Cites a passage of a source for a statement or an event. A text that is not in the source ' +
      'is a QUOTE_NOT_FOUND error; one that occurs more than once needs a prefix, suffix or start.',
    args: { input: t.arg({ type: CitePassageInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const viewer = requireRole(ctx, 'EDITOR', 'cite passages');
      const { statement, event, passage } = args.input;
      if (!statement === !event) {
        throw new BadUserInputError(
          'Cite for exactly one of input.statement and input.event',
          'input.statement',
        );
      }
      const target = statement
        ? { statementId: decodeIdOf(statement, ['Statement'], 'input.statement') }
        : { eventId: decodeIdOf(event as string, ['Event'], 'input.event') };
      const id = await inTransaction(ctx, async (tx) => {
        const owner =
          'statementId' in target
            ? await tx.statement.findUnique({
                where: { id: target.statementId },
                select: { deletedAt: true },
              })
            : await tx.event.findUnique({
                where: { id: target.eventId },
                select: { deletedAt: true },
              });
        if (!owner || owner.deletedAt) {
          throw new BadUserInputError(
            'The statement or event to cite for does not exist',
            statement ? 'input.statement' : 'input.event',
          );
        }
        return createCitation(tx, viewer, target, passage, 'input.passage');
      });
      return ctx.prisma.citation.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateCitation: t.prismaField({
    type: 'Citation',
    description: 'Changes the role or note of a citation.',
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true }),
      input: t.arg({ type: UpdateCitationInput, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const viewer = requireRole(ctx, 'EDITOR', 'edit citations');
      const id = decodeIdOf(args.id, ['Citation'], 'id');
      await inTransaction(ctx, (tx) =>
        updateCitation(tx, id, viewer, expectedVersion(args.expectedVersion), args.input),
      );
      return ctx.prisma.citation.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
