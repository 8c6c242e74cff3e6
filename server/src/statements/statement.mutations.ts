// Mutations for statements: create (optionally citing passages in the same call) and update.
// A direct quote must appear word for word in one of its cited passages, checked on every write.
import { requireRole } from '../auth/roles.ts';
import { PassageInputRef } from '../citations/citation.mutations.ts';
import { createCitation } from '../citations/cite.ts';
import type {
  DateQualifier,
  StatementChannel,
  StatementKind,
  StatementRank,
} from '../db/generated/prisma/enums.ts';
import { createRecord, inTransaction, updateRecord } from '../records/change.ts';
import { assertQuoteFidelity } from '../records/integrity.ts';
import type { Tx } from '../records/models.ts';
import { dateOf, registerRestorer } from '../records/restorers.ts';
import { builder } from '../schema/builder.ts';
import type { Viewer } from '../schema/context.ts';
import {
  DateQualifierEnum,
  StatementChannelEnum,
  StatementKindEnum,
  StatementRankEnum,
} from '../schema/enums.ts';
import { BadUserInputError } from '../schema/errors.ts';
import { decodeIdOf } from '../schema/global-id.ts';
import { partialDateColumns } from '../schema/partial-date-input.ts';
import {
  expectedVersion,
  MAX_LONG_TEXT,
  optionalPlainText,
  plainText,
} from '../schema/validate.ts';

const StatementInput = builder.inputType('StatementInput', {
  description:
    'Fields of a statement. On update, fields left out stay as they are; null clears an optional one.',
  fields: (t) => ({
    text: t.string({
      description: 'For a DIRECT_QUOTE, the exact words as they appear in the source.',
    }),
    kind: t.field({ type: StatementKindEnum }),
    speaker: t.id(),
    speakerTitle: t.string({ description: "The speaker's title at the time." }),
    channel: t.field({ type: StatementChannelEnum }),
    saidOn: t.field({ type: 'PartialDate', description: '"2024", "2024-02" or "2024-02-26".' }),
    dateQualifier: t.field({ type: DateQualifierEnum }),
    event: t.id({ description: 'The event it was said at or about; null to detach.' }),
    topics: t.idList({ description: 'Replaces the topics.' }),
    rank: t.field({ type: StatementRankEnum }),
    rankReason: t.string({ description: 'Required when rank is DEPRECATED.' }),
    citations: t.field({
      type: [PassageInputRef],
      description: 'Passages to cite (on create only).',
    }),
  }),
});
type StatementInputValue = typeof StatementInput.$inferInput;

function statementData(input: StatementInputValue, creating: boolean): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of ['kind', 'speaker'] as const) {
    if (creating && !input[field])
      throw new BadUserInputError(`input.${field} is required`, `input.${field}`);
  }
  if (creating || input.text !== undefined) {
    data.text = plainText(input.text ?? '', 'input.text', { max: MAX_LONG_TEXT, multiline: true });
  }
  if (input.kind) data.kind = input.kind;
  if (input.speaker) data.speakerId = decodeIdOf(input.speaker, ['Actor'], 'input.speaker');
  const speakerTitle = optionalPlainText(input.speakerTitle, 'input.speakerTitle', { max: 300 });
  if (speakerTitle !== undefined) data.speakerTitle = speakerTitle;
  if (input.channel !== undefined) data.channel = input.channel;
  Object.assign(data, partialDateColumns(input.saidOn, 'saidOn', 'saidPrecision'));
  if (input.dateQualifier !== undefined) data.dateQualifier = input.dateQualifier;
  if (input.event !== undefined)
    data.eventId = input.event ? decodeIdOf(input.event, ['Event'], 'input.event') : null;
  if (input.rank) data.rank = input.rank;
  const rankReason = optionalPlainText(input.rankReason, 'input.rankReason', {
    max: 2_000,
    multiline: true,
  });
  if (rankReason !== undefined) data.rankReason = rankReason;
  return data;
}

function checkRank(data: Record<string, unknown>, before?: Record<string, unknown>): void {
  const merged = { ...before, ...data };
  if (merged.rank === 'DEPRECATED' && !merged.rankReason) {
    throw new BadUserInputError(
      'Say why the statement is deprecated (input.rankReason)',
      'input.rankReason',
    );
  }
}

