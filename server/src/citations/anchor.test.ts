// Anchoring passages: code-point offsets, context, normalisation, ambiguity and missing quotes.
import { describe, expect, it } from 'vitest';
import { CodePointIndex } from '../shared/text.ts';
import {
  AmbiguousQuoteError,
  type Anchor,
  anchorOffsets,
  anchorQuote,
  InvalidRangeError,
  InvalidSelectorError,
  QuoteNotFoundError,
  type QuoteSelector,
} from './anchor.ts';

// "Cambodia" in Khmer: 7 code points (consonants, a coeng and vowel signs), 4 grapheme clusters.
const KHMER = 'កម្ពុជា';
// A waving hand with a skin-tone modifier: 2 code points, 4 UTF-16 units, 1 grapheme.
const WAVE = '👋🏽';

describe('anchorQuote', () => {
  const cases: { name: string; body: string; selector: QuoteSelector; expected: Anchor }[] = [
    {
      name: 'a passage that occurs once',
      body: 'The minister said hello.',
      selector: { exact: 'said' },
      expected: { exact: 'said', prefix: 'The minister ', suffix: ' hello.', start: 13, end: 17 },
    },
    {
      name: 'offsets count code points, not UTF-16 units, after an emoji',
      body: `${WAVE} Hello world`,
      selector: { exact: 'world' },
      // UTF-16 would put "world" at 11; it is the 10th code point.
      expected: { exact: 'world', prefix: `${WAVE} Hello `, suffix: '', start: 9, end: 14 },
    },
    {
      name: 'offsets count code points, not graphemes, after Khmer text',
      body: `${KHMER} ${WAVE} said “peace”`,
      selector: { exact: 'peace' },
      expected: {
        exact: 'peace',
        prefix: `${KHMER} ${WAVE} said “`,
        suffix: '”',
        start: 17,
        end: 22,
      },
    },
    {
      name: 'a passage that is itself Khmer and emoji',
      body: `Name: ${KHMER}${WAVE}!`,
      selector: { exact: `${KHMER}${WAVE}` },
      expected: { exact: `${KHMER}${WAVE}`, prefix: 'Name: ', suffix: '!', start: 6, end: 15 },
    },
    {
      name: 'context is cut to 32 code points on each side',
      body: `${'a'.repeat(40)}XYZ${'b'.repeat(40)}`,
      selector: { exact: 'XYZ' },
      expected: {
        exact: 'XYZ',
        prefix: 'a'.repeat(32),
        suffix: 'b'.repeat(32),
        start: 40,
        end: 43,
      },
    },
    {
      name: 'context is cut to 32 code points, not 32 UTF-16 units',
      body: `${WAVE.repeat(20)}XYZ`,
      selector: { exact: 'XYZ' },
      expected: { exact: 'XYZ', prefix: WAVE.repeat(16), suffix: '', start: 40, end: 43 },
    },
    {
      name: 'an NFD quote matches the NFC body and comes back in NFC',
      body: 'Meeting at the Café Peace Palace.',
      selector: { exact: 'Cafe\u0301 Peace' },
      expected: {
        exact: 'Café Peace',
        prefix: 'Meeting at the ',
        suffix: ' Palace.',
        start: 15,
        end: 25,
      },
    },
    {
      name: 'a prefix picks one of several occurrences',
      body: 'the US said yes and the US said no',
      selector: { exact: 'the US said', prefix: 'and ' },
      expected: {
        exact: 'the US said',
        prefix: 'the US said yes and ',
        suffix: ' no',
        start: 20,
        end: 31,
      },
    },
    {
      name: 'a suffix picks one of several occurrences',
      body: 'the US said yes and the US said no',
      selector: { exact: 'the US said', suffix: ' yes' },
      expected: {
        exact: 'the US said',
        prefix: '',
        suffix: ' yes and the US said no',
        start: 0,
        end: 11,
      },
    },
    {
      name: 'a start offset picks one of several occurrences, counted in code points',
      body: `${WAVE} peace ${WAVE} peace`,
      selector: { exact: 'peace', start: 12 },
      expected: {
        exact: 'peace',
        prefix: `${WAVE} peace ${WAVE} `,
        suffix: '',
        start: 12,
        end: 17,
      },
    },
    {
      name: 'an NFD prefix still matches',
      body: 'café: yes. cafe: yes.',
      selector: { exact: 'yes', prefix: 'cafe\u0301: ' },
      expected: { exact: 'yes', prefix: 'café: ', suffix: '. cafe: yes.', start: 6, end: 9 },
    },
    {
      name: 'a passage spanning lines',
      body: 'First line.\nSecond line.',
      selector: { exact: 'line.\nSecond' },
      expected: { exact: 'line.\nSecond', prefix: 'First ', suffix: ' line.', start: 6, end: 18 },
    },
  ];

  it.each(cases)('anchors $name', ({ body, selector, expected }) => {
    const anchor = anchorQuote(body, selector);
    expect(anchor).toEqual(expected);
    // The offsets point back at the same passage.
    expect(new CodePointIndex(body).slice(anchor.start, anchor.end)).toBe(anchor.exact);
  });

  it('accepts a prebuilt CodePointIndex for anchoring many passages in one body', () => {
    const index = new CodePointIndex(`${WAVE} one two`);
    expect(anchorQuote(index, { exact: 'two' })).toMatchObject({ start: 7, end: 10 });
    expect(anchorQuote(index, { exact: 'one' })).toMatchObject({ start: 3, end: 6 });
  });

  const ambiguous: {
    name: string;
    body: string;
    selector: QuoteSelector;
    occurrences: number[];
  }[] = [
    {
      name: 'a repeated passage without context',
      body: 'the US and the US',
      selector: { exact: 'the US' },
      occurrences: [0, 11],
    },
    {
      name: 'overlapping occurrences',
      body: 'aaa',
      selector: { exact: 'aa' },
      occurrences: [0, 1],
    },
    {
      name: 'a prefix that matches more than one occurrence',
      body: 'he said yes; he said yes; she said yes',
      selector: { exact: 'said yes', prefix: 'he ' },
      // "she said yes" ends with "he " too: the prefix is compared as the text just before.
      occurrences: [3, 16, 30],
    },
    {
      name: 'occurrences after an emoji, reported in code points',
      body: `${WAVE} ok ${KHMER} ok`,
      selector: { exact: 'ok' },
      occurrences: [3, 14],
    },
  ];

  it.each(ambiguous)('rejects $name as ambiguous', ({ body, selector, occurrences }) => {
    const error = catchError(() => anchorQuote(body, selector));
    expect(error).toBeInstanceOf(AmbiguousQuoteError);
    const ambiguity = error as AmbiguousQuoteError;
    expect(ambiguity.code).toBe('BAD_USER_INPUT');
    expect(ambiguity.occurrences).toEqual(occurrences);
    expect(ambiguity.selector).toEqual(selector);
    expect(ambiguity.message).toContain(`occurs ${occurrences.length} times`);
  });

  const missing: { name: string; body: string; selector: QuoteSelector; occurrences: number[] }[] =
    [
      {
        name: 'a quote that is not in the text',
        body: 'The minister said hello.',
        selector: { exact: 'said goodbye' },
        occurrences: [],
      },
      {
        name: 'a quote with different punctuation (no fuzzy matching)',
        body: 'He said “yes”.',
        selector: { exact: 'He said "yes".' },
        occurrences: [],
      },
      {
        name: 'a quote that differs only in case',
        body: 'The Minister said hello.',
        selector: { exact: 'the minister' },
        occurrences: [],
      },
      {
        name: 'a prefix that matches no occurrence',
        body: 'the US said yes and the US said no',
        selector: { exact: 'the US said', prefix: 'or ' },
        occurrences: [0, 20],
      },
      {
        name: 'a suffix that contradicts the only occurrence',
        body: 'The minister said hello.',
        selector: { exact: 'said', suffix: ' goodbye' },
        occurrences: [13],
      },
      {
        name: 'a start offset where the passage is not',
        body: `${WAVE} peace ${WAVE} peace`,
        // 16 is where the second "peace" starts counted in UTF-16 units.
        selector: { exact: 'peace', start: 16 },
        occurrences: [3, 12],
      },
    ];

  it.each(missing)('rejects $name as not found', ({ body, selector, occurrences }) => {
    const error = catchError(() => anchorQuote(body, selector));
    expect(error).toBeInstanceOf(QuoteNotFoundError);
    const notFound = error as QuoteNotFoundError;
    expect(notFound.code).toBe('QUOTE_NOT_FOUND');
    expect(notFound.occurrences).toEqual(occurrences);
    expect(notFound.selector).toEqual(selector);
    expect(notFound.message).toContain(occurrences.length === 0 ? 'not in the source' : 'not with');
  });

  it.each([
    { selector: { exact: '' }, field: 'exact' },
    { selector: { exact: 'hello', start: -1 }, field: 'start' },
    { selector: { exact: 'hello', start: 1.5 }, field: 'start' },
  ])('rejects an unusable selector ($field)', ({ selector, field }) => {
    const error = catchError(() => anchorQuote('hello', selector));
    expect(error).toBeInstanceOf(InvalidSelectorError);
    expect((error as InvalidSelectorError).field).toBe(field);
    expect((error as InvalidSelectorError).code).toBe('BAD_USER_INPUT');
  });

  it('refuses a body that is not normalised, whose offsets would not survive storage', () => {
    expect(() => anchorQuote('Cafe\u0301 Phnom Penh', { exact: 'Phnom' })).toThrow(TypeError);
    expect(() => anchorQuote('one\r\ntwo', { exact: 'two' })).toThrow(TypeError);
  });
});

