import { beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../shared/text.ts';
import { createTestApi, EDITOR, type TestApi } from '../test/api.ts';
import { makeSource } from '../test/factories.ts';

let api: TestApi;

interface SourcesPage {
  sources: {
    totalCount: number;
    edges: { cursor: string; node: { id: string; title: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const SOURCES = /* GraphQL */ `
  query Sources($first: Int, $after: String, $filter: SourceFilter, $orderBy: SourceOrder) {
    sources(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges { cursor node { id title } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

beforeAll(async () => {
  api = await createTestApi();
  const { prisma } = api;
  await makeSource(prisma, {
    title: 'Clark visits Phnom Penh',
    outlet: 'Cambodianess',
    publishedOn: new Date('2025-02-25'),
    publishedPrecision: 'DAY',
    body: 'General Ronald P. Clark met Prime Minister Hun Manet.',
    url: 'https://cambodianess.com/article/clark-visit',
    urls: {
      create: [
        {
          url: 'https://cambodianess.com/article/clark-visit',
          normalizedUrl: 'cambodianess.com/article/clark-visit',
        },
      ],
    },
  });
  await makeSource(prisma, {
    title: 'Austin meets Hun Manet',
    kind: 'PRESS_RELEASE',
    publishedOn: new Date('2024-06-01'),
    publishedPrecision: 'MONTH',
    body: 'Lloyd Austin met Hun Manet, Hun Sen and Tea Seiha.',
  });
  await makeSource(prisma, { title: 'Undated article', body: 'No date is given in this text.' });
  await makeSource(prisma, {
    title: 'Draft source',
    status: 'DRAFT',
    body: 'Unpublished draft text.',
  });
  await makeSource(prisma, {
    title: 'Deleted source',
    deletedAt: new Date(),
    body: 'A soft-deleted source.',
  });
});

describe('sources', () => {
  it('lists published sources, newest publication first, undated last', async () => {
    const data = await api.data<SourcesPage>(SOURCES);
    expect(data.sources.edges.map((edge) => edge.node.title)).toEqual([
      'Clark visits Phnom Penh',
      'Austin meets Hun Manet',
      'Undated article',
    ]);
    expect(data.sources.totalCount).toBe(3);
  });

  it('shows drafts to editors, never soft-deleted sources', async () => {
    const data = await api.data<SourcesPage>(SOURCES, {}, EDITOR);
    expect(data.sources.edges.map((edge) => edge.node.title)).toContain('Draft source');
    expect(data.sources.edges.map((edge) => edge.node.title)).not.toContain('Deleted source');
    expect(data.sources.totalCount).toBe(4);
  });

  it('pages with first/after through to the last page', async () => {
    const first = await api.data<SourcesPage>(SOURCES, { first: 2 });
    expect(first.sources.edges).toHaveLength(2);
    expect(first.sources.pageInfo.hasNextPage).toBe(true);
    const last = await api.data<SourcesPage>(SOURCES, {
      first: 2,
      after: first.sources.pageInfo.endCursor,
    });
    expect(last.sources.edges.map((edge) => edge.node.title)).toEqual(['Undated article']);
    expect(last.sources.pageInfo.hasNextPage).toBe(false);
    expect(last.sources.totalCount).toBe(3);
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['a cursor of another shape', Buffer.from('GPC:S:"x"').toString('base64')],
  ])('rejects a bad cursor (%s) with BAD_USER_INPUT', async (_name, after) => {
    const result = await api.execute(SOURCES, { first: 2, after });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rejects a page size over 100', async () => {
    const result = await api.execute(SOURCES, { first: 101 });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each([
    [{ kind: ['PRESS_RELEASE'] }, ['Austin meets Hun Manet']],
    [{ text: 'phnom penh' }, ['Clark visits Phnom Penh']],
    [{ text: 'tea seiha' }, ['Austin meets Hun Manet']],
    [{ outlet: 'cambodianess' }, ['Clark visits Phnom Penh']],
    [{ publishedFrom: '2025' }, ['Clark visits Phnom Penh']],
    [{ publishedTo: '2024-06' }, ['Austin meets Hun Manet']],
    [{ publishedFrom: '2024-06-15', publishedTo: '2024-12' }, []],
  ])('filters by %j', async (filter, titles) => {
    const data = await api.data<SourcesPage>(SOURCES, { filter });
    expect(data.sources.edges.map((edge) => edge.node.title)).toEqual(titles);
  });

  it('orders by title', async () => {
    const data = await api.data<SourcesPage>(SOURCES, {
      orderBy: { field: 'TITLE', direction: 'ASC' },
    });
    expect(data.sources.edges.map((edge) => edge.node.title)).toEqual([
      'Austin meets Hun Manet',
      'Clark visits Phnom Penh',
      'Undated article',
    ]);
  });

  it('refuses the status filter to anonymous clients', async () => {
    const result = await api.execute(SOURCES, { filter: { status: ['DRAFT'] } });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.status',
    });
  });

  it('rejects an impossible date in a filter', async () => {
    const result = await api.execute(SOURCES, { filter: { publishedFrom: '2023-02-29' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('2023-02-29');
  });
});

describe('source(id:) and node(id:)', () => {
  const SOURCE = /* GraphQL */ `
    query Source($id: ID!) {
      source(id: $id) { title kind outlet publishedOn publishedOnPrecision body contentHash urlAliases }
      node(id: $id) { id ... on Source { title } }
    }
  `;

  it('returns a source with its partial date at its precision', async () => {
    const list = await api.data<SourcesPage>(SOURCES, { filter: { kind: ['PRESS_RELEASE'] } });
    const id = list.sources.edges[0]?.node.id;
    const data = await api.data<{ source: Record<string, unknown>; node: { title: string } }>(
      SOURCE,
      { id },
    );
    expect(data.source).toMatchObject({
      title: 'Austin meets Hun Manet',
      kind: 'PRESS_RELEASE',
      outlet: null,
      publishedOn: '2024-06',
      publishedOnPrecision: 'MONTH',
      contentHash: contentHash('Lloyd Austin met Hun Manet, Hun Sen and Tea Seiha.'),
    });
    expect(data.node.title).toBe('Austin meets Hun Manet');
  });

  it('hides a draft from anonymous clients on both paths', async () => {
    const draft = await api.prisma.source.findFirstOrThrow({ where: { title: 'Draft source' } });
    const editorView = await api.data<SourcesPage>(
      SOURCES,
      { filter: { status: ['DRAFT'] } },
      EDITOR,
    );
    const id = editorView.sources.edges[0]?.node.id;
    expect(editorView.sources.edges).toHaveLength(1);
    const data = await api.data<{ source: unknown; node: unknown }>(SOURCE, { id });
    expect(data).toEqual({ source: null, node: null });
    expect(draft.status).toBe('DRAFT');
  });

  it.each([
    ['not base64 at all', '!!!'],
    ['a valid encoding of a non-uuid', Buffer.from('Source:42').toString('base64url')],
    [
      'an id of another type',
      Buffer.from('Actor:0193a5a0-0000-7000-8000-000000000000').toString('base64url'),
    ],
  ])('rejects %s with BAD_USER_INPUT', async (_name, id) => {
    const result = await api.execute('query($id: ID!) { source(id: $id) { title } }', { id });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

describe('sourceByUrl', () => {
  it.each([
    'https://cambodianess.com/article/clark-visit',
    'http://www.cambodianess.com/article/clark-visit/',
    'https://CAMBODIANESS.com/article/clark-visit?utm_source=x#top',
  ])('finds the source by %s', async (url) => {
    const data = await api.data<{ sourceByUrl: { title: string } | null }>(
      'query($url: String!) { sourceByUrl(url: $url) { title } }',
      { url },
    );
    expect(data.sourceByUrl?.title).toBe('Clark visits Phnom Penh');
  });

  it('returns null for an unknown URL and an error for a non-http one', async () => {
    const query = 'query($url: String!) { sourceByUrl(url: $url) { title } }';
    expect(await api.data(query, { url: 'https://example.org/nothing' })).toEqual({
      sourceByUrl: null,
    });
    const result = await api.execute(query, { url: 'javascript:alert(1)' });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
  });
});