async function replaceTopics(
  tx: Tx,
  statementId: string,
  topicIds: readonly string[] | undefined,
): Promise<void> {
  if (!topicIds) return;
  await tx.statementTopic.deleteMany({ where: { statementId } });
  await tx.statementTopic.createMany({
    data: [...new Set(topicIds)].map((topicId) => ({ statementId, topicId })),
  });
}

function topicIdsOf(input: StatementInputValue): string[] | undefined {
  return (
    input.topics?.map((topic, i) => decodeIdOf(topic, ['Topic'], `input.topics.${i}`)) ?? undefined
  );
}

async function updateStatement(
  tx: Tx,
  id: string,
  viewer: Viewer,
  version: number,
  data: Record<string, unknown>,
  topicIds?: string[],
) {
  const after = await updateRecord(tx, {
    model: 'Statement',
    id,
    viewer,
    expectedVersion: version,
    data: (before) => {
      checkRank(data, before);
      return data;
    },
    afterUpdate: topicIds && ((tx) => replaceTopics(tx, id, topicIds)),
  });
  await assertQuoteFidelity(tx, id, 'input.text', after as { kind: StatementKind; text: string });
  return after;
}

registerRestorer('Statement', (tx, { id, viewer, expectedVersion, content }) =>
  updateStatement(
    tx,
    id,
    viewer,
    expectedVersion,
    {
      text: content.text,
      kind: content.kind as StatementKind,
      speakerId: content.speakerId,
      speakerTitle: content.speakerTitle ?? null,
      channel: (content.channel as StatementChannel | null) ?? null,
      saidOn: dateOf(content.saidOn),
      saidPrecision: content.saidPrecision ?? null,
      dateQualifier: (content.dateQualifier as DateQualifier | null) ?? null,
      eventId: content.eventId ?? null,
      rank: content.rank as StatementRank,
      rankReason: content.rankReason ?? null,
    },
    // A revision without the list (written before revisions held it) leaves the topics alone.
    (content.topics as { topicId: string }[] | undefined)?.map((topic) => topic.topicId),
  ),
);

builder.mutationFields((t) => ({
  createStatement: t.prismaField({
    type: 'Statement',
    description:
      'Records a statement (as a DRAFT) and cites its passages. A DIRECT_QUOTE needs a passage ' +
      'that contains its text word for word (QUOTE_NOT_FOUND otherwise).',
    args: { input: t.arg({ type: StatementInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const viewer = requireRole(ctx, 'EDITOR', 'create statements');
      const data = statementData(args.input, true);
      checkRank(data);
      const topicIds = topicIdsOf(args.input);
      const id = await inTransaction(ctx, async (tx) => {
        const statementId = await createRecord(tx, 'Statement', viewer, async (audit) => {
          const row = await tx.statement.create({
            data: {
              ...(data as { text: string; kind: StatementKind; speakerId: string }),
              ...audit,
            },
            select: { id: true },
          });
          await replaceTopics(tx, row.id, topicIds);
          return row;
        });
        for (const [i, passage] of (args.input.citations ?? []).entries()) {
          await createCitation(tx, viewer, { statementId }, passage, `input.citations.${i}`);
        }
        await assertQuoteFidelity(tx, statementId, 'input.text');
        return statementId;
      });
      return ctx.prisma.statement.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateStatement: t.prismaField({
    type: 'Statement',
    description:
      'Changes a statement. expectedVersion is the version you read; a stale one is a CONFLICT.',
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true }),
      input: t.arg({ type: StatementInput, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const viewer = requireRole(ctx, 'EDITOR', 'edit statements');
      const id = decodeIdOf(args.id, ['Statement'], 'id');
      if (args.input.citations) {
        throw new BadUserInputError(
          'Cite passages of an existing statement with citePassage',
          'input.citations',
        );
      }
      const data = statementData(args.input, false);
      await inTransaction(ctx, (tx) =>
        updateStatement(
          tx,
          id,
          viewer,
          expectedVersion(args.expectedVersion),
          data,
          topicIdsOf(args.input),
        ),
      );
      return ctx.prisma.statement.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
