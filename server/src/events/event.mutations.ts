// Mutations for events: create and update, with participants, topics, a parent event, and dates
// with their precision. New events can cite their passages in the same call.
import { requireRole } from '../auth/roles.ts';
import { PassageInputRef } from '../citations/citation.mutations.ts';
import { createCitation } from '../citations/cite.ts';
import type { DateQualifier, EventKind, ParticipantRole } from '../db/generated/prisma/enums.ts';
import { createRecord, inTransaction, updateRecord } from '../records/change.ts';
import type { Tx } from '../records/models.ts';
import { dateOf, registerRestorer } from '../records/restorers.ts';
import { builder } from '../schema/builder.ts';
import type { Viewer } from '../schema/context.ts';
import { DateQualifierEnum, EventKindEnum, ParticipantRoleEnum } from '../schema/enums.ts';
import { BadUserInputError } from '../schema/errors.ts';
import { decodeIdOf } from '../schema/global-id.ts';
import { partialDateColumns } from '../schema/partial-date-input.ts';
import {
  expectedVersion,
  MAX_LONG_TEXT,
  optionalPlainText,
  plainText,
} from '../schema/validate.ts';
import type { PartialDate } from '../shared/partial-date.ts';

const ParticipantInput = builder.inputType('ParticipantInput', {
  fields: (t) => ({
    actor: t.id({ required: true }),
    role: t.field({ type: ParticipantRoleEnum, required: true }),
  }),
});

const EventInput = builder.inputType('EventInput', {
  description:
    'Fields of an event. On update, fields left out stay as they are; null clears an optional one.',
  fields: (t) => ({
    kind: t.field({ type: EventKindEnum }),
    title: t.string(),
    summary: t.string(),
    startDate: t.field({
      type: 'PartialDate',
      description: '"2024", "2024-02" or "2024-02-26"; null when undated.',
    }),
    endDate: t.field({ type: 'PartialDate' }),
    dateQualifier: t.field({ type: DateQualifierEnum }),
    place: t.string(),
    parent: t.id({ description: 'The event this one is part of; null to detach.' }),
    participants: t.field({ type: [ParticipantInput], description: 'Replaces the participants.' }),
    topics: t.idList({ description: 'Replaces the topics.' }),
    citations: t.field({
      type: [PassageInputRef],
      description: 'Passages to cite (on create only).',
    }),
  }),
});
type EventInputValue = typeof EventInput.$inferInput;

interface Links {
  participants?: readonly { actorId: string; role: ParticipantRole }[] | null;
  topicIds?: readonly string[] | null;
}

function eventData(input: EventInputValue, creating: boolean): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (creating && !input.kind) throw new BadUserInputError('input.kind is required', 'input.kind');
  if (input.kind) data.kind = input.kind;
  if (creating || input.title !== undefined)
    data.title = plainText(input.title ?? '', 'input.title');
  const summary = optionalPlainText(input.summary, 'input.summary', {
    max: MAX_LONG_TEXT,
    multiline: true,
  });
  if (summary !== undefined) data.summary = summary;
  Object.assign(data, partialDateColumns(input.startDate, 'startOn', 'startPrecision'));
  Object.assign(data, partialDateColumns(input.endDate, 'endOn', 'endPrecision'));
  if (input.dateQualifier) data.dateQualifier = input.dateQualifier;
  const place = optionalPlainText(input.place, 'input.place', { max: 300 });
  if (place !== undefined) data.place = place;
  if (input.parent !== undefined)
    data.parentId = input.parent ? decodeIdOf(input.parent, ['Event'], 'input.parent') : null;
  return data;
}

function linksOf(input: EventInputValue): Links {
  return {
    participants: input.participants?.map((participant, i) => ({
      actorId: decodeIdOf(participant.actor, ['Actor'], `input.participants.${i}.actor`),
      role: participant.role,
    })),
    topicIds: input.topics?.map((topic, i) => decodeIdOf(topic, ['Topic'], `input.topics.${i}`)),
  };
}

