// The curated seed corpus, checked without a database: it validates, every citation is verbatim
// and unambiguous, direct quotes are faithful, and every quotation in the texts is accounted for.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { anchorQuote } from '../citations/anchor.ts';
import { CodePointIndex, normalizeText } from '../shared/text.ts';
import {
  type CorpusData,
  CorpusFormatError,
  type CorpusInput,
  parseCorpus,
} from './corpus-format.ts';
import {
  CorpusCitationError,
  DEFAULT_DATA_FILE,
  type PreparedCorpus,
  readCorpus,
} from './load-corpus.ts';

const SOURCES_DIR = join(DEFAULT_DATA_FILE, '..', 'sources');
// The shared originals, present on the team's machines but not required to run the project.
const SHARED_CORPUS = fileURLToPath(new URL('../../../../shared/corpus', import.meta.url));

/**
 * Quotation marks in the texts that are deliberately not DIRECT_QUOTE statements. Each is still
 * covered by a statement or event that cites its passage.
 */
const EXCLUDED_QUOTATIONS: { file: string; quoted: string; reason: string }[] = [
  {
    file: '000_42964d463dbdf9e8.txt',
    quoted: 'Mine-Free Cambodia 2025',
    reason: 'the name of a government goal, not words someone said; kept in a paraphrase',
  },
  {
    file: '002_2b9a84b116ce6c1a.txt',
    quoted: 'constructive',
    reason: 'a one-word characterisation the article does not attribute to anyone',
  },
  {
    file: '002_2b9a84b116ce6c1a.txt',
    quoted: 'Angkor Sentinel',
    reason: 'the name of an exercise, not words someone said',
  },
  {
    file: '003_366885b36e7fe015.txt',
    quoted: 'good relations',
    reason:
      'a two-word fragment inside a paraphrase of Hun Sen’s post; whether the words are Austin’s or Hun Sen’s is not said. Kept in the paraphrase statement',
  },
  {
    file: '003_366885b36e7fe015.txt',
    quoted: 'not too bad',
    reason:
      'a fragment of an earlier, undated view of Hun Sen’s, reported inside a paraphrase. Kept in the paraphrase statement',
  },
];

