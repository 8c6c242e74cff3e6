import { describe, expect, it } from 'vitest';
import { displayValue, referencesIn, revisionDiff, wordDiff } from './revision-diff.ts';

const names: Record<string, string> = {
  'Actor:a1': 'Hun Manet',
  'Actor:a2': 'Hun Sen',
  'Topic:t1': 'Demining',
  'Topic:t2': 'Peacekeeping',
  'Event:e1': 'Austin visits Cambodia',
};
const nameOf = (type: string, uuid: string) => names[`${type}:${uuid}`];

describe('the diff of two revisions', () => {
  it('shows the changed content fields only, before → after, by readable label', () => {
    const before = {
      id: 'x',
      version: 3,
      updatedAt: '2025-01-01T00:00:00.000Z',
      kind: 'DIRECT_QUOTE',
      speakerId: 'a1',
      rank: 'NORMAL',
    };
    const after = {
      ...before,
      version: 4,
      updatedAt: '2025-01-02T00:00:00.000Z',
      speakerId: 'a2',
      rank: 'PREFERRED',
    };
    expect(revisionDiff(before, after, nameOf)).toEqual([
      { field: 'speakerId', label: 'Speaker', before: 'Hun Manet', after: 'Hun Sen' },
      { field: 'rank', label: 'Rank', before: 'Normal', after: 'Preferred' },
    ]);
  });

  it('shows dates at their precision, and a change of precision alone', () => {
    const before = { startOn: '2024-02-01T00:00:00.000Z', startPrecision: 'MONTH' };
    const after = { startOn: '2024-02-26T00:00:00.000Z', startPrecision: 'DAY' };
    expect(revisionDiff(before, after)).toEqual([
      { field: 'startOn', label: 'Start date', before: '2024-02', after: '2024-02-26' },
    ]);
    // The same day stored, only the precision widened: still a change a reader sees.
    expect(
      revisionDiff(
        { saidOn: '2024-01-01T00:00:00.000Z', saidPrecision: 'DAY' },
        { saidOn: '2024-01-01T00:00:00.000Z', saidPrecision: 'YEAR' },
      ),
    ).toEqual([{ field: 'saidOn', label: 'Said on', before: '2024-01-01', after: '2024' }]);
  });

  it('shows lists by name, and ignores a list that only came back in the same order', () => {
    const before = {
      topics: [{ topicId: 't1' }],
      participants: [{ actorId: 'a1', role: 'HOST' }],
    };
    const after = {
      topics: [{ topicId: 't1' }, { topicId: 't2' }],
      participants: [{ actorId: 'a1', role: 'HOST' }],
    };
    expect(revisionDiff(before, after, nameOf)).toEqual([
      { field: 'topics', label: 'Topics', before: 'Demining', after: 'Demining; Peacekeeping' },
    ]);
    expect(displayValue('participants', after, nameOf)).toBe('Hun Manet (host)');
  });

  it('falls back to a short id for a record whose name is not known', () => {
    expect(
      revisionDiff({ eventId: null }, { eventId: '0f0e0d0c-aaaa-bbbb-cccc-000000000000' }),
    ).toEqual([{ field: 'eventId', label: 'Event', before: '', after: '#0f0e0d0c' }]);
  });

  it('lists what a creation set', () => {
    expect(revisionDiff(null, { id: 'x', version: 1, name: 'Demining', slug: 'demining' })).toEqual(
      [
        { field: 'name', label: 'Name', before: '', after: 'Demining' },
        { field: 'slug', label: 'Slug', before: '', after: 'demining' },
      ],
    );
  });

  it('diffs long texts word by word', () => {
    const [row] = revisionDiff(
      { text: 'We will clear every mine by 2025.' },
      { text: 'We will clear every landmine by 2030.' },
    );
    expect(row?.parts).toEqual([
      { kind: 'same', text: 'We will clear every ' },
      { kind: 'removed', text: 'mine' },
      { kind: 'added', text: 'landmine' },
      { kind: 'same', text: ' by ' },
      { kind: 'removed', text: '2025.' },
      { kind: 'added', text: '2030.' },
    ]);
  });

  it('elides long unchanged runs, keeping some words around each change', () => {
    const words = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, index) => `w${from + index}`).join(' ');
    const before = `${words(0, 40)} old ${words(40, 80)}`;
    const after = `${words(0, 40)} new ${words(40, 80)}`;
    const parts = wordDiff(before, after);
    expect(parts[0]).toEqual({ kind: 'elided', words: 34 });
    expect(parts[1]).toEqual({ kind: 'same', text: 'w34 w35 w36 w37 w38 w39 ' });
    expect(parts.slice(2, 4)).toEqual([
      { kind: 'removed', text: 'old' },
      { kind: 'added', text: 'new' },
    ]);
    expect(parts.at(-1)).toEqual({ kind: 'elided', words: 34 });
  });

  it('diffs a long text with changes far apart line by line, then word by word', () => {
    const paragraph = (n: number) =>
      Array.from({ length: 120 }, (_, index) => `p${n}w${index}`).join(' ');
    const paragraphs = Array.from({ length: 12 }, (_, n) => paragraph(n));
    const before = paragraphs.join('\n\n');
    const edited = [...paragraphs];
    edited[1] = (edited[1] as string).replace('p1w5 ', 'p1w5 inserted ');
    edited[10] = (edited[10] as string).replace(' p10w60', '');
    const parts = wordDiff(before, edited.join('\n\n'));
    expect(parts.filter((part) => part.kind === 'added')).toEqual([
      { kind: 'added', text: 'inserted ' },
    ]);
    expect(parts.filter((part) => part.kind === 'removed')).toEqual([
      { kind: 'removed', text: 'p10w60 ' },
    ]);
    // Most of the text is elided, not repeated.
    const shown = parts.map((part) => ('text' in part ? part.text : '')).join('');
    expect(shown.length).toBeLessThan(300);
  });

  it('collects the records a revision refers to', () => {
    expect(
      referencesIn(
        { speakerId: 'a1', topics: [{ topicId: 't1' }] },
        { speakerId: 'a2', topics: [{ topicId: 't1' }] },
      ),
    ).toEqual([
      { type: 'Actor', uuid: 'a1' },
      { type: 'Topic', uuid: 't1' },
      { type: 'Actor', uuid: 'a2' },
    ]);
  });
});
