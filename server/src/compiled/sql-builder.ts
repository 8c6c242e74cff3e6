// The SQL that builds JSON for the compiled reads (compile.ts): one statement's parameters,
// aliases and visibility rule, objects of selected fields, Relay pages, records by id and by a
// union's type. Every builder returns null for what it cannot compile.
import { SqlParams } from '../db/sql-params.ts';
import { visibleCitationCondition, visibleCondition } from '../db/sql-visibility.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../schema/builder.ts';
import { decodeGlobalId } from '../schema/global-id.ts';
import {
  type SelectedField,
  type SelectionScope,
  selectedFields,
  type UnionType,
} from './selection.ts';

/** Builds one SQL statement: its parameters, table aliases and the viewer's visibility rule. */
export class SqlBuilder extends SqlParams {
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

  /** The twin of citation.schema.ts's visibleCitationWhere: the passage, its source and target. */
  visibleCitation(c: string): string {
    return visibleCitationCondition(c, this.includeDrafts);
  }
}

export type FieldSql = (st: SqlBuilder, alias: string, field: SelectedField) => string | null;

export interface TypeSpec {
  typename: string;
  table: string;
  fields: Record<string, FieldSql>;
}

/** Base64 of a text, as Buffer's: without the line breaks PostgreSQL puts every 76 characters. */
export const base64Sql = (text: string) =>
  `replace(encode(convert_to(${text}, 'UTF8'), 'base64'), E'\\n', '')`;

/**
 * Base64url without padding, as Buffer's 'base64url': the timeline's cursors. (Global ids are
 * stored on their rows instead: migration stored_global_ids, whose citeline_global_id encodes
 * the same way once, when a row is written.) Two `replace`s, not `translate`, which maps
 * character by character: 100,000 statement ids in 88 ms against 166-213 ms, of which their
 * text alone takes 79 ms.
 */
export const base64urlSql = (text: string) =>
  `rtrim(replace(replace(${base64Sql(text)}, '+', '-'), '/', '_'), '=')`;

/** A field without arguments or a selection of its own. */
export const leaf =
  (sql: FieldSql): FieldSql =>
  (st, alias, field) =>
    field.selectionSet || Object.keys(field.args).length ? null : sql(st, alias, field);

/** json_build_object takes at most 100 arguments. */
const MAX_FIELDS = 50;

/**
 * A JSON object of the selected fields, or null as soon as one of them cannot be compiled.
 * Response keys go into the SQL as string literals: GraphQL names and aliases are
 * [_A-Za-z][_0-9A-Za-z]* (the parser refuses anything else), so they cannot close a quote. Every
 * value a client sends is a parameter; page sizes are validated integers.
 */
