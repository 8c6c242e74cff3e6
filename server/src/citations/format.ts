// Citing a source: its CSL-JSON item, its reference in APA, MLA or Chicago style (citation-js and
// the official CSL styles), CSL-JSON and BibTeX export, and a text-fragment link to a passage.
import { readFileSync } from 'node:fs';
import type { DatePrecision, SourceKind } from '../db/generated/prisma/enums.ts';
import { codePointLength } from '../shared/text.ts';
import { InvalidUrlError, parseHttpUrl } from '../sources/url.ts';
import type { CslDate, CslItem, CslName, CslType } from './citation-js.ts';
import {
  formatBibliography,
  formatBibtex,
  formatCslJson,
  hasCslStyle,
  registerCslStyle,
} from './citation-js.ts';

export type { CslDate, CslItem, CslName } from './citation-js.ts';

/** What a citation needs to know about a source (a subset of the Source model). */
export interface CitableSource {
  id: string;
  kind: SourceKind;
  title: string;
  titleSuppliedByEditor: boolean;
  outlet: string | null;
  authors: string[];
  /** BCP 47 language tag of the source. */
  language: string;
  publishedOn: Date | null;
  publishedPrecision: DatePrecision | null;
  url: string | null;
  retrievedOn: Date | null;
  archiveUrl: string | null;
}

export type CitationStyle = 'APA' | 'MLA' | 'CHICAGO';
export type ExportFormat = 'CSL_JSON' | 'BIBTEX';

interface KindMapping {
  type: CslType;
  /** Printed by the styles as a description ("[Press release]"). */
  genre?: string;
  /** Where the outlet goes: the periodical or platform it appeared in, or who issued it. */
  outletAs: 'container-title' | 'publisher';
}

/**
 * Press releases and statements are `document`s rather than `report`s because APA prints only the
 * year of a report, and a press release is cited with its full date. A transcript is an
 * `interview`: the CSL styles print a `speech` from its event and place, which Citeline does not
 * record, so MLA drops its date and Chicago its publisher; as an interview every known part shows.
 */
const KINDS: Record<SourceKind, KindMapping> = {
  ARTICLE: { type: 'article-newspaper', outletAs: 'container-title' },
  PRESS_RELEASE: { type: 'document', genre: 'Press release', outletAs: 'publisher' },
  OFFICIAL_STATEMENT: { type: 'document', genre: 'Statement', outletAs: 'publisher' },
  SOCIAL_POST: { type: 'post', outletAs: 'container-title' },
  TRANSCRIPT: { type: 'interview', genre: 'Transcript', outletAs: 'publisher' },
  OTHER: { type: 'document', outletAs: 'publisher' },
};

/** Only the parts of a date its precision vouches for: February 2024 never gains a day. */
function cslDate(date: Date, precision: DatePrecision): CslDate {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  switch (precision) {
    case 'YEAR':
      return { 'date-parts': [[year]] };
    case 'MONTH':
      return { 'date-parts': [[year, month]] };
    case 'DAY':
      return { 'date-parts': [[year, month, date.getUTCDate()]] };
  }
}

/** Words that mark an organisation ("Ministry of Defence, Cambodia"), not a person's name. */
const ORGANISATION_WORDS = /(?:^|\s)(?:of|the|and|for|on|in|at|&)(?:\s|$)|\d/i;

/**
 * "Family, Given" (or "Family, Given, Suffix") is parsed into parts, so the styles can invert and
 * initialise it; anything else is kept as a literal and printed as written. Name order cannot be
 * guessed: "Rin Ousa" is Rin (family) Ousa (given), as Khmer, Chinese or Vietnamese names put the
 * family name first, and a parser would turn it into "Ousa, R.", citing a person who does not
 * exist. Organisations ("U.S. Embassy Phnom Penh") are literals too, even with a comma. An editor
 * who wants the inverted forms enters a person's name as "Family, Given".
 */
export function parseAuthor(name: string): CslName | null {
  const text = name.trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  const parts = text.split(',').map((part) => part.trim());
  const [family, given, suffix] = parts;
  if (family && given && !ORGANISATION_WORDS.test(`${family} ${given}`)) {
    if (parts.length === 2) return { family, given };
    if (parts.length === 3 && suffix) return { family, given, suffix };
  }
  return { literal: text };
}

/** The editor-supplied title in square brackets, the usual mark of a description standing in for a title. */
function citedTitle(source: CitableSource): string {
  const title = source.title.trim();
  if (!source.titleSuppliedByEditor || (title.startsWith('[') && title.endsWith(']'))) return title;
  return `[${title}]`;
}

