import { beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../schema/global-id.ts';
import { createTestApi, EDITOR, type TestApi } from '../test/api.ts';
import { makeActor, makeCitation, makeSource, makeStatement } from '../test/factories.ts';

let api: TestApi;

const IMPORT = /* GraphQL */ `
  mutation($input: SourceInput!) {
    importSource(input: $input) { created matchedBy source { id title body url urlAliases contentHash status } }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation($id: ID!, $v: Int!, $input: SourceInput!) {
    updateSource(id: $id, expectedVersion: $v, input: $input) { version body }
  }
`;

interface Imported {
  importSource: {
    created: boolean;
    matchedBy: string | null;
    source: {
      id: string;
      title: string;
      body: string;
      url: string | null;
      urlAliases: string[];
      status: string;
    };
  };
}

beforeAll(async () => {
  api = await createTestApi();
});

describe('importSource', () => {
  it('imports HTML as readable text, titled from the page, as a DRAFT', async () => {
    const data = await api.data<Imported>(
      IMPORT,
      {
        input: {
          kind: 'ARTICLE',
          url: 'https://www.example.com/news/clark-visit/?utm_source=feed',
          html: '<html><head><title>Clark visits Phnom Penh</title><script>alert(1)</script></head><body><p>Clark met Hun Manet.</p><p>They discussed demining &amp; training.</p></body></html>',
        },
      },
      EDITOR,
    );
    expect(data.importSource).toMatchObject({
      created: true,
      matchedBy: null,
      source: { title: 'Clark visits Phnom Penh', status: 'DRAFT' },
    });
    expect(data.importSource.source.body).toBe(
      'Clark met Hun Manet.\n\nThey discussed demining & training.',
    );
  });

  it('returns the existing source for the same URL in another spelling', async () => {
    const data = await api.data<Imported>(
      IMPORT,
      {
        input: {
          kind: 'ARTICLE',
          title: 'Again',
          url: 'http://example.com/news/clark-visit#top',
          text: 'Different text.',
        },
      },
      EDITOR,
    );
    expect(data.importSource).toMatchObject({
      created: false,
      matchedBy: 'URL',
      source: { title: 'Clark visits Phnom Penh' },
    });
  });

  it('returns the existing source for the same text (after normalisation)', async () => {
    const data = await api.data<Imported>(
      IMPORT,
      {
        input: {
          kind: 'ARTICLE',
          title: 'Copy',
          text: 'Clark met Hun Manet.\r\n\r\nThey discussed demining & training.\r\n',
        },
      },
      EDITOR,
    );
    expect(data.importSource).toMatchObject({ created: false, matchedBy: 'CONTENT' });
  });

  it.each([
    [{ text: '   \n  ' }, 'input.text'],
    [{ html: '<p>   </p>' }, 'input.html'],
    [{ text: 'x'.repeat(5_000_001) }, 'input.text'],
  ])('rejects an empty or oversized body %#', async (body, field) => {
    const before = await api.prisma.source.count();
    const result = await api.execute(
      IMPORT,
      { input: { kind: 'ARTICLE', title: 'Bad', ...body } },
      EDITOR,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await api.prisma.source.count()).toBe(before);
  });
});

describe('editing a source body re-anchors its citations', () => {
  const BODY =
    'Intro line. Clark praised peacekeeping missions. Manet noted the transition. The end.';

  async function setUp() {
    const source = await makeSource(api.prisma, { body: BODY });
    const speaker = await makeActor(api.prisma);
    const statement = await makeStatement(api.prisma, { speakerId: speaker.id });
    const citation = await makeCitation(
      api.prisma,
      source,
      'Clark praised peacekeeping missions.',
      { statementId: statement.id },
    );
    return { id: encodeGlobalId('Source', source.id), citationId: citation.id };
  }

  async function edit(id: string, text: string) {
    await api.data(UPDATE, { id, v: 1, input: { text } }, EDITOR);
  }

  it('moves the offsets when text is inserted before the passage, staying EXACT', async () => {
    const { id, citationId } = await setUp();
    await edit(id, `A new first sentence. ${BODY}`);
    const citation = await api.prisma.citation.findUniqueOrThrow({ where: { id: citationId } });
    expect(citation).toMatchObject({ anchorStatus: 'EXACT', start: 12 + 22, version: 2 });
    const revisions = await api.prisma.revision.findMany({
      where: { entityId: citationId, operation: 'UPDATE' },
    });
    expect(revisions).toHaveLength(1);
    // The revision holds the citation as it was and as it is, as history shows and restores it,
    // without what triggers keep: the copies of its parents' status and its global id.
    const { sourceStatus, sourceDeletedAt, targetStatus, targetDeletedAt, globalId, ...columns } =
      citation;
    expect(revisions[0]).toMatchObject({
      version: 2,
      before: { id: citationId, start: 12, end: 12 + 36, version: 1, anchorStatus: 'EXACT' },
      after: JSON.parse(JSON.stringify(columns)),
    });
    expect(revisions[0]?.after).not.toHaveProperty('targetStatus');
    expect(revisions[0]?.after).not.toHaveProperty('globalId');
  });

  it('leaves the citation alone when text changes after it', async () => {
    const { id, citationId } = await setUp();
    await edit(id, BODY.replace('The end.', 'The very end.'));
    const citation = await api.prisma.citation.findUniqueOrThrow({ where: { id: citationId } });
    expect(citation).toMatchObject({ anchorStatus: 'EXACT', start: 12, version: 1 });
  });

  it('marks a passage edited inside FUZZY with a score, never silently', async () => {
    const { id, citationId } = await setUp();
    await edit(id, BODY.replace('peacekeeping missions', 'peace-keeping missions'));
    const citation = await api.prisma.citation.findUniqueOrThrow({ where: { id: citationId } });
    expect(citation.anchorStatus).toBe('FUZZY');
    expect(citation.anchorScore).toBeGreaterThan(0.8);
    expect(citation.exact).toBe('Clark praised peace-keeping missions.');
    const review = await api.data<{
      citationsForReview: { edges: { node: { anchorStatus: string } }[] };
    }>('{ citationsForReview { edges { node { anchorStatus anchorScore exact } } } }', {}, EDITOR);
    expect(review.citationsForReview.edges.map((edge) => edge.node.anchorStatus)).toContain(
      'FUZZY',
    );
  });

  it('orphans a citation whose passage was deleted', async () => {
    const { id, citationId } = await setUp();
    await edit(id, BODY.replace('Clark praised peacekeeping missions. ', ''));
    const citation = await api.prisma.citation.findUniqueOrThrow({ where: { id: citationId } });
    expect(citation.anchorStatus).toBe('ORPHANED');
    expect(citation.exact).toBe('Clark praised peacekeeping missions.');
  });

  it('rejects a stale version and changes nothing', async () => {
    const { id, citationId } = await setUp();
    await edit(id, `${BODY} More.`);
    const result = await api.execute(
      UPDATE,
      { id, v: 1, input: { text: 'Something else.' } },
      EDITOR,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect(
      (await api.prisma.citation.findUniqueOrThrow({ where: { id: citationId } })).anchorStatus,
    ).toBe('EXACT');
  });
});
