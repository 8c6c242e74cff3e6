// The editorial workflow: which status changes exist and the least role each needs.
// DRAFT → IN_REVIEW → PUBLISHED → ARCHIVED, and back to DRAFT.
import type { EditorialStatus, UserRole } from '../db/generated/prisma/enums.ts';

const TRANSITIONS: Record<EditorialStatus, Partial<Record<EditorialStatus, UserRole>>> = {
  DRAFT: { IN_REVIEW: 'EDITOR' },
  // An editor may withdraw a record from review; a reviewer approves or returns it.
  IN_REVIEW: { DRAFT: 'EDITOR', PUBLISHED: 'REVIEWER' },
  // Unpublishing is a reviewer's call, like publishing.
  PUBLISHED: { ARCHIVED: 'REVIEWER', DRAFT: 'REVIEWER' },
  ARCHIVED: { DRAFT: 'EDITOR' },
};

/** The least role that may move a record from `from` to `to`, or null when there is no such move. */
export function transitionRole(from: EditorialStatus, to: EditorialStatus): UserRole | null {
  return TRANSITIONS[from][to] ?? null;
}

/** The statuses a record in `from` can move to. */
export function nextStatuses(from: EditorialStatus): EditorialStatus[] {
  return Object.keys(TRANSITIONS[from]) as EditorialStatus[];
}
