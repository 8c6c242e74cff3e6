// Where a DOM selection in the reader falls in the source body, in code points. The reader
// renders every segment of the body as one element carrying its code-point offset
// (SEGMENT_ATTRIBUTE) with its text as its only child, so a boundary inside a segment's text is
// that offset plus the code points before it in the text node. A boundary elsewhere (on a
// paragraph, between segments, outside the body after a triple click) snaps to the next segment.
import { codePointOffset } from './code-points.ts';

/** The attribute holding a segment's code-point offset in the body. */
export const SEGMENT_ATTRIBUTE = 'data-cp-start';

/** A range's two boundary points (a DOM Range, or a test's stand-in). */
export interface BoundaryRange {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
}

const segmentsOf = (root: Element) =>
  Array.from(root.querySelectorAll<HTMLElement>(`[${SEGMENT_ATTRIBUTE}]`));

const startOf = (segment: Element) => Number(segment.getAttribute(SEGMENT_ATTRIBUTE));

const endOf = (segment: Element) =>
  startOf(segment) + codePointOffset(segment.textContent ?? '', Number.MAX_SAFE_INTEGER);

/** True when `node` comes after `reference` in the document, or is inside it. */
function atOrAfter(reference: Node, node: Node): boolean {
  if (reference === node || reference.contains(node)) return true;
  return (reference.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/** True when `node` comes after everything inside `reference`. */
function after(reference: Node, node: Node): boolean {
  if (reference === node || reference.contains(node)) return false;
  return (reference.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/**
 * The code-point offset in the body of one boundary point. `round` says which way a point
 * inside a surrogate pair goes (down for a start, up for an end).
 */
export function boundaryOffset(
  root: Element,
  container: Node,
  offset: number,
  round: 'down' | 'up',
): number {
  const segments = segmentsOf(root);
  if (container.nodeType === Node.TEXT_NODE) {
    const segment = container.parentElement?.closest(`[${SEGMENT_ATTRIBUTE}]`);
    if (segment && root.contains(segment)) {
      return startOf(segment) + codePointOffset((container as Text).data, offset, round);
    }
  }
  // A point before the child at `offset` (or after all of the container's content): the first
  // segment from there on starts at the point's offset in the body.
  const child =
    container.nodeType === Node.TEXT_NODE
      ? offset === 0
        ? container
        : null
      : (container.childNodes[offset] ?? null);
  const next = segments.find((segment) =>
    child ? atOrAfter(child, segment) : after(container, segment),
  );
  if (next) return startOf(next);
  const last = segments.at(-1);
  return last ? endOf(last) : 0;
}

/**
 * The code-point range [start, end) of the body that `range` selects, clipped to the body; null
 * when it selects nothing of it.
 */
export function selectionOffsets(
  root: Element,
  range: BoundaryRange,
): { start: number; end: number } | null {
  const start = boundaryOffset(root, range.startContainer, range.startOffset, 'down');
  const end = boundaryOffset(root, range.endContainer, range.endOffset, 'up');
  return end > start ? { start, end } : null;
}
