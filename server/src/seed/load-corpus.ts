// Loads the curated seed corpus (prisma/seed/corpus.json and the source texts beside it) into
// PostgreSQL as published records, anchoring every citation in its source text first.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Anchor, AnchorError, anchorQuote } from '../citations/anchor.ts';
import type { Db } from '../db/client.ts';
import type { CuratedModel, Tx } from '../records/models.ts';
import { writeCreateRevision } from '../records/revisions.ts';
import { CodePointIndex, contentHash, normalizeText } from '../shared/text.ts';
import { normalizeUrl } from '../sources/url.ts';
import {
  type CorpusCitation,
  type CorpusData,
  type CorpusEvent,
  type CorpusSource,
  citationIdentity,
  parseCorpus,
} from './corpus-format.ts';

export const DEFAULT_DATA_FILE = fileURLToPath(
  new URL('../../../prisma/seed/corpus.json', import.meta.url),
);

export interface LoadCorpusOptions {
  /** The curated data file; defaults to prisma/seed/corpus.json. */
  dataFile?: string;
  /** Folder of the source texts; defaults to `sources/` next to the data file. */
  sourcesDir?: string;
}

export interface LoadCorpusResult {
  /** Rows created, by Prisma model name; models with nothing created are left out. */
  created: Record<string, number>;
  /** Curated records (and citations) not created because they already exist or once existed. */
  skipped: number;
  /** Citations not created because an editor has changed the text of their source since. */
  warnings: string[];
}

/** A source ready to store: its curated fields, normalised body and hash. */
export interface PreparedSource {
  record: CorpusSource;
  body: string;
  contentHash: string;
}

/** A citation anchored in its source. */
export interface PreparedCitation {
  ownerType: 'Event' | 'Statement';
  ownerKey: string;
  citation: CorpusCitation;
  anchor: Anchor;
}

export interface PreparedCorpus {
  data: CorpusData;
  sources: Map<string, PreparedSource>;
  citations: PreparedCitation[];
}

/** One citation that cannot be anchored, or a direct quote its passages do not contain. */
export interface CitationProblem {
  record: string;
  source?: string;
  exact?: string;
  message: string;
}

/** The curation does not match the source texts; lists every problem, not only the first. */
export class CorpusCitationError extends Error {
  constructor(readonly problems: readonly CitationProblem[]) {
    super(
      `The seed corpus cites text its sources do not contain (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems
        .map(
          (problem) =>
            `- ${problem.record}${problem.source ? `, citing source "${problem.source}"` : ''}: ${problem.message}${problem.exact === undefined ? '' : `\n    exact: ${JSON.stringify(problem.exact)}`}`,
        )
        .join('\n')}`,
    );
    this.name = 'CorpusCitationError';
  }
}

/**
 * Reads, validates and anchors the corpus without touching a database: every citation must occur
 * verbatim and unambiguously in its source, and every DIRECT_QUOTE must appear in one of its
 * passages. Throws CorpusFormatError or CorpusCitationError naming each offending record.
 */
