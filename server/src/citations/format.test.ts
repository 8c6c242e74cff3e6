// Citing sources: CSL mapping, APA/MLA/Chicago references, exports, and text-fragment deep links.
import { describe, expect, it } from 'vitest';
import type { SourceKind } from '../db/generated/prisma/enums.ts';
import {
  buildDeepLink,
  type CitableSource,
  type CitationStyle,
  exportSource,
  formatCitation,
  parseAuthor,
  sourceToCsl,
} from './format.ts';

const day = (year: number, month: number, date: number) =>
  new Date(Date.UTC(year, month - 1, date));

/** A signed, dated newspaper article, like corpus file 001. */
function article(overrides: Partial<CitableSource> = {}): CitableSource {
  return {
    id: '0194e1c2-7d00-7000-8000-000000000001',
    kind: 'ARTICLE',
    title: 'US Army Pacific commander visits Phnom Penh',
    titleSuppliedByEditor: false,
    outlet: 'Cambodianess',
    authors: ['Rin Ousa'],
    language: 'en',
    publishedOn: day(2025, 2, 25),
    publishedPrecision: 'DAY',
    url: 'https://cambodianess.com/article/us-army-pacific-commander-visits-phnom-penh',
    retrievedOn: day(2025, 3, 1),
    archiveUrl: null,
    ...overrides,
  };
}

/** No headline, outlet, byline or year in the text, like corpus file 000: the title is an editor's. */
function unattributed(overrides: Partial<CitableSource> = {}): CitableSource {
  return article({
    title: 'RCAF chief Vong Pisen meets US defence official Jed Royal',
    titleSuppliedByEditor: true,
    outlet: null,
    authors: [],
    publishedOn: null,
    publishedPrecision: null,
    url: null,
    retrievedOn: null,
    ...overrides,
  });
}

const URL_001 = 'https://cambodianess.com/article/us-army-pacific-commander-visits-phnom-penh';

describe('sourceToCsl', () => {
  it('maps an article with everything known', () => {
    expect(sourceToCsl(article())).toEqual({
      id: '0194e1c2-7d00-7000-8000-000000000001',
      type: 'article-newspaper',
      title: 'US Army Pacific commander visits Phnom Penh',
      author: [{ literal: 'Rin Ousa' }],
      'container-title': 'Cambodianess',
      issued: { 'date-parts': [[2025, 2, 25]] },
      accessed: { 'date-parts': [[2025, 3, 1]] },
      URL: URL_001,
      language: 'en',
    });
  });

  it('leaves out what the source does not state, and brackets an editor-supplied title', () => {
    expect(sourceToCsl(unattributed())).toEqual({
      id: '0194e1c2-7d00-7000-8000-000000000001',
      type: 'article-newspaper',
      title: '[RCAF chief Vong Pisen meets US defence official Jed Royal]',
      language: 'en',
    });
  });

  it('does not bracket a title twice', () => {
    expect(sourceToCsl(unattributed({ title: '[Untitled remarks]' })).title).toBe(
      '[Untitled remarks]',
    );
  });

  it.each([
    ['DAY', day(2024, 2, 26), [[2024, 2, 26]]],
    ['MONTH', day(2024, 2, 1), [[2024, 2]]],
    ['YEAR', day(2024, 1, 1), [[2024]]],
  ] as const)('keeps a %s date to its precision', (precision, publishedOn, parts) => {
    const item = sourceToCsl(article({ publishedOn, publishedPrecision: precision }));
    expect(item.issued).toEqual({ 'date-parts': parts });
  });

  it('claims only the year of a date whose precision is missing', () => {
    const item = sourceToCsl(article({ publishedOn: day(2024, 2, 26), publishedPrecision: null }));
    expect(item.issued).toEqual({ 'date-parts': [[2024]] });
  });

  it.each([
    ['ARTICLE', 'article-newspaper', undefined, 'container-title'],
    ['PRESS_RELEASE', 'document', 'Press release', 'publisher'],
    ['OFFICIAL_STATEMENT', 'document', 'Statement', 'publisher'],
    ['SOCIAL_POST', 'post', undefined, 'container-title'],
    ['TRANSCRIPT', 'interview', 'Transcript', 'publisher'],
    ['OTHER', 'document', undefined, 'publisher'],
  ] as const)('maps %s to a CSL %s', (kind: SourceKind, type, genre, outletField) => {
    const item = sourceToCsl(article({ kind, outlet: 'The Outlet' }));
    expect(item.type).toBe(type);
    expect(item.genre).toBe(genre);
    expect(item[outletField]).toBe('The Outlet');
  });

  it('uses the archived copy when there is no URL, and notes it when there is one', () => {
    const archiveUrl = 'https://web.archive.org/web/2025/https://example.com/a';
    expect(sourceToCsl(article({ url: null, archiveUrl })).URL).toBe(archiveUrl);
    const both = sourceToCsl(article({ archiveUrl }));
    expect(both.URL).toBe(URL_001);
    expect(both.note).toBe(`Archived at ${archiveUrl}`);
  });

  it('keeps the language of the source', () => {
    expect(sourceToCsl(article({ language: 'km' })).language).toBe('km');
  });
});

