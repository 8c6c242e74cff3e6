// The ceiling's queries: each benchmark request answered by one hand-written SQL statement in
// which PostgreSQL builds the whole JSON response, with the same rows, order, page sizes and
// visibility rules (PUBLISHED, not deleted) as the GraphQL stacks.
import {
  actorEventKeys,
  HEADLINE_OPTIONS_SQL,
  sourceSnippetText,
  timelineAfter,
} from '../dataset/bench-schema.ts';

const visible = (alias: string) => `${alias}."deletedAt" IS NULL AND ${alias}.status = 'PUBLISHED'`;

/**
 * A citation visible itself, with a visible source and statement or event (what Citeline lists),
 * from the copies of the parents' columns each citation carries.
 */
const citationVisible = (alias: string) => `${visible(alias)}
  AND ${alias}."sourceDeletedAt" IS NULL AND ${alias}."sourceStatus" = 'PUBLISHED'
  AND ${alias}."targetDeletedAt" IS NULL AND ${alias}."targetStatus" = 'PUBLISHED'`;

/** One timeline edge from a page row `p` joined to its event `e` or statement `s`. */
const TIMELINE_EDGE = `json_build_object('cursor', concat_ws(',', p.date, p.kind, p.id), 'node',
  json_build_object('__typename', p.kind, 'id', p.id, 'title', e.title, 'text', s.text, 'date', p.date))`;

/** A JSON array of `expression` over rows, `[]` when there are none. */
const list = (expression: string, order: string, filter = 'true') =>
  `coalesce(json_agg(${expression} ORDER BY ${order}) FILTER (WHERE ${filter}), '[]'::json)`;

