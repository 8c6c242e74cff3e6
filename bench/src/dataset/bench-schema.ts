// What the benchmark adds to its database, outside the project's schema: `bench` (the load's
// metadata and W1's original texts) and `bench_api`, the SQL functions PostGraphile gets for
// what it cannot express over plain tables (ranked search, the timeline union, a versioned
// update with its revision). The SQL ceiling calls the same functions where it needs them.
import type pg from 'pg';
import type { Dataset } from './generate.ts';

/** Records and values each query runs against, chosen once per loaded database. */
export interface Picks {
  typicalSource: { id: string; url: string; normalizedUrl: string; citations: number };
  hotSource: { id: string; url: string; normalizedUrl: string; citations: number };
  heavyActor: { id: string; name: string; timelineItems: number };
  /** Keyset position of the deep timeline page: the item just before it. */
  deepAfter: { date: string; kind: 'Event' | 'Statement'; id: string; offset: number };
  topic: { id: string; slug: string; timelineItems: number };
  statementSearch: { query: string; matches: number };
  sourceSearch: { query: string; matches: number };
  /** PARAPHRASE statements W1 edits (one per connection, cycled). */
  writeTargets: string[];
}

export const STATEMENT_SEARCH = 'maritime security';
export const SOURCE_SEARCH = 'drought tariffs';
/** ts_headline options, byte for byte those of Citeline's search (server/src/search). */
export const HEADLINE_OPTIONS_SQL = `'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "'`;
/**
 * What a source's snippet is cut from, as Citeline's search cuts it (server/src/search): the
 * title and the best-matching chunk of the body (migration source_chunks).
 */
export const sourceSnippetText = (source: string, query: string) =>
  `${source}.title || E'\\n' || coalesce(
    (SELECT c.text FROM public."SourceChunk" c WHERE c."sourceId" = ${source}.id AND c."searchVector" @@ ${query}
      ORDER BY ts_rank_cd(c."searchVector", ${query}) DESC, c.ordinal LIMIT 1),
    left(${source}.body, 1000))`;
const DEEP_OFFSET = 2_000;
/** actor_timeline's page limit that lets every item through (the picks look at all of them). */
const EVERY_ITEM = 2_147_483_647;

const TIMELINE_VISIBLE = (alias: string) =>
  `${alias}."deletedAt" IS NULL AND ${alias}.status = 'PUBLISHED'`;

/**
 * `(date, kind, id) > (afterDate, afterKind, afterId)` for the rows of one kind, as a condition
 * on (date, id) that an index on the date can serve (server/src/timeline/timeline.sql.ts's
 * afterBound): a kind after the cursor's takes the cursor's day whole, one before it starts the
 * day after. Without a cursor every row is after -infinity: no `IS NULL OR`, which a generic
 * plan could not serve from the index.
 */
export const timelineAfter = (
  date: string,
  id: string,
  kind: 'Event' | 'Statement',
  afterDate: string,
  afterKind: string,
  afterId: string,
) => `(${date}, ${id}) > (coalesce(${afterDate}, '-infinity'::date), CASE
    WHEN ${afterKind} = '${kind}' THEN ${afterId}
    WHEN ${afterKind} < '${kind}' THEN '00000000-0000-0000-0000-000000000000'::uuid
    ELSE 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid END)`;

/**
 * The keys (date, id) of an actor's visible events after the cursor, a page's worth (`limit`),
 * from the participant rows' copies of their event's date and visibility, as Citeline's
 * timeline reads them (server/src/timeline/timeline.sql.ts; migration actor_timeline_indexes).
 */
export const actorEventKeys = (
  actor: string,
  limit: string,
  afterDate: string,
  afterKind: string,
  afterId: string,
) => `SELECT DISTINCT p."eventStartOn" AS date, p."eventId" AS id FROM public."EventParticipant" p
    WHERE p."actorId" = ${actor} AND p."eventDeletedAt" IS NULL AND p."eventStatus" = 'PUBLISHED'
      AND p."eventStartOn" IS NOT NULL
      AND ${timelineAfter('p."eventStartOn"', 'p."eventId"', 'Event', afterDate, afterKind, afterId)}
    ORDER BY p."eventStartOn", p."eventId" LIMIT ${limit}`;