/** Checks dates and the parent against the event as it will be. */
async function checkEvent(
  tx: Tx,
  id: string | null,
  data: Record<string, unknown>,
  before?: Record<string, unknown>,
) {
  const merged = { ...before, ...data };
  const start = dateOf(merged.startOn ?? null) ?? (merged.startOn as Date | null);
  const end = dateOf(merged.endOn ?? null) ?? (merged.endOn as Date | null);
  if (end && !start)
    throw new BadUserInputError('input.endDate needs a startDate', 'input.endDate');
  if (start && end && end < start)
    throw new BadUserInputError('input.endDate is before input.startDate', 'input.endDate');
  // Walk up from the new parent: reaching this event would make it its own ancestor.
  let parentId = data.parentId as string | null | undefined;
  for (let depth = 0; parentId && depth < 100; depth++) {
    if (parentId === id)
      throw new BadUserInputError(
        'input.parent would make the event part of itself',
        'input.parent',
      );
    const parent: { parentId: string | null } | null = await tx.event.findUnique({
      where: { id: parentId },
      select: { parentId: true },
    });
    if (!parent)
      throw new BadUserInputError('input.parent is not an existing event', 'input.parent');
    parentId = parent.parentId;
  }
}

async function replaceLinks(tx: Tx, eventId: string, links: Links): Promise<void> {
  if (links.participants) {
    const unique = new Map(links.participants.map((p) => [`${p.actorId}:${p.role}`, p]));
    await tx.eventParticipant.deleteMany({ where: { eventId } });
    await tx.eventParticipant.createMany({
      data: [...unique.values()].map((p) => ({ eventId, ...p })),
    });
  }
  if (links.topicIds) {
    await tx.eventTopic.deleteMany({ where: { eventId } });
    await tx.eventTopic.createMany({
      data: [...new Set(links.topicIds)].map((topicId) => ({ eventId, topicId })),
    });
  }
}

function updateEvent(
  tx: Tx,
  id: string,
  viewer: Viewer,
  version: number,
  data: Record<string, unknown>,
  links: Links,
) {
  return updateRecord(tx, {
    model: 'Event',
    id,
    viewer,
    expectedVersion: version,
    data: async (before) => {
      await checkEvent(tx, id, data, before);
      return data;
    },
    afterUpdate: (tx) => replaceLinks(tx, id, links),
  });
}

registerRestorer('Event', (tx, { id, viewer, expectedVersion, content }) => {
  // A revision without a list (written before revisions held it) leaves that list alone.
  const participants = content.participants as
    | { actorId: string; role: ParticipantRole }[]
    | undefined;
  const topics = content.topics as { topicId: string }[] | undefined;
  const date = (on: unknown, precision: unknown): PartialDate | null =>
    on ? { date: dateOf(on) as Date, precision: precision as PartialDate['precision'] } : null;
  return updateEvent(
    tx,
    id,
    viewer,
    expectedVersion,
    {
      kind: content.kind as EventKind,
      title: content.title,
      summary: content.summary ?? null,
      ...partialDateColumns(
        date(content.startOn, content.startPrecision),
        'startOn',
        'startPrecision',
      ),
      ...partialDateColumns(date(content.endOn, content.endPrecision), 'endOn', 'endPrecision'),
      dateQualifier: content.dateQualifier as DateQualifier,
      place: content.place ?? null,
      parentId: content.parentId ?? null,
    },
    { participants, topicIds: topics?.map((topic) => topic.topicId) },
  );
});

builder.mutationFields((t) => ({
  createEvent: t.prismaField({
    type: 'Event',
    description: 'Records an event (as a DRAFT), optionally citing its passages at once.',
    args: { input: t.arg({ type: EventInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const viewer = requireRole(ctx, 'EDITOR', 'create events');
      const data = eventData(args.input, true);
      const links = linksOf(args.input);
      const id = await inTransaction(ctx, async (tx) => {
        await checkEvent(tx, null, data);
        const eventId = await createRecord(tx, 'Event', viewer, async (audit) => {
          const row = await tx.event.create({
            data: { ...(data as { kind: EventKind; title: string }), ...audit },
            select: { id: true },
          });
          await replaceLinks(tx, row.id, links);
          return row;
        });
        for (const [i, passage] of (args.input.citations ?? []).entries()) {
          await createCitation(tx, viewer, { eventId }, passage, `input.citations.${i}`);
        }
        return eventId;
      });
      return ctx.prisma.event.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateEvent: t.prismaField({
    type: 'Event',
    description:
      'Changes an event. expectedVersion is the version you read; a stale one is a CONFLICT.',
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true }),
      input: t.arg({ type: EventInput, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const viewer = requireRole(ctx, 'EDITOR', 'edit events');
      const id = decodeIdOf(args.id, ['Event'], 'id');
      if (args.input.citations) {
        throw new BadUserInputError(
          'Cite passages of an existing event with citePassage',
          'input.citations',
        );
      }
      const data = eventData(args.input, false);
      const links = linksOf(args.input);
      await inTransaction(ctx, (tx) =>
        updateEvent(tx, id, viewer, expectedVersion(args.expectedVersion), data, links),
      );
      return ctx.prisma.event.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
