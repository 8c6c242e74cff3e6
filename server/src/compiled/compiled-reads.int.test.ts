// The compiled read path against the resolvers: the same operations, for anonymous clients and
// signed-in viewers, on the seed corpus plus records each rule of visibility hides (drafts,
// deleted rows, a draft speaker, a deleted event, a draft source), must give the same answer, in
// one SQL statement when compiled.
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../app.ts';
import type { Viewer } from '../schema/context.ts';
import { encodeGlobalId } from '../schema/global-id.ts';
import { loadCorpus } from '../seed/load-corpus.ts';
import { normalizeUrl } from '../sources/url.ts';
import { createTestApi, EDITOR, type TestApi, VIEWER } from '../test/api.ts';
import {
  makeActor,
  makeCitation,
  makeEvent,
  makeSource,
  makeStatement,
} from '../test/factories.ts';

let api: TestApi;
let resolvers: App;
const ids: Record<string, string> = {};

const STATEMENT_FIELDS = `id text kind rank channel speakerTitle saidOn saidOnPrecision version
  speaker { id name kind country } event { id title kind startDate endDate place }
  citations { id exact prefix suffix start end role anchorStatus note
    source { id title url publishedOn publishedOnPrecision } statement { id } event { id title } }`;

/** Each operation with the variable sets to run it with (one empty set when it takes none). */
const OPERATIONS: Record<string, { query: string; variables?: () => Record<string, unknown>[] }> = {
  'the statement list (Q1)': {
    query: `query ($first: Int!) { statements(first: $first) {
      edges { cursor node { ${STATEMENT_FIELDS} } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } }`,
    variables: () => [{ first: 50 }],
  },
  'a short page with aliases, fragments and __typename': {
    query: `query { list: statements(first: 3) { total: totalCount
        edges { node { ...Said __typename } } info: pageInfo { more: hasNextPage endCursor } } }
      fragment Said on Statement { words: text ... on Statement { who: speaker { name __typename } } }`,
  },
  'the default page size': {
    query: '{ statements { edges { node { id } } pageInfo { hasNextPage } } }',
  },
  'citations by URL (Q2), each source of the corpus and a draft one': {
    query: `query ($url: String!) { sourceByUrl(url: $url) { id title url publishedOn kind outlet
      language archiveUrl version citations(first: 100) { totalCount edges { cursor node {
        id exact start end statement { id text speaker { id name } } event { id title } } }
      pageInfo { hasNextPage endCursor } } } }`,
    variables: () => urls.map((url) => ({ url })),
  },
  'a page of a source citations': {
    query: `query ($url: String!) { sourceByUrl(url: $url) { citations(first: 2) {
      edges { node { id start } } pageInfo { hasNextPage startCursor endCursor } } } }`,
    variables: () => urls.map((url) => ({ url })),
  },
  'records by id': {
    query: `query ($statement: ID!, $draft: ID!, $deleted: ID!, $source: ID!) {
      statement(id: $statement) { ${STATEMENT_FIELDS} }
      draft: statement(id: $draft) { id text }
      deleted: statement(id: $deleted) { id }
      source(id: $source) { id title citations(first: 5) { totalCount } } }`,
    variables: () => [
      {
        statement: ids.speakerDraft,
        draft: ids.draftStatement,
        deleted: ids.deletedStatement,
        source: ids.draftSource,
      },
    ],
  },
  'actor timelines, with events and statements': {
    query: `query ($actor: ID!) { timeline(actor: $actor, first: 3) { totalCount
      edges { cursor node { __typename ... on Event { id title kind startDate endDate place }
        ... on Statement { id text saidOn speaker { id name } event { title } } } }
      pageInfo { hasNextPage endCursor } } }`,
    variables: () => timelines.actors.map((actor) => ({ actor })),
  },
  'later pages of actor timelines': {
    query: `query ($actor: ID!, $after: String!) { timeline(actor: $actor, first: 2, after: $after) {
      edges { cursor node { ... on Statement { text } } } pageInfo { hasNextPage } } }`,
    variables: () => timelines.laterPages,
  },
  'topic timelines within dates': {
    query: `query ($topic: ID!) { timeline(topic: $topic, from: "2023-09-20", to: "2025") {
      totalCount edges { node { ... on Event { title startDate } ... on TimelineItem { __typename } } } } }`,
    variables: () => timelines.topics.map((topic) => ({ topic })),
  },
  'search over every type, with snippets': {
    query: `query ($q: String!, $first: Int) { search(query: $q, first: $first) { totalCount
      edges { cursor node { __typename score snippet { text highlights { start end } }
        record { __typename ... on Source { id title url publishedOn } ... on Statement { id text
          saidOn speaker { id name } } ... on Event { id title startDate } ... on Actor { id name kind } } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
    variables: () => SEARCHES.map((q) => ({ q, first: 5 })),
  },
  'search over statements (Q3) and sources (Q4)': {
    query: `query ($q: String!) {
      statements: search(query: $q, types: [STATEMENT], first: 20) { totalCount
        edges { node { record { ... on Statement { id text saidOn speaker { id name } } } } } }
      sources: search(query: $q, types: [SOURCE, EVENT]) { totalCount
        edges { node { snippet { text highlights { start end } }
          record { ... on Source { id title url publishedOn } } } } } }`,
    variables: () => SEARCHES.map((q) => ({ q })),
  },
};

/** Words, a phrase, an exclusion, a draft's words and words in no record. */
const SEARCHES = [
  'Cambodia',
  'Hun Manet',
  '"military exercises"',
  'defence -minister',
  'border reopen',
  'zzyzx',
];

/** Actor and topic ids of the corpus and the records added below, and timeline cursors. */
const timelines = {
  actors: [] as string[],
  topics: [] as string[],
  laterPages: [] as { actor: string; after: string }[],
};

/** URLs of the corpus's sources, the draft source's and one that is in no record. */
const urls: string[] = [];

beforeAll(async () => {
  api = await createTestApi();
  const { prisma } = api;
  await loadCorpus(prisma);
  resolvers = await buildApp({ prisma, compiledReads: false });
  // The corpus's articles name no URL: give each one here, to look them up by it.
  const corpusSources = await prisma.source.findMany({ select: { id: true } });
  for (const [index, source] of corpusSources.entries()) {
    const url = `https://example.org/corpus/${index}`;
    await prisma.sourceUrl.create({
      data: { sourceId: source.id, url, normalizedUrl: normalizeUrl(url) },
    });
    urls.push(url);
  }
  urls.push('https://example.org/draft-source', 'https://example.org/not-in-the-record');

  // What each visibility rule hides, next to the published corpus.
  const draftActor = await makeActor(prisma, { name: 'Draft Speaker', status: 'DRAFT' });
  const speaker = await makeActor(prisma, { name: 'Visible Speaker', country: 'KH' });
  const deletedEvent = await makeEvent(prisma, { title: 'Deleted event', deletedAt: new Date() });
  const draftSource = await makeSource(prisma, {
    title: 'A draft source',
    status: 'DRAFT',
    url: 'https://example.org/draft-source',
    urls: {
      create: [
        { url: 'https://example.org/draft-source', normalizedUrl: 'example.org/draft-source' },
      ],
    },
    body: 'The minister said the border would reopen. Later, the governor disagreed.',
    publishedOn: new Date('2025-03-01'),
    publishedPrecision: 'MONTH',
  });
  const bySpeakerDraft = await makeStatement(prisma, {
    speakerId: draftActor.id,
    eventId: deletedEvent.id,
    text: 'Said by a draft speaker at a deleted event',
    saidOn: new Date('2099-01-01'),
    saidPrecision: 'YEAR',
  });
  const draftStatement = await makeStatement(prisma, {
    speakerId: speaker.id,
    text: 'A draft statement',
    status: 'DRAFT',
    saidOn: null,
    saidPrecision: null,
  });
  const deletedStatement = await makeStatement(prisma, {
    speakerId: speaker.id,
    text: 'A deleted statement',
    deletedAt: new Date(),
  });
  await makeCitation(prisma, draftSource, 'the border would reopen', {
    statementId: bySpeakerDraft.id,
  });
  await makeCitation(prisma, draftSource, 'the governor disagreed', {
    statementId: draftStatement.id,
  });
  await makeCitation(prisma, draftSource, 'The minister said', {
    statementId: deletedStatement.id,
  });
  await makeCitation(
    prisma,
    draftSource,
    'Later',
    { statementId: bySpeakerDraft.id },
    { deletedAt: new Date() },
  );
  const [actors, topics] = await Promise.all([
    prisma.actor.findMany({ select: { id: true } }),
    prisma.topic.findMany({ select: { id: true } }),
  ]);
  timelines.actors = actors.map((actor) => encodeGlobalId('Actor', actor.id));
  timelines.topics = topics.map((topic) => encodeGlobalId('Topic', topic.id));
  for (const actor of timelines.actors) {
    const first = await resolvers.execute(
      'query ($actor: ID!) { timeline(actor: $actor, first: 1) { pageInfo { endCursor } } }',
      { actor },
      EDITOR,
    );
    const after = (first.data as { timeline: { pageInfo: { endCursor: string | null } } }).timeline
      .pageInfo.endCursor;
    if (after) timelines.laterPages.push({ actor, after });
  }
  Object.assign(ids, {
    speakerDraft: encodeGlobalId('Statement', bySpeakerDraft.id),
    draftStatement: encodeGlobalId('Statement', draftStatement.id),
    deletedStatement: encodeGlobalId('Statement', deletedStatement.id),
    draftSource: encodeGlobalId('Source', draftSource.id),
  });
}, 120_000);

