// Loading the seed corpus into a real PostgreSQL: what is stored, that every anchor points at its
// passage, the revisions, and that loading again (or after an editor's changes) changes nothing.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client.ts';
import { CodePointIndex, contentHash } from '../shared/text.ts';
import { createTestDatabase } from '../test/database.ts';
import { makeSource } from '../test/factories.ts';
import type { CorpusInput } from './corpus-format.ts';
import {
  CorpusCitationError,
  corpusRecordId,
  type LoadCorpusResult,
  loadCorpus,
  type PreparedCorpus,
  readCorpus,
} from './load-corpus.ts';

const MODELS = [
  'Topic',
  'Actor',
  'ActorPosition',
  'Source',
  'SourceUrl',
  'Event',
  'EventParticipant',
  'EventTopic',
  'Statement',
  'StatementTopic',
  'Citation',
  'Revision',
] as const;
type Model = (typeof MODELS)[number];

async function rowCounts(db: Db): Promise<Record<Model, number>> {
  const counts = await Promise.all([
    db.topic.count(),
    db.actor.count(),
    db.actorPosition.count(),
    db.source.count(),
    db.sourceUrl.count(),
    db.event.count(),
    db.eventParticipant.count(),
    db.eventTopic.count(),
    db.statement.count(),
    db.statementTopic.count(),
    db.citation.count(),
    db.revision.count(),
  ]);
  return Object.fromEntries(MODELS.map((model, i) => [model, counts[i]])) as Record<Model, number>;
}

/** id → "version@updatedAt" of every curated row: any write would change one of them. */
async function curatedState(db: Db): Promise<Record<string, string>> {
  const select = { id: true, version: true, updatedAt: true } as const;
  const rows = (
    await Promise.all([
      db.topic.findMany({ select }),
      db.actor.findMany({ select }),
      db.source.findMany({ select }),
      db.event.findMany({ select }),
      db.statement.findMany({ select }),
      db.citation.findMany({ select }),
    ])
  ).flat();
  return Object.fromEntries(
    rows.map((row) => [row.id, `${row.version}@${row.updatedAt.toISOString()}`]),
  );
}

function expectedCounts(corpus: PreparedCorpus): Record<string, number> {
  const { data } = corpus;
  const curated = {
    Topic: data.topics.length,
    Actor: data.actors.length,
    Source: data.sources.length,
    Event: data.events.length,
    Statement: data.statements.length,
    Citation: corpus.citations.length,
  };
  return {
    ...curated,
    ActorPosition: data.actors.reduce((sum, actor) => sum + actor.positions.length, 0),
    EventParticipant: data.events.reduce((sum, event) => sum + event.participants.length, 0),
    EventTopic: data.events.reduce((sum, event) => sum + event.topics.length, 0),
    StatementTopic: data.statements.reduce((sum, statement) => sum + statement.topics.length, 0),
    Revision: Object.values(curated).reduce((sum, n) => sum + n, 0),
  };
}

