// Compiled reads: a query over the common read shapes (the statements list, a statement, a source
// by id or URL with its cited passages, search, timelines) becomes one SQL statement in which
// PostgreSQL builds the whole `data` object as JSON, with the same visibility rules, ids, cursors,
// dates and orders as the resolvers. Whatever it does not know (another field, argument or type,
// a fragment on an interface, a directive, a later page) returns null, and the resolvers answer
// instead; compiled-reads.int.test.ts runs operations both ways and requires the same answer.
import type { OperationDefinitionNode } from 'graphql';
import { PREPARED_SQL_MARKER } from '../db/prepared.ts';
import { normalizeUrl } from '../sources/url.ts';
import { search } from './search.ts';
import { type SelectionScope, selectedFields } from './selection.ts';
import {
  connectionSql,
  type FieldSql,
  idOf,
  jsonObject,
  recordSql,
  SqlBuilder,
  type TypeSpec,
} from './sql-builder.ts';
import { timeline } from './timeline.ts';
import { SOURCE, STATEMENT } from './types.ts';

export interface CompiledQuery {
  sql: string;
  params: unknown[];
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

const ROOT_FIELDS: Record<string, FieldSql> = {
  timeline,
  search,
  statements: (st, _alias, field) =>
    connectionSql(st, field, STATEMENT, {
      where: (s) => st.visible(s),
      // statementOrderBy's default: the most recent first, undated last.
      order: (s) => `${s}."saidOn" DESC NULLS LAST, ${s}.id DESC`,
    }),
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