const VIEWERS: [string, Viewer | null][] = [
  ['anonymous', null],
  ['a viewer', VIEWER],
  ['an editor', EDITOR],
];

describe.each(VIEWERS)('compiled reads, as %s', (_name, viewer) => {
  it.each(Object.entries(OPERATIONS))('answers %s as the resolvers do', async (_op, operation) => {
    const answers: string[] = [];
    for (const variables of operation.variables?.() ?? [{}]) {
      const compiled = await api.execute(operation.query, variables, viewer);
      answers.push(JSON.stringify(compiled.data));
      const sent = api.lastQueries();
      const expected = await resolvers.execute(operation.query, variables, viewer);
      expect(compiled).toEqual(expected);
      expect(compiled.errors).toBeUndefined();
      // One statement, built by PostgreSQL.
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatch(/^\/\* prepared \*\/ SELECT json_build_object/);
    }
    // Something to compare: records, not only empty pages and nulls.
    expect(answers.join()).toMatch(/"(id|text|title|name)":"/);
  });
});

// Over HTTP the statement's JSON text is sent as it is, not parsed and serialised again.
describe('compiled reads over HTTP', () => {
  it.each(Object.entries(OPERATIONS))('answers %s as in-process', async (_op, operation) => {
    for (const variables of operation.variables?.() ?? [{}]) {
      const { status, ...sent } = await api.http(operation.query, variables);
      expect(api.lastQueries()).toHaveLength(1);
      expect(status).toBe(200);
      expect(sent).toEqual(await api.execute(operation.query, variables, null));
      // PostgreSQL's own spacing (`"key" : value`): the text was not serialised again.
      const { port } = api.app.server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: operation.query, variables }),
      });
      const text = await response.text();
      expect(text).toMatch(/^\{"data":\{"\w+" : /);
      // In bytes, not characters: the corpus's text has curly quotes and dashes.
      expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    }
  });
});