describe('the seed corpus', () => {
  let json: CorpusInput;
  let data: CorpusData;
  let corpus: PreparedCorpus;
  const bodies = new Map<string, string>();

  beforeAll(async () => {
    json = JSON.parse(readFileSync(DEFAULT_DATA_FILE, 'utf8')) as CorpusInput;
    data = parseCorpus(json);
    for (const source of data.sources) {
      bodies.set(source.key, normalizeText(readFileSync(join(SOURCES_DIR, source.file), 'utf8')));
    }
    corpus = await readCorpus();
  });

  it('validates against the format, cross-references included', () => {
    expect(data.sources).toHaveLength(5);
    expect(corpus.data).toEqual(data);
  });

  it('has one source per text file, and every text file is a source', () => {
    const files = readdirSync(SOURCES_DIR).filter((file) => file.endsWith('.txt'));
    expect(data.sources.map((source) => source.file).sort()).toEqual(files.sort());
  });

  it.skipIf(!existsSync(SHARED_CORPUS))(
    'keeps byte-for-byte copies of the shared corpus texts',
    () => {
      const shared = readdirSync(SHARED_CORPUS).filter((file) => file.endsWith('.txt'));
      expect(
        readdirSync(SOURCES_DIR)
          .filter((file) => file.endsWith('.txt'))
          .sort(),
      ).toEqual(shared.sort());
      for (const file of shared) {
        const copy = readFileSync(join(SOURCES_DIR, file));
        expect(copy.equals(readFileSync(join(SHARED_CORPUS, file))), file).toBe(true);
      }
    },
  );

  it('anchors every citation verbatim and unambiguously in its source', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const record of [...data.events, ...data.statements]) {
      for (const citation of record.citations) {
        const body = bodies.get(citation.source) as string;
        try {
          const anchor = anchorQuote(body, citation);
          // The stored offsets select exactly the cited text.
          expect(new CodePointIndex(body).slice(anchor.start, anchor.end)).toBe(citation.exact);
          checked++;
        } catch (error) {
          problems.push(`${record.key} → ${citation.source}: ${(error as Error).message}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBe(corpus.citations.length);
  });

  it('uses a prefix or suffix only where the exact text occurs more than once', () => {
    for (const record of [...data.events, ...data.statements]) {
      for (const citation of record.citations) {
        if (citation.prefix === undefined && citation.suffix === undefined) continue;
        const body = bodies.get(citation.source) as string;
        expect(body.indexOf(citation.exact), `${record.key}: needless context`).not.toBe(
          body.lastIndexOf(citation.exact),
        );
      }
    }
  });

  it('quotes every DIRECT_QUOTE verbatim from one of its cited passages', () => {
    const quotes = data.statements.filter((statement) => statement.kind === 'DIRECT_QUOTE');
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) {
      expect(
        quote.citations.some((citation) => citation.exact.includes(quote.text)),
        `${quote.key}: its text is not inside any of its passages`,
      ).toBe(true);
      // The text is the quoted words, without the quotation marks around them.
      expect(quote.text, quote.key).not.toMatch(/^["“‘]|["”]$/);
    }
  });

  it('cites at least one supporting passage for every event and statement', () => {
    for (const record of [...data.events, ...data.statements]) {
      expect(
        record.citations.some((citation) => citation.role === 'SUPPORTS'),
        `${record.key} has no SUPPORTS citation`,
      ).toBe(true);
    }
  });

  it('explains every inferred event date in a citation note', () => {
    for (const event of data.events.filter((event) => event.dateQualifier === 'INFERRED')) {
      expect(
        event.citations.some((citation) => citation.note !== undefined),
        `${event.key}: say how the date was inferred`,
      ).toBe(true);
    }
  });

  it('marks editor-written titles, and states outlets and authors only where the text does', () => {
    for (const source of data.sources) {
      const body = bodies.get(source.key) as string;
      const firstLine = body.trimStart().split('\n', 1)[0] as string;
      expect(source.titleSuppliedByEditor, source.key).toBe(firstLine !== source.title);
      if (source.outlet !== undefined) expect(body, source.key).toContain(source.outlet);
      for (const author of source.authors) expect(body, source.key).toContain(author);
    }
  });

  it('accounts for every quotation in the texts: a DIRECT_QUOTE or a listed exclusion', () => {
    const uncovered: string[] = [];
    const excludedSeen = new Set<string>();
    for (const source of data.sources) {
      const quotes = data.statements.filter(
        (statement) =>
          statement.kind === 'DIRECT_QUOTE' &&
          statement.citations.some((citation) => citation.source === source.key),
      );
      for (const quoted of quotedSpans(bodies.get(source.key) as string)) {
        const exclusion = EXCLUDED_QUOTATIONS.find(
          (excluded) => excluded.file === source.file && excluded.quoted === quoted,
        );
        if (exclusion) {
          excludedSeen.add(`${exclusion.file}:${exclusion.quoted}`);
        } else if (!quotes.some((statement) => statement.text === quoted)) {
          uncovered.push(`${source.file}: ${quoted}`);
        }
      }
    }
    expect(uncovered).toEqual([]);
    // Every exclusion still matches a quotation, so the list cannot go stale.
    expect([...excludedSeen].sort()).toEqual(
      EXCLUDED_QUOTATIONS.map((excluded) => `${excluded.file}:${excluded.quoted}`).sort(),
    );
  });

  it('finds quotations the way the coverage check expects', () => {
    expect(
      quotedSpans(
        '“Open and closed,” he said. “Runs on\n"Straight, then curly here,” it said. ‘single’ and it’s not, a "word" too.',
      ),
    ).toEqual(['Open and closed', 'Runs on', 'Straight, then curly here', 'single', 'word']);
  });
});

describe('the corpus format', () => {
  const minimal = (): CorpusInput => ({
    topics: [{ slug: 'demining', name: 'Demining' }],
    actors: [
      { key: 'agency', kind: 'ORGANIZATION', name: 'Agency' },
      {
        key: 'officer',
        kind: 'PERSON',
        name: 'Officer',
        positions: [{ title: 'Chief', organization: 'agency' }],
      },
    ],
    sources: [
      {
        key: 'report',
        file: 'report.txt',
        kind: 'ARTICLE',
        title: 'Report',
        titleSuppliedByEditor: true,
        language: 'en',
        published: { date: '2024-02', qualifier: 'INFERRED' },
      },
    ],
    events: [
      {
        key: 'visit',
        kind: 'VISIT',
        title: 'Visit',
        summary: 'A visit.',
        start: '2024-02-24',
        end: '2024-02-25',
        dateQualifier: 'EXACT',
        participants: [{ actor: 'officer', role: 'VISITOR' }],
        topics: ['demining'],
        citations: [{ source: 'report', exact: 'visited' }],
      },
    ],
    statements: [
      {
        key: 'remark',
        kind: 'DIRECT_QUOTE',
        text: 'Hello',
        speaker: 'officer',
        said: '2024-02-24',
        dateQualifier: 'EXACT',
        event: 'visit',
        topics: [],
        citations: [{ source: 'report', exact: '“Hello,” he said.' }],
      },
    ],
  });

  it('parses dates with their precision and applies defaults', () => {
    const data = parseCorpus(minimal());
    expect(data.sources[0]?.published?.date).toMatchObject({ text: '2024-02', precision: 'MONTH' });
    expect(data.sources[0]?.published?.date.date.toISOString()).toBe('2024-02-01T00:00:00.000Z');
    expect(data.statements[0]?.rank).toBe('NORMAL');
    expect(data.events[0]?.citations[0]?.role).toBe('SUPPORTS');
  });

  const broken: { name: string; change: (input: CorpusInput) => void; message: string }[] = [
    {
      name: 'an unknown speaker',
      change: (input) => {
        (input.statements[0] as { speaker: string }).speaker = 'nobody';
      },
      message: 'statement "remark": unknown speaker "nobody"',
    },
    {
      name: 'an unknown participant',
      change: (input) => {
        input.events[0]?.participants.push({ actor: 'ghost', role: 'HOST' });
      },
      message: 'event "visit": unknown actor "ghost"',
    },
    {
      name: 'an unknown topic',
      change: (input) => {
        input.events[0]?.topics.push('weather');
      },
      message: 'event "visit": unknown topic "weather"',
    },
    {
      name: 'an unknown cited source',
      change: (input) => {
        input.statements[0]?.citations.push({ source: 'rumour', exact: 'x' });
      },
      message: 'statement "remark": citation of unknown source "rumour"',
    },
    {
      name: 'an unknown event',
      change: (input) => {
        (input.statements[0] as { event?: string }).event = 'party';
      },
      message: 'statement "remark": unknown event "party"',
    },
    {
      name: 'an unknown parent event',
      change: (input) => {
        (input.events[0] as { parent?: string }).parent = 'tour';
      },
      message: 'event "visit": unknown parent event "tour"',
    },
    {
      name: 'a position in a person instead of an organisation',
      change: (input) => {
        const officer = input.actors[1] as {
          positions?: { title: string; organization?: string }[];
        };
        officer.positions = [{ title: 'Aide', organization: 'officer' }];
      },
      message: 'actor "officer": "officer" is not an organisation',
    },
    {
      name: 'a duplicate key',
      change: (input) => {
        input.actors.push({ key: 'agency', kind: 'ORGANIZATION', name: 'Other agency' });
      },
      message: 'actor "agency" is defined twice',
    },
    {
      name: 'an event that ends before it starts',
      change: (input) => {
        (input.events[0] as { end?: string }).end = '2024-02-01';
      },
      message: 'event "visit": ends (2024-02-01) before it starts (2024-02-24)',
    },
    {
      name: 'an impossible date',
      change: (input) => {
        (input.events[0] as { start: string }).start = '2023-02-29';
      },
      message: '"2023-02-29" is not a valid date',
    },
    {
      name: 'a said date without its qualifier',
      change: (input) => {
        delete (input.statements[0] as { dateQualifier?: string }).dateQualifier;
      },
      message: 'statement "remark": give "said" and "dateQualifier" together',
    },
    {
      name: 'an enum value Prisma does not know',
      change: (input) => {
        (input.statements[0] as { kind: string }).kind = 'QUOTE';
      },
      message: 'DIRECT_QUOTE',
    },
    {
      name: 'a record without citations',
      change: (input) => {
        (input.events[0] as { citations: unknown[] }).citations = [];
      },
      message: 'cite at least one passage',
    },
    {
      name: 'a misspelt field',
      change: (input) => {
        (input.topics[0] as Record<string, unknown>).descripton = 'typo';
      },
      message: 'descripton',
    },
    {
      name: 'a Wikidata id, which cannot be verified offline',
      change: (input) => {
        (input.actors[0] as Record<string, unknown>).wikidataId = 'Q42';
      },
      message: 'wikidataId',
    },
  ];

  it.each(broken)('rejects $name, naming the record', ({ change, message }) => {
    const input = minimal();
    change(input);
    const error = catchError(() => parseCorpus(input));
    expect(error).toBeInstanceOf(CorpusFormatError);
    expect((error as Error).message).toContain(message);
  });
});

describe('readCorpus', () => {
  it('fails loudly, naming the record, source and text, when a citation is not in its source', async () => {
    const { mkdtemp, writeFile, mkdir } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'citeline-corpus-'));
    await mkdir(join(dir, 'sources'));
    await writeFile(
      join(dir, 'sources', 'report.txt'),
      'The officer visited. “Hello,” he said. Hello again.',
    );
    const input: CorpusInput = {
      topics: [],
      actors: [{ key: 'officer', kind: 'PERSON', name: 'Officer' }],
      sources: [
        {
          key: 'report',
          file: 'report.txt',
          kind: 'ARTICLE',
          title: 'Report',
          titleSuppliedByEditor: true,
          language: 'en',
        },
      ],
      events: [
        {
          key: 'visit',
          kind: 'VISIT',
          title: 'Visit',
          summary: 'A visit.',
          start: '2024',
          dateQualifier: 'EXACT',
          participants: [],
          topics: [],
          citations: [{ source: 'report', exact: 'The officer arrived.' }],
        },
      ],
      statements: [
        {
          key: 'greeting',
          kind: 'DIRECT_QUOTE',
          text: 'Hello',
          speaker: 'officer',
          topics: [],
          citations: [{ source: 'report', exact: 'Hello' }],
        },
        {
          key: 'misquote',
          kind: 'DIRECT_QUOTE',
          text: 'Goodbye',
          speaker: 'officer',
          topics: [],
          citations: [{ source: 'report', exact: 'he said.' }],
        },
      ],
    };
    await writeFile(join(dir, 'corpus.json'), JSON.stringify(input));
    const error = await readCorpus({ dataFile: join(dir, 'corpus.json') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusCitationError);
    const problems = (error as CorpusCitationError).problems;
    expect(problems).toEqual([
      expect.objectContaining({
        record: 'event "visit"',
        source: 'report',
        exact: 'The officer arrived.',
      }),
      expect.objectContaining({ record: 'statement "greeting"', source: 'report', exact: 'Hello' }),
      expect.objectContaining({ record: 'statement "misquote"', exact: 'Goodbye' }),
    ]);
    expect(problems[0]?.message).toContain('not in the source');
    expect(problems[1]?.message).toContain('occurs 2 times');
    expect(problems[2]?.message).toContain('DIRECT_QUOTE');
    expect((error as Error).message).toContain('event "visit", citing source "report"');
  });
});

/**
 * The quoted passages of a text: from an opening mark (“, ‘ or a straight quote) to the next
 * closing mark in the same paragraph, or to the end of the paragraph, since a quotation that runs
 * over several paragraphs reopens each one and closes only the last. The trailing comma that
 * reporting verbs leave inside the marks is dropped. An apostrophe (’ inside a word) closes
 * nothing.
 */
function quotedSpans(text: string): string[] {
  const spans: string[] = [];
  for (const paragraph of text.split('\n')) {
    let at = 0;
    while (at < paragraph.length) {
      const open = findOpening(paragraph, at);
      if (open === undefined) break;
      const closers = open.mark === '‘' ? ['’'] : ['”', '"'];
      let close = -1;
      for (let i = open.index + 1; i < paragraph.length; i++) {
        const char = paragraph[i] as string;
        if (!closers.includes(char)) continue;
        // ’ followed by a letter is an apostrophe ("it’s"), not the end of a quotation.
        if (char === '’' && /\p{L}/u.test(paragraph[i + 1] ?? '')) continue;
        close = i;
        break;
      }
      const end = close === -1 ? paragraph.length : close;
      spans.push(
        paragraph
          .slice(open.index + 1, end)
          .trim()
          .replace(/,$/, ''),
      );
      at = end + 1;
    }
  }
  return spans;
}

function findOpening(paragraph: string, from: number): { index: number; mark: string } | undefined {
  for (let i = from; i < paragraph.length; i++) {
    const char = paragraph[i] as string;
    if (char === '“' || char === '‘') return { index: i, mark: char };
    // A straight quote opens where a word can start: at the start or after a space or bracket.
    if (char === '"' && (i === 0 || /[\s([]/.test(paragraph[i - 1] as string))) {
      return { index: i, mark: char };
    }
  }
  return undefined;
}

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
