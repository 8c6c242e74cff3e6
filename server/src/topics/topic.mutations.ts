// Mutations for topics: create and update (delete, restore, purge and workflow are generic, in
// records/lifecycle.schema.ts).
import { requireRole } from '../auth/roles.ts';
import { createRecord, inTransaction, updateRecord } from '../records/change.ts';
import type { Tx } from '../records/models.ts';
import { registerRestorer } from '../records/restorers.ts';
import { builder } from '../schema/builder.ts';
import type { Viewer } from '../schema/context.ts';
import { decodeIdOf } from '../schema/global-id.ts';
import { expectedVersion, matching, optionalPlainText, plainText } from '../schema/validate.ts';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const TopicInput = builder.inputType('TopicInput', {
  description:
    'Fields of a topic. On update, fields left out stay as they are; null clears an optional one.',
  fields: (t) => ({
    slug: t.string({ description: 'Lower-case words joined by hyphens, e.g. "demining".' }),
    name: t.string(),
    description: t.string(),
  }),
});
type TopicInputValue = typeof TopicInput.$inferInput;

function topicData(input: TopicInputValue, creating: boolean) {
  const data: Record<string, unknown> = {};
  if (creating || input.slug !== undefined) {
    data.slug = matching(
      input.slug ?? '',
      SLUG,
      'input.slug',
      'lower-case words joined by hyphens, e.g. "demining"',
    );
  }
  if (creating || input.name !== undefined) data.name = plainText(input.name ?? '', 'input.name');
  const description = optionalPlainText(input.description, 'input.description', {
    max: 2_000,
    multiline: true,
  });
  if (description !== undefined) data.description = description;
  return data;
}

function updateTopic(
  tx: Tx,
  id: string,
  viewer: Viewer,
  version: number,
  input: TopicInputValue,
  operation?: 'UPDATE',
) {
  return updateRecord(tx, {
    model: 'Topic',
    id,
    viewer,
    expectedVersion: version,
    data: () => topicData(input, false),
    operation,
  });
}

registerRestorer('Topic', (tx, { id, viewer, expectedVersion, content }) =>
  updateTopic(tx, id, viewer, expectedVersion, {
    slug: content.slug as string,
    name: content.name as string,
    description: (content.description as string | null) ?? null,
  }),
);

builder.mutationFields((t) => ({
  createTopic: t.prismaField({
    type: 'Topic',
    description: 'Adds a term to the topic vocabulary (as a DRAFT).',
    args: { input: t.arg({ type: TopicInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const viewer = requireRole(ctx, 'EDITOR', 'create topics');
      const data = topicData(args.input, true);
      const id = await inTransaction(ctx, (tx) =>
        createRecord(tx, 'Topic', viewer, (audit) =>
          tx.topic.create({
            data: { ...(data as { slug: string; name: string }), ...audit },
            select: { id: true },
          }),
        ),
      );
      return ctx.prisma.topic.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateTopic: t.prismaField({
    type: 'Topic',
    description:
      'Changes a topic. expectedVersion is the version you read; a stale one is a CONFLICT.',
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true }),
      input: t.arg({ type: TopicInput, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const viewer = requireRole(ctx, 'EDITOR', 'edit topics');
      const id = decodeIdOf(args.id, ['Topic'], 'id');
      await inTransaction(ctx, (tx) =>
        updateTopic(tx, id, viewer, expectedVersion(args.expectedVersion), args.input),
      );
      return ctx.prisma.topic.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
