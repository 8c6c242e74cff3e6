// The timeline query: events and statements in date order, for an actor or a topic and a date
// range, keyset-paginated on (date, kind, id). Undated records have no place on a timeline and
// are left out. The resolver (timeline.schema.ts) and the compiled reads (compiled/timeline.ts)
// build their statements from the same fragments here.

import type { Db } from '../db/client.ts';
import { SqlParams } from '../db/sql-params.ts';
import { visibleCondition, visibleParticipantEventCondition } from '../db/sql-visibility.ts';

export type TimelineKind = 'Event' | 'Statement';

export interface TimelineKey {
  date: string;
  kind: TimelineKind;
  id: string;
}

export interface TimelineFilter {
  actorId?: string;
  topicId?: string;
  from?: Date;
  /** Exclusive upper bound. */
  before?: Date;
  includeDrafts: boolean;
}

export interface TimelineSql {
  /** Rows (date, kind, id) of the page, `limit` at most, ordered by (date, kind, id). */
  page: string;
  /** How many items the timeline has in all, whatever the page. */
  count: string;
}

/**
 * Rows whose period (first day `date` at `precision`: DAY, MONTH or YEAR) ends on or after
 * `from`: "February 2024" reaches 2024-02-15.
 */
function periodReaches(date: string, precision: string, from: string): string {
  return `${date} >= CASE ${precision}
      WHEN 'YEAR' THEN date_trunc('year', ${from})::date
      WHEN 'MONTH' THEN date_trunc('month', ${from})::date
      ELSE ${from} END`;
}

const NO_UUID = '00000000-0000-0000-0000-000000000000';
const LAST_UUID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

/**
 * The keyset condition `(date, kind, id) > after` for the rows of one kind, as `(date, id) >
 * (after.date, bound)`, which the (…, date) indexes can serve: a kind sorting after the cursor's
 * takes the cursor's day whole, a kind sorting before it starts the day after.
 */
function afterBound(kind: TimelineKind, after: TimelineKey): string {
  if (kind === after.kind) return after.id;
  return kind > after.kind ? NO_UUID : LAST_UUID;
}

interface EventRows {
  from: string;
  date: string;
  id: string;
  /** The rows' visibility and filters, but for the date's. */
  where: string[];
  /** 'DISTINCT ' where an event may come more than once. */
  distinct: string;
}

/**
 * Where a timeline's events are read from. An actor's come from their participant rows, which
 * carry the event's date and visibility (index (actorId, eventStartOn, eventId)): a page of an
 * actor with thousands of events reads a page of rows, whatever plan PostgreSQL chose without
 * knowing the actor; `eventOwn` (conditions on the event's row `e`) then applies through the
 * event. An actor taking part in one event in two roles has two participant rows: DISTINCT.
 */
function eventRows(
  actor: string | undefined,
  includeDrafts: boolean,
  eventOwn: string[],
): EventRows {
  if (!actor) {
    return {
      from: `"Event" e`,
      date: `e."startOn"`,
      id: `e.id`,
      where: [visibleCondition('e', includeDrafts), ...eventOwn],
      distinct: '',
    };
  }
  const ofEvent = eventOwn.length
    ? [`EXISTS (SELECT 1 FROM "Event" e WHERE e.id = p."eventId" AND ${eventOwn.join(' AND ')})`]
    : [];
  return {
    from: `"EventParticipant" p`,
    date: `p."eventStartOn"`,
    id: `p."eventId"`,
    where: [
      `p."actorId" = ${actor}`,
      visibleParticipantEventCondition('p', includeDrafts),
      ...ofEvent,
    ],
    distinct: 'DISTINCT ',
  };
}

