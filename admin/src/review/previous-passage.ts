// The passage a citation pointed at before its source changed: a FUZZY citation's `exact` is
// the text found now, and an ORPHANED one's is what could not be found, so the passage the
// editor cited is in the history, as the `before` of the re-anchoring that moved it off EXACT.
import type { Snapshot } from '../history/revision-diff.ts';

export interface CitationRevision {
  changedFields: readonly string[];
  before: Snapshot | null;
  after: Snapshot | null;
}

/** The passage before the latest re-anchoring; null when the history does not show one. */
export function previousPassage(revisions: readonly CitationRevision[]): string | null {
  // Revisions come newest first.
  const reanchoring = revisions.find(
    (revision) =>
      revision.before?.anchorStatus === 'EXACT' && revision.after?.anchorStatus !== 'EXACT',
  );
  const moved =
    reanchoring ?? revisions.find((revision) => revision.changedFields.includes('exact'));
  const exact = moved?.before?.exact;
  return typeof exact === 'string' ? exact : null;
}
