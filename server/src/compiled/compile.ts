// Compiled reads: a query over the common read shapes (the statements list, a statement, a source
// by id or URL with its cited passages) becomes one SQL statement in which PostgreSQL builds the
// whole `data` object as JSON, with the same visibility rules, ids, cursors, dates and orders as
// the resolvers. Whatever it does not know (another field, argument or type, a fragment on an
// interface, a directive, a later page) returns null, and the resolvers answer instead;
// compiled-reads.int.test.ts runs operations both ways and requires the same answer.
import type { OperationDefinitionNode } from 'graphql';
import { PREPARED_SQL_MARKER } from '../db/prepared.ts';
import { SqlParams } from '../db/sql-params.ts';
import { visibleCondition } from '../db/sql-visibility.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../schema/builder.ts';
import { MAX_FILTER_TEXT_LENGTH } from '../schema/common-fields.ts';
import { decodeGlobalId } from '../schema/global-id.ts';
import { SEARCHABLE_TYPES, type SearchableType, searchSql } from '../search/search.sql.ts';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../search/snippet.ts';
import {
  endOfPeriodExclusive,
  type PartialDate,
  parsePartialDate,
} from '../shared/partial-date.ts';
import { normalizeUrl } from '../sources/url.ts';
import { decodeTimelineCursor } from '../timeline/cursor.ts';
import { timelineSql } from '../timeline/timeline.sql.ts';
import {
  type SelectedField,
  type SelectionScope,
  selectedFields,
  type UnionType,
} from './selection.ts';

export interface CompiledQuery {
  sql: string;
  params: unknown[];
}

/** Builds one SQL statement: its parameters, table aliases and the viewer's visibility rule. */
class SqlBuilder extends SqlParams {
  private aliases = 0;
  constructor(
    readonly scope: SelectionScope,
    readonly includeDrafts: boolean,
  ) {
    super();
  }

  alias(): string {
    this.aliases += 1;
    return `t${this.aliases}`;
  }

  visible(alias: string): string {
    return visibleCondition(alias, this.includeDrafts);
  }

  /**
   * The twin of citation.schema.ts's visibleCitationWhere: the passage, its source and target.
   * Citations listed under a record are joined to it, and every record compiled here is checked
   * for visibility where it is selected: the side they hang from needs no second look.
   */
  visibleCitation(c: string, under: 'source' | 'target'): string {
    const exists = (table: string, foreignKey: string) => {
      const alias = this.alias();
      return `EXISTS (SELECT 1 FROM "${table}" ${alias} WHERE ${alias}.id = ${c}."${foreignKey}" AND ${this.visible(alias)})`;
    };
    return under === 'source'
      ? `${this.visible(c)} AND (${exists('Statement', 'statementId')} OR ${exists('Event', 'eventId')})`
      : `${this.visible(c)} AND ${exists('Source', 'sourceId')}`;
  }
}

type FieldSql = (st: SqlBuilder, alias: string, field: SelectedField) => string | null;

interface TypeSpec {
  typename: string;
  table: string;
  fields: Record<string, FieldSql>;
}

/** Base64 of a text, as Buffer's: without the line breaks PostgreSQL puts every 76 characters. */
const base64Sql = (text: string) =>
  `replace(encode(convert_to(${text}, 'UTF8'), 'base64'), E'\\n', '')`;

/** Base64url without padding, as Buffer's 'base64url'. */
const base64urlSql = (text: string) => `rtrim(translate(${base64Sql(text)}, '+/', '-_'), '=')`;

const globalIdSql = (typename: string, column: string) =>
  base64urlSql(`'${typename}:' || ${column}::text`);

/** Pothos's cursor for `cursor: 'id'`: base64 of "GPC:S:<id>". */
const cursorSql = (column: string) => base64Sql(`'GPC:S:' || ${column}::text`);

const column =
  (name: string, cast = ''): FieldSql =>
  (_st, alias) =>
    `${alias}."${name}"${cast}`;

