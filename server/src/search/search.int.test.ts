import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, EDITOR, type TestApi } from '../test/api.ts';
import { makeActor, makeEvent, makeSource, makeStatement } from '../test/factories.ts';

let api: TestApi;

const SEARCH = /* GraphQL */ `
  query Search($query: String!, $types: [SearchType!], $first: Int, $after: String) {
    search(query: $query, types: $types, first: $first, after: $after) {
      totalCount
      edges {
        node {
          score
          snippet { text highlights { start end } }
          record {
            __typename
            ... on Source { title }
            ... on Statement { text speaker { name } }
            ... on Event { title }
            ... on Actor { name }
          }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

interface Hit {
  score: number;
  snippet: { text: string; highlights: { start: number; end: number }[] };
  record: {
    __typename: string;
    title?: string;
    text?: string;
    name?: string;
    speaker?: { name: string };
  };
}
interface SearchData {
  search: {
    totalCount: number;
    edges: { node: Hit }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const hits = (data: SearchData) => data.search.edges.map((edge) => edge.node);

beforeAll(async () => {
  api = await createTestApi();
  const { prisma } = api;
  const pisen = await makeActor(prisma, {
    name: 'Vong Pisen',
    description: 'Commander-in-Chief of the RCAF',
  });
  await makeStatement(prisma, {
    speakerId: pisen.id,
    text: 'Pisen proposed resuming joint military exercises such as Angkor Sentinel.',
  });
  await makeEvent(prisma, {
    kind: 'EXERCISE',
    title: 'Angkor Sentinel exercise',
    summary: 'A bilateral exercise.',
  });
  await makeSource(prisma, {
    title: 'Demining in Cambodia',
    body: `${'Filler words about other matters. '.repeat(50)}The demining operations across eight provinces resumed.`,
  });
  await makeSource(prisma, {
    title: 'A long report',
    body: `${'Filler words about other matters.\n'.repeat(3000)}The handover of the Ream naval base was delayed.\n${'More filler.\n'.repeat(100)}`,
  });
  await makeSource(prisma, {
    title: 'Draft about Angkor Sentinel',
    status: 'DRAFT',
    body: 'Angkor Sentinel draft.',
  });
});

describe('search', () => {
  it('ranks matches across types with highlighted snippets', async () => {
    const data = await api.data<SearchData>(SEARCH, { query: 'Angkor Sentinel' });
    const found = hits(data);
    expect(found.map((hit) => hit.record.__typename).sort()).toEqual(['Event', 'Statement']);
    expect(data.search.totalCount).toBe(2);
    // The title match (weight A) outranks a match in a statement's text.
    expect(found[0]?.record).toMatchObject({
      __typename: 'Event',
      title: 'Angkor Sentinel exercise',
    });
    for (const hit of found) {
      expect(hit.snippet.highlights.length).toBeGreaterThan(0);
      for (const { start, end } of hit.snippet.highlights) {
        expect([...hit.snippet.text].slice(start, end).join('')).toMatch(/^(Angkor|Sentinel)$/);
      }
    }
    const statement = found.find((hit) => hit.record.__typename === 'Statement');
    expect(statement?.record.speaker).toEqual({ name: 'Vong Pisen' });
  });

  it('stems words and finds a passage deep in a source body', async () => {
    const data = await api.data<SearchData>(SEARCH, { query: 'operation province' });
    expect(hits(data)[0]?.record).toMatchObject({
      __typename: 'Source',
      title: 'Demining in Cambodia',
    });
    expect(hits(data)[0]?.snippet.text).toContain('demining operations across eight provinces');
  });

  it('cuts a source’s snippet from its best-matching passage, however far into the body', async () => {
    const data = await api.data<SearchData>(SEARCH, { query: 'Ream handover', types: ['SOURCE'] });
    const [hit] = hits(data);
    expect(hit?.record.title).toBe('A long report');
    expect(hit?.snippet.text).toContain('The handover of the Ream naval base was delayed.');
    const highlighted = hit?.snippet.highlights.map(({ start, end }) =>
      [...(hit?.snippet.text ?? '')].slice(start, end).join(''),
    );
    expect(highlighted).toEqual(['handover', 'Ream']);
  });

  it('cuts the snippet from a source’s title and opening when only the title matched', async () => {
    const data = await api.data<SearchData>(SEARCH, { query: 'Cambodia', types: ['SOURCE'] });
    const [hit] = hits(data);
    expect(hit?.record.title).toBe('Demining in Cambodia');
    expect(hit?.snippet.text).toMatch(/^Demining in Cambodia\nFiller words about other matters\./);
    expect(hit?.snippet.highlights).toEqual([{ start: 12, end: 20 }]);
  });

  it('finds actors by their description and restricts by type', async () => {
    const data = await api.data<SearchData>(SEARCH, { query: 'commander', types: ['ACTOR'] });
    expect(hits(data).map((hit) => hit.record)).toEqual([
      { __typename: 'Actor', name: 'Vong Pisen' },
    ]);
  });

  it('shows drafts to editors only', async () => {
    const anonymous = await api.data<SearchData>(SEARCH, { query: 'draft' });
    expect(anonymous.search.totalCount).toBe(0);
    const editor = await api.data<SearchData>(SEARCH, { query: 'draft' }, EDITOR);
    expect(hits(editor).map((hit) => hit.record.title)).toEqual(['Draft about Angkor Sentinel']);
  });

  it('pages with first/after', async () => {
    const first = await api.data<SearchData>(SEARCH, { query: 'Angkor', first: 1 });
    expect(first.search.pageInfo.hasNextPage).toBe(true);
    const second = await api.data<SearchData>(SEARCH, {
      query: 'Angkor',
      first: 1,
      after: first.search.pageInfo.endCursor,
    });
    expect(hits(second)).toHaveLength(1);
    expect(hits(second)[0]?.record.__typename).not.toBe(hits(first)[0]?.record.__typename);
  });

  it.each([
    ['stray operators', '"unbalanced OR -', 0],
    ['SQL-looking input', '\'; DROP TABLE "Source"; --', 0],
  ])('treats %s as words, not syntax', async (_name, query, total) => {
    const sources = await api.prisma.source.count();
    const data = await api.data<SearchData>(SEARCH, { query });
    expect(data.search.totalCount).toBe(total);
    expect(await api.prisma.source.count()).toBe(sources);
  });

  it('rejects an empty or oversized query', async () => {
    for (const query of ['   ', 'x'.repeat(501)]) {
      const result = await api.execute(SEARCH, { query });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'query',
      });
    }
  });

  it('loads the page in a bounded number of statements', async () => {
    await api.data<SearchData>(SEARCH, { query: 'Angkor Sentinel' });
    // The ranked page, then one query per matched type (Event, Statement with its speaker).
    expect(api.lastQueries().length).toBeLessThanOrEqual(3);
  });
});
