// Re-anchoring a cited passage after its source's body was edited: find the same words again,
// exactly or approximately, and say how sure we are; a passage is never silently moved or lost.
import DiffMatchPatch from 'diff-match-patch';
import { CodePointIndex, normalizeText } from '../shared/text.ts';
import { type Anchor, CONTEXT_LENGTH } from './anchor.ts';

export type AnchorStatus = 'EXACT' | 'FUZZY' | 'ORPHANED';

/** A passage re-anchored in a new body: where it is now, and how it was found. */
export interface ReanchorResult extends Anchor {
  /**
   * EXACT: the passage's text occurs verbatim (offsets and context may have changed).
   * FUZZY: a passage similar enough was found; `exact` is the new body's text there.
   * ORPHANED: nothing similar enough; `exact`, `prefix` and `suffix` are the old ones and the
   * offsets the old ones clamped to the new body, so nothing about the citation is lost.
   */
  status: AnchorStatus;
  /** The similarity (0..1, three decimals) of a FUZZY match; null for EXACT and ORPHANED. */
  score: number | null;
}

/**
 * A FUZZY match needs a combined score of at least this (see `scoreRegion`: 80 % the passage's
 * similarity, 10 % each side's context). 0.8 accepts a fixed typo or a changed word or two in a
 * sentence-long passage whose surroundings are intact (0.85-0.99), and rejects a rewritten
 * sentence (passage similarity 0.3-0.6). A passage that changed slightly *and* lost all its
 * surroundings is borderline (unrelated 32-character contexts are 10-30 % similar, so about
 * 0.78-0.82) and usually ORPHANED: with nothing around it to confirm the place, an editor should
 * look. A verbatim passage always reaches 0.8.
 */
export const FUZZY_THRESHOLD = 0.8;

/**
 * However good the context, the passage itself must be at least this similar to the old one:
 * a citation's words are what it cites (a direct quote must be in them verbatim), so a passage
 * whose text changed by more than a quarter is not "the same passage, slightly edited".
 */
export const MIN_PASSAGE_SIMILARITY = 0.75;

/**
 * A verbatim occurrence away from the old offsets is EXACT only if this many UTF-16 units of its
 * surroundings (prefix and suffix together) still agree with the old context, or all of the old
 * context when there was less. Otherwise it is FUZZY, so an editor sees the move.
 */
export const MIN_CONTEXT_AGREEMENT = 8;

/** diff-match-patch's bitap matcher works on patterns of at most 32 UTF-16 units. */
const MAX_PATTERN = 32;
/** How many verbatim occurrences of the passage's head or tail are tried as starting points. */
const MAX_SLICE_CANDIDATES = 10;

const dmp = new DiffMatchPatch();
// Bitap only proposes starting points near where the passage was; every proposal is scored by
// `scoreRegion`, so a permissive threshold costs little and misses less. The search window is
// about ±Match_Threshold × Match_Distance UTF-16 units around the old position; passages that
// moved further are found by the verbatim head/tail search instead.
dmp.Match_Threshold = 0.5;
dmp.Match_Distance = 2000;
// A time limit keeps pathological diffs of very long passages bounded; a diff cut short is still
// a valid diff, just not a minimal one, which can only lower a score.
dmp.Diff_Timeout = 0.25;

/**
 * Finds `anchor`'s passage in `newBody` (normalised, like every stored body). In order:
 * 1. The exact text at the old offsets with the old context on both sides: unchanged.
 * 2. The exact text anywhere: the occurrence whose surroundings agree best with the old prefix
 *    and suffix, the one nearest the old offset when that ties. EXACT with the new offsets, unless
 *    it moved into surroundings that share nothing with the old context
 *    (`MIN_CONTEXT_AGREEMENT`): then FUZZY, scored like step 3 (at least 0.8: the words are
 *    the same), because short passages recur and a move is an editor's call.
 * 3. A similar passage: candidate regions come from diff-match-patch's fuzzy matcher (the
 *    passage's first and last 32 UTF-16 units, and its context's, near the old offset) and from
 *    verbatim occurrences of the passage's head and tail anywhere; each region's boundaries are
 *    mapped through a diff of the old passage-with-context against the new text there, and the
 *    region is scored (`FUZZY_THRESHOLD`, `MIN_PASSAGE_SIMILARITY`). FUZZY with the score.
 * 4. Otherwise ORPHANED.
 * Pass a CodePointIndex to re-anchor many citations of one body without rebuilding it.
 */