/** The source as a CSL-JSON item. What the source does not state stays out: nothing is invented. */
export function sourceToCsl(source: CitableSource): CslItem {
  const kind = KINDS[source.kind];
  const item: CslItem = { id: source.id, type: kind.type, title: citedTitle(source) };
  const authors = source.authors.map(parseAuthor).filter((name) => name !== null);
  if (authors.length > 0) item.author = authors;
  const outlet = source.outlet?.trim();
  if (outlet) item[kind.outletAs] = outlet;
  if (kind.genre !== undefined) item.genre = kind.genre;
  if (source.publishedOn !== null) {
    // The database keeps date and precision together; without a precision only the year is safe.
    item.issued = cslDate(source.publishedOn, source.publishedPrecision ?? 'YEAR');
  }
  if (source.retrievedOn !== null) item.accessed = cslDate(source.retrievedOn, 'DAY');
  // CSL has no variable for an archived copy: it stands in for a missing URL, and is otherwise
  // kept in the note that exports carry (the styles do not print it).
  const url = source.url ?? source.archiveUrl;
  if (url !== null) item.URL = url;
  if (source.url !== null && source.archiveUrl !== null) {
    item.note = `Archived at ${source.archiveUrl}`;
  }
  if (source.language.trim() !== '') item.language = source.language;
  return item;
}

/**
 * Each style's citeproc engine is built on its first use, not at start: APA's alone takes about
 * 95 MB of heap and a second or two to build (citeproc-js expands the style's macros), which a
 * server that is never asked for an APA reference should not pay.
 *
 * APA is the APA 7th edition style citation-js ships. MLA (9th edition) and Chicago (17th
 * edition, notes and bibliography: the bibliography entry) are the official CSL styles vendored in
 * ./styles (CC BY-SA 3.0; provenance and attribution in ./styles/README.md).
 */
const STYLES: Record<CitationStyle, { name: string; file?: string }> = {
  APA: { name: 'apa' },
  MLA: { name: 'modern-language-association', file: 'modern-language-association.csl' },
  CHICAGO: { name: 'chicago-note-bibliography', file: 'chicago-note-bibliography.csl' },
};

/** The styles' terms (months, "n.d.", "Accessed") are English whatever the source's language. */
const LOCALE = 'en-US';

function styleName(style: CitationStyle): string {
  const { name, file } = STYLES[style];
  if (file !== undefined && !hasCslStyle(name)) {
    registerCslStyle(name, readFileSync(new URL(`./styles/${file}`, import.meta.url), 'utf8'));
  }
  return name;
}

/**
 * citeproc takes a millisecond or more per entry, and a list of citations often cites the same
 * source many times, so results are kept (keyed by the whole CSL item, so an edit is never served
 * stale) in a small least-recently-used cache.
 */
const CACHE_SIZE = 2000;
const formatted = new Map<string, string>();

function remember(key: string, value: string): string {
  formatted.set(key, value);
  if (formatted.size > CACHE_SIZE) {
    const oldest = formatted.keys().next();
    if (!oldest.done) formatted.delete(oldest.value);
  }
  return value;
}

/** The source's reference in a citation style, as plain text. */
export function formatCitation(source: CitableSource, style: CitationStyle): string {
  const item = sourceToCsl(source);
  const key = `${style}\u0000${JSON.stringify(item)}`;
  const cached = formatted.get(key);
  if (cached !== undefined) {
    // Re-inserted to mark it as recently used.
    formatted.delete(key);
    return remember(key, cached);
  }
  return remember(key, formatBibliography([item], styleName(style), LOCALE).trim());
}

/** The source as a CSL-JSON document (an array with one item) or a BibTeX entry. */
export function exportSource(source: CitableSource, format: ExportFormat): string {
  const item = sourceToCsl(source);
  switch (format) {
    case 'CSL_JSON':
      return formatCslJson([item]).trim();
    case 'BIBTEX':
      return formatBibtex([item]).trim();
  }
}

// ---- Deep links: URL text fragments (WICG Scroll to Text Fragment) ----

/** Longer passages are linked by their first and last words (textStart,textEnd). */
const LONG_PASSAGE = 300;
const EDGE_WORDS = 5;
const EDGE_BUDGET = 80;
/** How much context disambiguates a passage without making the link fragile. */
const CONTEXT_WORDS = 3;
const CONTEXT_BUDGET = 40;

// Word boundaries as browsers find them (ICU, with dictionaries for scripts such as Khmer that
// do not separate words with spaces): a text fragment only matches whole words.
const words = new Intl.Segmenter('und', { granularity: 'word' });

interface WordSpan {
  start: number;
  end: number;
}

function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const { segment, index, isWordLike } of words.segment(text)) {
    if (isWordLike) spans.push({ start: index, end: index + segment.length });
  }
  return spans;
}

