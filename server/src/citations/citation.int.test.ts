import { beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../schema/global-id.ts';
import { createTestApi, EDITOR, type TestApi } from '../test/api.ts';
import {
  makeActor,
  makeCitation,
  makeEvent,
  makeSource,
  makeStatement,
} from '../test/factories.ts';

let api: TestApi;
let ids: Record<string, string>;

beforeAll(async () => {
  api = await createTestApi();
  const { prisma } = api;
  const source = await makeSource(prisma, {
    title: 'U.S. and Cambodia Explore Closer Defense Collaboration',
    outlet: 'Cambodianess',
    authors: ['Rin Ousa'],
    publishedOn: new Date('2025-02-25'),
    publishedPrecision: 'DAY',
    url: 'https://cambodianess.com/article/us-cambodia',
    body: 'PHNOM PENH – Clark reaffirmed the U.S.’s commitment to deepening these ties. Sophan expressed appreciation.',
  });
  const undated = await makeSource(prisma, {
    title: 'Kritenbrink meets Hun Manet',
    titleSuppliedByEditor: true,
    body: 'Kritenbrink met Hun Manet on February 26.',
  });
  const clark = await makeActor(prisma, { name: 'Ronald P. Clark' });
  const statement = await makeStatement(prisma, {
    speakerId: clark.id,
    text: 'Clark reaffirmed the commitment.',
  });
  const event = await makeEvent(prisma, { title: 'Kritenbrink meets Hun Manet' });
  await makeCitation(
    prisma,
    source,
    'Clark reaffirmed the U.S.’s commitment to deepening these ties.',
    {
      statementId: statement.id,
    },
  );
  await makeCitation(prisma, undated, 'Kritenbrink met Hun Manet on February 26.', {
    eventId: event.id,
  });
  const draftStatement = await makeStatement(prisma, {
    speakerId: clark.id,
    text: 'Draft',
    status: 'DRAFT',
  });
  await makeCitation(prisma, source, 'Sophan expressed appreciation.', {
    statementId: draftStatement.id,
  });
  ids = {
    source: encodeGlobalId('Source', source.id),
    undated: encodeGlobalId('Source', undated.id),
    statement: encodeGlobalId('Statement', statement.id),
  };
});

describe('Citation', () => {
  it('formats the reference in APA, MLA and Chicago, and deep-links to the passage', async () => {
    const data = await api.data<{ statement: { citations: Record<string, string>[] } }>(
      /* GraphQL */ `query($id: ID!) {
        statement(id: $id) {
          citations {
            apa: formatted(style: APA)
            mla: formatted(style: MLA)
            chicago: formatted(style: CHICAGO)
            deepLink
          }
        }
      }`,
      { id: ids.statement },
    );
    const [citation] = data.statement.citations;
    expect(citation?.apa).toBe(
      'Rin Ousa. (2025, February 25). U.S. and Cambodia Explore Closer Defense Collaboration. Cambodianess. https://cambodianess.com/article/us-cambodia',
    );
    expect(citation?.mla).toContain('Cambodianess, 25 Feb. 2025');
    expect(citation?.chicago).toContain('February 25, 2025');
    expect(citation?.deepLink).toMatch(
      /^https:\/\/cambodianess\.com\/article\/us-cambodia#:~:text=/,
    );
    expect(decodeURIComponent(citation?.deepLink ?? '')).toContain(
      'Clark reaffirmed the U.S.’s commitment',
    );
  });

  it('invents nothing for a source without author, outlet, date or URL', async () => {
    const data = await api.data<{
      source: { formatted: string; citations: { edges: { node: { deepLink: string | null } }[] } };
    }>(
      'query($id: ID!) { source(id: $id) { formatted(style: APA) citations { edges { node { deepLink } } } } }',
      { id: ids.undated },
    );
    expect(data.source.formatted).toBe('[Kritenbrink meets Hun Manet]. (n.d.).');
    expect(data.source.citations.edges[0]?.node.deepLink).toBeNull();
  });

  it('exports a source as CSL-JSON and BibTeX', async () => {
    const data = await api.data<{ source: { csl: string; bibtex: string } }>(
      'query($id: ID!) { source(id: $id) { csl: export(format: CSL_JSON) bibtex: export(format: BIBTEX) } }',
      { id: ids.source },
    );
    const [item] = JSON.parse(data.source.csl) as Record<string, unknown>[];
    expect(item).toMatchObject({ type: 'article-newspaper', 'container-title': 'Cambodianess' });
    expect(data.source.bibtex).toMatch(/^@article\{/);
    expect(data.source.bibtex).toContain('Cambodianess');
  });

  it('lists what was cited from a source, hiding citations of drafts from anonymous clients', async () => {
    const query =
      'query($id: ID!) { source(id: $id) { citations { totalCount edges { node { exact statement { text } } } } } }';
    const anonymous = await api.data<{ source: { citations: { totalCount: number } } }>(query, {
      id: ids.source,
    });
    expect(anonymous.source.citations.totalCount).toBe(1);
    const editor = await api.data<{ source: { citations: { totalCount: number } } }>(
      query,
      { id: ids.source },
      EDITOR,
    );
    expect(editor.source.citations.totalCount).toBe(2);
  });
});
