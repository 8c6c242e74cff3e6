// Finding a pasted quote in source bodies. Typographic quotes, apostrophes, dashes and
// non-breaking spaces are folded to their plain forms first, so "Cambodia’s" matches
// "Cambodia's". Every fold maps one UTF-16 unit to one, so offsets in the folded text are offsets
// in the original.
import { CodePointIndex } from '../shared/text.ts';

const FOLDS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u00A0': ' ',
};
const FOLDABLE = new RegExp(`[${Object.keys(FOLDS).join('')}'"\\-]`, 'g');

export function foldForMatching(text: string): string {
  return text.replace(FOLDABLE, (char) => FOLDS[char] ?? char);
}

/**
 * The longest run of the quote without characters that folding may change: a literal that every
 * matching body contains, for an indexed LIKE pre-filter. Null when no run is long enough (3).
 */
export function literalProbe(quote: string): string | null {
  const runs = quote.split(FOLDABLE).sort((a, b) => b.length - a.length);
  const longest = runs[0] ?? '';
  return longest.length >= 3 ? longest : null;
}

export interface PassageOccurrence {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

const CONTEXT_LENGTH = 32;

/** Every occurrence of `quote` in `body` (folded comparison), in code points. */
export function findOccurrences(body: string, quote: string, limit: number): PassageOccurrence[] {
  const foldedBody = foldForMatching(body);
  const foldedQuote = foldForMatching(quote);
  if (foldedQuote.length === 0) return [];
  const index = new CodePointIndex(body);
  const occurrences: PassageOccurrence[] = [];
  let from = 0;
  while (occurrences.length < limit) {
    const at = foldedBody.indexOf(foldedQuote, from);
    if (at < 0) break;
    const start = index.toCodePoint(at);
    const end = index.toCodePoint(at + foldedQuote.length);
    occurrences.push({
      exact: index.slice(start, end),
      prefix: index.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: index.slice(end, Math.min(index.length, end + CONTEXT_LENGTH)),
      start,
      end,
    });
    from = at + Math.max(1, foldedQuote.length);
  }
  return occurrences;
}