/** Whitespace runs (including line breaks) as one space, as browsers render them. */
function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The text up to the end of its first `count` words, within about `budget` characters. */
function leadingWords(text: string, count: number, budget: number): string {
  const spans = wordSpans(text);
  let end = spans[0]?.end ?? text.length;
  for (const span of spans.slice(1, count)) {
    if (span.end > budget) break;
    end = span.end;
  }
  return text.slice(0, end);
}

/** The text from the start of its last `count` words, within about `budget` characters. */
function trailingWords(text: string, count: number, budget: number): string {
  const spans = wordSpans(text);
  let start = spans.at(-1)?.start ?? 0;
  for (const span of spans.slice(-count, -1).reverse()) {
    if (text.length - span.start > budget) break;
    start = span.start;
  }
  return text.slice(start);
}

/**
 * The last few whole words before the passage, within its paragraph (a fragment's terms do not
 * match across blocks). The stored prefix may begin in the middle of a word, so unless a line
 * break shows where it starts, its first word is never used.
 */
function contextBefore(prefix: string): string {
  const lineBreak = prefix.lastIndexOf('\n');
  const text = prefix.slice(lineBreak + 1);
  let spans = wordSpans(text);
  if (lineBreak === -1 && spans[0]?.start === 0) spans = spans.slice(1);
  const chosen = spans.slice(-CONTEXT_WORDS);
  while (chosen.length > 1 && text.length - (chosen[0]?.start ?? 0) > CONTEXT_BUDGET)
    chosen.shift();
  const first = chosen[0];
  return first === undefined ? '' : collapseWhitespace(text.slice(first.start));
}

/** The first few whole words after the passage, within its paragraph; see contextBefore. */
function contextAfter(suffix: string): string {
  const lineBreak = suffix.indexOf('\n');
  const text = lineBreak === -1 ? suffix : suffix.slice(0, lineBreak);
  let spans = wordSpans(text);
  if (lineBreak === -1 && spans.at(-1)?.end === text.length) spans = spans.slice(0, -1);
  const chosen = spans.slice(0, CONTEXT_WORDS);
  while (chosen.length > 1 && (chosen.at(-1)?.end ?? 0) > CONTEXT_BUDGET) chosen.pop();
  const last = chosen.at(-1);
  return last === undefined ? '' : collapseWhitespace(text.slice(0, last.end));
}

/**
 * Percent-encodes a directive term: encodeURIComponent covers "&" and "," and everything outside
 * the fragment's safe set; "-" also has to be encoded, as it marks the prefix and suffix.
 */
function encodeTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

function textDirective(passage: { exact: string; prefix: string; suffix: string }): string {
  const exact = passage.exact.trim();
  const paragraphs = exact
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const first = paragraphs[0] ?? exact;
  const last = paragraphs.at(-1) ?? exact;
  let start = exact;
  let end: string | null = null;
  // A passage that spans paragraphs cannot be matched as one string; a long one makes a long,
  // brittle URL. Both are linked by their first and last words.
  if (paragraphs.length > 1 || codePointLength(exact) > LONG_PASSAGE) {
    start = leadingWords(first, EDGE_WORDS, EDGE_BUDGET);
    end = trailingWords(last, EDGE_WORDS, EDGE_BUDGET);
    // Within one paragraph of few, very long words the edges could overlap: use the whole text.
    if (paragraphs.length === 1 && start.length + end.length >= first.length) {
      start = exact;
      end = null;
    }
  }
  const prefix = contextBefore(passage.prefix);
  const suffix = contextAfter(passage.suffix);
  return [
    prefix === '' ? '' : `${encodeTerm(prefix)}-,`,
    encodeTerm(collapseWhitespace(start)),
    end === null ? '' : `,${encodeTerm(collapseWhitespace(end))}`,
    suffix === '' ? '' : `,-${encodeTerm(suffix)}`,
  ].join('');
}

/**
 * The source URL with a text fragment (`#:~:text=[prefix-,]textStart[,textEnd][,-suffix]`) that
 * scrolls a browser to the passage and highlights it; any existing fragment is replaced. Null when
 * there is no http(s) URL to link to.
 */
export function buildDeepLink(
  url: string | null,
  passage: { exact: string; prefix: string; suffix: string },
): string | null {
  if (url === null) return null;
  let target: URL;
  try {
    target = parseHttpUrl(url);
  } catch (error) {
    if (error instanceof InvalidUrlError) return null;
    throw error;
  }
  target.hash = '';
  if (passage.exact.trim() === '') return target.href;
  return `${target.href}#:~:text=${textDirective(passage)}`;
}
