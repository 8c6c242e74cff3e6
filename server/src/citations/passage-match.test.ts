import { describe, expect, it } from 'vitest';
import { findOccurrences, foldForMatching, literalProbe } from './passage-match.ts';

describe('foldForMatching', () => {
  it('folds typographic punctuation one unit for one', () => {
    const text = 'Cambodia’s “mine-free” goal — 2025';
    const folded = foldForMatching(text);
    expect(folded).toBe('Cambodia\'s "mine-free" goal - 2025');
    expect(folded.length).toBe(text.length);
  });
});

describe('literalProbe', () => {
  it.each([
    ['Cambodia’s commitment', 's commitment'],
    ['“ab”', null],
    ['plain words here', 'plain words here'],
  ])('%s', (quote, probe) => {
    expect(literalProbe(quote)).toBe(probe);
  });
});

describe('findOccurrences', () => {
  it('finds a quote pasted with straight quotes in a body with curly ones', () => {
    const body = 'He said the U.S.’s support “is vital” today.';
    const [match] = findOccurrences(body, 'U.S.\'s support "is vital"', 10);
    expect(match).toMatchObject({ exact: 'U.S.’s support “is vital”', start: 12, end: 37 });
  });

  it('counts offsets in code points after emoji and Khmer text', () => {
    const body = '😀 ខ្មែរ then the quoted passage follows.';
    const [match] = findOccurrences(body, 'quoted passage', 10);
    expect(match?.start).toBe([...'😀 ខ្មែរ then the '].length);
    expect(match?.prefix).toBe('😀 ខ្មែរ then the ');
  });

  it('returns every occurrence up to the limit', () => {
    expect(findOccurrences('a b a b a', 'a', 2).map((m) => m.start)).toEqual([0, 4]);
  });

  it('finds nothing for an absent quote', () => {
    expect(findOccurrences('some text', 'absent', 10)).toEqual([]);
  });
});