/** formatPartialDate (shared/partial-date.ts): the date at its precision, null without both. */
const partialDate =
  (date: string, precision: string): FieldSql =>
  (_st, alias) =>
    `CASE ${alias}."${precision}" WHEN 'YEAR' THEN to_char(${alias}."${date}", 'YYYY') WHEN 'MONTH' THEN to_char(${alias}."${date}", 'YYYY-MM') WHEN 'DAY' THEN to_char(${alias}."${date}", 'YYYY-MM-DD') END`;

const leaf =
  (sql: FieldSql): FieldSql =>
  (st, alias, field) =>
    field.selectionSet || Object.keys(field.args).length ? null : sql(st, alias, field);

/** A to-one relation: the related record when the viewer may see it, else null. */
const toOne =
  (spec: () => TypeSpec, foreignKey: string): FieldSql =>
  (st, alias, field) => {
    const { table } = spec();
    const target = st.alias();
    const object = objectSql(st, spec(), target, field);
    return object === null
      ? null
      : `(SELECT ${object} FROM ${table} ${target} WHERE ${target}.id = ${alias}."${foreignKey}" AND ${st.visible(target)})`;
  };

/** A record's citations (Statement.citations): visible ones, by source, start and id. */
const citationList =
  (foreignKey: string): FieldSql =>
  (st, alias, field) => {
    if (Object.keys(field.args).length) return null;
    const c = st.alias();
    const object = objectSql(st, CITATION, c, field);
    return object === null
      ? null
      : `coalesce((SELECT json_agg(${object} ORDER BY ${c}."sourceId", ${c}.start, ${c}.id) FROM "Citation" ${c} WHERE ${c}."${foreignKey}" = ${alias}.id AND ${st.visibleCitation(c, 'target')}), '[]'::json)`;
  };

/** json_build_object takes at most 100 arguments. */
const MAX_FIELDS = 50;

/**
 * A JSON object of the selected fields, or null as soon as one of them cannot be compiled.
 * Response keys go into the SQL as string literals: GraphQL names and aliases are
 * [_A-Za-z][_0-9A-Za-z]* (the parser refuses anything else), so they cannot close a quote. Every
 * value a client sends is a parameter; page sizes are validated integers.
 */
function jsonObject(
  fields: SelectedField[],
  compileField: (field: SelectedField) => string | null | undefined,
): string | null {
  if (fields.length === 0 || fields.length > MAX_FIELDS) return null;
  const entries: string[] = [];
  for (const field of fields) {
    const value = compileField(field);
    if (value === null || value === undefined) return null;
    entries.push(`'${field.key}', ${value}`);
  }
  return `json_build_object(${entries.join(', ')})`;
}

/** Whether `first` is a page size the connections accept. */
function isPageSize(first: unknown): first is number {
  return Number.isInteger(first) && (first as number) >= 1 && (first as number) <= MAX_PAGE_SIZE;
}

/** `first` as the Prisma connections take it, or null for what only the resolvers answer. */
function pageSize(args: Record<string, unknown>): number | null {
  const { first = DEFAULT_PAGE_SIZE, ...others } = args;
  if (Object.keys(others).length) return null; // after, before, last, filter, orderBy
  return isPageSize(first) ? first : null;
}

/** A page of a connection: its rows, how they are ordered, and what each edge shows. */
interface PageSource {
  /**
   * A SELECT of at most first + 1 rows, with an `id` column; read once the selection is
   * compiled, so that it can leave out what nothing selected.
   */
  rows: () => string;
  /** ORDER BY over the page's alias. */
  order: (alias: string) => string;
  /** totalCount, as an aggregate over the page's rows or an independent subquery. */
  totalCount: (page: string) => string;
  cursor: (page: string) => string;
  node: (page: string, field: SelectedField) => string | null;
  /** PageInfo's cursors where the connection has its own (offset connections). */
  pageCursors?: (page: string) => { startCursor: string; endCursor: string };
}