export function reanchor(anchor: Anchor, newBody: string | CodePointIndex): ReanchorResult {
  const index = indexOf(newBody);
  const text = index.text;
  const { exact } = anchor;
  if (exact.length === 0) return orphaned(anchor, index);

  // 1. Nothing changed around the passage: the common case for most citations of an edited body.
  if (anchor.end <= index.length && index.slice(anchor.start, anchor.end) === exact) {
    const same = withContext(index, anchor.start, anchor.end);
    if (same.prefix === anchor.prefix && same.suffix === anchor.suffix) {
      return { status: 'EXACT', score: null, ...same };
    }
  }

  // 2. The exact text elsewhere (or at the old offsets with changed context).
  const hint = index.toUtf16(Math.min(anchor.start, index.length));
  const occurrence = bestOccurrence(text, anchor, hint);
  if (occurrence !== null) {
    const start = index.toCodePoint(occurrence.at);
    const end = index.toCodePoint(occurrence.at + exact.length);
    const needed = Math.min(MIN_CONTEXT_AGREEMENT, anchor.prefix.length + anchor.suffix.length);
    if (start === anchor.start || occurrence.context >= needed) {
      return { status: 'EXACT', score: null, ...withContext(index, start, end) };
    }
    // The same words in surroundings that share nothing with the old ones: probably the passage
    // moved, but "the US said" can occur anywhere. An editor confirms it.
    const moved = scoreRegion(index, anchor, start, end);
    return { status: 'FUZZY', score: moved.score, ...withContext(index, start, end) };
  }

  // 3. A similar passage.
  const fuzzy = bestFuzzyRegion(index, anchor, hint);
  if (fuzzy !== null) {
    return { status: 'FUZZY', score: fuzzy.score, ...withContext(index, fuzzy.start, fuzzy.end) };
  }

  // 4. Lost: keep what the citation said so an editor can re-anchor it by hand.
  return orphaned(anchor, index);
}

function indexOf(body: string | CodePointIndex): CodePointIndex {
  if (typeof body !== 'string') return body;
  // Offsets are only meaningful in the stored (normalised) form.
  if (normalizeText(body) !== body) {
    throw new TypeError('reanchor: the body must be normalised with normalizeText() first');
  }
  return new CodePointIndex(body);
}

function orphaned(anchor: Anchor, index: CodePointIndex): ReanchorResult {
  return {
    status: 'ORPHANED',
    score: null,
    exact: anchor.exact,
    prefix: anchor.prefix,
    suffix: anchor.suffix,
    start: Math.min(anchor.start, index.length),
    end: Math.min(anchor.end, index.length),
  };
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

/**
 * The UTF-16 offset of the verbatim occurrence of the passage whose neighbourhood shares the
 * most characters with the old prefix (read backwards) and suffix; the nearest to `hint` on a
 * tie. Null when the passage does not occur.
 */
function bestOccurrence(
  text: string,
  anchor: Anchor,
  hint: number,
): { at: number; context: number } | null {
  const { exact, prefix, suffix } = anchor;
  let best: number | null = null;
  let bestContext = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const context =
      commonSuffixLength(prefix, text, at) + commonPrefixLength(suffix, text, at + exact.length);
    const distance = Math.abs(at - hint);
    if (context > bestContext || (context === bestContext && distance < bestDistance)) {
      best = at;
      bestContext = context;
      bestDistance = distance;
    }
  }
  return best === null ? null : { at: best, context: bestContext };
}