export const BENCH_SCHEMA_SQL = `
CREATE SCHEMA IF NOT EXISTS bench;
CREATE TABLE IF NOT EXISTS bench.meta (key text PRIMARY KEY, value jsonb NOT NULL);
CREATE TABLE IF NOT EXISTS bench.w1_original (id uuid PRIMARY KEY, text text NOT NULL);

CREATE SCHEMA IF NOT EXISTS bench_api;

CREATE OR REPLACE FUNCTION bench_api.search_statements(query text) RETURNS SETOF public."Statement"
LANGUAGE sql STABLE AS $$
  SELECT s.* FROM public."Statement" s, websearch_to_tsquery('english', query) q
  WHERE s."searchVector" @@ q AND ${TIMELINE_VISIBLE('s')}
  ORDER BY ts_rank_cd(s."searchVector", q) DESC, s.id
$$;

DO $$ BEGIN
  CREATE TYPE bench_api.source_hit AS (id uuid, title text, url text, published_on date, headline text);
EXCEPTION WHEN duplicate_object THEN NULL; END $$;

CREATE OR REPLACE FUNCTION bench_api.search_sources(query text) RETURNS SETOF bench_api.source_hit
LANGUAGE sql STABLE AS $$
  SELECT s.id, s.title, s.url, s."publishedOn",
    ts_headline('english', ${sourceSnippetText('s', 'q')}, q, ${HEADLINE_OPTIONS_SQL})
  FROM public."Source" s, websearch_to_tsquery('english', query) q
  WHERE s."searchVector" @@ q AND ${TIMELINE_VISIBLE('s')}
  ORDER BY ts_rank_cd(s."searchVector", q) DESC, s.id
$$;

DO $$ BEGIN
  CREATE TYPE bench_api.timeline_item AS (date date, kind text, id uuid, title text, text text);
EXCEPTION WHEN duplicate_object THEN NULL; END $$;

-- The page is cut per kind before the two are merged (lim = page size + 1), as Citeline's and
-- the ceiling's timelines do, so a heavy actor reads a page of each kind, not all its items.
DROP FUNCTION IF EXISTS bench_api.actor_timeline(uuid, date, text, uuid);
CREATE OR REPLACE FUNCTION bench_api.actor_timeline(
  actor uuid, lim int, after_date date DEFAULT NULL, after_kind text DEFAULT NULL, after_id uuid DEFAULT NULL
) RETURNS SETOF bench_api.timeline_item LANGUAGE sql STABLE AS $$
  SELECT * FROM (
    (SELECT k.date, 'Event'::text AS kind, k.id, e.title, NULL::text AS text
    FROM (${actorEventKeys('actor', 'lim', 'after_date', 'after_kind', 'after_id')}) k
    JOIN public."Event" e ON e.id = k.id)
    UNION ALL
    (SELECT s."saidOn", 'Statement'::text, s.id, NULL, s.text FROM public."Statement" s
    WHERE ${TIMELINE_VISIBLE('s')} AND s."saidOn" IS NOT NULL AND s."speakerId" = actor
      AND ${timelineAfter('s."saidOn"', 's.id', 'Statement', 'after_date', 'after_kind', 'after_id')}
    ORDER BY s."saidOn", s.id LIMIT lim)
  ) items
  ORDER BY items.date, items.kind, items.id
$$;

CREATE OR REPLACE FUNCTION bench_api.topic_timeline(topic uuid) RETURNS SETOF bench_api.timeline_item
LANGUAGE sql STABLE AS $$
  SELECT * FROM (
    SELECT e."startOn" AS date, 'Event' AS kind, e.id, e.title, NULL::text AS text FROM public."Event" e
    WHERE ${TIMELINE_VISIBLE('e')} AND e."startOn" IS NOT NULL
      AND EXISTS (SELECT 1 FROM public."EventTopic" t WHERE t."eventId" = e.id AND t."topicId" = topic)
    UNION ALL
    SELECT s."saidOn", 'Statement', s.id, NULL, s.text FROM public."Statement" s
    WHERE ${TIMELINE_VISIBLE('s')} AND s."saidOn" IS NOT NULL
      AND EXISTS (SELECT 1 FROM public."StatementTopic" t WHERE t."statementId" = s.id AND t."topicId" = topic)
  ) items
  ORDER BY items.date, items.kind, items.id
$$;

-- W1's write: a versioned update that also writes a revision (before and after), as Citeline's
-- updateStatement does; a stale version is an error.
CREATE OR REPLACE FUNCTION bench_api.update_statement_text(statement_id uuid, expected_version int, new_text text)
RETURNS public."Statement" LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  before_row public."Statement";
  after_row public."Statement";
BEGIN
  SELECT * INTO before_row FROM public."Statement" WHERE id = statement_id AND "deletedAt" IS NULL FOR UPDATE;
  IF NOT FOUND OR before_row.version <> expected_version THEN
    RAISE EXCEPTION 'CONFLICT: statement % is not at version %', statement_id, expected_version;
  END IF;
  UPDATE public."Statement" SET text = new_text, version = version + 1, "updatedAt" = now()
    WHERE id = statement_id RETURNING * INTO after_row;
  INSERT INTO public."Revision" (id, "entityType", "entityId", operation, version, before, after)
    VALUES (gen_random_uuid(), 'Statement', statement_id, 'UPDATE', after_row.version,
      to_jsonb(before_row) - 'searchVector', to_jsonb(after_row) - 'searchVector');
  RETURN after_row;
END $$;
`;