export const CEILING_SQL = {
  // Q1: the 50 most recent statements with speaker, event, citations and their sources.
  q1: `
    WITH page AS (
      SELECT s.id, s.text, s.kind, s."saidOn", s."speakerId", s."eventId",
        row_number() OVER (ORDER BY s."saidOn" DESC NULLS LAST, s.id DESC) AS n
      FROM "Statement" s WHERE ${visible('s')}
      ORDER BY s."saidOn" DESC NULLS LAST, s.id DESC LIMIT $1::int + 1
    )
    SELECT json_build_object('data', json_build_object('statements', json_build_object(
      'edges', ${list(
        `json_build_object('node', json_build_object(
        'id', p.id, 'text', p.text, 'kind', p.kind, 'saidOn', p."saidOn",
        'speaker', (SELECT json_build_object('id', a.id, 'name', a.name) FROM "Actor" a WHERE a.id = p."speakerId" AND ${visible('a')}),
        'event', (SELECT json_build_object('id', e.id, 'title', e.title) FROM "Event" e WHERE e.id = p."eventId" AND ${visible('e')}),
        'citations', (SELECT ${list(
          `json_build_object('id', c.id, 'exact', c.exact, 'start', c.start, 'end', c."end",
            'source', json_build_object('id', so.id, 'title', so.title, 'url', so.url, 'publishedOn', so."publishedOn"))`,
          'c."sourceId", c.start, c.id',
        )} FROM "Citation" c JOIN "Source" so ON so.id = c."sourceId"
          WHERE c."statementId" = p.id AND ${citationVisible('c')})))`,
        'p.n',
        'p.n <= $1',
      )},
      'pageInfo', json_build_object('hasNextPage', count(*) > $1,
        'endCursor', (array_agg(p.id::text ORDER BY p.n DESC) FILTER (WHERE p.n <= $1))[1])
    )))::text AS body FROM page p`,

  // Q2: a source by its normalised URL, with a page of its citations (text order) and their
  // statement (and speaker) or event, and how many there are.
  q2: `
    WITH src AS (
      SELECT s.id, s.title, s.url, s."publishedOn" FROM "SourceUrl" u JOIN "Source" s ON s.id = u."sourceId"
      WHERE u."normalizedUrl" = $1 AND ${visible('s')}
    ),
    page AS (
      -- The page's keys from the index alone, then its rows.
      SELECT c.id, c.exact, c.start, c."end", c."statementId", c."eventId",
        row_number() OVER (ORDER BY c.start, c.id) AS n
      FROM (
        SELECT k.id FROM "Citation" k, src WHERE k."sourceId" = src.id AND ${citationVisible('k')}
        ORDER BY k.start, k.id LIMIT $2::int + 1
      ) cut JOIN "Citation" c ON c.id = cut.id
    )
    SELECT json_build_object('data', json_build_object('sourceByUrl', (
      SELECT json_build_object('id', src.id, 'title', src.title, 'url', src.url, 'publishedOn', src."publishedOn",
        'citations', json_build_object(
          'totalCount', (SELECT count(*) FROM "Citation" c WHERE c."sourceId" = src.id AND ${citationVisible('c')}),
          'edges', (SELECT ${list(
            `json_build_object('node', json_build_object('id', p.id, 'exact', p.exact, 'start', p.start, 'end', p."end",
              'statement', (SELECT json_build_object('id', st.id, 'text', st.text,
                  'speaker', (SELECT json_build_object('id', a.id, 'name', a.name) FROM "Actor" a WHERE a.id = st."speakerId" AND ${visible('a')}))
                FROM "Statement" st WHERE st.id = p."statementId" AND ${visible('st')}),
              'event', (SELECT json_build_object('id', e.id, 'title', e.title) FROM "Event" e WHERE e.id = p."eventId" AND ${visible('e')})))`,
            'p.n',
          )} FROM page p WHERE p.n <= $2),
          'pageInfo', json_build_object('hasNextPage', (SELECT count(*) > $2 FROM page),
            'endCursor', (SELECT p.id::text FROM page p WHERE p.n <= $2 ORDER BY p.n DESC LIMIT 1))))
      FROM src)))::text AS body`,

  // Q3: ranked full-text search over statements, top 20 with their speaker.
  q3: `
    WITH q AS (SELECT websearch_to_tsquery('english', $1) AS query),
    hits AS (
      SELECT s.id, s.text, s."saidOn", s."speakerId", ts_rank_cd(s."searchVector", q.query) AS score
      FROM "Statement" s, q WHERE s."searchVector" @@ q.query AND ${visible('s')}
    ),
    page AS (SELECT * FROM hits ORDER BY score DESC, id LIMIT $2)
    SELECT json_build_object('data', json_build_object('search', json_build_object(
      'totalCount', (SELECT count(*) FROM hits),
      'edges', (SELECT ${list(
        `json_build_object('node', json_build_object('record', json_build_object('id', p.id, 'text', p.text, 'saidOn', p."saidOn",
          'speaker', (SELECT json_build_object('id', a.id, 'name', a.name) FROM "Actor" a WHERE a.id = p."speakerId" AND ${visible('a')}))))`,
        'p.score DESC, p.id',
      )} FROM page p))))::text AS body`,

  // Q4: ranked full-text search over sources, top 20 with highlighted snippets.
  q4: `
    WITH q AS (SELECT websearch_to_tsquery('english', $1) AS query),
    hits AS (
      SELECT s.id, ts_rank_cd(s."searchVector", q.query) AS score
      FROM "Source" s, q WHERE s."searchVector" @@ q.query AND ${visible('s')}
    ),
    page AS (SELECT * FROM hits ORDER BY score DESC, id LIMIT $2)
    SELECT json_build_object('data', json_build_object('search', json_build_object(
      'totalCount', (SELECT count(*) FROM hits),
      'edges', (SELECT ${list(
        `json_build_object('node', json_build_object(
          'snippet', ts_headline('english', ${sourceSnippetText('s', 'q.query')}, q.query, ${HEADLINE_OPTIONS_SQL}),
          'record', json_build_object('id', s.id, 'title', s.title, 'url', s.url, 'publishedOn', s."publishedOn")))`,
        'p.score DESC, p.id',
      )} FROM page p JOIN "Source" s ON s.id = p.id, q))))::text AS body`,

  // Q5: an actor's timeline page (events they took part in, statements they made), keyset
  // paginated on (date, kind, id); $2..$4 are the key of the item before the page, or nulls.
  q5: `
    WITH page AS (
      SELECT cut.*, row_number() OVER (ORDER BY cut.date, cut.kind, cut.id) AS n FROM (
        (SELECT k.date, 'Event'::text AS kind, k.id
        FROM (${actorEventKeys('$1::uuid', '$5::int + 1', '$2::date', '$3::text', '$4::uuid')}) k)
        UNION ALL
        (SELECT s."saidOn", 'Statement'::text, s.id FROM "Statement" s
        WHERE ${visible('s')} AND s."saidOn" IS NOT NULL AND s."speakerId" = $1::uuid
          AND ${timelineAfter('s."saidOn"', 's.id', 'Statement', '$2::date', '$3::text', '$4::uuid')}
        ORDER BY s."saidOn", s.id LIMIT $5::int + 1)
        ORDER BY date, kind, id LIMIT $5::int + 1
      ) cut
    )
    SELECT json_build_object('data', json_build_object('timeline', json_build_object(
      'edges', ${list(TIMELINE_EDGE, 'p.n', 'p.n <= $5')},
      'pageInfo', json_build_object('hasNextPage', count(*) > $5)
    )))::text AS body
    FROM page p LEFT JOIN "Event" e ON p.kind = 'Event' AND e.id = p.id
      LEFT JOIN "Statement" s ON p.kind = 'Statement' AND s.id = p.id`,

  // Q6: a topic's timeline, first page, with the number of items.
  q6: `
    WITH items AS (
      SELECT e."startOn" AS date, 'Event' AS kind, e.id FROM "Event" e
      WHERE ${visible('e')} AND e."startOn" IS NOT NULL
        AND EXISTS (SELECT 1 FROM "EventTopic" t WHERE t."eventId" = e.id AND t."topicId" = $1::uuid)
      UNION ALL
      SELECT s."saidOn", 'Statement', s.id FROM "Statement" s
      WHERE ${visible('s')} AND s."saidOn" IS NOT NULL
        AND EXISTS (SELECT 1 FROM "StatementTopic" t WHERE t."statementId" = s.id AND t."topicId" = $1::uuid)
    ),
    page AS (
      SELECT cut.*, row_number() OVER (ORDER BY cut.date, cut.kind, cut.id) AS n FROM (
        SELECT * FROM items ORDER BY date, kind, id LIMIT $2::int + 1
      ) cut
    )
    SELECT json_build_object('data', json_build_object('timeline', json_build_object(
      'totalCount', (SELECT count(*) FROM items),
      'edges', (SELECT ${list(TIMELINE_EDGE, 'p.n')} FROM page p
        LEFT JOIN "Event" e ON p.kind = 'Event' AND e.id = p.id
        LEFT JOIN "Statement" s ON p.kind = 'Statement' AND s.id = p.id WHERE p.n <= $2),
      'pageInfo', json_build_object('hasNextPage', (SELECT count(*) > $2 FROM page))
    )))::text AS body`,

  // W1 read: one statement with its speaker and citations.
  w1read: `
    SELECT json_build_object('data', json_build_object('statement', (
      SELECT json_build_object('id', s.id, 'text', s.text, 'version', s.version, 'saidOn', s."saidOn",
        'speaker', (SELECT json_build_object('id', a.id, 'name', a.name) FROM "Actor" a WHERE a.id = s."speakerId" AND ${visible('a')}),
        'citations', (SELECT ${list(
          `json_build_object('id', c.id, 'exact', c.exact, 'source', json_build_object('id', so.id, 'title', so.title))`,
          'c."sourceId", c.start, c.id',
        )} FROM "Citation" c JOIN "Source" so ON so.id = c."sourceId" WHERE c."statementId" = s.id AND ${citationVisible('c')}))
      FROM "Statement" s WHERE s.id = $1 AND ${visible('s')})))::text AS body`,

  // W1 write: the versioned update with its revision, in one statement.
  w1write: `
    SELECT json_build_object('data', json_build_object('updateStatement',
      (SELECT json_build_object('id', u.id, 'version', u.version) FROM bench_api.update_statement_text($1, $2, $3) u)))::text AS body`,
} as const;

export type CeilingQuery = keyof typeof CEILING_SQL;