describe('parseAuthor', () => {
  it.each([
    ['a name in written order stays literal', 'Rin Ousa', { literal: 'Rin Ousa' }],
    ['"Family, Given" is parsed', 'Smith, John', { family: 'Smith', given: 'John' }],
    [
      'with a suffix',
      'King, Martin Luther, Jr.',
      { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
    ],
    ['with a particle', 'van der Berg, Anna', { family: 'van der Berg', given: 'Anna' }],
    ['an organisation', 'U.S. Embassy Phnom Penh', { literal: 'U.S. Embassy Phnom Penh' }],
    [
      'an organisation with a comma',
      'Ministry of National Defence, Cambodia',
      { literal: 'Ministry of National Defence, Cambodia' },
    ],
    ['a single name', 'Reuters', { literal: 'Reuters' }],
    ['extra whitespace', '  Hun   Manet ', { literal: 'Hun Manet' }],
    ['a trailing comma', 'Smith,', { literal: 'Smith,' }],
    ['blank', '   ', null],
  ])('%s', (_name, input, expected) => {
    expect(parseAuthor(input)).toEqual(expected);
  });
});

describe('formatCitation', () => {
  const cases: [string, CitableSource, Record<CitationStyle, string>][] = [
    [
      'an article with author, outlet and day',
      article(),
      {
        APA: `Rin Ousa. (2025, February 25). US Army Pacific commander visits Phnom Penh. Cambodianess. ${URL_001}`,
        MLA: `Rin Ousa. “US Army Pacific Commander Visits Phnom Penh.” Cambodianess, 25 Feb. 2025, ${URL_001}.`,
        CHICAGO: `Rin Ousa. “US Army Pacific Commander Visits Phnom Penh.” Cambodianess, February 25, 2025. ${URL_001}.`,
      },
    ],
    [
      'a source with no author, outlet or date (editor-supplied title)',
      unattributed(),
      {
        APA: '[RCAF chief Vong Pisen meets US defence official Jed Royal]. (n.d.).',
        MLA: '[RCAF Chief Vong Pisen Meets US Defence Official Jed Royal].',
        CHICAGO: '“[RCAF Chief Vong Pisen Meets US Defence Official Jed Royal].” n.d.',
      },
    ],
    [
      'a MONTH date and a parsed author',
      article({
        authors: ['Smith, John'],
        publishedOn: day(2024, 2, 1),
        publishedPrecision: 'MONTH',
      }),
      {
        APA: `Smith, J. (2024, February). US Army Pacific commander visits Phnom Penh. Cambodianess. ${URL_001}`,
        MLA: `Smith, John. “US Army Pacific Commander Visits Phnom Penh.” Cambodianess, Feb. 2024, ${URL_001}.`,
        CHICAGO: `Smith, John. “US Army Pacific Commander Visits Phnom Penh.” Cambodianess, February 2024. ${URL_001}.`,
      },
    ],
    [
      'a YEAR date and no author',
      article({ authors: [], publishedOn: day(2023, 1, 1), publishedPrecision: 'YEAR' }),
      {
        APA: `US Army Pacific commander visits Phnom Penh. (2023). Cambodianess. ${URL_001}`,
        MLA: `“US Army Pacific Commander Visits Phnom Penh.” Cambodianess, 2023, ${URL_001}.`,
        CHICAGO: `Cambodianess. “US Army Pacific Commander Visits Phnom Penh.” 2023. ${URL_001}.`,
      },
    ],
    [
      'an editor-supplied title on a dated, published article',
      article({
        title: 'Austin meets Hun Manet in Phnom Penh',
        titleSuppliedByEditor: true,
        authors: [],
      }),
      {
        APA: `[Austin meets Hun Manet in Phnom Penh]. (2025, February 25). Cambodianess. ${URL_001}`,
        MLA: `“[Austin Meets Hun Manet in Phnom Penh].” Cambodianess, 25 Feb. 2025, ${URL_001}.`,
        CHICAGO: `Cambodianess. “[Austin Meets Hun Manet in Phnom Penh].” February 25, 2025. ${URL_001}.`,
      },
    ],
    [
      'a press release',
      article({
        kind: 'PRESS_RELEASE',
        title: 'Principal Deputy Assistant Secretary of Defense Jed Royal visits Cambodia',
        outlet: 'U.S. Embassy in Cambodia',
        authors: [],
        publishedOn: day(2024, 2, 28),
        url: 'https://kh.usembassy.gov/royal-visit/',
      }),
      {
        APA: 'Principal Deputy Assistant Secretary of Defense Jed Royal visits Cambodia. (2024, February 28). [Press release]. U.S. Embassy in Cambodia. https://kh.usembassy.gov/royal-visit/',
        MLA: 'Principal Deputy Assistant Secretary of Defense Jed Royal Visits Cambodia. U.S. Embassy in Cambodia, 28 Feb. 2024, https://kh.usembassy.gov/royal-visit/.',
        CHICAGO:
          '“Principal Deputy Assistant Secretary of Defense Jed Royal Visits Cambodia.” Press release. U.S. Embassy in Cambodia, February 28, 2024. https://kh.usembassy.gov/royal-visit/.',
      },
    ],
    [
      'a Khmer title, which is not title-cased',
      article({ title: 'ក្រសួងការពារជាតិ', language: 'km', url: null }),
      {
        APA: 'Rin Ousa. (2025, February 25). ក្រសួងការពារជាតិ. Cambodianess.',
        MLA: 'Rin Ousa. “ក្រសួងការពារជាតិ.” Cambodianess, 25 Feb. 2025.',
        CHICAGO: 'Rin Ousa. “ក្រសួងការពារជាតិ.” Cambodianess, February 25, 2025.',
      },
    ],
  ];

  describe.each(cases)('%s', (_name, source, expected) => {
    it.each(['APA', 'MLA', 'CHICAGO'] as const)('in %s style', (style) => {
      expect(formatCitation(source, style)).toBe(expected[style]);
    });
  });

  it('prints markup-like text as text (only CSL rich-text tags such as <i> are interpreted)', () => {
    const source = article({
      title: 'Profits < costs & <script>alert(1)</script>, <i>really</i>',
      authors: [],
    });
    expect(formatCitation(source, 'APA')).toMatch(
      /^Profits < costs & <script>alert\(1\)<\/script>, really\. /,
    );
  });

  it('never serves a stale reference after the source changes', () => {
    expect(formatCitation(article(), 'APA')).toContain('Rin Ousa.');
    expect(formatCitation(article({ authors: ['Chea, Vannak'] }), 'APA')).toMatch(/^Chea, V\. /);
    expect(formatCitation(article(), 'APA')).toContain('Rin Ousa.');
  });

  it('states a press release, a statement, a post and a transcript for what they are', () => {
    const dated = { authors: [], publishedOn: day(2024, 6, 4), url: null };
    expect(
      formatCitation(article({ ...dated, kind: 'PRESS_RELEASE', outlet: 'Embassy' }), 'APA'),
    ).toContain('[Press release]. Embassy.');
    expect(
      formatCitation(article({ ...dated, kind: 'OFFICIAL_STATEMENT', outlet: 'Ministry' }), 'APA'),
    ).toContain('[Statement]. Ministry.');
    expect(
      formatCitation(article({ ...dated, kind: 'SOCIAL_POST', outlet: 'Facebook' }), 'APA'),
    ).toContain('[Online post]. Facebook.');
    expect(
      formatCitation(
        article({ ...dated, kind: 'TRANSCRIPT', outlet: 'U.S. Department of Defense' }),
        'MLA',
      ),
    ).toBe('US Army Pacific Commander Visits Phnom Penh. U.S. Department of Defense, 4 June 2024.');
  });
});

describe('exportSource', () => {
  it('exports CSL-JSON as an array holding the item', () => {
    const exported = JSON.parse(exportSource(article(), 'CSL_JSON')) as unknown;
    expect(exported).toEqual([sourceToCsl(article())]);
  });

  it('exports a BibTeX entry', () => {
    const bibtex = exportSource(article(), 'BIBTEX');
    expect(bibtex).toMatch(/^@article\{Rin2025US,\n/);
    expect(bibtex).toContain('author = {{Rin Ousa}}');
    expect(bibtex).toContain('journal = {Cambodianess}');
    expect(bibtex).toContain('year = {2025}');
    expect(bibtex).toContain(`url = {${URL_001}}`);
    expect(bibtex.endsWith('}')).toBe(true);
  });

  it('exports no date, author or outlet that the source does not state', () => {
    const bibtex = exportSource(unattributed(), 'BIBTEX');
    expect(bibtex).not.toMatch(/year|month|author|journal|url/);
    expect(bibtex).toContain('[{RCAF} chief {Vong} {Pisen}');
  });

  it('exports a MONTH date without a day', () => {
    const bibtex = exportSource(
      article({ publishedOn: day(2024, 2, 1), publishedPrecision: 'MONTH' }),
      'BIBTEX',
    );
    expect(bibtex).toContain('year = {2024}');
    expect(bibtex).toContain('month = {2}');
  });
});

describe('buildDeepLink', () => {
  const page = 'https://example.com/news/1?id=3';

  it.each([
    [
      'a short passage',
      { exact: 'Royal on February 26.', prefix: '', suffix: '' },
      `${page}#:~:text=Royal%20on%20February%2026.`,
    ],
    [
      'prefix and suffix trimmed to whole words near the passage',
      {
        exact: 'met with Royal',
        prefix: 'mmander-in-chief General Vong Pisen ',
        suffix: ' on February 26. During the mee',
      },
      `${page}#:~:text=General%20Vong%20Pisen-,met%20with%20Royal,-on%20February%2026`,
    ],
    [
      '"-", "," and "&" percent-encoded',
      { exact: 'de-mining, UXO & peacekeeping', prefix: '', suffix: '' },
      `${page}#:~:text=de%2Dmining%2C%20UXO%20%26%20peacekeeping`,
    ],
    [
      'emoji',
      { exact: 'Great meeting today 🇰🇭🤝🇺🇸', prefix: '', suffix: '' },
      `${page}#:~:text=Great%20meeting%20today%20%F0%9F%87%B0%F0%9F%87%AD%F0%9F%A4%9D%F0%9F%87%BA%F0%9F%87%B8`,
    ],
    [
      'Khmer text',
      { exact: 'ក្រសួងការពារជាតិ', prefix: '', suffix: '' },
      `${page}#:~:text=%E1%9E%80%E1%9F%92%E1%9E%9A%E1%9E%9F%E1%9E%BD%E1%9E%84%E1%9E%80%E1%9E%B6%E1%9E%9A%E1%9E%96%E1%9E%B6%E1%9E%9A%E1%9E%87%E1%9E%B6%E1%9E%8F%E1%9E%B7`,
    ],
    [
      'context from other paragraphs left out',
      {
        exact: 'He added that',
        prefix: 'the world,” he explained.\n\n',
        suffix: ' the Ministry\nof',
      },
      `${page}#:~:text=He%20added%20that,-the%20Ministry`,
    ],
    [
      'a passage across paragraphs linked by its first and last words',
      {
        exact: 'The US recently resumed training.\n\nDuring the meeting, Pisen requested support',
        prefix: '',
        suffix: '',
      },
      `${page}#:~:text=The%20US%20recently%20resumed%20training,the%20meeting%2C%20Pisen%20requested%20support`,
    ],
    [
      'whitespace runs collapsed',
      { exact: 'peace,  stability\tand security', prefix: '', suffix: '' },
      `${page}#:~:text=peace%2C%20stability%20and%20security`,
    ],
    ['an empty passage links to the page', { exact: '  ', prefix: 'a', suffix: 'b' }, page],
  ])('%s', (_name, passage, expected) => {
    expect(buildDeepLink(page, passage)).toBe(expected);
  });

  it('links a long passage by its first and last five words', () => {
    const exact = `Cambodia adheres to a policy of independence, ${'based on international law and friendship, '.repeat(8)}as well as numerous international organisations.`;
    const link = buildDeepLink(page, { exact, prefix: '', suffix: '' });
    expect(link).toBe(
      `${page}#:~:text=Cambodia%20adheres%20to%20a%20policy,well%20as%20numerous%20international%20organisations.`,
    );
  });

  it('links a long Khmer passage, which has no spaces, by whole words', () => {
    const sentence = 'សម្ដេចធិបតីហ៊ុនម៉ាណែតបានថ្លែងថាកម្ពុជាប្រកាន់ខ្ជាប់នូវគោលនយោបាយឯករាជ្យ';
    const exact = sentence.repeat(6);
    const link = buildDeepLink(page, { exact, prefix: '', suffix: '' }) ?? '';
    const [start, end, ...rest] = link.split('#:~:text=')[1]?.split(',') ?? [];
    expect(rest).toEqual([]);
    const startText = decodeURIComponent(start ?? '');
    const endText = decodeURIComponent(end ?? '');
    expect(exact.startsWith(startText)).toBe(true);
    expect(exact.endsWith(endText)).toBe(true);
    expect(startText.length).toBeLessThan(100);
    expect(endText.length).toBeLessThan(100);
  });

  it('replaces an existing fragment', () => {
    expect(
      buildDeepLink('https://example.com/a#comments', { exact: 'Royal', prefix: '', suffix: '' }),
    ).toBe('https://example.com/a#:~:text=Royal');
  });

  it.each([
    ['no URL', null],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['an ftp: URL', 'ftp://example.com/a.txt'],
    ['a relative URL', '/news/1'],
    ['garbage', 'not a url'],
  ])('is null for %s', (_name, url) => {
    expect(buildDeepLink(url, { exact: 'Royal', prefix: '', suffix: '' })).toBeNull();
  });

  it('only uses characters a fragment directive allows, and its terms are in the source text', () => {
    const body =
      'He said: “We’re encouraged — 100% — about de-mining, UXO & peacekeeping, (really).” Then he left, smiling 😀.';
    const exact = 'We’re encouraged — 100% — about de-mining, UXO & peacekeeping, (really).';
    const at = body.indexOf(exact);
    const link = buildDeepLink(page, {
      exact,
      prefix: body.slice(Math.max(0, at - 10), at),
      suffix: body.slice(at + exact.length, at + exact.length + 20),
    });
    const directive = link?.split('#:~:text=')[1] ?? '';
    expect(directive).toMatch(/^[A-Za-z0-9%!$'()*+./:;=?@_~,-]+$/);
    const terms = directive
      .replace(/-,/, ',')
      .replace(/,-/, ',')
      .split(',')
      .map((term) => decodeURIComponent(term));
    let from = 0;
    for (const term of terms) {
      const found = body.indexOf(term, from);
      expect(found).toBeGreaterThanOrEqual(from);
      from = found + term.length;
    }
  });
});