export function jsonObject(
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
export function isPageSize(first: unknown): first is number {
  return Number.isInteger(first) && (first as number) >= 1 && (first as number) <= MAX_PAGE_SIZE;
}

/** `first` as the Prisma connections take it, or null for what only the resolvers answer. */
export function pageSize(args: Record<string, unknown>): number | null {
  const { first = DEFAULT_PAGE_SIZE, ...others } = args;
  if (Object.keys(others).length) return null; // after, before, last, filter, orderBy
  return isPageSize(first) ? first : null;
}

/** A page of a connection: its rows, how they are ordered, and what each edge shows. */
export interface PageSource {
  /**
   * A SELECT of at most first + 1 rows, with an `id` column; read once the selection is
   * compiled, so that it can leave out what nothing selected.
   */
  rows: () => string;
  /** ORDER BY over the page's alias. */
  order: (alias: string) => string;
  /** totalCount, as an aggregate over the page's rows or an independent subquery. */
  totalCount: (page: string) => string;
  /**
   * An edge's cursor: the text it encodes, from the page's row, and how it is encoded. Apart, so
   * that pageInfo's cursors encode only the row they keep, not every row of the page.
   */
  cursor: { text: (page: string) => string; encode: (text: string) => string };
  node: (page: string, field: SelectedField) => string | null;
  /** PageInfo's cursors where the connection has its own (offset connections). */
  pageCursors?: (page: string) => { startCursor: string; endCursor: string };
}

/** The fields selected under `field` as a `typeName`; null if it has arguments or is not compilable. */
export function fieldsUnder(
  st: SqlBuilder,
  field: SelectedField,
  typeName: string,
): SelectedField[] | null {
  return Object.keys(field.args).length
    ? null
    : selectedFields(field.selectionSet, typeName, st.scope);
}

/** A forward page of a Relay connection: one row whatever is selected. */
export function pageSql(
  st: SqlBuilder,
  field: SelectedField,
  first: number,
  source: PageSource,
): string | null {
  const fields = selectedFields(field.selectionSet, 'Connection', st.scope);
  if (fields === null) return null;
  const row = st.alias();
  const page = st.alias();
  const onPage = `FILTER (WHERE ${page}.rn <= ${first})`;

  const edges = (selected: SelectedField) => {
    const edgeFields = fieldsUnder(st, selected, 'Edge');
    const edge =
      edgeFields &&
      jsonObject(edgeFields, (part) => {
        if (part.name === 'cursor') return source.cursor.encode(source.cursor.text(page));
        if (part.name === 'node') return source.node(page, part);
        return null;
      });
    return edge && `coalesce(json_agg(${edge} ORDER BY ${page}.rn) ${onPage}, '[]'::json)`;
  };

  const pageInfo = (selected: SelectedField) => {
    const infoFields = fieldsUnder(st, selected, 'PageInfo');
    const cursor = (direction: 'ASC' | 'DESC') =>
      source.cursor.encode(
        `(array_agg(${source.cursor.text(page)} ORDER BY ${page}.rn ${direction}) ${onPage})[1]`,
      );
    const values: Record<string, string> = {
      hasNextPage: `count(*) > ${first}`,
      hasPreviousPage: 'false',
      startCursor: cursor('ASC'),
      endCursor: cursor('DESC'),
      ...source.pageCursors?.(page),
    };
    return (
      infoFields && jsonObject(infoFields, (part) => (part.selectionSet ? null : values[part.name]))
    );
  };

  const object = jsonObject(fields, (selected) => {
    if (selected.name === 'totalCount') return source.totalCount(page);
    if (selected.name === 'edges') return edges(selected);
    if (selected.name === 'pageInfo') return pageInfo(selected);
    return null;
  });
  // GROUP BY (): every value is an aggregate over the page.
  return (
    object &&
    `(SELECT ${object} FROM (
      SELECT ${row}.*, row_number() OVER (ORDER BY ${source.order(row)}) AS rn FROM (${source.rows()}) ${row}
    ) ${page} GROUP BY ())`
  );
}

/**
 * A connection over the rows of `node`'s table that `where` selects, as Pothos's
 * prismaConnection shapes it (cursor: 'id').
 */
export function connectionSql(
  st: SqlBuilder,
  field: SelectedField,
  node: TypeSpec,
  rows: { where: (alias: string) => string; order: (alias: string) => string },
): string | null {
  const first = pageSize(field.args);
  if (first === null) return null;
  const { table } = node;
  const alias = st.alias();
  const where = rows.where(alias);
  const { order } = rows;
  return pageSql(st, field, first, {
    // The page's keys, then its rows: the keys can come from an index alone (a source's
    // citations do), and the planner, which cannot tell a source with thousands of citations
    // from the average, would otherwise sort every row it finds to keep a page of them.
    rows: () => {
      const keys = st.alias();
      const row = st.alias();
      return `SELECT ${row}.* FROM (SELECT ${alias}.id FROM ${table} ${alias} WHERE ${where} ORDER BY ${order(alias)} LIMIT ${first + 1}) ${keys} JOIN ${table} ${row} ON ${row}.id = ${keys}.id`;
    },
    order,
    totalCount: () => `(SELECT count(*)::int FROM ${table} ${alias} WHERE ${where})`,
    // Pothos's cursor for `cursor: 'id'`: base64 of "GPC:S:<id>".
    cursor: { text: (page) => `'GPC:S:' || ${page}.id::text`, encode: base64Sql },
    node: (page, selected) => objectSql(st, node, page, selected),
  });
}

export function objectSql(
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

/** One record by a condition on its table, or null when the viewer may not see it. */
export function recordSql(
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
export function idOf(value: unknown, typename: string): string | null {
  if (typeof value !== 'string') return null;
  try {
    const decoded = decodeGlobalId(value);
    return decoded.typename === typename ? decoded.id : null;
  } catch {
    return null;
  }
}

/** A record of a union by a page row's type and id: a CASE over the union's members. */
export function unionRecordSql(
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
