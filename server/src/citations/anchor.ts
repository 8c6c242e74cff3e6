// Anchors a cited passage in a source body the way the W3C Web Annotation model does: the exact
// text, up to 32 code points of prefix and suffix context, and code-point offsets (end exclusive).
import { CodePointIndex, normalizeText } from '../shared/text.ts';

/** How much context is kept on each side of a passage, in code points. */
export const CONTEXT_LENGTH = 32;

/** What a caller knows about a passage: its text and, when it occurs more than once, where. */
export interface QuoteSelector {
  exact: string;
  /** Text immediately before the passage (any length); picks one of several occurrences. */
  prefix?: string;
  /** Text immediately after the passage (any length); picks one of several occurrences. */
  suffix?: string;
  /** Code-point offset of the passage; picks one of several occurrences. */
  start?: number;
}

/** A passage anchored in a body: W3C TextQuoteSelector plus TextPositionSelector. */
export interface Anchor {
  exact: string;
  prefix: string;
  suffix: string;
  /** Code-point offset of the first code point of the passage. */
  start: number;
  /** Code-point offset just past the passage (exclusive). */
  end: number;
}

/** The GraphQL error codes these errors map to (see schema/errors.ts). */
export type AnchorErrorCode = 'QUOTE_NOT_FOUND' | 'BAD_USER_INPUT';

export abstract class AnchorError extends Error {
  abstract readonly code: AnchorErrorCode;
}

/**
 * The passage is not in the body, or it is but not with the given prefix, suffix or start.
 * `occurrences` lists where the exact text does occur (empty when it does not occur at all), so a
 * caller can say "found at 120 and 480, but not after 'the minister said'".
 */
export class QuoteNotFoundError extends AnchorError {
  readonly code = 'QUOTE_NOT_FOUND';
  constructor(
    readonly selector: QuoteSelector,
    readonly occurrences: readonly number[],
  ) {
    super(
      occurrences.length === 0
        ? `The quoted text is not in the source: "${shorten(selector.exact)}". Copy it verbatim from the source text.`
        : `The quoted text "${shorten(selector.exact)}" occurs in the source (at code point ${occurrences.join(', ')}) but not with the given ${describeContext(selector)}.`,
    );
    this.name = 'QuoteNotFoundError';
  }
}

/** The passage occurs more than once and nothing given says which occurrence is meant. */
export class AmbiguousQuoteError extends AnchorError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly selector: QuoteSelector,
    /** Code-point offsets of the occurrences that still match the given context. */
    readonly occurrences: readonly number[],
  ) {
    super(
      `The quoted text "${shorten(selector.exact)}" occurs ${occurrences.length} times in the source (at code point ${occurrences.join(', ')}); give a prefix, a suffix or a start offset to choose one.`,
    );
    this.name = 'AmbiguousQuoteError';
  }
}

/** A selector that cannot select anything: empty exact text, or a start that is not an offset. */
export class InvalidSelectorError extends AnchorError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    message: string,
    /** The selector field at fault ("exact", "start"). */
    readonly field: keyof QuoteSelector,
  ) {
    super(message);
    this.name = 'InvalidSelectorError';
  }
}

/** Offsets that do not delimit a non-empty passage of the body. */
export class InvalidRangeError extends AnchorError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly start: number,
    readonly end: number,
    /** The body's length in code points. */
    readonly length: number,
  ) {
    super(
      `The range ${start}..${end} is not a passage of the source: offsets are whole code points with 0 <= start < end <= ${length}.`,
    );
    this.name = 'InvalidRangeError';
  }
}

type Body = string | CodePointIndex;

function indexOf(body: Body): CodePointIndex {
  if (typeof body !== 'string') return body;
  // Offsets are only meaningful in the stored (normalised) form; anchoring in anything else
  // would produce offsets that point elsewhere once the body is saved.
  if (normalizeText(body) !== body) {
    throw new TypeError('anchor: the body must be normalised with normalizeText() first');
  }
  return new CodePointIndex(body);
}

/**
 * Finds `exact` in a normalised body. A passage that occurs more than once needs a prefix, suffix
 * or start that matches exactly one occurrence. The selector's texts are normalised (NFC), so a
 * quote pasted in NFD still matches. Pass a CodePointIndex to anchor many passages in one body.
 */
export function anchorQuote(body: Body, selector: QuoteSelector): Anchor {
  const index = indexOf(body);
  const text = index.text;
  const exact = normalizeText(selector.exact);
  if (exact.length === 0) {
    throw new InvalidSelectorError('The quoted text is empty: select a passage.', 'exact');
  }
  if (selector.start !== undefined && !(Number.isInteger(selector.start) && selector.start >= 0)) {
    throw new InvalidSelectorError(
      `The start offset ${selector.start} is not a code-point offset (a whole number >= 0).`,
      'start',
    );
  }
  const prefix = selector.prefix === undefined ? undefined : normalizeText(selector.prefix);
  const suffix = selector.suffix === undefined ? undefined : normalizeText(selector.suffix);

  // UTF-16 offsets of every occurrence, overlapping ones included ("aa" in "aaa" twice).
  const found: number[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) found.push(at);
  const occurrences = found.map((at) => index.toCodePoint(at));
  if (found.length === 0) throw new QuoteNotFoundError(selector, []);

  const matching = found.filter(
    (at, i) =>
      (prefix === undefined ||
        (at >= prefix.length && text.startsWith(prefix, at - prefix.length))) &&
      (suffix === undefined || text.startsWith(suffix, at + exact.length)) &&
      (selector.start === undefined || occurrences[i] === selector.start),
  );
  const [only, ...others] = matching;
  if (only === undefined) throw new QuoteNotFoundError(selector, occurrences);
  if (others.length > 0) {
    throw new AmbiguousQuoteError(
      selector,
      matching.map((at) => index.toCodePoint(at)),
    );
  }
  const start = index.toCodePoint(only);
  return withContext(index, start, index.toCodePoint(only + exact.length));
}

/** Anchors the passage between two code-point offsets (end exclusive), e.g. an editor's selection. */
export function anchorOffsets(body: Body, start: number, end: number): Anchor {
  const index = indexOf(body);
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 0 ||
    end <= start ||
    end > index.length
  ) {
    throw new InvalidRangeError(start, end, index.length);
  }
  return withContext(index, start, end);
}

function withContext(index: CodePointIndex, start: number, end: number): Anchor {
  return {
    exact: index.slice(start, end),
    prefix: index.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: index.slice(end, Math.min(index.length, end + CONTEXT_LENGTH)),
    start,
    end,
  };
}

function shorten(text: string): string {
  const chars = [...text];
  return chars.length <= 80 ? text : `${chars.slice(0, 77).join('')}...`;
}

function describeContext(selector: QuoteSelector): string {
  const parts: string[] = [];
  if (selector.prefix !== undefined) parts.push(`prefix "${shorten(selector.prefix)}"`);
  if (selector.suffix !== undefined) parts.push(`suffix "${shorten(selector.suffix)}"`);
  if (selector.start !== undefined) parts.push(`start ${selector.start}`);
  return parts.join(' and ');
}
