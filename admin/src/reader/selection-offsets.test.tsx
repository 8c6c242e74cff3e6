import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { sliceCodePoints } from './code-points.ts';
import { ReaderText } from './ReaderText.tsx';
import { type Passage, segmentBody } from './segments.ts';
import { SEGMENT_ATTRIBUTE, selectionOffsets } from './selection-offsets.ts';

// Emoji (two UTF-16 units each) and Khmer before the passages, so UTF-16 and code-point
// offsets differ by the time the quote starts.
const BODY = [
  'Photo 📸 by 🇰🇭 AKP. ខ្មែរ ភាសា',
  '',
  'Hun Manet said: “We will clear every mine.” Then he left.',
  '',
  'Closing 👍 words.',
].join('\n');

function renderBody(passages: Passage[] = []) {
  const view = render(<ReaderText paragraphs={segmentBody(BODY, passages)} />);
  return view.getByTestId('reader-text');
}

/** The code-point offset of `needle` in BODY. */
const at = (needle: string) => Array.from(BODY.slice(0, BODY.indexOf(needle))).length;

/** The text node and UTF-16 offset where code point `offset` of the body falls, as rendered. */
function point(root: Element, offset: number): [Node, number] {
  for (const segment of root.querySelectorAll(`[${SEGMENT_ATTRIBUTE}]`)) {
    const start = Number(segment.getAttribute(SEGMENT_ATTRIBUTE));
    const text = segment.firstChild as Text;
    const length = Array.from(text.data).length;
    if (offset >= start && offset <= start + length) {
      return [text, sliceCodePoints(text.data, 0, offset - start).length];
    }
  }
  throw new Error(`No segment at ${offset}`);
}

function rangeOf(start: [Node, number], end: [Node, number]) {
  return {
    startContainer: start[0],
    startOffset: start[1],
    endContainer: end[0],
    endOffset: end[1],
  };
}

afterEach(cleanup);

describe('the code-point range of a selection in the reader', () => {
  it('counts code points, not UTF-16 units, after emoji, a flag and Khmer', () => {
    const root = renderBody();
    const start = at('We will');
    const end = at(' Then');
    const offsets = selectionOffsets(root, rangeOf(point(root, start), point(root, end)));
    expect(offsets).toEqual({ start, end });
    // The UTF-16 index is larger: 📸, 🇰🇭 (two code points) take two units each.
    expect(BODY.indexOf('We will')).toBe(start + 3);
    expect(sliceCodePoints(BODY, start, end)).toBe('We will clear every mine.”');
  });

  it('is the same when the selection starts and ends inside highlighted passages', () => {
    const passages: Passage[] = [
      // "clear every" inside the quote for a statement, the whole sentence for an event.
      {
        id: 's1',
        start: at('clear'),
        end: at(' mine'),
        kind: 'statement',
        targetId: 's',
        label: 'S',
      },
      { id: 'e1', start: at('Hun'), end: at('Then'), kind: 'event', targetId: 'e', label: 'E' },
    ];
    const root = renderBody(passages);
    expect(root.querySelectorAll('mark').length).toBeGreaterThan(1);
    const start = at('will') + 2;
    const end = at('mine') + 2;
    expect(selectionOffsets(root, rangeOf(point(root, start), point(root, end)))).toEqual({
      start,
      end,
    });
  });

  it('spans paragraphs, the blank lines included in the range', () => {
    const root = renderBody();
    const start = at('ភាសា');
    const end = at('Manet');
    const offsets = selectionOffsets(root, rangeOf(point(root, start), point(root, end)));
    expect(offsets).toEqual({ start, end });
    expect(sliceCodePoints(BODY, start, end)).toBe('ភាសា\n\nHun ');
  });

  it('resolves boundaries on elements: a paragraph start, a whole paragraph, the body', () => {
    const root = renderBody();
    const paragraphs = root.querySelectorAll('p');
    const second = paragraphs[1] as HTMLElement;
    // A triple click selects from the start of one paragraph to the start of the next.
    expect(selectionOffsets(root, rangeOf([second, 0], [paragraphs[2] as HTMLElement, 0]))).toEqual(
      { start: at('Hun'), end: at('Closing') },
    );
    // The whole body, from outside it.
    const parent = root.parentElement as HTMLElement;
    expect(
      selectionOffsets(root, rangeOf([parent, 0], [parent, parent.childNodes.length])),
    ).toEqual({ start: 0, end: Array.from(BODY).length });
  });

  it('is null for a collapsed selection or one outside the body', () => {
    const root = renderBody();
    const inside = point(root, at('mine'));
    expect(selectionOffsets(root, rangeOf(inside, inside))).toBeNull();
    const outside = document.createElement('div');
    outside.textContent = 'elsewhere';
    document.body.append(outside);
    expect(
      selectionOffsets(
        root,
        rangeOf([outside.firstChild as Node, 0], [outside.firstChild as Node, 4]),
      ),
    ).toBeNull();
    outside.remove();
  });

  it('works on a real DOM Range too', () => {
    const root = renderBody();
    const range = document.createRange();
    const [startNode, startOffset] = point(root, at('every'));
    const [endNode, endOffset] = point(root, at(' mine'));
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, endOffset);
    expect(selectionOffsets(root, range)).toEqual({ start: at('every'), end: at(' mine') });
  });
});
