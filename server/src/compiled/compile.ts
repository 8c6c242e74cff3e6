// Compiled reads: a query over the common read shapes (the statements list, a statement, a source
// by id or URL with its cited passages) becomes one SQL statement in which PostgreSQL builds the
// whole `data` object as JSON, with the same visibility rules, ids, cursors, dates and orders as
// the resolvers. Whatever it does not know (another field, argument or type, a fragment on an
// interface, a directive, a later page) returns null, and the resolvers answer instead;
// compiled-reads.int.test.ts runs operations both ways and requires the same answer.
import type { OperationDefinitionNode } from 'graphql';
import { PREPARED_SQL_MARKER } from '../db/prepared.ts';
import { visibleCondition } from '../db/sql-visibility.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../schema/builder.ts';
import { decodeGlobalId } from '../schema/global-id.ts';
import { normalizeUrl } from '../sources/url.ts';
import { type SelectedField, type SelectionScope, selectedFields } from './selection.ts';

export interface CompiledQuery {
  sql: string;
  params: unknown[];
}

/** Builds one SQL statement: its parameters, table aliases and the viewer's visibility rule. */
class SqlBuilder {
  readonly params: unknown[] = [];
  private aliases = 0;
  constructor(
    readonly scope: SelectionScope,
    private readonly includeDrafts: boolean,
  ) {}

  param(value: unknown, type: 'uuid' | 'text'): string {
    this.params.push(value);
    return `$${this.params.length}::${type}`;
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

const globalIdSql = (typename: string, column: string) =>
  `replace(rtrim(translate(encode(convert_to('${typename}:' || ${column}::text, 'UTF8'), 'base64'), '+/', '-_'), '='), E'\\n', '')`;

/** Pothos's cursor for `cursor: 'id'`: base64 of "GPC:S:<id>". */
const cursorSql = (column: string) =>
  `replace(encode(convert_to('GPC:S:' || ${column}::text, 'UTF8'), 'base64'), E'\\n', '')`;

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

/** `first` as the connections take it, or null for what only the resolvers answer. */
function pageSize(args: Record<string, unknown>): number | null {
  const { first = DEFAULT_PAGE_SIZE, ...others } = args;
  if (Object.keys(others).length) return null; // after, before, last, filter, orderBy
  return Number.isInteger(first) && (first as number) >= 1 && (first as number) <= MAX_PAGE_SIZE
    ? (first as number)
    : null;
}

interface ConnectionSource {
  table: string;
  alias: string;
  where: string;
  /** ORDER BY over the connection's alias. */
  order: (alias: string) => string;
  node: TypeSpec;
}

/** A forward page of a Relay connection, as Pothos's prismaConnection shapes it. */
function connectionSql(
  st: SqlBuilder,
  field: SelectedField,
  source: ConnectionSource,
): string | null {
  const first = pageSize(field.args);
  const fields = first === null ? null : selectedFields(field.selectionSet, 'Connection', st.scope);
  if (first === null || fields === null) return null;
  const row = st.alias();
  const page = st.alias();
  const { table, alias, where, order } = source;
  const object = jsonObject(fields, (selected) => {
    if (selected.name === 'totalCount') {
      return `(SELECT count(*)::int FROM ${table} ${alias} WHERE ${where})`;
    }
    if (selected.name === 'edges') return edgesSql(st, selected, source, page, first);
    if (selected.name === 'pageInfo') return pageInfoSql(st, selected, page, first);
    return null;
  });
  if (object === null) return null;
  // One row whatever is selected (GROUP BY (): every value is an aggregate over the page).
  return `(SELECT ${object} FROM (
      SELECT ${row}.*, row_number() OVER (ORDER BY ${order(row)}) AS rn FROM (
        SELECT ${alias}.* FROM ${table} ${alias} WHERE ${where}
        ORDER BY ${order(alias)} LIMIT ${first + 1}
      ) ${row}
    ) ${page} GROUP BY ())`;
}

function edgesSql(
  st: SqlBuilder,
  field: SelectedField,
  source: ConnectionSource,
  page: string,
  first: number,
): string | null {
  const fields = selectedFields(field.selectionSet, 'Edge', st.scope);
  if (fields === null || Object.keys(field.args).length) return null;
  const edge = jsonObject(fields, (selected) => {
    if (selected.name === 'cursor') return cursorSql(`${page}.id`);
    if (selected.name === 'node') return objectSql(st, source.node, page, selected);
    return null;
  });
  return edge === null
    ? null
    : `coalesce(json_agg(${edge} ORDER BY ${page}.rn) FILTER (WHERE ${page}.rn <= ${first}), '[]'::json)`;
}

function pageInfoSql(
  st: SqlBuilder,
  field: SelectedField,
  page: string,
  first: number,
): string | null {
  const fields = selectedFields(field.selectionSet, 'PageInfo', st.scope);
  if (fields === null || Object.keys(field.args).length) return null;
  const cursors = (direction: 'ASC' | 'DESC') =>
    `(array_agg(${cursorSql(`${page}.id`)} ORDER BY ${page}.rn ${direction}) FILTER (WHERE ${page}.rn <= ${first}))[1]`;
  const values: Record<string, string> = {
    hasNextPage: `count(*) > ${first}`,
    hasPreviousPage: 'false',
    startCursor: cursors('ASC'),
    endCursor: cursors('DESC'),
  };
  return jsonObject(fields, (selected) => (selected.selectionSet ? null : values[selected.name]));
}

function objectSql(
  st: SqlBuilder,
  spec: TypeSpec,
  alias: string,
  field: SelectedField,
): string | null {
  const fields = selectedFields(field.selectionSet, spec.typename, st.scope);
  if (fields === null) return null;
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
      return connectionSql(st, field, {
        table: '"Citation"',
        alias: c,
        where: `${c}."sourceId" = ${alias}.id AND ${st.visibleCitation(c, 'source')}`,
        order: (a) => `${a}.start, ${a}.id`,
        node: CITATION,
      });
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
    return recordSql(st, spec, field, (a) => `${a}.id = ${st.param(id, 'uuid')}`);
  };

const ROOT_FIELDS: Record<string, FieldSql> = {
  statements: (st, _alias, field) => {
    const s = st.alias();
    return connectionSql(st, field, {
      table: '"Statement"',
      alias: s,
      where: st.visible(s),
      // statementOrderBy's default: the most recent first, undated last.
      order: (a) => `${a}."saidOn" DESC NULLS LAST, ${a}.id DESC`,
      node: STATEMENT,
    });
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
        `EXISTS (SELECT 1 FROM "SourceUrl" u WHERE u."sourceId" = ${a}.id AND u."normalizedUrl" = ${st.param(normalized, 'text')})`,
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
    params: st.params,
  };
}
