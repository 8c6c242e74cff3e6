// Compiled reads: a query over the common read shapes (the statements list, a statement, a source
// by id or URL with its cited passages) becomes one SQL statement in which PostgreSQL builds the
// whole `data` object as JSON, with the same visibility rules, ids, cursors, dates and orders as
// the resolvers. Whatever it does not know (another field, argument or type, a fragment on an
// interface, a directive, a later page) returns null, and the resolvers answer instead;
// compiled-reads.int.test.ts runs operations both ways and requires the same answer.
import type { OperationDefinitionNode } from 'graphql';
import { PREPARED_SQL_MARKER } from '../db/prepared.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../schema/builder.ts';
import { decodeGlobalId } from '../schema/global-id.ts';
import { normalizeUrl } from '../sources/url.ts';
import { type SelectedField, type SelectionScope, selectedFields } from './selection.ts';

export interface CompiledQuery {
  sql: string;
  params: unknown[];
}

/** Builds one statement: its parameters, table aliases and the viewer's visibility rule. */
class Statement {
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

  /** The SQL twin of visibleWhere (schema/visibility.ts). */
  visible(alias: string): string {
    return this.includeDrafts
      ? `${alias}."deletedAt" IS NULL`
      : `${alias}."deletedAt" IS NULL AND ${alias}.status = 'PUBLISHED'`;
  }

  /**
   * The twin of citation.schema.ts's visibleCitationWhere: the passage, its source and target.
   * Citations listed under a record are joined to it, and every record compiled here is checked
   * for visibility where it is selected: the side they hang from needs no second look.
   */
  visibleCitation(c: string, under: 'source' | 'target'): string {
    const [source, statement, event] = [this.alias(), this.alias(), this.alias()];
    const conditions = [this.visible(c)];
    if (under !== 'source') {
      conditions.push(
        `EXISTS (SELECT 1 FROM "Source" ${source} WHERE ${source}.id = ${c}."sourceId" AND ${this.visible(source)})`,
      );
    }
    if (under !== 'target') {
      conditions.push(`(EXISTS (SELECT 1 FROM "Statement" ${statement} WHERE ${statement}.id = ${c}."statementId" AND ${this.visible(statement)})
        OR EXISTS (SELECT 1 FROM "Event" ${event} WHERE ${event}.id = ${c}."eventId" AND ${this.visible(event)}))`);
    }
    return conditions.join(' AND ');
  }
}

type FieldSql = (st: Statement, alias: string, field: SelectedField) => string | null;

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
    const target = st.alias();
    const object = objectSql(st, spec(), target, field);
    return object === null
      ? null
      : `(SELECT ${object} FROM ${spec().table} ${target} WHERE ${target}.id = ${alias}."${foreignKey}" AND ${st.visible(target)})`;
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
  st: Statement,
  field: SelectedField,
  source: ConnectionSource,
): string | null {
  const first = pageSize(field.args);
  const fields = first === null ? null : selectedFields(field.selectionSet, 'Connection', st.scope);
  if (first === null || fields === null) return null;
  const row = st.alias();
  const page = st.alias();
  const entries: string[] = [];
  for (const selected of fields) {
    let value: string | null = null;
    if (selected.name === 'totalCount') {
      value = `(SELECT count(*)::int FROM ${source.table} ${source.alias} WHERE ${source.where})`;
    } else if (selected.name === 'edges') {
      value = edgesSql(st, selected, source, page, first);
    } else if (selected.name === 'pageInfo') {
      value = pageInfoSql(st, selected, page, first);
    }
    if (value === null) return null;
    entries.push(`'${selected.key}', ${value}`);
  }
  const { table, alias, where, order } = source;
  // One row whatever is selected (GROUP BY (): every value is an aggregate over the page).
  return `(SELECT json_build_object(${entries.join(', ')}) FROM (
      SELECT ${row}.*, row_number() OVER (ORDER BY ${order(row)}) AS rn FROM (
        SELECT ${alias}.* FROM ${table} ${alias} WHERE ${where}
        ORDER BY ${order(alias)} LIMIT ${first + 1}
      ) ${row}
    ) ${page} GROUP BY ())`;
}

function edgesSql(
  st: Statement,
  field: SelectedField,
  source: ConnectionSource,
  page: string,
  first: number,
): string | null {
  const fields = selectedFields(field.selectionSet, 'Edge', st.scope);
  if (fields === null || Object.keys(field.args).length) return null;
  const entries: string[] = [];
  for (const selected of fields) {
    let value: string | null = null;
    if (selected.name === 'cursor') value = cursorSql(`${page}.id`);
    else if (selected.name === 'node') value = objectSql(st, source.node, page, selected);
    if (value === null) return null;
    entries.push(`'${selected.key}', ${value}`);
  }
  return `coalesce(json_agg(json_build_object(${entries.join(', ')}) ORDER BY ${page}.rn) FILTER (WHERE ${page}.rn <= ${first}), '[]'::json)`;
}

function pageInfoSql(
  st: Statement,
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
  const entries: string[] = [];
  for (const selected of fields) {
    const value = values[selected.name];
    if (value === undefined || selected.selectionSet) return null;
    entries.push(`'${selected.key}', ${value}`);
  }
  return `json_build_object(${entries.join(', ')})`;
}

// Response keys go into the SQL as string literals: GraphQL names and aliases are
// [_A-Za-z][_0-9A-Za-z]* (the parser refuses anything else), so they cannot close a quote. Every
// value a client sends is a parameter; page sizes are validated integers.

/** json_build_object takes at most 100 arguments. */
const MAX_FIELDS = 50;

function objectSql(
  st: Statement,
  spec: TypeSpec,
  alias: string,
  field: SelectedField,
): string | null {
  const fields = selectedFields(field.selectionSet, spec.typename, st.scope);
  if (fields === null || fields.length === 0 || fields.length > MAX_FIELDS) return null;
  const entries: string[] = [];
  for (const selected of fields) {
    const build =
      selected.name === '__typename'
        ? leaf(() => `'${spec.typename}'`)
        : spec.fields[selected.name];
    const value = build?.(st, alias, selected) ?? null;
    if (value === null) return null;
    entries.push(`'${selected.key}', ${value}`);
  }
  return `json_build_object(${entries.join(', ')})`;
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
  st: Statement,
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
  statement: (st, _alias, field) => {
    const { id: value, ...others } = field.args;
    const id = idOf(value, 'Statement');
    if (id === null || Object.keys(others).length) return null;
    return recordSql(st, STATEMENT, field, (a) => `${a}.id = ${st.param(id, 'uuid')}`);
  },
  source: (st, _alias, field) => {
    const { id: value, ...others } = field.args;
    const id = idOf(value, 'Source');
    if (id === null || Object.keys(others).length) return null;
    return recordSql(st, SOURCE, field, (a) => `${a}.id = ${st.param(id, 'uuid')}`);
  },
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
  // Variables' defaults are not in the request's variables: leave such operations to graphql-js.
  if (operation.operation !== 'query') return null;
  if (operation.variableDefinitions?.some((definition) => definition.defaultValue)) return null;
  const st = new Statement(scope, includeDrafts);
  const fields = selectedFields(operation.selectionSet, 'Query', scope);
  if (fields === null || fields.length === 0) return null;
  const entries: string[] = [];
  for (const field of fields) {
    const value = ROOT_FIELDS[field.name]?.(st, '', field) ?? null;
    if (value === null) return null;
    entries.push(`'${field.key}', ${value}`);
  }
  return {
    sql: `${PREPARED_SQL_MARKER}SELECT json_build_object(${entries.join(', ')})::text AS data`,
    params: st.params,
  };
}