export async function readCorpus(options: LoadCorpusOptions = {}): Promise<PreparedCorpus> {
  const dataFile = options.dataFile ?? DEFAULT_DATA_FILE;
  const sourcesDir = options.sourcesDir ?? join(dirname(dataFile), 'sources');
  const data = parseCorpus(JSON.parse(await readFile(dataFile, 'utf8')) as unknown, dataFile);

  const sources = new Map<string, PreparedSource>();
  const indexes = new Map<string, CodePointIndex>();
  for (const record of data.sources) {
    const body = normalizeText(await readFile(join(sourcesDir, record.file), 'utf8'));
    sources.set(record.key, { record, body, contentHash: contentHash(body) });
    indexes.set(record.key, new CodePointIndex(body));
  }

  const problems: CitationProblem[] = [];
  const citations: PreparedCitation[] = [];
  const anchorAll = (
    ownerType: PreparedCitation['ownerType'],
    ownerKey: string,
    list: CorpusCitation[],
  ) => {
    const anchors: Anchor[] = [];
    for (const citation of list) {
      // The format check has already made sure the source key exists.
      const index = indexes.get(citation.source) as CodePointIndex;
      try {
        const anchor = anchorQuote(index, citation);
        anchors.push(anchor);
        citations.push({ ownerType, ownerKey, citation, anchor });
      } catch (error) {
        if (!(error instanceof AnchorError)) throw error;
        problems.push({
          record: `${ownerType.toLowerCase()} "${ownerKey}"`,
          source: citation.source,
          exact: citation.exact,
          message: error.message,
        });
      }
    }
    return anchors;
  };

  for (const event of data.events) anchorAll('Event', event.key, event.citations);
  for (const statement of data.statements) {
    const anchors = anchorAll('Statement', statement.key, statement.citations);
    const quote = normalizeText(statement.text);
    if (
      statement.kind === 'DIRECT_QUOTE' &&
      anchors.length === statement.citations.length &&
      !anchors.some((anchor) => anchor.exact.includes(quote))
    ) {
      problems.push({
        record: `statement "${statement.key}"`,
        exact: statement.text,
        message: 'a DIRECT_QUOTE must appear verbatim in one of its cited passages',
      });
    }
  }
  if (problems.length > 0) throw new CorpusCitationError(problems);
  return { data, sources, citations };
}

/**
 * Loads the corpus in one transaction, creating only what is missing: a record that exists, or
 * once existed (it has revisions), is never overwritten or recreated, so loading twice changes
 * nothing and an editor's later changes survive. Every created curated record is PUBLISHED and
 * gets a CREATE revision. Ids are derived from the record keys, so every database agrees on them.
 */
export async function loadCorpus(
  prisma: Db,
  options: LoadCorpusOptions = {},
): Promise<LoadCorpusResult> {
  const corpus = await readCorpus(options);
  return prisma.$transaction((tx) => writeCorpus(tx, corpus), {
    maxWait: 10_000,
    timeout: 120_000,
  });
}

/** Serialises concurrent loads (two servers starting at once) so neither trips on the other. */
const LOCK_KEY = 0x5eed_c0de;

/** Fixed namespace of the seed's name-based ids; changing it would duplicate every record. */
const SEED_NAMESPACE = '6f1d3c52-8a4e-4b7a-9c21-3e0d5b8f7a10';

