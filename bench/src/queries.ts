// The benchmark's requests, written once per stack: Citeline's GraphQL, the equivalent
// PostGraphile GraphQL (its generated names, bench_api's functions for search and timelines),
// and the ceiling's route with its parameters. Same rows, fields, order and page sizes.
import type { Picks } from './dataset/bench-schema.ts';
import type { CeilingQuery } from './stacks/ceiling-sql.ts';

export type StackName = 'citeline' | 'postgraphile' | 'ceiling';
export const STACKS: StackName[] = ['citeline', 'postgraphile', 'ceiling'];

/** One HTTP request: a GraphQL operation or a ceiling route with its parameters. */
export interface Request {
  path: string;
  body: string;
}

export interface QuerySpec {
  id: string;
  title: string;
  /** Counted against the "at most 2 SQL statements" target. */
  read: boolean;
  /** Whether the p99 target (< 50 ms at 10 connections) applies. */
  p99Target: boolean;
  requests: Record<StackName, Request>;
}

const gql = (query: string, variables: Record<string, unknown>): Request => ({
  path: '/graphql',
  body: JSON.stringify({ query: query.replace(/\s+/g, ' ').trim(), variables }),
});
const ceiling = (name: CeilingQuery, values: unknown[]): Request => ({
  path: `/${name}`,
  body: JSON.stringify(values),
});

/** Citeline's timeline cursor: base64url of [date, kind, id]. */
export function citelineTimelineCursor(key: { date: string; kind: string; id: string }): string {
  return Buffer.from(JSON.stringify([key.date, key.kind, key.id])).toString('base64url');
}

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');

const PAGE_Q1 = 50;
const PAGE_Q2 = 100;
const PAGE_SEARCH = 20;
const PAGE_TIMELINE = 20;

const CITELINE_TIMELINE_NODE = `edges { cursor node { __typename ... on Event { id title startDate } ... on Statement { id text saidOn } } } pageInfo { hasNextPage endCursor }`;
const PGL_TIMELINE_NODE = `edges { cursor node { kind date rowId title text } } pageInfo { hasNextPage endCursor }`;

function q2(
  picks: Picks,
  which: 'typicalSource' | 'hotSource',
  id: string,
  title: string,
): QuerySpec {
  const source = picks[which];
  return {
    id,
    title: `${title} (${source.citations} citations), 100 per page`,
    read: true,
    p99Target: true,
    requests: {
      citeline: gql(
        `query Q2($url: String!, $first: Int!) { sourceByUrl(url: $url) { id title url publishedOn
          citations(first: $first) { totalCount edges { node { id exact start end
            statement { id text speaker { id name } } event { id title } } }
            pageInfo { hasNextPage endCursor } } } }`,
        { url: source.url, first: PAGE_Q2 },
      ),
      postgraphile: gql(
        `query Q2($url: String!, $first: Int!) { allSourceUrls(condition: { normalizedUrl: $url }, first: 1) {
          nodes { sourceBySourceId { id title url publishedOn
            citationsBySourceId(first: $first, orderBy: [START_ASC, ROW_ID_ASC]) { totalCount edges { node {
              id exact start end statementByStatementId { id text actorBySpeakerId { id name } }
              eventByEventId { id title } } } pageInfo { hasNextPage endCursor } } } } } }`,
        { url: source.normalizedUrl, first: PAGE_Q2 },
      ),
      ceiling: ceiling('q2', [source.normalizedUrl, PAGE_Q2]),
    },
  };
}

