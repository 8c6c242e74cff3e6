// Turning what an editor imports (plain text or a web page's HTML) into a source body: readable
// text, normalised the way every body is stored, with its content hash for de-duplication.
import { compile, convert, type HtmlToTextOptions } from 'html-to-text';
import { codePointLength, contentHash, normalizeText } from '../shared/text.ts';

/** The longest body a source may have, in code points (about 800,000 words). */
export const MAX_BODY_LENGTH = 5_000_000;

/**
 * The longest HTML accepted, in UTF-16 units: html-to-text silently truncates longer input, and
 * a page whose markup is this large is not an article.
 */
export const MAX_HTML_LENGTH = 16_777_216;

/** The input field at fault, as a path in the importSource mutation's input. */
export type ImportField = 'input' | 'input.text' | 'input.html';

export type ImportTextErrorReason =
  | 'TEXT_AND_HTML'
  | 'NO_TEXT_OR_HTML'
  | 'EMPTY'
  | 'TOO_LONG'
  | 'NUL_CHARACTER';

/** The imported content cannot become a source body; `message` says what to change. */
export class ImportTextError extends Error {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly field: ImportField,
    readonly reason: ImportTextErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'ImportTextError';
  }
}

export interface ImportInput {
  text?: string | null;
  html?: string | null;
}

export interface PreparedBody {
  /** NFC, \n line endings, no trailing white space on lines, no blank lines at either end. */
  body: string;
  contentHash: string;
}

const HTML_OPTIONS: HtmlToTextOptions = {
  // Line breaks only where the page has them: wrapping would put \n inside quoted passages.
  wordwrap: false,
  limits: { maxInputLength: MAX_HTML_LENGTH },
  selectors: [
    // Link text stays, its URL does not: "[https://...]" inside a sentence breaks quotes.
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    // html-to-text already drops <head>, <script> and <style>; these hold no article text either.
    // Menus are not the article; the rest hold no readable text.
    ...[
      'nav',
      'noscript',
      'template',
      'svg',
      'canvas',
      'iframe',
      'object',
      'button',
      'select',
      'hr',
    ].map((selector) => ({ selector, format: 'skip' })),
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
      selector,
      options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 2 },
    })),
    // Quotations are cited verbatim: no "> " in front of each line.
    { selector: 'blockquote', format: 'paragraph' },
    // One row per line, cells separated by a space, rather than cells run together.
    { selector: 'tr', format: 'block', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: 'td', format: 'inlineSurround', options: { suffix: ' ' } },
    { selector: 'th', format: 'inlineSurround', options: { suffix: ' ' } },
  ],
};
const htmlToText = compile(HTML_OPTIONS);

/**
 * Validates and normalises imported content. Exactly one of `text` and `html` (null counts as
 * absent, an empty string as given). HTML is reduced to text: paragraphs and headings become
 * blocks separated by one blank line, link text stays without its URL, images, scripts, styles
 * form controls and <nav> menus are dropped, entities are decoded. Then, for both: normalizeText (NFC,
 * line endings), trailing white space removed from every line, runs of blank lines kept (text)
 * or collapsed to one (HTML, where they are markup artefacts), blank lines at either end removed.
 * Throws ImportTextError for both or neither, NUL characters, an empty result, or a body over
 * MAX_BODY_LENGTH code points.
 */
export function prepareImportedBody(input: ImportInput): PreparedBody {
  const text = input.text ?? undefined;
  const html = input.html ?? undefined;
  if (text !== undefined && html !== undefined) {
    throw new ImportTextError(
      'input',
      'TEXT_AND_HTML',
      'Give either the text or the HTML of the source, not both.',
    );
  }
  if (text === undefined && html === undefined) {
    throw new ImportTextError(
      'input',
      'NO_TEXT_OR_HTML',
      'Give the text or the HTML of the source to import.',
    );
  }
  const field: ImportField = html === undefined ? 'input.text' : 'input.html';
  const raw = (html ?? text) as string;

  // NUL cannot be stored in PostgreSQL text; it is never part of a real article.
  if (raw.includes('\u0000')) {
    throw new ImportTextError(
      field,
      'NUL_CHARACTER',
      `The ${field === 'input.html' ? 'HTML' : 'text'} contains a NUL character (U+0000), which usually means a binary file was pasted: import the article's text instead.`,
    );
  }
  if (html !== undefined && html.length > MAX_HTML_LENGTH) {
    throw new ImportTextError(
      field,
      'TOO_LONG',
      `The HTML is ${html.length.toLocaleString('en')} characters long; the limit is ${MAX_HTML_LENGTH.toLocaleString('en')}. Import the article's text instead of the whole page.`,
    );
  }

  const converted = html === undefined ? raw : htmlToText(html);
  let body = normalizeText(converted).replace(/[^\S\n]+$/gm, '');
  if (html !== undefined) body = body.replace(/\n{3,}/g, '\n\n');
  body = body.replace(/^\n+/, '').replace(/\n+$/, '');

  if (body.trim().length === 0) {
    throw new ImportTextError(
      field,
      'EMPTY',
      html === undefined
        ? 'The text is empty: paste the text of the source.'
        : 'The HTML contains no readable text (scripts, styles and images are dropped): paste the text of the source instead.',
    );
  }
  // Only count code points when the UTF-16 length could exceed the limit.
  if (body.length > MAX_BODY_LENGTH) {
    const length = codePointLength(body);
    if (length > MAX_BODY_LENGTH) {
      throw new ImportTextError(
        field,
        'TOO_LONG',
        `The source text is ${length.toLocaleString('en')} characters long; the limit is ${MAX_BODY_LENGTH.toLocaleString('en')}. Split it into several sources.`,
      );
    }
  }
  return { body, contentHash: contentHash(body) };
}

/**
 * A title for an import that has none: the page's <title>, else its first <h1>, with white space
 * collapsed; null when neither has text. The <title> often carries the site's name ("… | Khmer
 * Times"): an editor can shorten it.
 */
export function extractTitleFromHtml(html: string): string | null {
  // An inline SVG icon's <title> ("Share on Facebook") is not the page's; html-to-text's
  // selectors cannot exclude it, so the SVG goes first.
  const withoutSvg = html.replace(/<svg\b[\s\S]*?<\/svg\s*>/gi, '');
  for (const selector of ['title', 'h1']) {
    const text = convert(withoutSvg, {
      wordwrap: false,
      baseElements: { selectors: [selector], returnDomByDefault: false },
      limits: { maxBaseElements: 1, maxInputLength: MAX_HTML_LENGTH },
      selectors: [
        { selector: 'a', options: { ignoreHref: true } },
        { selector: 'img', format: 'skip' },
        { selector: 'h1', options: { uppercase: false } },
      ],
    });
    const title = normalizeText(text).replace(/\s+/g, ' ').trim();
    if (title.length > 0) return title;
  }
  return null;
}