/** A name-based UUID (RFC 9562 version 5: SHA-1 of namespace and name). */
export function seedId(name: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(SEED_NAMESPACE.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id a curated record of the corpus gets. */
export function corpusRecordId(
  model: 'Topic' | 'Actor' | 'Source' | 'Event' | 'Statement',
  key: string,
): string {
  return seedId(`${model}:${key}`);
}

/** The id of a citation: its owner and the passage it selects, not its position in the file. */
export function corpusCitationId(
  ownerType: PreparedCitation['ownerType'],
  ownerKey: string,
  citation: CorpusCitation,
): string {
  return seedId(`Citation:${ownerType}:${ownerKey}:${citationIdentity(citation)}`);
}

async function writeCorpus(tx: Tx, corpus: PreparedCorpus): Promise<LoadCorpusResult> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
  const { data } = corpus;
  const created: Record<string, number> = {};
  const count = (model: string, n = 1) => {
    if (n > 0) created[model] = (created[model] ?? 0) + n;
  };
  let skipped = 0;
  const warnings: string[] = [];

  // Each created record's CREATE revision is written once everything is loaded, so that it holds
  // the record as history shows and restores it: with its participants, topics and positions.
  const createdRecords: { model: CuratedModel; id: string }[] = [];
  const recordCreated = (model: CuratedModel, row: { id: string }) => {
    createdRecords.push({ model, id: row.id });
    count(model);
  };

  // Ids of records that exist (even soft-deleted) or once existed (purged, but with revisions):
  // none of them is created again.
  const known = await knownIds(tx, corpus);
  const select = { id: true } as const;

  // Topics and sources have natural keys (slug, content hash): one an editor created first is
  // reused rather than duplicated.
  const topicIds = new Map<string, string>();
  for (const topic of await tx.topic.findMany({
    where: { slug: { in: data.topics.map((topic) => topic.slug) } },
    select: { id: true, slug: true },
  })) {
    topicIds.set(topic.slug, topic.id);
  }
  for (const topic of data.topics) {
    const id = topicIds.get(topic.slug) ?? corpusRecordId('Topic', topic.slug);
    if (topicIds.has(topic.slug) || known.has(id)) {
      skipped++;
      continue;
    }
    topicIds.set(topic.slug, id);
    const row = await tx.topic.create({
      data: {
        id,
        slug: topic.slug,
        name: topic.name,
        description: topic.description ?? null,
        status: 'PUBLISHED',
      },
    });
    recordCreated('Topic', row);
  }

  const actorId = (key: string) => corpusRecordId('Actor', key);
  const newActors = data.actors.filter((actor) => !known.has(actorId(actor.key)));
  skipped += data.actors.length - newActors.length;
  for (const actor of newActors) {
    const row = await tx.actor.create({
      data: {
        id: actorId(actor.key),
        kind: actor.kind,
        name: actor.name,
        aliases: actor.aliases,
        description: actor.description ?? null,
        country: actor.country ?? null,
        status: 'PUBLISHED',
      },
    });
    recordCreated('Actor', row);
  }
  const actors = await presentIds(
    tx.actor.findMany({ where: { id: { in: data.actors.map((a) => actorId(a.key)) } }, select }),
  );
  for (const actor of newActors) {
    for (const position of actor.positions) {
      const organizationId =
        position.organization === undefined ? null : actorId(position.organization);
      if (organizationId !== null && !actors.has(organizationId)) {
        warnings.push(
          `Position "${position.title}" of actor "${actor.key}" not created: organisation "${position.organization}" was deleted.`,
        );
        continue;
      }
      await tx.actorPosition.create({
        data: {
          id: seedId(
            `ActorPosition:${JSON.stringify([actor.key, position.title, position.organization ?? null, position.start?.text ?? null, position.end?.text ?? null])}`,
          ),
          actorId: actorId(actor.key),
          title: position.title,
          organizationId,
          startOn: position.start?.date ?? null,
          startPrecision: position.start?.precision ?? null,
          endOn: position.end?.date ?? null,
          endPrecision: position.end?.precision ?? null,
        },
      });
      count('ActorPosition');
    }
  }

  const sourceIds = new Map<string, string>();
  const byHash = await tx.source.findMany({
    where: {
      contentHash: { in: [...corpus.sources.values()].map((source) => source.contentHash) },
    },
    select: { id: true, contentHash: true },
  });
  for (const prepared of corpus.sources.values()) {
    const { record } = prepared;
    const sameText = byHash.find((source) => source.contentHash === prepared.contentHash);
    const id = sameText?.id ?? corpusRecordId('Source', record.key);
    sourceIds.set(record.key, id);
    if (sameText || known.has(id)) {
      skipped++;
      continue;
    }
    const row = await tx.source.create({
      data: {
        id,
        kind: record.kind,
        title: record.title,
        titleSuppliedByEditor: record.titleSuppliedByEditor,
        outlet: record.outlet ?? null,
        authors: record.authors,
        language: record.language,
        publishedOn: record.published?.date.date ?? null,
        publishedPrecision: record.published?.date.precision ?? null,
        publishedQualifier: record.published?.qualifier ?? null,
        url: record.url ?? null,
        body: prepared.body,
        contentHash: prepared.contentHash,
        status: 'PUBLISHED',
      },
    });
    recordCreated('Source', row);
    if (record.url !== undefined) {
      await tx.sourceUrl.create({
        data: { sourceId: id, url: record.url, normalizedUrl: normalizeUrl(record.url) },
      });
      count('SourceUrl');
    }
  }
  // The bodies as stored: an editor may have changed one since an earlier load.
  const storedHashes = new Map(
    (
      await tx.source.findMany({
        where: { id: { in: [...sourceIds.values()] } },
        select: { id: true, contentHash: true },
      })
    ).map((source) => [source.id, source.contentHash]),
  );

  const eventId = (key: string) => corpusRecordId('Event', key);
  const existingEvents = await presentIds(
    tx.event.findMany({ where: { id: { in: data.events.map((e) => eventId(e.key)) } }, select }),
  );
  for (const event of parentsFirst(data.events)) {
    const id = eventId(event.key);
    if (known.has(id)) {
      skipped++;
      continue;
    }
    const parentId = event.parent === undefined ? null : eventId(event.parent);
    if (parentId !== null && !existingEvents.has(parentId)) {
      warnings.push(
        `Event "${event.key}" created without its parent "${event.parent}", which was deleted.`,
      );
    }
    const row = await tx.event.create({
      data: {
        id,
        kind: event.kind,
        title: event.title,
        summary: event.summary,
        startOn: event.start?.date ?? null,
        startPrecision: event.start?.precision ?? null,
        endOn: event.end?.date ?? null,
        endPrecision: event.end?.precision ?? null,
        // Undated events keep the column's default; the qualifier only describes a date.
        dateQualifier: event.dateQualifier ?? 'EXACT',
        place: event.place ?? null,
        parentId: parentId !== null && existingEvents.has(parentId) ? parentId : null,
        status: 'PUBLISHED',
      },
    });
    existingEvents.add(id);
    recordCreated('Event', row);
    const participants = await tx.eventParticipant.createMany({
      data: event.participants
        .filter((participant) => actors.has(actorId(participant.actor)))
        .map((participant) => ({
          eventId: id,
          actorId: actorId(participant.actor),
          role: participant.role,
        })),
    });
    count('EventParticipant', participants.count);
    const topics = await tx.eventTopic.createMany({
      data: event.topics.flatMap((slug) => {
        const topicId = topicIds.get(slug);
        return topicId === undefined ? [] : [{ eventId: id, topicId }];
      }),
    });
    count('EventTopic', topics.count);
  }

  const statementId = (key: string) => corpusRecordId('Statement', key);
  const existingStatements = await presentIds(
    tx.statement.findMany({
      where: { id: { in: data.statements.map((s) => statementId(s.key)) } },
      select,
    }),
  );
  for (const statement of data.statements) {
    const id = statementId(statement.key);
    if (known.has(id)) {
      skipped++;
      continue;
    }
    if (!actors.has(actorId(statement.speaker))) {
      warnings.push(
        `Statement "${statement.key}" not created: its speaker "${statement.speaker}" was deleted.`,
      );
      skipped++;
      continue;
    }
    const event = statement.event === undefined ? null : eventId(statement.event);
    const row = await tx.statement.create({
      data: {
        id,
        text: normalizeText(statement.text),
        kind: statement.kind,
        speakerId: actorId(statement.speaker),
        speakerTitle: statement.speakerTitle ?? null,
        channel: statement.channel ?? null,
        saidOn: statement.said?.date ?? null,
        saidPrecision: statement.said?.precision ?? null,
        dateQualifier: statement.dateQualifier ?? null,
        eventId: event !== null && existingEvents.has(event) ? event : null,
        rank: statement.rank,
        rankReason: statement.rankReason ?? null,
        status: 'PUBLISHED',
      },
    });
    existingStatements.add(id);
    recordCreated('Statement', row);
    const topics = await tx.statementTopic.createMany({
      data: statement.topics.flatMap((slug) => {
        const topicId = topicIds.get(slug);
        return topicId === undefined ? [] : [{ statementId: id, topicId }];
      }),
    });
    count('StatementTopic', topics.count);
  }

  for (const { ownerType, ownerKey, citation, anchor } of corpus.citations) {
    const id = corpusCitationId(ownerType, ownerKey, citation);
    const ownerId = ownerType === 'Event' ? eventId(ownerKey) : statementId(ownerKey);
    const ownerExists =
      ownerType === 'Event' ? existingEvents.has(ownerId) : existingStatements.has(ownerId);
    if (known.has(id) || !ownerExists) {
      skipped++;
      continue;
    }
    const sourceId = sourceIds.get(citation.source) as string;
    const storedHash = storedHashes.get(sourceId);
    if (storedHash !== (corpus.sources.get(citation.source) as PreparedSource).contentHash) {
      // Offsets were computed on the file's text; in an edited body they would point elsewhere.
      warnings.push(
        `Citation of ${ownerType.toLowerCase()} "${ownerKey}" not created: source "${citation.source}" ${storedHash === undefined ? 'was deleted' : 'has been edited since it was loaded'}. Exact text: ${JSON.stringify(citation.exact)}`,
      );
      skipped++;
      continue;
    }
    const row = await tx.citation.create({
      data: {
        id,
        sourceId,
        eventId: ownerType === 'Event' ? ownerId : null,
        statementId: ownerType === 'Statement' ? ownerId : null,
        role: citation.role,
        exact: anchor.exact,
        prefix: anchor.prefix,
        suffix: anchor.suffix,
        start: anchor.start,
        end: anchor.end,
        anchorStatus: 'EXACT',
        note: citation.note ?? null,
        status: 'PUBLISHED',
      },
    });
    recordCreated('Citation', row);
  }

  for (const { model, id } of createdRecords) {
    await writeCreateRevision(tx, model, id, null);
    count('Revision');
  }

  // Reported in creation order, whatever order the counters were first touched in.
  const ordered = Object.fromEntries(
    CREATION_ORDER.filter((model) => created[model] !== undefined).map((model) => [
      model,
      created[model] as number,
    ]),
  );
  return { created: ordered, skipped, warnings };
}

const CREATION_ORDER = [
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

async function presentIds(rows: Promise<{ id: string }[]>): Promise<Set<string>> {
  return new Set((await rows).map((row) => row.id));
}

/** Ids of the corpus's records that exist in the database or appear in its revision history. */
async function knownIds(tx: Tx, corpus: PreparedCorpus): Promise<Set<string>> {
  const { data } = corpus;
  const ids = {
    topics: data.topics.map((topic) => corpusRecordId('Topic', topic.slug)),
    actors: data.actors.map((actor) => corpusRecordId('Actor', actor.key)),
    sources: data.sources.map((source) => corpusRecordId('Source', source.key)),
    events: data.events.map((event) => corpusRecordId('Event', event.key)),
    statements: data.statements.map((statement) => corpusRecordId('Statement', statement.key)),
    citations: corpus.citations.map(({ ownerType, ownerKey, citation }) =>
      corpusCitationId(ownerType, ownerKey, citation),
    ),
  };
  const select = { id: true } as const;
  const rows = await Promise.all([
    tx.topic.findMany({ where: { id: { in: ids.topics } }, select }),
    tx.actor.findMany({ where: { id: { in: ids.actors } }, select }),
    tx.source.findMany({ where: { id: { in: ids.sources } }, select }),
    tx.event.findMany({ where: { id: { in: ids.events } }, select }),
    tx.statement.findMany({ where: { id: { in: ids.statements } }, select }),
    tx.citation.findMany({ where: { id: { in: ids.citations } }, select }),
  ]);
  const all = Object.values(ids).flat();
  const revised = await tx.revision.findMany({
    where: { entityId: { in: all } },
    select: { entityId: true },
    distinct: ['entityId'],
  });
  return new Set([...rows.flat().map((row) => row.id), ...revised.map((row) => row.entityId)]);
}

/** Events ordered so that a parent is created before its children. */
function parentsFirst(events: CorpusEvent[]): CorpusEvent[] {
  const byKey = new Map(events.map((event) => [event.key, event]));
  const ordered: CorpusEvent[] = [];
  const placed = new Set<string>();
  const place = (event: CorpusEvent) => {
    if (placed.has(event.key)) return;
    placed.add(event.key);
    const parent = event.parent === undefined ? undefined : byKey.get(event.parent);
    if (parent) place(parent);
    ordered.push(event);
  };
  for (const event of events) place(event);
  return ordered;
}
