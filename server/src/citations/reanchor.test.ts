// Re-anchoring after a source's body is edited: edits before, inside and after a passage,
// deletions, duplicates, code points, long passages and very long bodies.
import { describe, expect, it } from 'vitest';
import { CodePointIndex, codePointLength } from '../shared/text.ts';
import { type Anchor, anchorQuote } from './anchor.ts';
import { FUZZY_THRESHOLD, type ReanchorResult, reanchor } from './reanchor.ts';

// "Cambodia" in Khmer: 7 code points, 4 grapheme clusters.
const KHMER = 'កម្ពុជា';
// A waving hand with a skin-tone modifier: 2 code points, 4 UTF-16 units.
const WAVE = '👋🏽';

const PASSAGE = 'Cambodia adheres to a policy of independence, based on international law';
const BODY = [
  'Phnom Penh, 26 February.',
  '',
  `The commander met the visiting official on Monday. “${PASSAGE},” he explained. The two sides also discussed demining.`,
  '',
  'More talks are planned for next year.',
].join('\n');

/** The old body with one replacement, which must apply. */
function edit(body: string, from: string, to: string): string {
  if (!body.includes(from)) throw new Error(`test edit: "${from}" is not in the body`);
  return body.replace(from, to);
}

describe('reanchor', () => {
  const old = anchorQuote(BODY, { exact: PASSAGE });

  const cases: {
    name: string;
    newBody: string;
    anchor?: Anchor;
    expected: Partial<ReanchorResult>;
    /** For FUZZY results: the lowest acceptable score. */
    minScore?: number;
  }[] = [
    {
      name: 'an unchanged body keeps the anchor',
      newBody: BODY,
      expected: { ...old, status: 'EXACT', score: null },
    },
    {
      name: 'an edit after the passage changes nothing',
      newBody: edit(BODY, 'next year', 'the year after'),
      expected: { ...old, status: 'EXACT' },
    },
    {
      name: 'an edit before the passage shifts its offsets',
      newBody: edit(BODY, 'Phnom Penh,', 'PHNOM PENH (Reuters) — Phnom Penh,'),
      // 23 code points: the em dash is one.
      expected: { ...old, status: 'EXACT', start: old.start + 23, end: old.end + 23 },
    },
    {
      name: 'an edit just before the passage updates its prefix',
      newBody: edit(BODY, 'on Monday.', 'on Tuesday.'),
      expected: {
        status: 'EXACT',
        exact: PASSAGE,
        prefix: ' visiting official on Tuesday. “',
        start: old.start + 1,
        end: old.end + 1,
      },
    },
    {
      name: 'a deletion before the passage shifts it back',
      newBody: edit(BODY, 'Phnom Penh, 26 February.\n\n', ''),
      expected: { ...old, status: 'EXACT', start: old.start - 26, end: old.end - 26 },
    },
    {
      name: 'an emoji and Khmer before the passage shift it by code points, not UTF-16 units',
      // 2 + 7 + 1 code points (11 UTF-16 units + 1).
      newBody: `${WAVE}${KHMER} ${BODY}`,
      expected: { ...old, status: 'EXACT', start: old.start + 10, end: old.end + 10 },
    },
    {
      name: 'a typo fixed inside the passage is a fuzzy match with a high score',
      newBody: edit(BODY, 'independence', 'independance'),
      expected: {
        status: 'FUZZY',
        exact: PASSAGE.replace('independence', 'independance'),
        prefix: old.prefix,
        suffix: old.suffix,
        start: old.start,
        end: old.end,
      },
      minScore: 0.95,
    },
    {
      name: 'a word changed inside the passage is a fuzzy match, the new words cited',
      newBody: edit(BODY, 'international law', 'global law'),
      expected: {
        status: 'FUZZY',
        exact: 'Cambodia adheres to a policy of independence, based on global law',
        start: old.start,
        end: old.end - 7,
      },
      minScore: 0.85,
    },
    {
      name: 'words added at the end of the passage: the old words are still there, verbatim',
      newBody: edit(BODY, 'international law,”', 'international law and friendship,”'),
      expected: {
        status: 'EXACT',
        exact: PASSAGE,
        start: old.start,
        suffix: ' and friendship,” he explained. ',
      },
    },
    {
      name: 'words inserted in the middle of the passage are taken in',
      newBody: edit(BODY, 'a policy of', 'a firm and lasting policy of'),
      expected: {
        status: 'FUZZY',
        exact: PASSAGE.replace('a policy of', 'a firm and lasting policy of'),
        start: old.start,
        end: old.end + 17,
      },
      minScore: 0.8,
    },
    {
      name: 'a typo fixed after an emoji and Khmer were inserted: code-point offsets',
      newBody: `${WAVE}${KHMER} ${edit(BODY, 'independence', 'independance')}`,
      expected: { status: 'FUZZY', start: old.start + 10, end: old.end + 10 },
      minScore: 0.95,
    },
    {
      name: 'a typo fixed in a passage that moved far away (beyond the fuzzy search window)',
      newBody: `${'Background. '.repeat(800)}${edit(BODY, 'independence', 'independance')}`,
      expected: { status: 'FUZZY', start: old.start + 9600, end: old.end + 9600 },
      minScore: 0.95,
    },
    {
      name: 'a heavily rewritten passage is orphaned, old text and offsets kept',
      newBody: edit(BODY, PASSAGE, 'We will do what we think is right for our people, nobody else'),
      expected: { ...old, status: 'ORPHANED', score: null },
    },
    {
      name: 'a deleted passage is orphaned',
      newBody: edit(BODY, `“${PASSAGE},” he explained. `, ''),
      expected: { ...old, status: 'ORPHANED', score: null },
    },
    {
      name: 'a body cut short before the passage is orphaned, offsets clamped to its length',
      newBody: 'Phnom Penh, 26 February.',
      expected: { ...old, status: 'ORPHANED', start: 24, end: 24 },
    },
    {
      name: 'an empty body orphans everything',
      newBody: '',
      expected: { ...old, status: 'ORPHANED', start: 0, end: 0 },
    },
    {
      name: 'a passage slightly changed and moved into unrelated text is orphaned',
      newBody: `Unrelated opening words here and there: ${PASSAGE.replace('independence', 'autonomy')} — and more unrelated words follow.`,
      expected: { status: 'ORPHANED' },
    },
    {
      name: 'the passage moved verbatim into unrelated text: FUZZY, so an editor confirms the move',
      newBody: `Unrelated opening words here and there: ${PASSAGE} — and more unrelated words follow.`,
      expected: { status: 'FUZZY', exact: PASSAGE, start: 40, end: 112 },
      minScore: 0.8,
    },
    {
      name: 'the passage moved verbatim with one side of its context: EXACT',
      newBody: `Summary first.\n\n“${PASSAGE},” he explained at length.`,
      expected: { status: 'EXACT', exact: PASSAGE, start: 17, end: 89 },
    },
    {
      name: 'the passage pasted again elsewhere: its context picks the original place',
      newBody: `As quoted earlier, ${PASSAGE}.\n\n${BODY}`,
      expected: { ...old, status: 'EXACT', start: old.start + 94, end: old.end + 94 },
    },
    {
      name: 'the whole paragraph duplicated: the occurrence nearest the old offset',
      newBody: edit(BODY, 'More talks', `${BODY.split('\n')[2]}\n\nMore talks`),
      expected: { ...old, status: 'EXACT' },
    },
    {
      name: 'the passage moved and its old place now holds other text',
      newBody: edit(
        edit(BODY, `“${PASSAGE},” he explained.`, 'Nothing was said.'),
        'next year.',
        `next year. “${PASSAGE},” he explained.`,
      ),
      expected: { status: 'EXACT', exact: PASSAGE, start: 174, end: 246 },
    },
  ];

  it.each(cases)('$name', ({ newBody, anchor, expected, minScore }) => {
    const result = reanchor(anchor ?? old, newBody);
    expect(result).toMatchObject(expected);
    if (result.status === 'ORPHANED') return;
    // The result is a valid anchor in the new body.
    const index = new CodePointIndex(newBody);
    expect(index.slice(result.start, result.end)).toBe(result.exact);
    expect(result.prefix).toBe(index.slice(Math.max(0, result.start - 32), result.start));
    expect(result.suffix).toBe(index.slice(result.end, Math.min(index.length, result.end + 32)));
    if (result.status === 'FUZZY') {
      expect(result.score).toBeGreaterThanOrEqual(Math.max(minScore ?? 0, FUZZY_THRESHOLD));
      expect(result.score).toBeLessThanOrEqual(1);
    } else {
      expect(result.score).toBeNull();
    }
  });

  it('picks, among repeated passages, the one whose context matches', () => {
    const body = 'First he said “yes” to trade. Later he said “yes” to defence.';
    const second = anchorQuote(body, { exact: 'yes', suffix: '” to defence' });
    // Text inserted before both occurrences: the second must stay the second.
    const result = reanchor(second, `Summary. ${body}`);
    expect(result).toMatchObject({ status: 'EXACT', start: second.start + 9 });
    expect(result.suffix.startsWith('” to defence')).toBe(true);
  });

  it('re-anchors a passage that is itself emoji and Khmer', () => {
    const body = `Name: ${KHMER}${WAVE}! And more.`;
    const anchor = anchorQuote(body, { exact: `${KHMER}${WAVE}` });
    expect(reanchor(anchor, `${WAVE} ${body}`)).toMatchObject({
      status: 'EXACT',
      start: anchor.start + 3,
      end: anchor.end + 3,
    });
  });

  it('ends a fuzzy passage after, not inside, a surrogate pair', () => {
    const body = `Intro text before it. The minister waved ${WAVE} at everyone. Then more text after it.`;
    const anchor = anchorQuote(body, { exact: `The minister waved ${WAVE}` });
    const result = reanchor(anchor, edit(body, 'minister', 'ministre'));
    expect(result).toMatchObject({ status: 'FUZZY', exact: `The ministre waved ${WAVE}` });
  });

  it('handles long passages (beyond the 32-unit limit of the fuzzy matcher)', () => {
    const long = Array.from(
      { length: 12 },
      (_, i) => `Sentence ${i + 1} of the long statement says something about cooperation.`,
    ).join(' ');
    const body = `Before the statement. “${long}” After the statement.`;
    const anchor = anchorQuote(body, { exact: long });
    expect(codePointLength(long)).toBeGreaterThan(800);

    // Edits before and inside the passage at once.
    const edited = edit(
      edit(body, 'Before the statement.', 'Text written before the statement.'),
      'Sentence 6 of the long',
      'Sentence six of the lengthy',
    );
    const result = reanchor(anchor, edited);
    expect(result.status).toBe('FUZZY');
    expect(result.exact).toBe(edit(long, 'Sentence 6 of the long', 'Sentence six of the lengthy'));
    expect(result.score).toBeGreaterThan(0.95);

    // Half the passage rewritten: not the same passage any more.
    const rewritten = edit(body, long.slice(0, 450), 'Entirely different words. '.repeat(17));
    expect(reanchor(anchor, rewritten).status).toBe('ORPHANED');
  });

  it('accepts a prebuilt CodePointIndex to re-anchor many citations of one body', () => {
    const index = new CodePointIndex(`${WAVE} ${BODY}`);
    expect(reanchor(old, index)).toMatchObject({ status: 'EXACT', start: old.start + 3 });
    const other = anchorQuote(BODY, { exact: 'More talks' });
    expect(reanchor(other, index)).toMatchObject({ status: 'EXACT', start: other.start + 3 });
  });

  it('re-anchors in a 2 MB body (correctness; timings are for benchmarks)', () => {
    const filler = 'The ministry said the talks on defence cooperation were constructive. ';
    const paragraph = `${filler.repeat(14)}\n\n`;
    const half = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length));
    const body = `${half}${BODY}\n\n${half}`;
    expect(body.length).toBeGreaterThan(2_000_000);
    const anchor = anchorQuote(body, { exact: PASSAGE });
    const shortAnchor = anchorQuote(body, { exact: 'More talks' });

    const shifted = `${WAVE} New first line.\n\n${body}`;
    expect(reanchor(anchor, shifted)).toMatchObject({ status: 'EXACT', start: anchor.start + 20 });
    const index = new CodePointIndex(edit(shifted, 'independence', 'independance'));
    expect(reanchor(anchor, index)).toMatchObject({ status: 'FUZZY', start: anchor.start + 20 });
    expect(reanchor(shortAnchor, index)).toMatchObject({
      status: 'EXACT',
      start: shortAnchor.start + 20,
    });
    // A common phrase that occurs tens of thousands of times: context still finds the right one.
    const common = anchorQuote(body, {
      exact: 'the talks',
      start: codePointLength(half) - filler.length - 2 + 'The ministry said '.length,
    });
    expect(reanchor(common, shifted)).toMatchObject({ status: 'EXACT', start: common.start + 20 });
    expect(
      reanchor(anchor, new CodePointIndex(edit(shifted, PASSAGE, 'Something else.'))).status,
    ).toBe('ORPHANED');
  });

  it('refuses a body that is not normalised', () => {
    expect(() => reanchor(old, 'Cafe\u0301 Phnom Penh')).toThrow(TypeError);
  });
});