describe('what the compiled path leaves to the resolvers', () => {
  it.each([
    [
      'a filter',
      '{ statements(first: 2, filter: { kind: DIRECT_QUOTE }) { edges { node { id } } } }',
    ],
    ['a later page', '{ statements(first: 2, after: "R1BDOlM6eA==") { edges { node { id } } } }'],
    [
      'a field it does not compile',
      '{ statements(first: 2) { edges { node { id topics { slug } } } } }',
    ],
    ['a page too large', '{ statements(first: 500) { edges { node { id } } } }'],
    ['a directive', '{ statements(first: 2) { edges { node { id @include(if: true) } } } }'],
    ['an invalid id', '{ statement(id: "nope") { id } }'],
  ])('%s', async (_name, query) => {
    const answered = await api.execute(query, {}, EDITOR);
    expect(api.lastQueries().some((sql) => sql.includes('SELECT json_build_object'))).toBe(false);
    expect(answered).toEqual(await resolvers.execute(query, {}, EDITOR));
  });

  it('pages on from a compiled page’s cursor', async () => {
    const query = `query ($after: String) { statements(first: 2, after: $after) {
      edges { node { id } } pageInfo { endCursor } } }`;
    type Page = {
      statements: { edges: { node: { id: string } }[]; pageInfo: { endCursor: string } };
    };
    const first = (await api.execute(query, {})).data as Page;
    const next = (await api.execute(query, { after: first.statements.pageInfo.endCursor }))
      .data as Page;
    const both = (await resolvers.execute(query.replace('first: 2', 'first: 4'), {})).data as Page;
    expect([...first.statements.edges, ...next.statements.edges]).toEqual(both.statements.edges);
  });
});