export function buildQueries(picks: Picks): QuerySpec[] {
  const actor = picks.heavyActor.id;
  const deep = picks.deepAfter;
  return [
    {
      id: 'Q1',
      title: 'Statement list: 50 newest with speaker, event, citations and their source',
      read: true,
      p99Target: true,
      requests: {
        citeline: gql(
          `query Q1($first: Int!) { statements(first: $first) { edges { node { id text kind saidOn
            speaker { id name } event { id title }
            citations { id exact start end source { id title url publishedOn } } } }
            pageInfo { hasNextPage endCursor } } }`,
          { first: PAGE_Q1 },
        ),
        postgraphile: gql(
          `query Q1($first: Int!) { allStatements(first: $first, orderBy: [SAID_ON_DESC, ROW_ID_DESC],
            condition: { status: PUBLISHED }) { edges { node { id text kind saidOn
            actorBySpeakerId { id name } eventByEventId { id title }
            citationsByStatementId(orderBy: [SOURCE_ID_ASC, START_ASC, ROW_ID_ASC]) { nodes { id exact start end
              sourceBySourceId { id title url publishedOn } } } } }
            pageInfo { hasNextPage endCursor } } }`,
          { first: PAGE_Q1 },
        ),
        ceiling: ceiling('q1', [PAGE_Q1]),
      },
    },
    q2(picks, 'typicalSource', 'Q2a', 'Source citations by URL, a typical source'),
    q2(picks, 'hotSource', 'Q2b', 'Source citations by URL, the most-cited source'),
    {
      id: 'Q3',
      title: `Full-text search over statements ("${picks.statementSearch.query}", ${picks.statementSearch.matches} matches), top 20 with speaker`,
      read: true,
      p99Target: true,
      requests: {
        citeline: gql(
          `query Q3($q: String!, $first: Int!) { search(query: $q, types: [STATEMENT], first: $first) { totalCount
            edges { node { record { ... on Statement { id text saidOn speaker { id name } } } } } } }`,
          { q: picks.statementSearch.query, first: PAGE_SEARCH },
        ),
        postgraphile: gql(
          `query Q3($q: String!, $first: Int!) { benchApiSearchStatements(query: $q, first: $first) { totalCount
            nodes { id text saidOn actorBySpeakerId { id name } } } }`,
          { q: picks.statementSearch.query, first: PAGE_SEARCH },
        ),
        ceiling: ceiling('q3', [picks.statementSearch.query, PAGE_SEARCH]),
      },
    },
    {
      id: 'Q4',
      title: `Full-text search over sources ("${picks.sourceSearch.query}", ${picks.sourceSearch.matches} matches), top 20 with snippets`,
      read: true,
      p99Target: false,
      requests: {
        citeline: gql(
          `query Q4($q: String!, $first: Int!) { search(query: $q, types: [SOURCE], first: $first) { totalCount
            edges { node { snippet { text highlights { start end } }
              record { ... on Source { id title url publishedOn } } } } } }`,
          { q: picks.sourceSearch.query, first: PAGE_SEARCH },
        ),
        postgraphile: gql(
          `query Q4($q: String!, $first: Int!) { benchApiSearchSources(query: $q, first: $first) { totalCount
            nodes { rowId title url publishedOn headline } } }`,
          { q: picks.sourceSearch.query, first: PAGE_SEARCH },
        ),
        ceiling: ceiling('q4', [picks.sourceSearch.query, PAGE_SEARCH]),
      },
    },
    {
      id: 'Q5a',
      title: `Actor timeline, first page (${picks.heavyActor.timelineItems} items)`,
      read: true,
      p99Target: true,
      requests: {
        citeline: gql(
          `query Q5($actor: ID!, $first: Int!) { timeline(actor: $actor, first: $first) { ${CITELINE_TIMELINE_NODE} } }`,
          { actor: globalId('Actor', actor), first: PAGE_TIMELINE },
        ),
        postgraphile: gql(
          `query Q5($actor: UUID!, $first: Int!, $lim: Int!) { benchApiActorTimeline(actor: $actor, lim: $lim, first: $first) { ${PGL_TIMELINE_NODE} } }`,
          { actor, first: PAGE_TIMELINE, lim: PAGE_TIMELINE + 1 },
        ),
        ceiling: ceiling('q5', [actor, null, null, null, PAGE_TIMELINE]),
      },
    },
    {
      id: 'Q5b',
      title: `Actor timeline, deep page via cursor (after item ${deep.offset})`,
      read: true,
      p99Target: true,
      requests: {
        citeline: gql(
          `query Q5($actor: ID!, $first: Int!, $after: String) { timeline(actor: $actor, first: $first, after: $after) { ${CITELINE_TIMELINE_NODE} } }`,
          {
            actor: globalId('Actor', actor),
            first: PAGE_TIMELINE,
            after: citelineTimelineCursor(deep),
          },
        ),
        postgraphile: gql(
          `query Q5($actor: UUID!, $first: Int!, $lim: Int!, $date: Date, $kind: String, $id: UUID) {
            benchApiActorTimeline(actor: $actor, lim: $lim, afterDate: $date, afterKind: $kind, afterId: $id, first: $first) { ${PGL_TIMELINE_NODE} } }`,
          {
            actor,
            first: PAGE_TIMELINE,
            lim: PAGE_TIMELINE + 1,
            date: deep.date,
            kind: deep.kind,
            id: deep.id,
          },
        ),
        ceiling: ceiling('q5', [actor, deep.date, deep.kind, deep.id, PAGE_TIMELINE]),
      },
    },
    {
      id: 'Q6',
      title: `Topic timeline with counts ("${picks.topic.slug}", ${picks.topic.timelineItems} items)`,
      read: true,
      p99Target: false,
      requests: {
        citeline: gql(
          `query Q6($topic: ID!, $first: Int!) { timeline(topic: $topic, first: $first) { totalCount ${CITELINE_TIMELINE_NODE} } }`,
          { topic: globalId('Topic', picks.topic.id), first: PAGE_TIMELINE },
        ),
        postgraphile: gql(
          `query Q6($topic: UUID!, $first: Int!) { benchApiTopicTimeline(topic: $topic, first: $first) { totalCount ${PGL_TIMELINE_NODE} } }`,
          { topic: picks.topic.id, first: PAGE_TIMELINE },
        ),
        ceiling: ceiling('q6', [picks.topic.id, PAGE_TIMELINE]),
      },
    },
  ];
}

/** W1: per connection, 9 reads of one statement then a versioned update of it. */
export interface WriteMix {
  read(stack: StackName, statementId: string): Request;
  write(stack: StackName, statementId: string, version: number, text: string): Request;
}

export const W1: WriteMix = {
  read: (stack, id) =>
    stack === 'citeline'
      ? gql(
          `query W1($id: ID!) { statement(id: $id) { id text version saidOn speaker { id name }
            citations { id exact source { id title } } } }`,
          { id: globalId('Statement', id) },
        )
      : stack === 'postgraphile'
        ? gql(
            `query W1($id: UUID!) { statementByRowId(rowId: $id) { id text version saidOn actorBySpeakerId { id name }
              citationsByStatementId(orderBy: [SOURCE_ID_ASC, START_ASC, ROW_ID_ASC]) { nodes { id exact sourceBySourceId { id title } } } } }`,
            { id },
          )
        : ceiling('w1read', [id]),
  write: (stack, id, version, text) =>
    stack === 'citeline'
      ? gql(
          `mutation W1($id: ID!, $version: Int!, $text: String!) {
            updateStatement(id: $id, expectedVersion: $version, input: { text: $text }) { id version } }`,
          { id: globalId('Statement', id), version, text },
        )
      : stack === 'postgraphile'
        ? gql(
            `mutation W1($id: UUID!, $version: Int!, $text: String!) {
              benchApiUpdateStatementText(input: { statementId: $id, expectedVersion: $version, newText: $text }) { result { id version } } }`,
            { id, version, text },
          )
        : ceiling('w1write', [id, version, text]),
};