export async function installBenchSchema(client: pg.Client): Promise<void> {
  await client.query(BENCH_SCHEMA_SQL);
}

/** Puts W1's statements back as they were loaded (text, version 1, no revisions). */
export async function resetWriteTargets(client: pg.Client): Promise<void> {
  await client.query(`UPDATE public."Statement" s SET text = o.text, version = 1
    FROM bench.w1_original o WHERE s.id = o.id AND (s.text <> o.text OR s.version <> 1)`);
  await client.query(
    `DELETE FROM public."Revision" WHERE "entityId" IN (SELECT id FROM bench.w1_original)`,
  );
}

async function one<T>(client: pg.Client, sql: string, values: unknown[] = []): Promise<T> {
  const { rows } = await client.query(sql, values);
  if (!rows[0]) throw new Error(`No row for: ${sql.slice(0, 80)}`);
  return rows[0] as T;
}

export async function pickTargets(client: pg.Client, data: Dataset): Promise<Picks> {
  const perSource = new Map<string, number>();
  for (const citation of data.citations) {
    perSource.set(citation.sourceId, (perSource.get(citation.sourceId) ?? 0) + 1);
  }
  const big = new Set(data.sources.slice(0, data.spec.bigSources).map((s) => s.id));
  const normal = data.sources
    .filter((s) => !big.has(s.id))
    .map((s) => ({ source: s, citations: perSource.get(s.id) ?? 0 }))
    .sort((a, b) => a.citations - b.citations || a.source.id.localeCompare(b.source.id));
  const typical = normal[Math.floor(normal.length / 2)];
  const hottest = data.sources
    .map((s) => ({ source: s, citations: perSource.get(s.id) ?? 0 }))
    .sort((a, b) => b.citations - a.citations)[0];
  if (!typical || !hottest) throw new Error('No sources to pick from');

  const heavy = data.actors[0];
  if (!heavy) throw new Error('No actors');
  const { n: actorItems } = await one<{ n: number }>(
    client,
    'SELECT count(*)::int AS n FROM bench_api.actor_timeline($1, $2)',
    [heavy.id, EVERY_ITEM],
  );
  const offset = Math.min(DEEP_OFFSET, Math.floor(actorItems * 0.8));
  const deep = await one<{ date: string; kind: 'Event' | 'Statement'; id: string }>(
    client,
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, id::text AS id
     FROM bench_api.actor_timeline($1, $2) OFFSET $3 LIMIT 1`,
    [heavy.id, EVERY_ITEM, offset - 1],
  );
  const topic = await one<{ id: string; slug: string }>(
    client,
    `SELECT t.id::text AS id, t.slug FROM public."Topic" t
     ORDER BY (SELECT count(*) FROM public."StatementTopic" s WHERE s."topicId" = t.id)
            + (SELECT count(*) FROM public."EventTopic" e WHERE e."topicId" = t.id) DESC, t.id LIMIT 1`,
  );
  const { n: topicItems } = await one<{ n: number }>(
    client,
    'SELECT count(*)::int AS n FROM bench_api.topic_timeline($1)',
    [topic.id],
  );
  const { n: statementMatches } = await one<{ n: number }>(
    client,
    'SELECT count(*)::int AS n FROM bench_api.search_statements($1)',
    [STATEMENT_SEARCH],
  );
  const { n: sourceMatches } = await one<{ n: number }>(
    client,
    `SELECT count(*)::int AS n FROM public."Source" WHERE "searchVector" @@ websearch_to_tsquery('english', $1)`,
    [SOURCE_SEARCH],
  );

  const writeTargets = data.statements
    .filter((s, i) => s.kind === 'PARAPHRASE' && i % 7 === 3)
    .slice(0, 200)
    .map((s) => s.id);
  await client.query('TRUNCATE bench.w1_original');
  await client.query(
    `INSERT INTO bench.w1_original (id, text) SELECT id, text FROM public."Statement" WHERE id = ANY($1::uuid[])`,
    [writeTargets],
  );

  const sourcePick = (entry: { source: Dataset['sources'][number]; citations: number }) => ({
    id: entry.source.id,
    url: entry.source.url,
    normalizedUrl: entry.source.normalizedUrl,
    citations: entry.citations,
  });
  return {
    typicalSource: sourcePick(typical),
    hotSource: sourcePick(hottest),
    heavyActor: { id: heavy.id, name: heavy.name, timelineItems: actorItems },
    deepAfter: { ...deep, offset },
    topic: { ...topic, timelineItems: topicItems },
    statementSearch: { query: STATEMENT_SEARCH, matches: statementMatches },
    sourceSearch: { query: SOURCE_SEARCH, matches: sourceMatches },
    writeTargets,
  };
}
