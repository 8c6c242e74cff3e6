import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReaderText } from './ReaderText.tsx';
import { type Passage, segmentBody } from './segments.ts';

const passage = (id: string, start: number, end: number, kind: Passage['kind']): Passage => ({
  id,
  start,
  end,
  kind,
  targetId: `target-${id}`,
  label: id,
});

afterEach(cleanup);

describe('the reader text', () => {
  it('renders markup in a body as text', () => {
    const body = 'Before <script>window.__ran = true</script><img src=x onerror="alert(1)"> after';
    const view = render(<ReaderText paragraphs={segmentBody(body, [])} />);
    const root = view.getByTestId('reader-text');
    expect(root.textContent).toBe(body);
    expect(root.querySelector('script, img')).toBeNull();
  });

  it('marks cited segments with the kinds and depth of the passages over them', () => {
    //            0123456789012345678
    const body = 'said that we will go';
    const view = render(
      <ReaderText
        paragraphs={segmentBody(body, [
          passage('e', 0, 12, 'event'),
          passage('s', 10, 20, 'statement'),
        ])}
      />,
    );
    const marks = [...view.getByTestId('reader-text').querySelectorAll('mark')].map((mark) => [
      mark.textContent,
      mark.getAttribute('data-kinds'),
      mark.getAttribute('data-depth'),
      mark.getAttribute('data-citations'),
    ]);
    expect(marks).toEqual([
      ['said that ', 'event', '1', 'e'],
      ['we', 'event statement', '2', 'e s'],
      [' will go', 'statement', '1', 's'],
    ]);
  });

  it('opens what a highlight cites on a click, but not at the end of a drag selecting text', () => {
    const onMarkClick = vi.fn();
    const view = render(
      <ReaderText
        paragraphs={segmentBody('quoted words here', [passage('s', 0, 12, 'statement')])}
        onMarkClick={onMarkClick}
      />,
    );
    const mark = view.getByText('quoted words');
    fireEvent.click(mark);
    expect(onMarkClick).toHaveBeenCalledTimes(1);
    expect(onMarkClick.mock.calls[0]?.[0].passages.map((p: Passage) => p.id)).toEqual(['s']);

    const range = document.createRange();
    range.selectNodeContents(mark);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
    fireEvent.click(mark);
    expect(onMarkClick).toHaveBeenCalledTimes(1);
    window.getSelection()?.removeAllRanges();
  });

  it('outlines the focused range', () => {
    const view = render(
      <ReaderText
        paragraphs={segmentBody('one two three', [], [4, 7])}
        focus={{ start: 4, end: 7 }}
      />,
    );
    const focused = view.getByTestId('reader-text').querySelectorAll('[data-focus]');
    expect([...focused].map((element) => element.textContent)).toEqual(['two']);
  });

  it('does not re-render the text when its reader re-renders with the same props', () => {
    const body = Array.from({ length: 200 }, (_, index) => `Paragraph ${index}.`).join('\n\n');
    // Count the renders of segments: rendering one reads its text.
    let reads = 0;
    const paragraphs = segmentBody(body, [passage('s', 0, 9, 'statement')]).map((paragraph) => ({
      ...paragraph,
      segments: paragraph.segments.map((segment) => ({
        ...segment,
        get text() {
          reads += 1;
          return segment.text;
        },
      })),
    }));
    const onMarkEnter = vi.fn();
    // As the reader does on every hover or selection change: render again, same text, same handlers.
    const reader = (hovered: string) => (
      <div data-hovered={hovered}>
        <ReaderText paragraphs={paragraphs} onMarkEnter={onMarkEnter} />
      </div>
    );
    const view = render(reader('none'));
    const firstRender = reads;
    expect(firstRender).toBeGreaterThanOrEqual(201);
    view.rerender(reader('a passage'));
    view.rerender(reader('none'));
    expect(reads).toBe(firstRender);
    expect(view.getByTestId('reader-text').querySelectorAll('p')).toHaveLength(200);
  });
});