/** A forward page of a Relay connection: one row whatever is selected. */
function pageSql(
  st: SqlBuilder,
  field: SelectedField,
  first: number,
  source: PageSource,
): string | null {
  const fields = selectedFields(field.selectionSet, 'Connection', st.scope);
  if (fields === null) return null;
  const row = st.alias();
  const page = st.alias();
  const object = jsonObject(fields, (selected) => {
    if (selected.name === 'totalCount') return source.totalCount(page);
    if (selected.name === 'edges') return edgesSql(st, selected, source, page, first);
    if (selected.name === 'pageInfo') return pageInfoSql(st, selected, source, page, first);
    return null;
  });
  // GROUP BY (): every value is an aggregate over the page.
  return object === null
    ? null
    : `(SELECT ${object} FROM (
      SELECT ${row}.*, row_number() OVER (ORDER BY ${source.order(row)}) AS rn FROM (${source.rows()}) ${row}
    ) ${page} GROUP BY ())`;
}

/** A connection over a table, as Pothos's prismaConnection shapes it (cursor: 'id'). */
function connectionSql(
  st: SqlBuilder,
  field: SelectedField,
  source: { table: string; alias: string; where: string; order: (alias: string) => string },
  node: TypeSpec,
): string | null {
  const first = pageSize(field.args);
  if (first === null) return null;
  const { table, alias, where, order } = source;
  return pageSql(st, field, first, {
    rows: () =>
      `SELECT ${alias}.* FROM ${table} ${alias} WHERE ${where} ORDER BY ${order(alias)} LIMIT ${first + 1}`,
    order,
    totalCount: () => `(SELECT count(*)::int FROM ${table} ${alias} WHERE ${where})`,
    cursor: (page) => cursorSql(`${page}.id`),
    node: (page, selected) => objectSql(st, node, page, selected),
  });
}

function edgesSql(
  st: SqlBuilder,
  field: SelectedField,
  source: PageSource,
  page: string,
  first: number,
): string | null {
  const fields = selectedFields(field.selectionSet, 'Edge', st.scope);
  if (fields === null || Object.keys(field.args).length) return null;
  const edge = jsonObject(fields, (selected) => {
    if (selected.name === 'cursor') return source.cursor(page);
    if (selected.name === 'node') return source.node(page, selected);
    return null;
  });
  return edge === null
    ? null
    : `coalesce(json_agg(${edge} ORDER BY ${page}.rn) FILTER (WHERE ${page}.rn <= ${first}), '[]'::json)`;
}

function pageInfoSql(
  st: SqlBuilder,
  field: SelectedField,
  source: PageSource,
  page: string,
  first: number,
): string | null {
  const fields = selectedFields(field.selectionSet, 'PageInfo', st.scope);
  if (fields === null || Object.keys(field.args).length) return null;
  const cursors = (direction: 'ASC' | 'DESC') =>
    `(array_agg(${source.cursor(page)} ORDER BY ${page}.rn ${direction}) FILTER (WHERE ${page}.rn <= ${first}))[1]`;
  const values: Record<string, string> = {
    hasNextPage: `count(*) > ${first}`,
    hasPreviousPage: 'false',
    startCursor: cursors('ASC'),
    endCursor: cursors('DESC'),
    ...source.pageCursors?.(page),
  };
  return jsonObject(fields, (selected) => (selected.selectionSet ? null : values[selected.name]));
}

function objectSql(
  st: SqlBuilder,
  spec: TypeSpec,
  alias: string,
  field: SelectedField,
  union?: UnionType,
): string | null {
  const fields = selectedFields(field.selectionSet, spec.typename, st.scope, union);
  if (fields === null) return null;
  // Through a union, a member may have nothing selected: its object is empty.
  if (fields.length === 0 && union) return 'json_build_object()';
  return jsonObject(fields, (selected) => {
    const build =
      selected.name === '__typename'
        ? leaf(() => `'${spec.typename}'`)
        : spec.fields[selected.name];
    return build?.(st, alias, selected);
  });
}