export function timelineSql(
  filter: TimelineFilter,
  add: SqlParams['add'],
  page: { after?: TimelineKey; limit: number },
): TimelineSql {
  const { actorId, topicId, from, before, includeDrafts } = filter;
  // Conditions on the event's own row (e) beyond its visibility and date, which an actor's
  // timeline reads from the participant rows' copies instead.
  const eventOwn: string[] = [];
  const statement = [visibleCondition('s', includeDrafts), `s."saidOn" IS NOT NULL`];
  const actor = actorId ? add(actorId, 'uuid') : undefined;
  if (actor) statement.push(`s."speakerId" = ${actor}`);
  if (topicId) {
    const topic = add(topicId, 'uuid');
    eventOwn.push(
      `EXISTS (SELECT 1 FROM "EventTopic" t WHERE t."eventId" = e.id AND t."topicId" = ${topic})`,
    );
    statement.push(
      `EXISTS (SELECT 1 FROM "StatementTopic" t WHERE t."statementId" = s.id AND t."topicId" = ${topic})`,
    );
  }
  if (from) {
    // Dates are periods: an item dated "February 2024" reaches from = 2024-02-15.
    const start = add(from, 'date');
    eventOwn.push(
      periodReaches(
        `coalesce(e."endOn", e."startOn")`,
        `CASE WHEN e."endOn" IS NULL THEN e."startPrecision" ELSE e."endPrecision" END`,
        start,
      ),
    );
    statement.push(periodReaches(`s."saidOn"`, `s."saidPrecision"`, start));
  }
  const end = before ? add(before, 'date') : undefined;
  if (end) statement.push(`s."saidOn" < ${end}`);

  // The page: each kind cut to it before the two are merged, so that an actor with thousands of
  // items reads a page's worth of each, not all of them (the limit is a validated integer).
  const { after, limit } = page;
  const afterDate = after ? add(after.date, 'date') : undefined;
  const keyAfter = (kind: TimelineKind, date: string, id: string) =>
    after ? ` AND (${date}, ${id}) > (${afterDate}, ${add(afterBound(kind, after), 'uuid')})` : '';

  const events = eventRows(actor, includeDrafts, eventOwn);
  const eventWhere = [
    ...events.where,
    `${events.date} IS NOT NULL`,
    ...(end ? [`${events.date} < ${end}`] : []),
  ].join(' AND ');
  const statementWhere = statement.join(' AND ');
  const { distinct } = events;
  return {
    page: `(SELECT ${distinct}${events.date} AS date, 'Event'::text AS kind, ${events.id} AS id
        FROM ${events.from} WHERE ${eventWhere}${keyAfter('Event', events.date, events.id)}
        ORDER BY ${events.date}, ${events.id} LIMIT ${limit})
      UNION ALL
      (SELECT s."saidOn", 'Statement'::text, s.id FROM "Statement" s
        WHERE ${statementWhere}${keyAfter('Statement', 's."saidOn"', 's.id')}
        ORDER BY s."saidOn", s.id LIMIT ${limit})
      ORDER BY date, kind, id LIMIT ${limit}`,
    count: `SELECT (SELECT count(${distinct}${events.id}) FROM ${events.from} WHERE ${eventWhere})
      + (SELECT count(*) FROM "Statement" s WHERE ${statementWhere})`,
  };
}

export interface TimelineRow extends TimelineKey {
  /** All the timeline's items; null unless `withTotal` was asked for. */
  total: number | null;
}

export async function timelineRows(
  db: Db,
  filter: TimelineFilter,
  page: { after?: TimelineKey; limit: number; withTotal: boolean },
): Promise<TimelineRow[]> {
  const params = new SqlParams();
  const sql = timelineSql(filter, params.add, page);
  // Counted only when the client asks: it reads every item of the timeline.
  const total = page.withTotal ? `(${sql.count})::int` : 'NULL::int';
  return db.$queryRawUnsafe<TimelineRow[]>(
    `SELECT to_char(p.date, 'YYYY-MM-DD') AS date, p.kind, p.id::text AS id, ${total} AS total
    FROM (${sql.page}) p ORDER BY p.date, p.kind, p.id`,
    ...params.values,
  );
}
