// SQL twins of the Prisma filters that hand-written queries need: visibleWhere
// (schema/visibility.ts) and the period test of date filters (events/date-range.ts).
import { Prisma } from './generated/prisma/client.ts';

/** Rows of `alias` the viewer may see: never soft-deleted, and PUBLISHED unless drafts are readable. */
export function visibleCondition(alias: string, includeDrafts: boolean): string {
  return includeDrafts
    ? `${alias}."deletedAt" IS NULL`
    : `${alias}."deletedAt" IS NULL AND ${alias}.status = 'PUBLISHED'`;
}

/** visibleCondition as a fragment of a Prisma tagged query. */
export function visibleSql(alias: string, includeDrafts: boolean): Prisma.Sql {
  return Prisma.raw(visibleCondition(alias, includeDrafts));
}

/**
 * Rows whose period (first day `date` at `precision`: DAY, MONTH or YEAR) ends on or after
 * `from`: "February 2024" reaches 2024-02-15.
 */
export function periodReachesSql(date: Prisma.Sql, precision: Prisma.Sql, from: Date): Prisma.Sql {
  return Prisma.sql`${date} >= CASE ${precision}
      WHEN 'YEAR' THEN date_trunc('year', ${from}::date)::date
      WHEN 'MONTH' THEN date_trunc('month', ${from}::date)::date
      ELSE ${from}::date END`;
}
