import { describe, expect, it } from 'vitest';
import { type Passage, paragraphRanges, segmentBody } from './segments.ts';

const passage = (id: string, start: number, end: number, kind: Passage['kind']): Passage => ({
  id,
  start,
  end,
  kind,
  targetId: `${kind}-${id}`,
  label: id,
});

/** Each segment as "text[ids]" for readable expectations. */
const layout = (body: string, passages: Passage[]) =>
  segmentBody(body, passages).map((paragraph) =>
    paragraph.segments.map(
      (segment) =>
        `${segment.text}${segment.passages.length ? `[${segment.passages.map((p) => p.id).join(',')}]` : ''}`,
    ),
  );

describe('paragraphs', () => {
  it('splits on blank lines, keeping single line breaks and leading spaces', () => {
    const body = 'One\ntwo\n\n  Three\n \t\n\nFour';
    expect(paragraphRanges(body)).toEqual([
      { start: 0, end: 7 },
      { start: 9, end: 16 },
      { start: 21, end: 25 },
    ]);
  });

  it('counts code points, not UTF-16 units', () => {
    expect(paragraphRanges('😀😀\n\nខ្មែរ')).toEqual([
      { start: 0, end: 2 },
      { start: 4, end: 9 },
    ]);
  });

  it('ignores blank lines at the start and end', () => {
    expect(paragraphRanges('\n\nA\n\n')).toEqual([{ start: 2, end: 3 }]);
    expect(paragraphRanges('')).toEqual([]);
  });
});

describe('segments', () => {
  it('is the plain paragraphs when nothing is cited', () => {
    expect(layout('Hello\n\nworld', [])).toEqual([['Hello'], ['world']]);
  });

  it('cuts at every edge of overlapping passages, each segment knowing all passages over it', () => {
    //            0123456789012345678901
    const body = 'Alpha beta gamma delta';
    const passages = [
      passage('s1', 0, 10, 'statement'),
      passage('e1', 6, 16, 'event'),
      passage('s2', 6, 10, 'statement'),
    ];
    expect(layout(body, passages)).toEqual([
      ['Alpha [s1]', 'beta[s1,e1,s2]', ' gamma[e1]', ' delta'],
    ]);
  });

  it('handles a passage nested in another and passages that touch', () => {
    const body = 'abcdefgh';
    expect(
      layout(body, [
        passage('outer', 0, 8, 'event'),
        passage('inner', 2, 4, 'statement'),
        passage('next', 4, 6, 'statement'),
      ]),
    ).toEqual([['ab[outer]', 'cd[outer,inner]', 'ef[outer,next]', 'gh[outer]']]);
  });

  it('splits a passage running over paragraphs, leaving the blank lines out', () => {
    const body = 'First para.\n\nSecond para.';
    expect(layout(body, [passage('p', 6, 19, 'event')])).toEqual([
      ['First ', 'para.[p]'],
      ['Second[p]', ' para.'],
    ]);
  });

  it('slices by code points when the body has emoji and Khmer before a passage', () => {
    const body = '😀 ខ្មែរ says "hello" 👍';
    // "hello" starts at code point 14 (UTF-16 index 15).
    const [paragraph] = segmentBody(body, [passage('q', 14, 19, 'statement')]);
    expect(
      paragraph?.segments.map((segment) => [segment.start, segment.end, segment.text]),
    ).toEqual([
      [0, 14, '😀 ខ្មែរ says "'],
      [14, 19, 'hello'],
      [19, 22, '" 👍'],
    ]);
  });

  it('also cuts where asked, inside a passage or plain text', () => {
    const [paragraph] = segmentBody('abcdefgh', [passage('p', 0, 6, 'event')], [2, 4, 7, 99]);
    expect(paragraph?.segments.map((segment) => segment.text)).toEqual([
      'ab',
      'cd',
      'ef',
      'g',
      'h',
    ]);
    expect(paragraph?.segments.map((segment) => segment.passages.length)).toEqual([1, 1, 1, 0, 0]);
  });

  it('leaves out passages that are empty or outside the body', () => {
    expect(
      layout('short', [
        passage('stale', 3, 40, 'event'),
        passage('empty', 2, 2, 'event'),
        passage('ok', 0, 2, 'statement'),
      ]),
    ).toEqual([['sh[ok]', 'ort']]);
  });
});
