// Ranked full-text search over sources, statements, events and actors, in one SQL statement:
// rank with ts_rank_cd over the generated `searchVector` columns (GIN-indexed), then build
// highlighted snippets for the requested page only, because ts_headline is costly.

import type { Db } from '../db/client.ts';
import { SqlParams } from '../db/sql-params.ts';
import { visibleCondition } from '../db/sql-visibility.ts';
import { HIGHLIGHT_END, HIGHLIGHT_START } from './snippet.ts';

export const SEARCHABLE_TYPES = ['Source', 'Statement', 'Event', 'Actor'] as const;
export type SearchableType = (typeof SEARCHABLE_TYPES)[number];

export interface SearchRow {
  type: SearchableType;
  id: string;
  score: number;
  /** Null unless asked for (for this row). */
  headline: string | null;
  total: number;
}

/**
 * What a source's snippet is cut from: its title and its best-matching chunk (ranked as sources
 * are ranked, the earlier of equals), or the start of the body when only the title or the outlet
 * matched. ts_headline parses all the text it is given, about 8 ms for 200 KB; a chunk is about
 * 1 KB, found with one GIN scan (migration source_chunks).
 */
const SOURCE_HEADLINE_TEXT = `so.title || E'\\n' || coalesce(
  (SELECT c.text FROM "SourceChunk" c WHERE c."sourceId" = so.id AND c."searchVector" @@ q.query
    ORDER BY ts_rank_cd(c."searchVector", q.query) DESC, c.ordinal LIMIT 1),
  left(so.body, 1000))`;
const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

const TABLES: Record<SearchableType, string> = {
  Source: '"Source"',
  Statement: '"Statement"',
  Event: '"Event"',
  Actor: '"Actor"',
};

export interface SearchFilter {
  query: string;
  types: readonly SearchableType[];
  includeDrafts: boolean;
}

/** ts_headline of a record of each type: what its snippet is cut from. */
const HEADLINE_TEXT: Record<SearchableType, { alias: string; text: string }> = {
  Source: { alias: 'so', text: SOURCE_HEADLINE_TEXT },
  Statement: { alias: 'st', text: 'st.text' },
  Event: { alias: 'ev', text: `ev.title || E'\\n' || coalesce(ev.summary, '')` },
  Actor: { alias: 'ac', text: `ac.name || coalesce(E'\\n' || ac.description, '')` },
};

/**
 * The ranked page as a SELECT of (type, id, score, total, headline), best first: total counts
 * every match (none on a page past the end), headline is null but for the first `headlines`
 * rows (the ones shown; a page size is a validated integer). Shared by the resolver and the
 * compiled reads (compiled/search.ts).
 */
export function searchSql(
  filter: SearchFilter,
  add: SqlParams['add'],
  page: { limit: number; offset: number; headlines: number },
): string {
  const types = SEARCHABLE_TYPES.filter((type) => filter.types.includes(type));
  const branches = types.map(
    (type) => `SELECT '${type}'::text AS type, r.id, ts_rank_cd(r."searchVector", q.query) AS score
      FROM ${TABLES[type]} r, q
      WHERE r."searchVector" @@ q.query AND ${visibleCondition('r', filter.includeDrafts)}`,
  );
  // ts_headline is costly: only for the rows shown, not for the one read past them to tell
  // whether there is a next page, and only when the snippet is selected.
  const headline = page.headlines
    ? `CASE WHEN page.n <= ${page.headlines} THEN CASE page.type ${types
        .map((type) => {
          const { alias, text } = HEADLINE_TEXT[type];
          return `WHEN '${type}' THEN (SELECT ts_headline('english', ${text}, q.query, '${HEADLINE_OPTIONS}') FROM ${TABLES[type]} ${alias} WHERE ${alias}.id = page.id)`;
        })
        .join(' ')} END END`
    : 'NULL::text';
  return `WITH q AS (SELECT websearch_to_tsquery('english', ${add(filter.query, 'text')}) AS query),
    hits AS (${branches.join(' UNION ALL ') || 'SELECT NULL::text AS type, NULL::uuid AS id, NULL::real AS score WHERE false'}),
    page AS (
      SELECT type, id, score, count(*) OVER () AS total FROM hits
      ORDER BY score DESC, type, id LIMIT ${page.limit} OFFSET ${page.offset}
    )
    SELECT page.type, page.id, page.score::float8 AS score, page.total::int AS total, ${headline} AS headline
    FROM (SELECT *, row_number() OVER (ORDER BY score DESC, type, id) AS n FROM page) page, q
    ORDER BY page.score DESC, page.type, page.id`;
}

export async function searchRecords(
  db: Db,
  filter: SearchFilter,
  page: { limit: number; offset: number; headlines: number },
): Promise<SearchRow[]> {
  const params = new SqlParams();
  const sql = searchSql(filter, params.add, page);
  return db.$queryRawUnsafe<SearchRow[]>(
    `SELECT r.type, r.id::text AS id, r.score, r.total, r.headline FROM (${sql}) r
    ORDER BY r.score DESC, r.type, r.id`,
    ...params.values,
  );
}