const ACTOR: TypeSpec = {
  typename: 'Actor',
  table: '"Actor"',
  fields: {
    id: leaf((_st, a) => globalIdSql('Actor', `${a}.id`)),
    name: leaf(column('name')),
    kind: leaf(column('kind', '::text')),
    country: leaf(column('country')),
    wikidataId: leaf(column('wikidataId')),
    version: leaf(column('version')),
  },
};

const EVENT: TypeSpec = {
  typename: 'Event',
  table: '"Event"',
  fields: {
    id: leaf((_st, a) => globalIdSql('Event', `${a}.id`)),
    title: leaf(column('title')),
    kind: leaf(column('kind', '::text')),
    summary: leaf(column('summary')),
    place: leaf(column('place')),
    startDate: leaf(partialDate('startOn', 'startPrecision')),
    endDate: leaf(partialDate('endOn', 'endPrecision')),
    version: leaf(column('version')),
  },
};

const SOURCE: TypeSpec = {
  typename: 'Source',
  table: '"Source"',
  fields: {
    id: leaf((_st, a) => globalIdSql('Source', `${a}.id`)),
    title: leaf(column('title')),
    kind: leaf(column('kind', '::text')),
    url: leaf(column('url')),
    outlet: leaf(column('outlet')),
    archiveUrl: leaf(column('archiveUrl')),
    language: leaf(column('language')),
    publishedOn: leaf(partialDate('publishedOn', 'publishedPrecision')),
    publishedOnPrecision: leaf(column('publishedPrecision', '::text')),
    version: leaf(column('version')),
    citations: (st, alias, field) => {
      const c = st.alias();
      return connectionSql(
        st,
        field,
        {
          table: '"Citation"',
          alias: c,
          where: `${c}."sourceId" = ${alias}.id AND ${st.visibleCitation(c, 'source')}`,
          order: (a) => `${a}.start, ${a}.id`,
        },
        CITATION,
      );
    },
  },
};

const STATEMENT: TypeSpec = {
  typename: 'Statement',
  table: '"Statement"',
  fields: {
    id: leaf((_st, a) => globalIdSql('Statement', `${a}.id`)),
    text: leaf(column('text')),
    kind: leaf(column('kind', '::text')),
    rank: leaf(column('rank', '::text')),
    channel: leaf(column('channel', '::text')),
    speakerTitle: leaf(column('speakerTitle')),
    saidOn: leaf(partialDate('saidOn', 'saidPrecision')),
    saidOnPrecision: leaf(column('saidPrecision', '::text')),
    version: leaf(column('version')),
    speaker: toOne(() => ACTOR, 'speakerId'),
    event: toOne(() => EVENT, 'eventId'),
    citations: citationList('statementId'),
  },
};

const CITATION: TypeSpec = {
  typename: 'Citation',
  table: '"Citation"',
  fields: {
    id: leaf((_st, a) => globalIdSql('Citation', `${a}.id`)),
    exact: leaf(column('exact')),
    prefix: leaf(column('prefix')),
    suffix: leaf(column('suffix')),
    start: leaf(column('start')),
    end: leaf(column('end')),
    role: leaf(column('role', '::text')),
    anchorStatus: leaf(column('anchorStatus', '::text')),
    note: leaf(column('note')),
    version: leaf(column('version')),
    source: toOne(() => SOURCE, 'sourceId'),
    statement: toOne(() => STATEMENT, 'statementId'),
    event: toOne(() => EVENT, 'eventId'),
  },
};

/** One record by a condition on its table, or null when the viewer may not see it. */
function recordSql(
  st: SqlBuilder,
  spec: TypeSpec,
  field: SelectedField,
  where: (alias: string) => string,
) {
  const alias = st.alias();
  const object = objectSql(st, spec, alias, field);
  return object === null
    ? null
    : `(SELECT ${object} FROM ${spec.table} ${alias} WHERE ${where(alias)} AND ${st.visible(alias)} LIMIT 1)`;
}

