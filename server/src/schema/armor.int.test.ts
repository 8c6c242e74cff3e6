// Query limits over HTTP: documents that are too deep, too wide, too long or too costly are
// refused with a code and a message naming the limit, before any SQL runs; the README's own
// queries, at the largest page size, and a client's introspection query stay well inside them.
import { getIntrospectionQuery } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../test/api.ts';
import { QUERY_LIMITS } from './armor.ts';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
});

/** actor → statements → speaker → statements ...: `levels` round trips deep. */
function deepQuery(levels: number, leaf = 'name'): string {
  let inner = leaf;
  for (let level = 0; level < levels; level += 1) {
    inner = `statements(first: 1) { edges { node { speaker { ${inner} } } } }`;
  }
  return `{ actors(first: 1) { edges { node { ${inner} } } } }`;
}

const bombs: [string, string, string, RegExp][] = [
  [
    'one level too deep',
    deepQuery(2, 'positions { title }'),
    'GRAPHQL_VALIDATION_FAILED',
    /depth limit of 12 exceeded, found 13/,
  ],
  [
    'too many aliases',
    `{ ${Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: sources { totalCount }`).join(' ')} }`,
    'GRAPHQL_VALIDATION_FAILED',
    /Aliases limit of 15 exceeded/,
  ],
  [
    'too many tokens',
    `{ ${'__typename '.repeat(QUERY_LIMITS.maxTokens + 1)} }`,
    'GRAPHQL_PARSE_FAILED',
    /more tha[nt] 2000 tokens/, // sic: graphql-js says "more that",
  ],
  [
    'too many directives',
    `{ sources { totalCount ${'@include(if: true) '.repeat(QUERY_LIMITS.maxDirectives + 1)} } }`,
    'GRAPHQL_VALIDATION_FAILED',
    /Directives limit of 20 exceeded/,
  ],
  [
    'too costly (pages of pages)',
    `{ sources(first: 100) { edges { node { citations(first: 100) { edges { node {
        exact statement { text speaker { name } } } } } } } } }`,
    'GRAPHQL_VALIDATION_FAILED',
    /Cost limit of 50000 exceeded/,
  ],
  [
    'too costly through fragments',
    `query { ...A } fragment A on Query { sources(first: 100) { edges { node { ...B } } } }
     fragment B on Source { citations(first: 100) { edges { node { exact statement { text } } } } }`,
    'GRAPHQL_VALIDATION_FAILED',
    /Cost limit of 50000 exceeded/,
  ],
];

describe('a document over a limit', () => {
  it.each(bombs)(
    '%s: is refused with a code, HTTP 400 and no SQL',
    async (_name, query, code, message) => {
      const result = await api.http(query);
      expect(result.status).toBe(400);
      expect(result.data).toBeUndefined();
      const error = result.errors?.find((e) => message.test(e.message));
      expect(error, JSON.stringify(result.errors)).toBeDefined();
      expect(error?.extensions?.code).toBe(code);
      expect(error?.message).not.toMatch(/^Syntax Error: .*limit/);
      expect(api.lastQueries()).toEqual([]);
    },
  );

  it('a huge body is refused before parsing (413)', async () => {
    const result = await api.http(`{ sources { totalCount } } # ${'x'.repeat(1_100_000)}`);
    expect(result.status).toBe(413);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });
});

describe('field suggestions', () => {
  it('are not given: an unknown field does not reveal its neighbours', async () => {
    const result = await api.http('{ sources { edges { node { titel } } } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).toBe('Cannot query field "titel" on type "Source".');
  });
});

describe('legitimate documents', () => {
  // The README's examples at the largest page size.
  const readme: [string, string][] = [
    [
      'statements with speakers, events and citations',
      `{ statements(first: 100, filter: { kind: DIRECT_QUOTE }) { totalCount edges { node {
          text saidOn channel speaker { name } event { title }
          citations { exact start end anchorStatus source { title outlet url publishedOn }
            formatted(style: APA) deepLink } } }
        pageInfo { hasNextPage endCursor } } }`,
    ],
    [
      'findPassages',
      `{ findPassages(text: "mine-free") { source { title } exact start end
          citations { statement { text } event { title } } } }`,
    ],
    [
      'a timeline',
      `{ timeline(first: 100) { totalCount edges { node { __typename
          ... on Event { title startDate datePrecision dateQualifier }
          ... on Statement { text saidOn } } } pageInfo { hasNextPage endCursor } } }`,
    ],
    [
      'search',
      `{ search(query: "Angkor Sentinel", first: 100) { totalCount edges { node { score
          snippet { text highlights { start end } }
          record { __typename ... on Event { title } ... on Statement { text speaker { name } } }
        } } } }`,
    ],
    [
      'a source by URL',
      `{ sourceByUrl(url: "https://example.com/a") { title mla: formatted(style: MLA)
          bibtex: export(format: BIBTEX) } }`,
    ],
    ['a client’s introspection query', getIntrospectionQuery({ descriptions: true })],
  ];

  it.each(readme)('%s runs', async (_name, query) => {
    const result = await api.http(query);
    expect(result.errors).toBeUndefined();
    expect(result.status).toBe(200);
  });

  it('twelve levels deep is allowed', async () => {
    // deepQuery(2) reaches depth 12 (actors→edges→node, then 4 levels per round trip, plus name).
    const result = await api.http(deepQuery(2));
    expect(result.errors).toBeUndefined();
  });
});
