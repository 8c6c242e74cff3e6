// The timeline query: events and statements in date order, for an actor or a topic and a date
// range, keyset-paginated on (date, kind, id) in one SQL statement. Undated records have no
// place on a timeline and are left out.

import type { Db } from '../db/client.ts';
import { Prisma } from '../db/generated/prisma/client.ts';
import { periodReachesSql, visibleSql } from '../db/sql-visibility.ts';

export type TimelineKind = 'Event' | 'Statement';

export interface TimelineKey {
  date: string;
  kind: TimelineKind;
  id: string;
}

export interface TimelineRow extends TimelineKey {
  /** All the timeline's items; null unless `withTotal` was asked for. */
  total: number | null;
}

export interface TimelineOptions {
  actorId?: string;
  topicId?: string;
  from?: Date;
  /** Exclusive upper bound. */
  before?: Date;
  includeDrafts: boolean;
  after?: TimelineKey;
  limit: number;
  /** Count every item too (a window over all of them, so only when the client asks). */
  withTotal: boolean;
}

export async function timelineRows(db: Db, options: TimelineOptions): Promise<TimelineRow[]> {
  const { actorId, topicId, from, before, includeDrafts, after, limit, withTotal } = options;
  const eventConditions: Prisma.Sql[] = [
    visibleSql('e', includeDrafts),
    Prisma.sql`e."startOn" IS NOT NULL`,
  ];
  const statementConditions: Prisma.Sql[] = [
    visibleSql('s', includeDrafts),
    Prisma.sql`s."saidOn" IS NOT NULL`,
  ];
  if (actorId) {
    eventConditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "EventParticipant" p WHERE p."eventId" = e.id AND p."actorId" = ${actorId}::uuid)`,
    );
    statementConditions.push(Prisma.sql`s."speakerId" = ${actorId}::uuid`);
  }
  if (topicId) {
    eventConditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "EventTopic" t WHERE t."eventId" = e.id AND t."topicId" = ${topicId}::uuid)`,
    );
    statementConditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "StatementTopic" t WHERE t."statementId" = s.id AND t."topicId" = ${topicId}::uuid)`,
    );
  }
  if (from) {
    // Dates are periods: an item dated "February 2024" reaches from = 2024-02-15.
    eventConditions.push(
      periodReachesSql(
        Prisma.sql`coalesce(e."endOn", e."startOn")`,
        Prisma.sql`CASE WHEN e."endOn" IS NULL THEN e."startPrecision" ELSE e."endPrecision" END`,
        from,
      ),
    );
    statementConditions.push(
      periodReachesSql(Prisma.sql`s."saidOn"`, Prisma.sql`s."saidPrecision"`, from),
    );
  }
  if (before) {
    eventConditions.push(Prisma.sql`e."startOn" < ${before}::date`);
    statementConditions.push(Prisma.sql`s."saidOn" < ${before}::date`);
  }
  const afterCondition = after
    ? Prisma.sql`WHERE (date, kind, id) > (${after.date}::date, ${after.kind}, ${after.id}::uuid)`
    : Prisma.empty;

  // The page is cut on the raw columns and formatted afterwards: formatting in the sorted query
  // formats every item of a long timeline before the sort (to_char on 7,667 rows: 12 ms).
  return db.$queryRaw<TimelineRow[]>`
    WITH items AS (
      SELECT e."startOn" AS date, 'Event' AS kind, e.id FROM "Event" e
      WHERE ${Prisma.join(eventConditions, ' AND ')}
      UNION ALL
      SELECT s."saidOn", 'Statement', s.id FROM "Statement" s
      WHERE ${Prisma.join(statementConditions, ' AND ')}
    ),
    counted AS (
      SELECT date, kind, id, ${withTotal ? Prisma.sql`count(*) OVER ()` : Prisma.sql`NULL::bigint`} AS total
      FROM items
    ),
    page AS (
      SELECT c.date, c.kind, c.id, c.total FROM counted c ${afterCondition}
      ORDER BY c.date, c.kind, c.id
      LIMIT ${limit}
    )
    SELECT to_char(p.date, 'YYYY-MM-DD') AS date, p.kind, p.id::text AS id, p.total::int AS total
    FROM page p
    ORDER BY p.date, p.kind, p.id`;
}
