// `search(query:, types:, first:)` compiled: the resolver's ranking SQL (search/search.sql.ts)
// with the page's JSON built around it, snippets included.
import { DEFAULT_PAGE_SIZE } from '../schema/builder.ts';
import { MAX_FILTER_TEXT_LENGTH } from '../schema/common-fields.ts';
import { SEARCHABLE_TYPES, type SearchableType, searchSql } from '../search/search.sql.ts';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../search/snippet.ts';
import type { SelectedField, UnionType } from './selection.ts';
import {
  base64Sql,
  type FieldSql,
  fieldsUnder,
  isPageSize,
  jsonObject,
  pageSql,
  type SqlBuilder,
  type TypeSpec,
  unionRecordSql,
} from './sql-builder.ts';
import { ACTOR, EVENT, SOURCE, STATEMENT } from './types.ts';

const SEARCH_RESULT: UnionType = { name: 'SearchResult', members: SEARCHABLE_TYPES };
const SEARCHED: Record<SearchableType, TypeSpec> = {
  Source: SOURCE,
  Statement: STATEMENT,
  Event: EVENT,
  Actor: ACTOR,
};

/** Pothos's offset cursor: base64 of "OffsetConnection:<offset>". */
const offsetCursorText = (offset: string) => `'OffsetConnection:' || (${offset})::text`;
const offsetCursorSql = (offset: string) => base64Sql(offsetCursorText(offset));

const marker = (char: string) => `chr(${char.codePointAt(0)})`;

/**
 * snippet.ts's parseHeadline in SQL: the headline without its match markers, and each match's
 * range in code points (PostgreSQL counts characters, not bytes), end exclusive. The n-th match
 * starts after the 2(n - 1) markers of the matches before it.
 */
function snippetSql(st: SqlBuilder, headline: string, field: SelectedField): string | null {
  const fields = fieldsUnder(st, field, 'Snippet');
  const [start, end] = [marker(HIGHLIGHT_START), marker(HIGHLIGHT_END)];
  return (
    fields &&
    jsonObject(fields, (selected) => {
      if (selected.name === '__typename') return `'Snippet'`;
      if (selected.name === 'text') return `translate(${headline}, ${start} || ${end}, '')`;
      if (selected.name !== 'highlights') return null;
      const range = st.alias();
      const values: Record<string, string> = {
        __typename: `'Highlight'`,
        start: `${range}.start`,
        end: `${range}."end"`,
      };
      const highlight = fieldsUnder(st, selected, 'Highlight');
      const object =
        highlight &&
        jsonObject(highlight, (part) =>
          part.selectionSet || Object.keys(part.args).length ? null : values[part.name],
        );
      return (
        object &&
        `(SELECT coalesce(json_agg(${object} ORDER BY ${range}.n), '[]'::json) FROM (
          SELECT n, regexp_instr(${headline}, ${start}, 1, n) - 1 - 2 * (n - 1) AS start,
            regexp_instr(${headline}, ${end}, 1, n) - 2 - 2 * (n - 1) AS "end"
          FROM generate_series(1, regexp_count(${headline}, ${start})) n
        ) ${range} WHERE ${range}."end" > ${range}.start)`
      );
    })
  );
}

/** `search(query:, types:, first:)`: search.sql.ts's ranked page with the JSON built around it. */
export const search: FieldSql = (st, _alias, field) => {
  const { query, types, first = DEFAULT_PAGE_SIZE, ...others } = field.args;
  if (Object.keys(others).length || !isPageSize(first) || typeof query !== 'string') return null;
  const text = query.trim();
  if (text.length === 0 || text.length > MAX_FILTER_TEXT_LENGTH) return null;
  if (types != null && !(Array.isArray(types) && types.every((t) => typeof t === 'string'))) {
    return null;
  }
  const searched: SearchableType[] = types?.length
    ? SEARCHABLE_TYPES.filter((type) => types.includes(type.toUpperCase()))
    : [...SEARCHABLE_TYPES];
  let headlines = false;
  const hit = (page: string, selected: SelectedField) => {
    const fields = fieldsUnder(st, selected, 'SearchHit');
    return (
      fields &&
      jsonObject(fields, (part) => {
        if (part.name === '__typename') return `'SearchHit'`;
        if (part.name === 'score') return `${page}.score`;
        if (part.name === 'snippet') {
          headlines = true;
          return snippetSql(st, `${page}.headline`, part);
        }
        if (part.name !== 'record') return null;
        const members = searched.map((type) => SEARCHED[type]);
        return unionRecordSql(st, SEARCH_RESULT, members, page, `${page}.type`, part);
      })
    );
  };
  return pageSql(st, field, first, {
    rows: () =>
      searchSql({ query: text, types: searched, includeDrafts: st.includeDrafts }, st.add, {
        limit: first + 1,
        offset: 0,
        headlines: headlines ? first : 0,
      }),
    order: (a) => `${a}.score DESC, ${a}.type, ${a}.id`,
    totalCount: (page) => `coalesce(max(${page}.total), 0)`,
    cursor: { text: (page) => offsetCursorText(`${page}.rn - 1`), encode: base64Sql },
    node: hit,
    pageCursors: () => ({
      startCursor: offsetCursorSql('0'),
      endCursor: offsetCursorSql(`least(count(*), ${first}) - 1`),
    }),
  });
};
