// How the reader lays out a source body: paragraphs (split on blank lines), each cut into
// segments at every edge of a cited passage, so that each segment is covered by the same set of
// passages throughout. Passages overlap freely; a segment knows all the passages over it.
// Offsets are code points of the body, as the API counts them.
import { codePointOffsets, utf16Indices } from './code-points.ts';

export type PassageKind = 'statement' | 'event';

export interface Passage {
  /** The citation's id. */
  id: string;
  start: number;
  end: number;
  kind: PassageKind;
  /** The record cited for. */
  targetId: string;
  /** The statement's text or the event's title. */
  label: string;
}

export interface Segment {
  /** Code-point offsets in the body, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** The passages covering the whole segment, in the order given. */
  passages: Passage[];
}

export interface Paragraph {
  start: number;
  end: number;
  segments: Segment[];
}

/** A blank line: a line break, then lines holding nothing but spaces, then a line break. */
const BLANK_LINES = /\n(?:[^\S\n]*\n)+/g;

/** The paragraphs of `body` as code-point ranges; the blank lines between them belong to none. */
export function paragraphRanges(body: string): { start: number; end: number }[] {
  const units: number[] = [];
  let from = 0;
  for (const match of body.matchAll(BLANK_LINES)) {
    units.push(from, match.index);
    from = match.index + match[0].length;
  }
  units.push(from, body.length);
  const offsets = codePointOffsets(body, units);
  const ranges: { start: number; end: number }[] = [];
  for (let index = 0; index < offsets.length; index += 2) {
    const start = offsets[index] ?? 0;
    const end = offsets[index + 1] ?? start;
    if (end > start) ranges.push({ start, end });
  }
  return ranges;
}

/**
 * The body's paragraphs cut into segments by the passages (and at `cuts`, e.g. the edges of a
 * range to outline). Passages outside the body or empty are left out (a stale anchor must not
 * break the page); a passage running over several paragraphs covers a segment in each.
 */
export function segmentBody(
  body: string,
  passages: readonly Passage[],
  cuts: readonly number[] = [],
): Paragraph[] {
  const paragraphs = paragraphRanges(body);
  const length = paragraphs.at(-1)?.end ?? 0;
  const valid = passages.filter(
    (passage) =>
      Number.isInteger(passage.start) &&
      Number.isInteger(passage.end) &&
      passage.start >= 0 &&
      passage.end <= length &&
      passage.start < passage.end,
  );

  // Every offset where something starts or ends, in order.
  const edges = new Set<number>();
  for (const paragraph of paragraphs) edges.add(paragraph.start).add(paragraph.end);
  for (const passage of valid) edges.add(passage.start).add(passage.end);
  for (const cut of cuts) if (Number.isInteger(cut) && cut > 0 && cut < length) edges.add(cut);
  const sorted = [...edges].sort((a, b) => a - b);
  const unitOf = new Map<number, number>();
  utf16Indices(body, sorted).forEach((unit, index) => {
    unitOf.set(sorted[index] as number, unit);
  });

  // A sweep over the cuts: passages become active at their start and stop at their end.
  const starting = new Map<number, Passage[]>();
  for (const passage of valid) {
    const list = starting.get(passage.start) ?? [];
    list.push(passage);
    starting.set(passage.start, list);
  }
  const order = new Map(valid.map((passage, index) => [passage, index]));
  let active: Passage[] = [];

  const result: Paragraph[] = paragraphs.map((range) => ({ ...range, segments: [] }));
  let paragraphIndex = 0;
  for (let index = 0; index < sorted.length - 1; index++) {
    const start = sorted[index] as number;
    const end = sorted[index + 1] as number;
    active = active.filter((passage) => passage.end > start);
    const opened = starting.get(start);
    if (opened) {
      active = [...active, ...opened].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    }
    while (paragraphIndex < result.length && (result[paragraphIndex]?.end ?? 0) <= start) {
      paragraphIndex++;
    }
    const paragraph = result[paragraphIndex];
    // Between paragraphs (the blank lines) there is nothing to show.
    if (!paragraph || start < paragraph.start) continue;
    paragraph.segments.push({
      start,
      end,
      text: body.slice(unitOf.get(start), unitOf.get(end)),
      passages: active,
    });
  }
  return result;
}