/** A uuid from a global id of `typename`, or null (the resolvers then answer with the error). */
function idOf(value: unknown, typename: string): string | null {
  if (typeof value !== 'string') return null;
  try {
    const decoded = decodeGlobalId(value);
    return decoded.typename === typename ? decoded.id : null;
  } catch {
    return null;
  }
}

/** A root field that looks one record up by its global id (`statement(id:)`, `source(id:)`). */
const byId =
  (spec: TypeSpec): FieldSql =>
  (st, _alias, field) => {
    const { id: value, ...others } = field.args;
    const id = idOf(value, spec.typename);
    if (id === null || Object.keys(others).length) return null;
    return recordSql(st, spec, field, (a) => `${a}.id = ${st.add(id, 'uuid')}`);
  };

/** A record of a union by a page row's type and id: a CASE over the union's members. */
function unionRecordSql(
  st: SqlBuilder,
  union: UnionType,
  members: TypeSpec[],
  page: string,
  typename: string,
  field: SelectedField,
): string | null {
  if (Object.keys(field.args).length) return null;
  const branches: string[] = [];
  for (const spec of members) {
    const alias = st.alias();
    const object = objectSql(st, spec, alias, field, union);
    if (object === null) return null;
    branches.push(
      `WHEN '${spec.typename}' THEN (SELECT ${object} FROM ${spec.table} ${alias} WHERE ${alias}.id = ${page}.id)`,
    );
  }
  return `CASE ${typename} ${branches.join(' ')} END`;
}

/** A PartialDate argument, or null when it is not one (the resolvers then report it). */
function partialDateOf(value: unknown): PartialDate | null {
  if (typeof value !== 'string') return null;
  try {
    return parsePartialDate(value);
  } catch {
    return null;
  }
}

const TIMELINE_ITEM: UnionType = { name: 'TimelineItem', members: ['Event', 'Statement'] };

/** `timeline(...)`: the resolver's SQL (timeline.sql.ts) with the page's JSON built around it. */
const timeline: FieldSql = (st, _alias, field) => {
  const { actor, topic, from, to, first = DEFAULT_PAGE_SIZE, after, ...others } = field.args;
  const actorId = actor === undefined ? undefined : idOf(actor, 'Actor');
  const topicId = topic === undefined ? undefined : idOf(topic, 'Topic');
  const start = from === undefined ? undefined : partialDateOf(from);
  const end = to === undefined ? undefined : partialDateOf(to);
  const afterKey =
    after === undefined
      ? undefined
      : typeof after === 'string'
        ? decodeTimelineCursor(after)
        : null;
  const given = [actorId, topicId, start, end, afterKey];
  if (Object.keys(others).length || !isPageSize(first) || given.includes(null)) return null;

  const sql = timelineSql(
    {
      actorId: actorId ?? undefined,
      topicId: topicId ?? undefined,
      from: start?.date,
      before: end ? endOfPeriodExclusive(end) : undefined,
      includeDrafts: st.includeDrafts,
    },
    st.add,
    { after: afterKey ?? undefined, limit: first + 1 },
  );
  return pageSql(st, field, first, {
    rows: () => sql.page,
    order: (a) => `${a}.date, ${a}.kind, ${a}.id`,
    // The resolver's: 0 on an empty page, since it counts alongside the page's rows.
    totalCount: () => `CASE WHEN count(*) = 0 THEN 0 ELSE (${sql.count})::int END`,
    cursor: (page) =>
      base64urlSql(
        `'["' || to_char(${page}.date, 'YYYY-MM-DD') || '","' || ${page}.kind || '","' || ${page}.id::text || '"]'`,
      ),
    node: (page, selected) =>
      unionRecordSql(st, TIMELINE_ITEM, [EVENT, STATEMENT], page, `${page}.kind`, selected),
  });
};

const SEARCH_RESULT: UnionType = { name: 'SearchResult', members: SEARCHABLE_TYPES };
const SEARCHED: Record<SearchableType, TypeSpec> = {
  Source: SOURCE,
  Statement: STATEMENT,
  Event: EVENT,
  Actor: ACTOR,
};