describe('loadCorpus on an empty database', () => {
  let prisma: Db;
  let corpus: PreparedCorpus;
  let first: LoadCorpusResult;

  beforeAll(async () => {
    ({ prisma } = await createTestDatabase());
    corpus = await readCorpus();
    first = await loadCorpus(prisma);
  });

  it('creates every curated record and reports the counts', async () => {
    const expected = expectedCounts(corpus);
    // No source of the corpus has a URL, so no SourceUrl rows.
    expect(first).toEqual({ created: expected, skipped: 0, warnings: [] });
    expect(await rowCounts(prisma)).toEqual({ ...expected, SourceUrl: 0 });
  });

  it('publishes everything it creates', async () => {
    const where = { status: { not: 'PUBLISHED' as const } };
    const unpublished = await Promise.all([
      prisma.topic.count({ where }),
      prisma.actor.count({ where }),
      prisma.source.count({ where }),
      prisma.event.count({ where }),
      prisma.statement.count({ where }),
      prisma.citation.count({ where }),
    ]);
    expect(unpublished).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('stores every citation so that its exact text is the code-point slice start..end of its source', async () => {
    const citations = await prisma.citation.findMany({ include: { source: true } });
    expect(citations).toHaveLength(corpus.citations.length);
    const indexes = new Map<string, CodePointIndex>();
    for (const citation of citations) {
      let index = indexes.get(citation.sourceId);
      if (!index) {
        index = new CodePointIndex(citation.source.body);
        indexes.set(citation.sourceId, index);
      }
      expect(index.slice(citation.start, citation.end)).toBe(citation.exact);
      expect(
        index.slice(Math.max(0, citation.start - citation.prefix.length), citation.start),
      ).toBe(citation.prefix);
      expect(citation.anchorStatus).toBe('EXACT');
    }
  });

  it('stores each source body normalised, with its hash', async () => {
    for (const source of await prisma.source.findMany()) {
      expect(source.contentHash).toBe(contentHash(source.body));
      expect(source.body).toBe(source.body.normalize('NFC'));
      expect(source.body).not.toContain('\r');
    }
  });

  it('keeps every direct quote verbatim inside one of its passages', async () => {
    const quotes = await prisma.statement.findMany({
      where: { kind: 'DIRECT_QUOTE' },
      include: { citations: true },
    });
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) {
      expect(
        quote.citations.some((citation) => citation.exact.includes(quote.text)),
        quote.text,
      ).toBe(true);
    }
  });

  it('stores partial dates at their precision, never widened to a day', async () => {
    const cambodianess = await prisma.source.findUniqueOrThrow({
      where: { id: corpusRecordId('Source', 'article-001-clark-cambodianess') },
    });
    expect(cambodianess).toMatchObject({
      outlet: 'Cambodianess',
      authors: ['Rin Ousa'],
      titleSuppliedByEditor: false,
      publishedOn: new Date('2025-02-25T00:00:00Z'),
      publishedPrecision: 'DAY',
      publishedQualifier: 'EXACT',
    });
    const angkorSentinel = await prisma.event.findUniqueOrThrow({
      where: { id: corpusRecordId('Event', 'angkor-sentinel-2010-2017') },
    });
    expect(angkorSentinel).toMatchObject({
      startOn: new Date('2010-07-01T00:00:00Z'),
      startPrecision: 'MONTH',
      endOn: new Date('2017-01-01T00:00:00Z'),
      endPrecision: 'YEAR',
    });
  });

  it('links events to their parents, participants and topics', async () => {
    const meeting = await prisma.event.findUniqueOrThrow({
      where: { id: corpusRecordId('Event', 'hun-manet-ronald-clark-courtesy-call-2025-02-24') },
      include: { participants: { include: { actor: true } }, topics: { include: { topic: true } } },
    });
    expect(meeting.parentId).toBe(corpusRecordId('Event', 'ronald-clark-visit-2025-02'));
    expect(meeting.participants.map((p) => [p.actor.name, p.role]).sort()).toEqual([
      ['Hun Manet', 'HOST'],
      ['Ronald P. Clark', 'VISITOR'],
    ]);
    expect(meeting.topics.map((t) => t.topic.slug)).toContain('peacekeeping');
  });

  it('writes one CREATE revision per curated record, version 1, by no user, holding the record', async () => {
    const revisions = await prisma.revision.findMany();
    expect(revisions).toHaveLength(expectedCounts(corpus).Revision as number);
    expect(new Set(revisions.map((revision) => revision.entityId)).size).toBe(revisions.length);
    for (const revision of revisions) {
      expect(revision).toMatchObject({
        operation: 'CREATE',
        version: 1,
        userId: null,
        before: null,
      });
      expect((revision.after as { id: string }).id).toBe(revision.entityId);
    }
    // As history shows and restores it: the row with its short lists, without the global id
    // (a trigger writes it).
    const { globalId, ...statement } = await prisma.statement.findFirstOrThrow({
      where: { kind: 'DIRECT_QUOTE', topics: { some: {} } },
      include: { topics: { select: { topicId: true }, orderBy: { topicId: 'asc' } } },
    });
    const revision = revisions.find((r) => r.entityId === statement.id);
    expect(revision?.entityType).toBe('Statement');
    expect(revision?.after).toEqual(JSON.parse(JSON.stringify(statement)));
    const event = await prisma.event.findFirstOrThrow({
      where: { participants: { some: {} }, topics: { some: {} } },
      include: { participants: true, topics: true },
    });
    const eventRevision = revisions.find((r) => r.entityId === event.id)?.after as {
      participants: { actorId: string; role: string }[];
      topics: { topicId: string }[];
    };
    expect(eventRevision.participants).toHaveLength(event.participants.length);
    expect(eventRevision.topics).toHaveLength(event.topics.length);
  });

  it('changes nothing when loaded again', async () => {
    const counts = await rowCounts(prisma);
    const state = await curatedState(prisma);
    const again = await loadCorpus(prisma);
    const curatedTotal = expectedCounts(corpus).Revision;
    expect(again).toEqual({ created: {}, skipped: curatedTotal, warnings: [] });
    expect(await rowCounts(prisma)).toEqual(counts);
    expect(await curatedState(prisma)).toEqual(state);
  });
});

describe('loadCorpus after editors have worked on the record', () => {
  it('neither overwrites edited records nor recreates deleted or purged ones', async () => {
    const { prisma } = await createTestDatabase();
    await loadCorpus(prisma);
    const corpus = await readCorpus();

    const statementId = corpusRecordId('Statement', 'hun-sen-lacked-mutual-trust');
    await prisma.statement.update({
      where: { id: statementId },
      data: { rank: 'DEPRECATED', rankReason: 'Translation corrected', version: { increment: 1 } },
    });
    const softDeleted = await prisma.actor.update({
      where: { id: corpusRecordId('Actor', 'seun-sam') },
      data: { deletedAt: new Date(), version: { increment: 1 } },
    });
    // A purge leaves the revision history behind; the id must never be reused.
    const purged = await prisma.citation.findFirstOrThrow({
      where: { statementId: corpusRecordId('Statement', 'lloyd-austin-productive-day') },
    });
    await prisma.citation.delete({ where: { id: purged.id } });

    const counts = await rowCounts(prisma);
    const state = await curatedState(prisma);
    const again = await loadCorpus(prisma);

    expect(again.created).toEqual({});
    expect(again.skipped).toBe(expectedCounts(corpus).Revision);
    expect(await rowCounts(prisma)).toEqual(counts);
    expect(await curatedState(prisma)).toEqual(state);
    expect(await prisma.citation.findUnique({ where: { id: purged.id } })).toBeNull();
    expect(await prisma.statement.findUniqueOrThrow({ where: { id: statementId } })).toMatchObject({
      rank: 'DEPRECATED',
      version: 2,
    });
    expect(
      (await prisma.actor.findUniqueOrThrow({ where: { id: softDeleted.id } })).deletedAt,
    ).toEqual(softDeleted.deletedAt);
  });

  it('reuses a source an editor imported with the same text instead of duplicating it', async () => {
    const { prisma } = await createTestDatabase();
    const corpus = await readCorpus();
    const prepared = corpus.sources.get('article-002-clark-visit');
    if (!prepared) throw new Error('source missing from the corpus');
    const imported = await makeSource(prisma, {
      title: 'Imported by an editor',
      body: prepared.body,
    });

    const result = await loadCorpus(prisma);

    expect(result.created.Source).toBe(corpus.sources.size - 1);
    expect(result.skipped).toBe(1);
    expect(await prisma.source.count()).toBe(corpus.sources.size);
    const cited = corpus.citations.filter((c) => c.citation.source === 'article-002-clark-visit');
    expect(await prisma.citation.count({ where: { sourceId: imported.id } })).toBe(cited.length);
    expect((await prisma.source.findUniqueOrThrow({ where: { id: imported.id } })).title).toBe(
      'Imported by an editor',
    );
  });
});

describe('loadCorpus with a broken curation', () => {
  async function writeCorpus(input: CorpusInput, text: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'citeline-seed-'));
    await mkdir(join(dir, 'sources'));
    await writeFile(join(dir, 'sources', 'report.txt'), text);
    await writeFile(join(dir, 'corpus.json'), JSON.stringify(input));
    return join(dir, 'corpus.json');
  }

  const corpusWith = (exact: string, url?: string): CorpusInput => ({
    topics: [{ slug: 'demining', name: 'Demining' }],
    actors: [{ key: 'officer', kind: 'PERSON', name: 'Officer' }],
    sources: [
      {
        key: 'report',
        file: 'report.txt',
        kind: 'ARTICLE',
        title: 'Report',
        titleSuppliedByEditor: true,
        language: 'en',
        ...(url === undefined ? {} : { url }),
      },
    ],
    events: [],
    statements: [
      {
        key: 'remark',
        kind: 'PARAPHRASE',
        text: 'The officer spoke.',
        speaker: 'officer',
        topics: ['demining'],
        citations: [{ source: 'report', exact }],
      },
    ],
  });

  it('fails before writing anything when a citation is not in its source', async () => {
    const { prisma } = await createTestDatabase();
    const dataFile = await writeCorpus(corpusWith('The officer shouted.'), 'The officer spoke.');
    const error = await loadCorpus(prisma, { dataFile }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusCitationError);
    expect((error as Error).message).toContain('statement "remark", citing source "report"');
    expect((error as Error).message).toContain('"The officer shouted."');
    expect(Object.values(await rowCounts(prisma)).every((n) => n === 0)).toBe(true);
  });

  it('writes in one transaction: a failure part-way leaves nothing behind', async () => {
    const { prisma } = await createTestDatabase();
    const url = 'https://example.com/report';
    // An unrelated source already owns the URL, so creating the SourceUrl row fails after the
    // topic, actor and source rows have been written.
    const other = await makeSource(prisma, { body: 'Another text.' });
    await prisma.sourceUrl.create({
      data: { sourceId: other.id, url, normalizedUrl: 'example.com/report' },
    });
    const before = await rowCounts(prisma);
    const dataFile = await writeCorpus(corpusWith('The officer spoke.', url), 'The officer spoke.');
    await expect(loadCorpus(prisma, { dataFile })).rejects.toThrow();
    expect(await rowCounts(prisma)).toEqual(before);

    // With the URL free, the same file loads, SourceUrl included.
    await prisma.sourceUrl.deleteMany();
    const result = await loadCorpus(prisma, { dataFile });
    expect(result.created).toMatchObject({ Source: 1, SourceUrl: 1, Statement: 1, Citation: 1 });
  });
});
