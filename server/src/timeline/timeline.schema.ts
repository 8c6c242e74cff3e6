// `timeline(...)`: events and statements in date order for an actor or a topic and a date range.
import { queryFromInfo, type WithBrand } from '@pothos/plugin-prisma';
import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import { EventRef } from '../events/event.schema.ts';
import { builder, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../schema/builder.ts';
import type { CuratedRow } from '../schema/common-fields.ts';
import { type Context, canReadDrafts } from '../schema/context.ts';
import { BadUserInputError } from '../schema/errors.ts';
import { decodeIdOf } from '../schema/global-id.ts';
import { endOfPeriodExclusive } from '../shared/partial-date.ts';
import { StatementRef } from '../statements/statement.schema.ts';
import { decodeTimelineCursor, encodeTimelineCursor } from './cursor.ts';
import { type TimelineKey, type TimelineRow, timelineRows } from './timeline.sql.ts';

const TimelineItem = builder.unionType('TimelineItem', {
  description: 'An entry of a timeline: an event or a statement.',
  types: [EventRef, StatementRef],
});

interface Entry {
  cursor: string;
  record: WithBrand<CuratedRow>;
}

const TimelineEdge = builder.objectRef<Entry>('TimelineEdge').implement({
  fields: (t) => ({
    cursor: t.exposeString('cursor'),
    node: t.field({ type: TimelineItem, resolve: (entry) => entry.record }),
  }),
});

interface Page {
  edges: Entry[];
  hasNextPage: boolean;
  totalCount: number;
}

const TimelinePageInfo = builder.objectRef<Page>('TimelinePageInfo').implement({
  fields: (t) => ({
    hasNextPage: t.boolean({ resolve: (page) => page.hasNextPage }),
    endCursor: t.string({ nullable: true, resolve: (page) => page.edges.at(-1)?.cursor ?? null }),
  }),
});

const TimelineConnection = builder.objectRef<Page>('TimelineConnection').implement({
  description: 'A page of a timeline, oldest first.',
  fields: (t) => ({
    edges: t.field({ type: [TimelineEdge], resolve: (page) => page.edges }),
    pageInfo: t.field({ type: TimelinePageInfo, resolve: (page) => page }),
    totalCount: t.exposeInt('totalCount'),
  }),
});

function decodeAfter(cursor: string): TimelineKey {
  const key = decodeTimelineCursor(cursor);
  if (!key) throw new BadUserInputError('after is not a cursor returned by timeline', 'after');
  return key;
}

/** Whether the client selected `name` directly on this field's result (through fragments too). */
function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const visit = (selectionSet: SelectionSetNode | undefined): boolean =>
    (selectionSet?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === name;
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet);
      return visit(info.fragments[selection.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}

async function loadRecords(
  ctx: Context,
  info: GraphQLResolveInfo,
  rows: TimelineRow[],
): Promise<Map<string, WithBrand<CuratedRow>>> {
  const eventIds = rows.filter((row) => row.kind === 'Event').map((row) => row.id);
  const statementIds = rows.filter((row) => row.kind === 'Statement').map((row) => row.id);
  const path = ['edges', 'node'];
  const [events, statements] = await Promise.all([
    eventIds.length
      ? ctx.prisma.event.findMany({
          ...queryFromInfo({ context: ctx, info, typeName: 'Event', path }),
          where: { id: { in: eventIds } },
        })
      : [],
    statementIds.length
      ? ctx.prisma.statement.findMany({
          ...queryFromInfo({ context: ctx, info, typeName: 'Statement', path }),
          where: { id: { in: statementIds } },
        })
      : [],
  ]);
  return new Map<string, WithBrand<CuratedRow>>([
    ...events.map((event) => [event.id, EventRef.addBrand(event)] as const),
    ...statements.map((statement) => [statement.id, StatementRef.addBrand(statement)] as const),
  ]);
}

builder.queryFields((t) => ({
  timeline: t.field({
    type: TimelineConnection,
    description:
      'Events and statements in date order (oldest first), for an actor (events they took part ' +
      'in, statements they made) and/or a topic, within an optional date range.',
    args: {
      actor: t.arg.id(),
      topic: t.arg.id(),
      from: t.arg({
        type: 'PartialDate',
        description:
          'On or after the start of this date (an item dated to a month or a year: its period reaches it).',
      }),
      to: t.arg({ type: 'PartialDate', description: 'On or before the end of this date.' }),
      first: t.arg.int({ defaultValue: DEFAULT_PAGE_SIZE }),
      after: t.arg.string(),
    },
    resolve: async (_root, args, ctx, info) => {
      const first = args.first ?? DEFAULT_PAGE_SIZE;
      if (first < 1 || first > MAX_PAGE_SIZE) {
        throw new BadUserInputError(`first must be between 1 and ${MAX_PAGE_SIZE}`, 'first');
      }
      const rows = await timelineRows(
        ctx.prisma,
        {
          actorId: args.actor ? decodeIdOf(args.actor, ['Actor'], 'actor') : undefined,
          topicId: args.topic ? decodeIdOf(args.topic, ['Topic'], 'topic') : undefined,
          from: args.from?.date,
          before: args.to ? endOfPeriodExclusive(args.to) : undefined,
          includeDrafts: canReadDrafts(ctx),
        },
        {
          after: args.after ? decodeAfter(args.after) : undefined,
          limit: first + 1,
          withTotal: selectsField(info, 'totalCount'),
        },
      );
      const pageRows = rows.slice(0, first);
      const records = await loadRecords(ctx, info, pageRows);
      const edges = pageRows.flatMap((row) => {
        const record = records.get(row.id);
        return record ? [{ cursor: encodeTimelineCursor(row), record }] : [];
      });
      return { edges, hasNextPage: rows.length > first, totalCount: rows[0]?.total ?? 0 };
    },
  }),
}));