/** Pothos's offset cursor: base64 of "OffsetConnection:<offset>". */
const offsetCursorSql = (offset: string) => base64Sql(`'OffsetConnection:' || (${offset})::text`);

const marker = (char: string) => `chr(${char.codePointAt(0)})`;

/**
 * snippet.ts's parseHeadline in SQL: the headline without its match markers, and each match's
 * range in code points (PostgreSQL counts characters, not bytes), end exclusive. The n-th match
 * starts after the 2(n - 1) markers of the matches before it.
 */
function snippetSql(st: SqlBuilder, headline: string, field: SelectedField): string | null {
  const fields = selectedFields(field.selectionSet, 'Snippet', st.scope);
  const [start, end] = [marker(HIGHLIGHT_START), marker(HIGHLIGHT_END)];
  return (
    fields &&
    jsonObject(fields, (selected) => {
      if (Object.keys(selected.args).length) return null;
      if (selected.name === '__typename') return `'Snippet'`;
      if (selected.name === 'text') return `translate(${headline}, ${start} || ${end}, '')`;
      if (selected.name !== 'highlights') return null;
      const range = st.alias();
      const values: Record<string, string> = {
        __typename: `'Highlight'`,
        start: `${range}.start`,
        end: `${range}."end"`,
      };
      const highlight = selectedFields(selected.selectionSet, 'Highlight', st.scope);
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
const search: FieldSql = (st, _alias, field) => {
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
    const fields = selectedFields(selected.selectionSet, 'SearchHit', st.scope);
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
        headlines,
      }),
    order: (a) => `${a}.score DESC, ${a}.type, ${a}.id`,
    totalCount: (page) => `coalesce(max(${page}.total), 0)`,
    cursor: (page) => offsetCursorSql(`${page}.rn - 1`),
    node: hit,
    pageCursors: () => ({
      startCursor: offsetCursorSql('0'),
      endCursor: offsetCursorSql(`least(count(*), ${first}) - 1`),
    }),
  });
};

const ROOT_FIELDS: Record<string, FieldSql> = {
  timeline,
  search,
  statements: (st, _alias, field) => {
    const s = st.alias();
    return connectionSql(
      st,
      field,
      {
        table: '"Statement"',
        alias: s,
        where: st.visible(s),
        // statementOrderBy's default: the most recent first, undated last.
        order: (a) => `${a}."saidOn" DESC NULLS LAST, ${a}.id DESC`,
      },
      STATEMENT,
    );
  },
  statement: byId(STATEMENT),
  source: byId(SOURCE),
  sourceByUrl: (st, _alias, field) => {
    const { url, ...others } = field.args;
    if (typeof url !== 'string' || Object.keys(others).length) return null;
    let normalized: string;
    try {
      normalized = normalizeUrl(url);
    } catch {
      return null;
    }
    return recordSql(
      st,
      SOURCE,
      field,
      (a) =>
        `EXISTS (SELECT 1 FROM "SourceUrl" u WHERE u."sourceId" = ${a}.id AND u."normalizedUrl" = ${st.add(normalized, 'text')})`,
    );
  },
};

/** The operation as one SQL statement returning `data` as JSON text, or null for the resolvers. */
export function compileQuery(
  operation: OperationDefinitionNode,
  scope: SelectionScope,
  includeDrafts: boolean,
): CompiledQuery | null {
  if (operation.operation !== 'query') return null;
  // Variables' defaults are not in the request's variables: leave such operations to graphql-js.
  if (operation.variableDefinitions?.some((definition) => definition.defaultValue)) return null;
  const st = new SqlBuilder(scope, includeDrafts);
  const fields = selectedFields(operation.selectionSet, 'Query', scope);
  const data = fields && jsonObject(fields, (field) => ROOT_FIELDS[field.name]?.(st, '', field));
  if (data === null) return null;
  return {
    sql: `${PREPARED_SQL_MARKER}SELECT ${data}::text AS data`,
    params: st.values,
  };
}
