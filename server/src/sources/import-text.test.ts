// Imported text and HTML become normalised source bodies; unusable input is refused with the
// field to fix; a page's title is found for imports without one.
import { describe, expect, it } from 'vitest';
import { contentHash } from '../shared/text.ts';
import {
  extractTitleFromHtml,
  type ImportField,
  type ImportInput,
  ImportTextError,
  type ImportTextErrorReason,
  MAX_BODY_LENGTH,
  prepareImportedBody,
} from './import-text.ts';

describe('prepareImportedBody', () => {
  const cases: { name: string; input: ImportInput; body: string }[] = [
    {
      name: 'plain text unchanged',
      input: { text: 'Hun Manet met Lloyd Austin.\n\n“We agreed,” he said.' },
      body: 'Hun Manet met Lloyd Austin.\n\n“We agreed,” he said.',
    },
    {
      name: 'text: Windows and old Mac line endings become \\n',
      input: { text: 'one\r\ntwo\rthree' },
      body: 'one\ntwo\nthree',
    },
    {
      name: 'text: NFD becomes NFC',
      input: { text: 'Cafe\u0301 Peace' },
      body: 'Café Peace',
    },
    {
      name: 'text: trailing white space on lines and blank lines at either end go',
      input: { text: '\n\n  \nFirst line  \t\nSecond line\u00A0\n\n\n\n  \n' },
      body: 'First line\nSecond line',
    },
    {
      name: 'text: indentation and blank lines inside are the author’s and stay',
      input: { text: 'By:\n  • Rin Ousa\n\n\n\nBody.' },
      body: 'By:\n  • Rin Ousa\n\n\n\nBody.',
    },
    {
      name: 'text: an empty html next to it is absent only when null',
      input: { text: 'Just text.', html: null },
      body: 'Just text.',
    },
    {
      name: 'HTML: paragraphs become blocks separated by a blank line',
      input: {
        html: '<p>First paragraph.</p><p>Second   paragraph,\n  wrapped in the source.</p>',
      },
      body: 'First paragraph.\n\nSecond paragraph, wrapped in the source.',
    },
    {
      name: 'HTML: headings keep their case',
      input: { html: '<h1>Austin Visits Cambodia</h1><h2>Talks</h2><p>Text.</p>' },
      body: 'Austin Visits Cambodia\n\nTalks\n\nText.',
    },
    {
      name: 'HTML: link text stays, its URL does not',
      input: { html: '<p>Read the <a href="https://example.com/release">press release</a>.</p>' },
      body: 'Read the press release.',
    },
    {
      name: 'HTML: images, scripts, styles, menus and the head are dropped',
      input: {
        html: '<html><head><title>T</title><style>p { color: red }</style><script>var q = "<p>no</p>";</script></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><p>Kept <img src="a.png" alt="a photo"> text.</p><noscript>Enable JavaScript</noscript><script>track()</script><svg><title>Share</title></svg></body></html>',
      },
      body: 'Kept text.',
    },
    {
      name: 'HTML: entities are decoded',
      input: { html: '<p>&ldquo;Peace &amp; security,&rdquo; he said &#8212; twice&#x21;</p>' },
      body: '“Peace & security,” he said — twice!',
    },
    {
      name: 'HTML: line breaks stay, trailing spaces before them go',
      input: { html: '<p>Line one   <br>Line two</p>' },
      body: 'Line one\nLine two',
    },
    {
      name: 'HTML: block quotes are paragraphs without "> " markers',
      input: { html: '<p>He said:</p><blockquote><p>We will continue.</p></blockquote>' },
      body: 'He said:\n\nWe will continue.',
    },
    {
      name: 'HTML: table rows become lines, cells separated by spaces',
      input: {
        html: '<table><tr><th>Year</th><th>Visits</th></tr><tr><td>2024</td><td>3</td></tr></table>',
      },
      body: 'Year Visits\n2024 3',
    },
    {
      name: 'HTML: decomposed characters and CRLF in the markup are normalised',
      input: { html: '<p>Cafe\u0301</p>\r\n<pre>a\r\nb</pre>' },
      body: 'Café\n\na\nb',
    },
  ];

  it.each(cases)('$name', ({ input, body }) => {
    const prepared = prepareImportedBody(input);
    expect(prepared.body).toBe(body);
    expect(prepared.contentHash).toBe(contentHash(body));
  });

  it('gives the same body and hash to the same text however its line endings are written', () => {
    const unix = prepareImportedBody({ text: 'Same\n\ntext.\n' });
    const windows = prepareImportedBody({ text: 'Same\r\n\r\ntext.\r\n' });
    expect(windows).toEqual(unix);
  });

  const refused: {
    name: string;
    input: ImportInput;
    field: ImportField;
    reason: ImportTextErrorReason;
    message: RegExp;
  }[] = [
    {
      name: 'both text and HTML',
      input: { text: 'a', html: '<p>a</p>' },
      field: 'input',
      reason: 'TEXT_AND_HTML',
      message: /either the text or the HTML/,
    },
    {
      name: 'neither text nor HTML',
      input: {},
      field: 'input',
      reason: 'NO_TEXT_OR_HTML',
      message: /Give the text or the HTML/,
    },
    {
      name: 'null for both',
      input: { text: null, html: null },
      field: 'input',
      reason: 'NO_TEXT_OR_HTML',
      message: /Give the text or the HTML/,
    },
    {
      name: 'empty text',
      input: { text: '' },
      field: 'input.text',
      reason: 'EMPTY',
      message: /text is empty/,
    },
    {
      name: 'white space only',
      input: { text: ' \n\t\r\n \u00A0 ' },
      field: 'input.text',
      reason: 'EMPTY',
      message: /text is empty/,
    },
    {
      name: 'HTML without readable text',
      input: {
        html: '<html><head><title>Only a title</title></head><body><img src="a.png"><script>x()</script></body></html>',
      },
      field: 'input.html',
      reason: 'EMPTY',
      message: /no readable text/,
    },
    {
      name: 'a NUL character in text',
      input: { text: 'binary\u0000junk' },
      field: 'input.text',
      reason: 'NUL_CHARACTER',
      message: /NUL character/,
    },
    {
      name: 'a NUL character in HTML',
      input: { html: '<p>binary\u0000junk</p>' },
      field: 'input.html',
      reason: 'NUL_CHARACTER',
      message: /NUL character/,
    },
    {
      name: 'text over the limit',
      input: { text: 'a'.repeat(MAX_BODY_LENGTH + 1) },
      field: 'input.text',
      reason: 'TOO_LONG',
      message: /5,000,001 characters long; the limit is 5,000,000/,
    },
    {
      name: 'HTML whose text is over the limit',
      input: { html: `<p>${'word '.repeat(1_000_001)}</p>` },
      field: 'input.html',
      reason: 'TOO_LONG',
      message: /the limit is 5,000,000/,
    },
  ];

  it.each(refused)('refuses $name', ({ input, field, reason, message }) => {
    let error: unknown;
    try {
      prepareImportedBody(input);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ImportTextError);
    expect(error).toMatchObject({ field, reason, code: 'BAD_USER_INPUT' });
    expect((error as Error).message).toMatch(message);
  });

  it('counts the limit in code points, not UTF-16 units', () => {
    // 3,000,000 emoji: 6,000,000 UTF-16 units but 3,000,000 characters.
    const body = '👋'.repeat(3_000_000);
    expect(prepareImportedBody({ text: body }).body).toBe(body);
  });

  it('refuses HTML over MAX_HTML_LENGTH before parsing it, rather than truncating it', () => {
    const html = `<p>${'x'.repeat(16_777_216)}</p>`;
    expect(() => prepareImportedBody({ html })).toThrow(/Import the article's text/);
  });
});

describe('extractTitleFromHtml', () => {
  it.each([
    {
      name: 'the <title>, entities decoded and white space collapsed',
      html: '<html><head><title>\n  Austin meets\n  Hun Manet &amp; Hun Sen | Khmer Times </title></head><body><h1>Other</h1></body></html>',
      title: 'Austin meets Hun Manet & Hun Sen | Khmer Times',
    },
    {
      name: 'the first <h1> when there is no <title>',
      html: '<body><h1>US and Cambodia <em>explore</em> defence ties</h1><h1>Second</h1></body>',
      title: 'US and Cambodia explore defence ties',
    },
    {
      name: 'the first <h1> when the <title> is empty',
      html: '<head><title> </title></head><h1>Heading</h1>',
      title: 'Heading',
    },
    {
      name: 'not an SVG icon’s title',
      html: '<body><svg><title>Share on Facebook</title></svg><h1>Real headline</h1></body>',
      title: 'Real headline',
    },
    { name: 'null without either', html: '<p>Just a paragraph.</p>', title: null },
    { name: 'null for empty input', html: '', title: null },
  ])('returns $name', ({ html, title }) => {
    expect(extractTitleFromHtml(html)).toBe(title);
  });
});
