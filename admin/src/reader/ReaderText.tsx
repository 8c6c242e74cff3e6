// The body of a source as paragraphs of text, each cited passage highlighted: statements in
// amber, events in blue, both (or several passages) darker and underlined. Every segment is one
// element with its code-point offset (see selection-offsets.ts) and its text as the only child,
// rendered by React as text: markup in a source is shown, never run.
//
// A body can be a 2 MB transcript with thousands of paragraphs: the text and each paragraph are
// memoised, so hovering a highlight or selecting text (state of the reader around it) re-renders
// none of them.
import { Box } from '@mui/material';
import { memo, type Ref } from 'react';
import type { Paragraph, PassageKind, Segment } from './segments.ts';
import { SEGMENT_ATTRIBUTE } from './selection-offsets.ts';

export interface ReaderTextProps {
  paragraphs: readonly Paragraph[];
  /** A range to outline, e.g. the passage a link opened the reader at. */
  focus?: { start: number; end: number } | null;
  /** The segment under the pointer (or focused by keyboard), to show what cites it. */
  onMarkEnter?: (segment: Segment, element: HTMLElement) => void;
  onMarkLeave?: () => void;
  /** A click on a highlighted segment (not the end of a drag that selected text). */
  onMarkClick?: (segment: Segment, element: HTMLElement) => void;
  ref?: Ref<HTMLDivElement>;
}

/** The kinds of passage over a segment, e.g. "event statement". */
export function kindsOf(segment: Segment): string {
  const kinds = new Set<PassageKind>(segment.passages.map((passage) => passage.kind));
  return [...kinds].sort().join(' ');
}

const inFocus = (segment: Segment, focus: ReaderTextProps['focus']) =>
  !!focus && segment.start < focus.end && segment.end > focus.start;

const selectingText = () => {
  const selection = window.getSelection();
  return !!selection && !selection.isCollapsed;
};

const STATEMENT = 'rgba(255, 193, 7, 0.35)';
const EVENT = 'rgba(33, 150, 243, 0.25)';

const READER_STYLE = {
  maxWidth: '46rem',
  fontFamily: 'Georgia, "Noto Serif", "Noto Serif Khmer", serif',
  fontSize: '1.05rem',
  lineHeight: 1.7,
  '& p': { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: '0 0 1em' },
  '& mark': { color: 'inherit', cursor: 'pointer', borderRadius: '2px' },
  '& mark[data-kinds="statement"]': { backgroundColor: STATEMENT },
  '& mark[data-kinds="event"]': { backgroundColor: EVENT },
  '& mark[data-kinds="event statement"]': {
    background: `linear-gradient(${STATEMENT}, ${STATEMENT}), ${EVENT}`,
  },
  // Where passages overlap, the highlight is darker and underlined.
  '& mark[data-depth="2"], & mark[data-depth="3+"]': {
    boxShadow: 'inset 0 -2px 0 rgba(0, 0, 0, 0.45)',
  },
  '& mark[data-depth="3+"]': { filter: 'saturate(2)' },
  '& [data-focus]': { outline: '2px solid #d32f2f', outlineOffset: '1px' },
  '& mark:focus-visible': { outline: '2px solid #1976d2' },
};

type MarkHandlers = Pick<ReaderTextProps, 'onMarkEnter' | 'onMarkLeave' | 'onMarkClick'>;

interface ReaderParagraphProps extends MarkHandlers {
  paragraph: Paragraph;
  focus: ReaderTextProps['focus'];
}

const ReaderParagraph = memo(
  ({ paragraph, focus, onMarkEnter, onMarkLeave, onMarkClick }: ReaderParagraphProps) => (
    <p data-paragraph-start={paragraph.start}>
      {paragraph.segments.map((segment) => {
        const attributes = {
          [SEGMENT_ATTRIBUTE]: segment.start,
          ...(inFocus(segment, focus) && { 'data-focus': '' }),
        };
        if (segment.passages.length === 0) {
          return (
            <span key={segment.start} {...attributes}>
              {segment.text}
            </span>
          );
        }
        const depth = segment.passages.length;
        return (
          <mark
            key={segment.start}
            {...attributes}
            data-kinds={kindsOf(segment)}
            data-depth={depth >= 3 ? '3+' : String(depth)}
            data-citations={segment.passages.map((passage) => passage.id).join(' ')}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a highlight opens what cites it, from the keyboard too
            tabIndex={0}
            onMouseEnter={(event) => onMarkEnter?.(segment, event.currentTarget)}
            onMouseLeave={() => onMarkLeave?.()}
            onFocus={(event) => onMarkEnter?.(segment, event.currentTarget)}
            onBlur={() => onMarkLeave?.()}
            onClick={(event) => {
              if (!selectingText()) onMarkClick?.(segment, event.currentTarget);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') onMarkClick?.(segment, event.currentTarget);
            }}
          >
            {segment.text}
          </mark>
        );
      })}
    </p>
  ),
);

export const ReaderText = memo(
  ({ paragraphs, focus, onMarkEnter, onMarkLeave, onMarkClick, ref }: ReaderTextProps) => (
    <Box ref={ref} data-testid="reader-text" sx={READER_STYLE}>
      {paragraphs.map((paragraph) => (
        <ReaderParagraph
          key={paragraph.start}
          paragraph={paragraph}
          focus={focus}
          onMarkEnter={onMarkEnter}
          onMarkLeave={onMarkLeave}
          onMarkClick={onMarkClick}
        />
      ))}
    </Box>
  ),
);
