// Creates `citeline_bench_<size>` on the benchmark server, migrates it with the project's own
// migrations, and loads the generated dataset with COPY. A database already loaded by the same
// generator version is reused as it is.
import { once } from 'node:events';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { applyMigrations } from '../../../server/src/db/migrate.ts';
import { installBenchSchema, type Picks, pickTargets } from './bench-schema.ts';
import {
  type Dataset,
  GENERATOR_VERSION,
  generateDataset,
  SEED,
  type SizeName,
} from './generate.ts';

export interface LoadedDatabase {
  url: string;
  name: string;
  reused: boolean;
  /** Seconds spent generating and loading (0 when reused). */
  loadSeconds: number;
  /** What went into the load, step by step (empty when reused). */
  steps: { step: string; seconds: number }[];
  picks: Picks;
  counts: Record<string, number>;
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The meta row of a complete load by this generator version, or null. */
async function readMeta(
  url: string,
): Promise<{ picks: Picks; counts: Record<string, number> } | null> {
  try {
    return await withClient(url, async (client) => {
      const { rows } = await client.query<{
        value: { picks: Picks; counts: Record<string, number> };
      }>(
        `SELECT value FROM bench.meta WHERE key = 'dataset' AND (value->>'generatorVersion')::int = $1 AND value->>'complete' = 'true'`,
        [GENERATOR_VERSION],
      );
      return rows[0]?.value ?? null;
    });
  } catch {
    return null;
  }
}

// COPY's text format: backslash escapes for the characters that delimit rows and columns.
function esc(value: string): string {
  return value.replace(/[\\\n\r\t]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t',
  );
}

type Cell = string | number | boolean | Date | null | string[];

function cell(value: Cell): string {
  if (value === null) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    return esc(
      `{${value.map((item) => `"${item.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`,
    );
  }
  return typeof value === 'string' ? esc(value) : String(value);
}