/** How many characters at the end of `prefix` equal those just before `at` in `text`. */
function commonSuffixLength(prefix: string, text: string, at: number): number {
  let n = 0;
  while (n < prefix.length && n < at && prefix[prefix.length - 1 - n] === text[at - 1 - n]) n++;
  return n;
}

/** How many characters at the start of `suffix` equal those from `at` in `text`. */
function commonPrefixLength(suffix: string, text: string, at: number): number {
  let n = 0;
  while (n < suffix.length && at + n < text.length && suffix[n] === text[at + n]) n++;
  return n;
}

interface ScoredRegion {
  /** Code-point offsets in the new body. */
  start: number;
  end: number;
  score: number;
  passageSimilarity: number;
}

function bestFuzzyRegion(index: CodePointIndex, anchor: Anchor, hint: number): ScoredRegion | null {
  const text = index.text;
  const { exact, prefix, suffix } = anchor;
  const head = leadingCodePoints(exact, MAX_PATTERN);
  const tail = trailingCodePoints(exact, MAX_PATTERN);
  const prefixTail = trailingCodePoints(prefix, MAX_PATTERN);
  const suffixHead = leadingCodePoints(suffix, MAX_PATTERN);

  // Where the passage might now start or end (UTF-16 offsets in the new body).
  const starts = new Set<number>();
  const ends = new Set<number>();
  const fuzzyFind = (pattern: string, near: number): number =>
    pattern.length === 0 ? -1 : matchNear(text, pattern, Math.max(0, near));
  const headAt = fuzzyFind(head, hint);
  if (headAt >= 0) starts.add(headAt);
  const tailAt = fuzzyFind(tail, hint + exact.length - tail.length);
  if (tailAt >= 0) ends.add(tailAt + tail.length);
  const prefixAt = fuzzyFind(prefixTail, hint - prefixTail.length);
  if (prefixAt >= 0) starts.add(prefixAt + prefixTail.length);
  const suffixAt = fuzzyFind(suffixHead, hint + exact.length);
  if (suffixAt >= 0) ends.add(suffixAt);
  // A passage edited in the middle and moved far away: its head or tail may still be verbatim.
  // Short slices ("the ") would only propose noise.
  if (head.length >= 8) {
    for (const at of nearestOccurrences(text, head, hint)) starts.add(at);
  }
  if (tail.length >= 8) {
    for (const at of nearestOccurrences(text, tail, hint + exact.length - tail.length)) {
      ends.add(at + tail.length);
    }
  }

  // Windows of new text in which the old passage-with-context is aligned.
  const margin = Math.max(8, Math.round(exact.length / 4));
  const windows = new Map<string, [number, number]>();
  const addWindow = (from: number, to: number): void => {
    const window: [number, number] = [Math.max(0, from), Math.min(text.length, to)];
    if (window[0] < window[1]) windows.set(`${window[0]}:${window[1]}`, window);
  };
  for (const start of starts) {
    addWindow(start - prefix.length - margin, start + exact.length + suffix.length + margin);
  }
  for (const end of ends) {
    addWindow(end - exact.length - prefix.length - margin, end + suffix.length + margin);
  }
  for (const start of starts) {
    for (const end of ends) {
      const length = end - start;
      if (length >= exact.length / 2 && length <= exact.length * 2) {
        addWindow(start - prefix.length - margin, end + suffix.length + margin);
      }
    }
  }

  let best: ScoredRegion | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  const hintCodePoint = index.toCodePoint(hint);
  for (const [from, to] of windows.values()) {
    const region = alignInWindow(index, anchor, from, to);
    if (region === null) continue;
    const distance = Math.abs(region.start - hintCodePoint);
    if (
      best === null ||
      region.score > best.score ||
      (region.score === best.score && distance < bestDistance)
    ) {
      best = region;
      bestDistance = distance;
    }
  }
  if (
    best === null ||
    best.score < FUZZY_THRESHOLD ||
    best.passageSimilarity < MIN_PASSAGE_SIMILARITY
  ) {
    return null;
  }
  return best;
}

