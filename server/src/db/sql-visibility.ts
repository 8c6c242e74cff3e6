// The SQL twin of visibleWhere (schema/visibility.ts), for hand-written queries.
import { Prisma } from './generated/prisma/client.ts';

/** Rows of `alias` the viewer may see: never soft-deleted, and PUBLISHED unless drafts are readable. */
export function visibleSql(alias: string, includeDrafts: boolean): Prisma.Sql {
  const table = Prisma.raw(alias);
  return includeDrafts
    ? Prisma.sql`${table}."deletedAt" IS NULL`
    : Prisma.sql`${table}."deletedAt" IS NULL AND ${table}.status = 'PUBLISHED'`;
}