describe('anchorOffsets', () => {
  const body = `${KHMER} ${WAVE} said “peace” today`;

  it.each([
    { start: 17, end: 22, exact: 'peace' },
    { start: 8, end: 10, exact: WAVE },
    { start: 0, end: 7, exact: KHMER },
    { start: 0, end: [...body].length, exact: body },
  ])('takes the exact text from offsets $start..$end', ({ start, end, exact }) => {
    const anchor = anchorOffsets(body, start, end);
    expect(anchor.exact).toBe(exact);
    expect(anchor).toMatchObject({ start, end });
  });

  it('returns the same anchor as anchoring the quote it selects', () => {
    const fromQuote = anchorQuote(body, { exact: 'peace' });
    expect(anchorOffsets(body, fromQuote.start, fromQuote.end)).toEqual(fromQuote);
  });

  it.each([
    { start: -1, end: 3 },
    { start: 3, end: 3 },
    { start: 5, end: 2 },
    { start: 0, end: [...body].length + 1 },
    // The body's length in UTF-16 units is larger than in code points: still out of range.
    { start: 0, end: body.length },
    { start: 1.5, end: 3 },
    { start: 0, end: Number.NaN },
  ])('rejects the range $start..$end', ({ start, end }) => {
    const error = catchError(() => anchorOffsets(body, start, end));
    expect(error).toBeInstanceOf(InvalidRangeError);
    const invalid = error as InvalidRangeError;
    expect(invalid.code).toBe('BAD_USER_INPUT');
    expect(invalid).toMatchObject({ start, end, length: [...body].length });
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
