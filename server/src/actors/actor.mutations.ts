// Mutations for actors (people and organisations) and the positions they held: create and update.
import { requireRole } from '../auth/roles.ts';
import type { ActorKind } from '../db/generated/prisma/enums.ts';
import { createRecord, inTransaction, updateRecord } from '../records/change.ts';
import type { Tx } from '../records/models.ts';
import { dateOf, registerRestorer } from '../records/restorers.ts';
import { builder } from '../schema/builder.ts';
import type { Viewer } from '../schema/context.ts';
import { ActorKindEnum } from '../schema/enums.ts';
import { BadUserInputError } from '../schema/errors.ts';
import { decodeIdOf } from '../schema/global-id.ts';
import { partialDateColumns } from '../schema/partial-date-input.ts';
import { expectedVersion, matching, optionalPlainText, plainText } from '../schema/validate.ts';
import type { PartialDate } from '../shared/partial-date.ts';

const PositionInput = builder.inputType('ActorPositionInput', {
  fields: (t) => ({
    title: t.string({ required: true, description: 'e.g. "Minister of National Defence".' }),
    organization: t.id({ description: 'The organisation (an Actor) the title belongs to.' }),
    startDate: t.field({ type: 'PartialDate' }),
    endDate: t.field({ type: 'PartialDate' }),
  }),
});

const ActorInput = builder.inputType('ActorInput', {
  description:
    'Fields of an actor. On update, fields left out stay as they are; null clears an optional one.',
  fields: (t) => ({
    kind: t.field({ type: ActorKindEnum }),
    name: t.string(),
    aliases: t.stringList({ description: 'Other names and spellings; replaces the list.' }),
    description: t.string(),
    country: t.string({ description: 'ISO 3166-1 alpha-2 code, e.g. "KH".' }),
    wikidataId: t.string({ description: 'e.g. "Q42".' }),
    positions: t.field({ type: [PositionInput], description: 'Replaces the list of positions.' }),
  }),
});
type ActorInputValue = typeof ActorInput.$inferInput;

interface PositionValue {
  title: string;
  organization?: string | null;
  organizationId?: string | null;
  startDate?: PartialDate | null;
  endDate?: PartialDate | null;
}

function actorData(input: ActorInputValue, creating: boolean): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (creating && !input.kind) throw new BadUserInputError('input.kind is required', 'input.kind');
  if (input.kind) data.kind = input.kind;
  if (creating || input.name !== undefined)
    data.name = plainText(input.name ?? '', 'input.name', { max: 300 });
  if (input.aliases !== undefined) {
    if ((input.aliases?.length ?? 0) > 50)
      throw new BadUserInputError('input.aliases: at most 50', 'input.aliases');
    data.aliases = (input.aliases ?? []).map((alias, i) =>
      plainText(alias, `input.aliases.${i}`, { max: 300 }),
    );
  }
  const description = optionalPlainText(input.description, 'input.description', {
    max: 2_000,
    multiline: true,
  });
  if (description !== undefined) data.description = description;
  if (input.country !== undefined) {
    data.country = input.country
      ? matching(
          input.country.toUpperCase(),
          /^[A-Z]{2}$/,
          'input.country',
          'a two-letter ISO country code such as KH',
        )
      : null;
  }
  if (input.wikidataId !== undefined) {
    data.wikidataId = input.wikidataId
      ? matching(
          input.wikidataId,
          /^Q[1-9][0-9]*$/,
          'input.wikidataId',
          'a Wikidata item id such as Q42',
        )
      : null;
  }
  return data;
}

async function replacePositions(
  tx: Tx,
  actorId: string,
  positions: readonly PositionValue[],
): Promise<void> {
  if (positions.length > 100)
    throw new BadUserInputError('input.positions: at most 100', 'input.positions');
  const rows = positions.map((position, i) => {
    const field = `input.positions.${i}`;
    if (position.startDate && position.endDate && position.endDate.date < position.startDate.date) {
      throw new BadUserInputError(`${field}.endDate is before its startDate`, `${field}.endDate`);
    }
    const organizationId =
      position.organizationId ??
      (position.organization
        ? decodeIdOf(position.organization, ['Actor'], `${field}.organization`)
        : null);
    return {
      actorId,
      title: plainText(position.title, `${field}.title`, { max: 300 }),
      organizationId,
      ...partialDateColumns(position.startDate, 'startOn', 'startPrecision'),
      ...partialDateColumns(position.endDate, 'endOn', 'endPrecision'),
    };
  });
  await tx.actorPosition.deleteMany({ where: { actorId } });
  if (rows.length) await tx.actorPosition.createMany({ data: rows });
}

function updateActor(
  tx: Tx,
  id: string,
  viewer: Viewer,
  version: number,
  input: ActorInputValue,
  positions?: readonly PositionValue[] | null,
) {
  return updateRecord(tx, {
    model: 'Actor',
    id,
    viewer,
    expectedVersion: version,
    data: () => actorData(input, false),
    afterUpdate: positions ? (tx) => replacePositions(tx, id, positions) : undefined,
  });
}

registerRestorer('Actor', (tx, { id, viewer, expectedVersion, content }) => {
  // A revision without the list (written before revisions held it) leaves the positions alone.
  const positions = content.positions as Record<string, unknown>[] | undefined;
  return updateActor(
    tx,
    id,
    viewer,
    expectedVersion,
    {
      kind: content.kind as ActorKind,
      name: content.name as string,
      aliases: content.aliases as string[],
      description: (content.description as string | null) ?? null,
      country: (content.country as string | null) ?? null,
      wikidataId: (content.wikidataId as string | null) ?? null,
    },
    positions?.map((position) => ({
      title: position.title as string,
      organizationId: (position.organizationId as string | null) ?? null,
      startDate: position.startOn
        ? {
            date: dateOf(position.startOn) as Date,
            precision: position.startPrecision as PartialDate['precision'],
          }
        : null,
      endDate: position.endOn
        ? {
            date: dateOf(position.endOn) as Date,
            precision: position.endPrecision as PartialDate['precision'],
          }
        : null,
    })),
  );
});

builder.mutationFields((t) => ({
  createActor: t.prismaField({
    type: 'Actor',
    description: 'Adds a person or an organisation (as a DRAFT).',
    args: { input: t.arg({ type: ActorInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const viewer = requireRole(ctx, 'EDITOR', 'create actors');
      const data = actorData(args.input, true) as { kind: ActorKind; name: string };
      const id = await inTransaction(ctx, (tx) =>
        createRecord(tx, 'Actor', viewer, async (audit) => {
          const row = await tx.actor.create({ data: { ...data, ...audit }, select: { id: true } });
          if (args.input.positions) await replacePositions(tx, row.id, args.input.positions);
          return row;
        }),
      );
      return ctx.prisma.actor.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateActor: t.prismaField({
    type: 'Actor',
    description:
      'Changes an actor. expectedVersion is the version you read; a stale one is a CONFLICT.',
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true }),
      input: t.arg({ type: ActorInput, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const viewer = requireRole(ctx, 'EDITOR', 'edit actors');
      const id = decodeIdOf(args.id, ['Actor'], 'id');
      await inTransaction(ctx, (tx) =>
        updateActor(
          tx,
          id,
          viewer,
          expectedVersion(args.expectedVersion),
          args.input,
          args.input.positions,
        ),
      );
      return ctx.prisma.actor.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
