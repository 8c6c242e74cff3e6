// Ranked full-text search over sources, statements, events and actors, in one SQL statement:
// rank with ts_rank_cd over the generated `searchVector` columns (GIN-indexed), then build
// highlighted snippets for the requested page only, because ts_headline is costly.

import type { Db } from '../db/client.ts';
import { Prisma } from '../db/generated/prisma/client.ts';
import { visibleSql } from '../db/sql-visibility.ts';
import { HIGHLIGHT_END, HIGHLIGHT_START } from './snippet.ts';

export const SEARCHABLE_TYPES = ['Source', 'Statement', 'Event', 'Actor'] as const;
export type SearchableType = (typeof SEARCHABLE_TYPES)[number];

export interface SearchRow {
  type: SearchableType;
  id: string;
  score: number;
  headline: string;
  total: number;
}

export interface SearchOptions {
  query: string;
  types: readonly SearchableType[];
  includeDrafts: boolean;
  limit: number;
  offset: number;
}

// Headlines are built from at most this much of a body: enough for any match worth showing,
// and it bounds the cost of ts_headline on sources of several megabytes.
const HEADLINE_SOURCE_CHARS = 200_000;
const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

const TABLES: Record<SearchableType, string> = {
  Source: '"Source"',
  Statement: '"Statement"',
  Event: '"Event"',
  Actor: '"Actor"',
};

export async function searchRecords(db: Db, options: SearchOptions): Promise<SearchRow[]> {
  const { query, types, includeDrafts, limit, offset } = options;
  // Every branch names its columns: the first one present defines them for the UNION.
  const branches = SEARCHABLE_TYPES.filter((type) => types.includes(type)).map(
    (
      type,
    ) => Prisma.sql`SELECT ${type} AS type, r.id, ts_rank_cd(r."searchVector", q.query) AS score
      FROM ${Prisma.raw(TABLES[type])} r, q
      WHERE r."searchVector" @@ q.query AND ${visibleSql('r', includeDrafts)}`,
  );
  if (branches.length === 0) return [];

  return db.$queryRaw<SearchRow[]>`
    WITH q AS (SELECT websearch_to_tsquery('english', ${query}) AS query),
    hits AS (${Prisma.join(branches, ' UNION ALL ')}),
    page AS (
      SELECT type, id, score, count(*) OVER () AS total FROM hits
      ORDER BY score DESC, type, id LIMIT ${limit} OFFSET ${offset}
    )
    SELECT page.type, page.id::text AS id, page.score::float8 AS score, page.total::int AS total,
      CASE page.type
        WHEN 'Source' THEN (SELECT ts_headline('english', s.title || E'\n' || left(s.body, ${HEADLINE_SOURCE_CHARS}), q.query, ${HEADLINE_OPTIONS}) FROM "Source" s WHERE s.id = page.id)
        WHEN 'Statement' THEN (SELECT ts_headline('english', st.text, q.query, ${HEADLINE_OPTIONS}) FROM "Statement" st WHERE st.id = page.id)
        WHEN 'Event' THEN (SELECT ts_headline('english', e.title || E'\n' || coalesce(e.summary, ''), q.query, ${HEADLINE_OPTIONS}) FROM "Event" e WHERE e.id = page.id)
        ELSE (SELECT ts_headline('english', a.name || coalesce(E'\n' || a.description, ''), q.query, ${HEADLINE_OPTIONS}) FROM "Actor" a WHERE a.id = page.id)
      END AS headline
    FROM page, q
    ORDER BY page.score DESC, page.type, page.id`;
}
