// The SQL twin of visibleWhere (schema/visibility.ts), for hand-written queries.

/** A status and deletion time the viewer may see: never deleted, PUBLISHED unless drafts are readable. */
function visibleColumns(status: string, deletedAt: string, includeDrafts: boolean): string {
  return includeDrafts
    ? `${deletedAt} IS NULL`
    : `${deletedAt} IS NULL AND ${status} = 'PUBLISHED'`;
}

/** Rows of `alias` the viewer may see. */
export function visibleCondition(alias: string, includeDrafts: boolean): string {
  return visibleColumns(`${alias}.status`, `${alias}."deletedAt"`, includeDrafts);
}

/**
 * Participant rows of `alias` whose event the viewer may see, read from the copies of the
 * event's columns the row carries (kept by triggers).
 */
export function visibleParticipantEventCondition(alias: string, includeDrafts: boolean): string {
  return visibleColumns(`${alias}."eventStatus"`, `${alias}."eventDeletedAt"`, includeDrafts);
}

/**
 * Citations of `alias` the viewer may see: the citation, its source and its event or statement
 * visible, read from the copies of the parents' columns the citation carries (kept by triggers).
 */
export function visibleCitationCondition(alias: string, includeDrafts: boolean): string {
  return [
    visibleCondition(alias, includeDrafts),
    visibleColumns(`${alias}."sourceStatus"`, `${alias}."sourceDeletedAt"`, includeDrafts),
    visibleColumns(`${alias}."targetStatus"`, `${alias}."targetDeletedAt"`, includeDrafts),
  ].join(' AND ');
}
