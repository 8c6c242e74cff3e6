import { describe, expect, it } from 'vitest';
import { type CitationRevision, previousPassage } from './previous-passage.ts';

const revision = (
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): CitationRevision => ({
  before,
  after,
  changedFields: Object.keys({ ...before, ...after }).filter(
    (key) => JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key]),
  ),
});

describe('the passage a citation had before its source changed', () => {
  const created = revision(null, { exact: 'the original words', anchorStatus: 'EXACT' });

  it('is the text before the re-anchoring that made it FUZZY', () => {
    const fuzzy = revision(
      { exact: 'the original words', anchorStatus: 'EXACT' },
      { exact: 'the edited words', anchorStatus: 'FUZZY' },
    );
    expect(previousPassage([fuzzy, created])).toBe('the original words');
  });

  it('looks past later edits of the note or a second fuzzy move', () => {
    const fuzzy = revision(
      { exact: 'the original words', anchorStatus: 'EXACT' },
      { exact: 'the edited words', anchorStatus: 'FUZZY' },
    );
    const again = revision(
      { exact: 'the edited words', anchorStatus: 'FUZZY' },
      { exact: 'the re-edited words', anchorStatus: 'FUZZY' },
    );
    const note = revision(
      { exact: 'the re-edited words', anchorStatus: 'FUZZY', note: null },
      { exact: 'the re-edited words', anchorStatus: 'FUZZY', note: 'checked' },
    );
    expect(previousPassage([note, again, fuzzy, created])).toBe('the original words');
  });

  it('is the text an ORPHANED citation lost', () => {
    const orphaned = revision(
      { exact: 'gone words', anchorStatus: 'EXACT', start: 10 },
      { exact: 'gone words', anchorStatus: 'ORPHANED', start: 10 },
    );
    expect(previousPassage([orphaned])).toBe('gone words');
  });

  it('is null when the history shows no move', () => {
    expect(previousPassage([created])).toBeNull();
    expect(previousPassage([])).toBeNull();
  });
});