function day(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

async function copyRows(
  client: pg.Client,
  table: string,
  columns: string[],
  rows: Iterable<Cell[]>,
): Promise<void> {
  const stream = client.query(
    copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`),
  );
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  let buffer: string[] = [];
  let size = 0;
  for (const row of rows) {
    const line = `${row.map(cell).join('\t')}\n`;
    buffer.push(line);
    size += line.length;
    if (size > 1 << 20) {
      if (!stream.write(buffer.join(''))) await once(stream, 'drain');
      buffer = [];
      size = 0;
    }
  }
  stream.end(buffer.join(''));
  await done;
}

const PUBLISHED = 'PUBLISHED';

async function loadDataset(
  client: pg.Client,
  data: Dataset,
  time: (step: string) => void,
): Promise<void> {
  await copyRows(
    client,
    'Actor',
    [
      'id',
      'kind',
      'name',
      'aliases',
      'description',
      'country',
      'wikidataId',
      'status',
      'createdAt',
      'updatedAt',
    ],
    data.actors.map((a) => [
      a.id,
      a.kind,
      a.name,
      a.aliases,
      a.description,
      a.country,
      a.wikidataId,
      PUBLISHED,
      a.createdAt,
      a.createdAt,
    ]),
  );
  await copyRows(
    client,
    'Topic',
    ['id', 'slug', 'name', 'description', 'status', 'createdAt', 'updatedAt'],
    data.topics.map((t) => [
      t.id,
      t.slug,
      t.name,
      t.description,
      PUBLISHED,
      t.createdAt,
      t.createdAt,
    ]),
  );
  time('actors and topics');
  await copyRows(
    client,
    'Source',
    [
      'id',
      'kind',
      'title',
      'outlet',
      'authors',
      'language',
      'publishedOn',
      'publishedPrecision',
      'publishedQualifier',
      'url',
      'body',
      'contentHash',
      'status',
      'createdAt',
      'updatedAt',
    ],
    data.sources.map((s) => [
      s.id,
      s.kind,
      s.title,
      s.outlet,
      s.authors,
      'en',
      day(s.publishedOn),
      'DAY',
      'EXACT',
      s.url,
      s.body,
      s.contentHash,
      PUBLISHED,
      s.createdAt,
      s.createdAt,
    ]),
  );
  await copyRows(
    client,
    'SourceUrl',
    ['id', 'sourceId', 'url', 'normalizedUrl', 'createdAt'],
    data.sources.map((s) => [s.id, s.id, s.url, s.normalizedUrl, s.createdAt]),
  );
  time('sources (search vectors and chunks by trigger)');
  await copyRows(
    client,
    'Event',
    [
      'id',
      'kind',
      'title',
      'summary',
      'startOn',
      'startPrecision',
      'endOn',
      'endPrecision',
      'dateQualifier',
      'place',
      'status',
      'createdAt',
      'updatedAt',
    ],
    data.events.map((e) => [
      e.id,
      e.kind,
      e.title,
      e.summary,
      day(e.startOn),
      e.startPrecision,
      day(e.endOn),
      e.endOn ? 'DAY' : null,
      'EXACT',
      e.place,
      PUBLISHED,
      e.createdAt,
      e.createdAt,
    ]),
  );
  await copyRows(
    client,
    'EventParticipant',
    ['eventId', 'actorId', 'role'],
    data.events.flatMap((e) => e.participants.map((p) => [e.id, p.actorId, p.role])),
  );
  await copyRows(
    client,
    'EventTopic',
    ['eventId', 'topicId'],
    data.events.flatMap((e) => e.topicIds.map((topicId) => [e.id, topicId])),
  );
  time('events');
  await copyRows(
    client,
    'Statement',
    [
      'id',
      'text',
      'kind',
      'speakerId',
      'speakerTitle',
      'channel',
      'saidOn',
      'saidPrecision',
      'dateQualifier',
      'eventId',
      'status',
      'createdAt',
      'updatedAt',
    ],
    data.statements.map((s) => [
      s.id,
      s.text,
      s.kind,
      s.speakerId,
      s.speakerTitle,
      s.channel,
      day(s.saidOn),
      s.saidPrecision,
      'EXACT',
      s.eventId,
      PUBLISHED,
      s.createdAt,
      s.createdAt,
    ]),
  );
  await copyRows(
    client,
    'StatementTopic',
    ['statementId', 'topicId'],
    data.statements.flatMap((s) => s.topicIds.map((topicId) => [s.id, topicId])),
  );
  time('statements (search vectors by trigger)');
  // Every source, statement and event above is PUBLISHED and none is deleted: the citations
  // carry those copies of their parents' columns as rows, instead of the trigger looking up (and
  // locking) two parents for each of them.
  await client.query(`ALTER TABLE "Citation" DISABLE TRIGGER "Citation_parent_visibility_trigger"`);
  await copyRows(
    client,
    'Citation',
    [
      'sourceStatus',
      'targetStatus',
      'id',
      'sourceId',
      'eventId',
      'statementId',
      'exact',
      'prefix',
      'suffix',
      'start',
      'end',
      'status',
      'createdAt',
      'updatedAt',
    ],
    data.citations.map((c) => [
      PUBLISHED,
      PUBLISHED,
      c.id,
      c.sourceId,
      c.eventId,
      c.statementId,
      c.exact,
      c.prefix,
      c.suffix,
      c.start,
      c.end,
      PUBLISHED,
      c.createdAt,
      c.createdAt,
    ]),
  );
  await client.query(`ALTER TABLE "Citation" ENABLE TRIGGER "Citation_parent_visibility_trigger"`);
  time('citations');
}

const LOADED_TABLES = [
  'Actor',
  'Topic',
  'Source',
  'SourceUrl',
  'Event',
  'EventParticipant',
  'EventTopic',
  'Statement',
  'StatementTopic',
  'Citation',
];

/**
 * Returns the loaded benchmark database for `size`, generating and loading it first unless one
 * of the same generator version is already there.
 */
/** A dataset loaded earlier (by `npm run bench`), for the tools that study one query. */
export async function loadedDatabase(size: string): Promise<{ url: string; picks: Picks }> {
  const serverUrl =
    process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const url = databaseUrl(serverUrl, `citeline_bench_${size.toLowerCase()}`);
  const meta = await readMeta(url);
  if (!meta) throw new Error(`${url} is not a loaded benchmark database: run npm run bench first`);
  return { url, picks: meta.picks };
}

export async function ensureDatabase(
  serverUrl: string,
  size: SizeName,
  log: (line: string) => void,
): Promise<LoadedDatabase> {
  const name = `citeline_bench_${size.toLowerCase()}`;
  const url = databaseUrl(serverUrl, name);
  const existing = await readMeta(url);
  if (existing) {
    log(`Reusing ${name} (generator v${GENERATOR_VERSION}, seed ${SEED}).`);
    // Migrations added since the load (an index, say) apply to the data as it is.
    const { applied } = await applyMigrations(url);
    await withClient(url, async (client) => {
      // A migration that rewrote rows leaves the visibility map cleared, and index-only scans
      // visiting the heap until autovacuum comes by: measure the data as a fresh load leaves it.
      if (applied.length) {
        log(`Applied ${applied.join(', ')}; vacuuming ...`);
        await client.query('VACUUM ANALYZE');
      }
      await installBenchSchema(client);
    });
    return { url, name, reused: true, loadSeconds: 0, steps: [], ...existing };
  }

  const started = Date.now();
  let last = started;
  const steps: { step: string; seconds: number }[] = [];
  const time = (step: string) => {
    const now = Date.now();
    steps.push({ step, seconds: (now - last) / 1000 });
    log(`  ${step}: ${((now - last) / 1000).toFixed(1)} s`);
    last = now;
  };
  log(`Creating ${name} (size ${size}, generator v${GENERATOR_VERSION}, seed ${SEED}) ...`);
  await withClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  });
  await applyMigrations(url);
  time('create and migrate');
  const data = generateDataset(size);
  time('generate');

  await withClient(url, async (client) => {
    await client.query(`SET maintenance_work_mem = '1GB'`);
    // Secondary indexes are dropped during COPY and rebuilt after it, from their own definitions:
    // one sort per index instead of millions of single-row insertions.
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
       WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      [LOADED_TABLES],
    );
    for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
    await client.query('BEGIN');
    await loadDataset(client, data, time);
    await client.query('COMMIT');
    for (const index of indexes) await client.query(index.definition);
    time(`rebuild ${indexes.length} indexes`);
    await client.query('VACUUM ANALYZE');
    time('vacuum analyze');
    await installBenchSchema(client);
    const picks = await pickTargets(client, data);
    const counts: Record<string, number> = {};
    for (const table of LOADED_TABLES) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${table}"`,
      );
      counts[table] = rows[0]?.n ?? 0;
    }
    const loadSeconds = (Date.now() - started) / 1000;
    await client.query(
      `INSERT INTO bench.meta (key, value) VALUES ('dataset', $1)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
      [
        JSON.stringify({
          generatorVersion: GENERATOR_VERSION,
          seed: SEED,
          size,
          complete: true,
          picks,
          counts,
          loadSeconds,
          steps,
        }),
      ],
    );
    time('bench schema and picks');
  });
  const meta = await readMeta(url);
  if (!meta) throw new Error(`${name} was loaded but its bench.meta row is missing`);
  return { url, name, reused: false, loadSeconds: (Date.now() - started) / 1000, steps, ...meta };
}