/**
 * Diffs the old prefix + passage + suffix against the new text between `from` and `to` (UTF-16)
 * and carries the passage's two boundaries across the diff; null when they collapse.
 */
function alignInWindow(
  index: CodePointIndex,
  anchor: Anchor,
  from: number,
  to: number,
): ScoredRegion | null {
  const { exact, prefix, suffix } = anchor;
  const diffs = dmp.diff_main(prefix + exact + suffix, index.text.slice(from, to), false);
  const start = index.toCodePoint(from + dmp.diff_xIndex(diffs, prefix.length));
  const end = roundUpToCodePoint(
    index,
    from + dmp.diff_xIndex(diffs, prefix.length + exact.length),
  );
  if (end <= start) return null;
  return scoreRegion(index, anchor, start, end);
}

/** A UTF-16 offset inside a surrogate pair belongs after the pair when it ends a passage. */
function roundUpToCodePoint(index: CodePointIndex, utf16: number): number {
  const codePoint = index.toCodePoint(utf16);
  return index.toUtf16(codePoint) < utf16 ? codePoint + 1 : codePoint;
}

/**
 * 0.8 × the passage's similarity + 0.1 × each side's context similarity. The passage dominates:
 * it is what is cited; context only separates look-alikes and confirms the place.
 */
function scoreRegion(
  index: CodePointIndex,
  anchor: Anchor,
  start: number,
  end: number,
): ScoredRegion {
  const found = withContext(index, start, end);
  const passageSimilarity = similarity(anchor.exact, found.exact);
  const raw =
    0.8 * passageSimilarity +
    0.1 * similarity(anchor.prefix, found.prefix) +
    0.1 * similarity(anchor.suffix, found.suffix);
  return { start, end, score: Math.round(raw * 1000) / 1000, passageSimilarity };
}

/** 1 − Levenshtein distance / the longer length: 1 for equal texts, 0 for nothing in common. */
function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - dmp.diff_levenshtein(dmp.diff_main(a, b, false)) / longer;
}

/** How far from the expected offset bitap can accept a match at all (UTF-16 units). */
const BITAP_REACH = Math.ceil(dmp.Match_Threshold * dmp.Match_Distance);

/**
 * diff-match-patch's match_main on the stretch of text bitap can reach anyway: it allocates an
 * array as long as the text up to the expected offset, which on a 2 MB body costs ~150 ms a call.
 */
function matchNear(text: string, pattern: string, near: number): number {
  const from = Math.max(0, near - BITAP_REACH - pattern.length);
  const to = Math.min(text.length, near + BITAP_REACH + 2 * pattern.length);
  const at = dmp.match_main(text.slice(from, to), pattern, near - from);
  return at === -1 ? -1 : from + at;
}

/** Up to MAX_SLICE_CANDIDATES verbatim occurrences of `slice`, nearest to `near` first. */
function nearestOccurrences(text: string, slice: string, near: number): number[] {
  const found: number[] = [];
  // Enough to pick the nearest from without scanning a huge body for a common phrase forever.
  for (let at = text.indexOf(slice); at !== -1 && found.length < 1000; ) {
    found.push(at);
    at = text.indexOf(slice, at + 1);
  }
  return found
    .sort((a, b) => Math.abs(a - near) - Math.abs(b - near))
    .slice(0, MAX_SLICE_CANDIDATES);
}

/** The longest run of whole code points from the start of `text` within `units` UTF-16 units. */
function leadingCodePoints(text: string, units: number): string {
  let end = Math.min(units, text.length);
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end--;
  return text.slice(0, end);
}

/** The longest run of whole code points at the end of `text` within `units` UTF-16 units. */
function trailingCodePoints(text: string, units: number): string {
  let start = Math.max(0, text.length - units);
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start++;
  return text.slice(start);
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
