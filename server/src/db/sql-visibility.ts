// The SQL twin of visibleWhere (schema/visibility.ts), for hand-written queries.

/** Rows of `alias` the viewer may see: never soft-deleted, and PUBLISHED unless drafts are readable. */
export function visibleCondition(alias: string, includeDrafts: boolean): string {
  return includeDrafts
    ? `${alias}."deletedAt" IS NULL`
    : `${alias}."deletedAt" IS NULL AND ${alias}.status = 'PUBLISHED'`;
}
