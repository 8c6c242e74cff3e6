// The record types the compiled reads know, field by field: each field's SQL, or null where only
// the resolvers answer (arguments, fields computed in JavaScript).
import { connectionSql, type FieldSql, leaf, objectSql, type TypeSpec } from './sql-builder.ts';

const column =
  (name: string, cast = ''): FieldSql =>
  (_st, alias) =>
    `${alias}."${name}"${cast}`;

/**
 * The record's global id, as encodeGlobalId writes it, stored on its row by a trigger (migration
 * stored_global_ids): encoding it here cost PostgreSQL about 1.3 µs per row under load.
 */
const globalId = leaf(column('globalId'));

/**
 * formatPartialDate (shared/partial-date.ts): the date at its precision, null without both. The
 * start of the date's text, YYYY-MM-DD in the ISO DateStyle every connection sets (db/client.ts),
 * rather than to_char, which parses its pattern on every call: 0.35 ms of the 3.4 ms the
 * benchmark's Q1 statement takes, for its 178 dates.
 */
const partialDate =
  (date: string, precision: string): FieldSql =>
  (_st, alias) =>
    `left(${alias}."${date}"::text, CASE ${alias}."${precision}" WHEN 'YEAR' THEN 4 WHEN 'MONTH' THEN 7 WHEN 'DAY' THEN 10 END)`;

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
      : `coalesce((SELECT json_agg(${object} ORDER BY ${c}."sourceId", ${c}.start, ${c}.id) FROM "Citation" ${c} WHERE ${c}."${foreignKey}" = ${alias}.id AND ${st.visibleCitation(c)}), '[]'::json)`;
  };

export const ACTOR: TypeSpec = {
  typename: 'Actor',
  table: '"Actor"',
  fields: {
    id: globalId,
    name: leaf(column('name')),
    kind: leaf(column('kind', '::text')),
    country: leaf(column('country')),
    wikidataId: leaf(column('wikidataId')),
    version: leaf(column('version')),
  },
};

export const EVENT: TypeSpec = {
  typename: 'Event',
  table: '"Event"',
  fields: {
    id: globalId,
    title: leaf(column('title')),
    kind: leaf(column('kind', '::text')),
    summary: leaf(column('summary')),
    place: leaf(column('place')),
    startDate: leaf(partialDate('startOn', 'startPrecision')),
    endDate: leaf(partialDate('endOn', 'endPrecision')),
    version: leaf(column('version')),
  },
};

export const SOURCE: TypeSpec = {
  typename: 'Source',
  table: '"Source"',
  fields: {
    id: globalId,
    title: leaf(column('title')),
    kind: leaf(column('kind', '::text')),
    url: leaf(column('url')),
    outlet: leaf(column('outlet')),
    archiveUrl: leaf(column('archiveUrl')),
    language: leaf(column('language')),
    publishedOn: leaf(partialDate('publishedOn', 'publishedPrecision')),
    publishedOnPrecision: leaf(column('publishedPrecision', '::text')),
    version: leaf(column('version')),
    citations: (st, alias, field) =>
      connectionSql(st, field, CITATION, {
        where: (c) => `${c}."sourceId" = ${alias}.id AND ${st.visibleCitation(c)}`,
        order: (c) => `${c}.start, ${c}.id`,
      }),
  },
};

export const STATEMENT: TypeSpec = {
  typename: 'Statement',
  table: '"Statement"',
  fields: {
    id: globalId,
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

export const CITATION: TypeSpec = {
  typename: 'Citation',
  table: '"Citation"',
  fields: {
    id: globalId,
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
