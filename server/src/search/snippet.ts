// Turns ts_headline output, in which matches are wrapped in control characters, into plain text
// plus highlight ranges. Clients render the ranges themselves, so no markup from a source body
// (which is untrusted text) ever travels as HTML.

/** Marks the start and end of a match in ts_headline output; never present in stored text. */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

export interface Snippet {
  text: string;
  /** Ranges of `text` that matched the query, in code points, end exclusive. */
  highlights: { start: number; end: number }[];
}

export function parseHeadline(headline: string): Snippet {
  let text = '';
  let length = 0;
  let openedAt: number | null = null;
  const highlights: Snippet['highlights'] = [];
  for (const char of headline) {
    if (char === HIGHLIGHT_START) {
      openedAt = length;
    } else if (char === HIGHLIGHT_END) {
      if (openedAt !== null && length > openedAt) highlights.push({ start: openedAt, end: length });
      openedAt = null;
    } else {
      text += char;
      length++;
    }
  }
  return { text, highlights };
}
