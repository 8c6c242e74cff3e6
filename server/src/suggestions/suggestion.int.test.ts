import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../seed/load-corpus.ts';
import { createTestApi, EDITOR, type TestApi, VIEWER } from '../test/api.ts';

let api: TestApi;
let sourceId: string;

const SUGGEST = /* GraphQL */ `
  query($id: ID!) {
    suggestStatements(sourceId: $id) { text start end prefix suffix speaker { name } speakerName attribution confidence alreadyRecorded }
  }
`;

interface Suggestion {
  text: string;
  speaker: { name: string } | null;
  alreadyRecorded: boolean;
  confidence: number;
}

beforeAll(async () => {
  api = await createTestApi();
  await loadCorpus(api.prisma);
  const data = await api.data<{ sources: { edges: { node: { id: string } }[] } }>(
    '{ sources(filter: { text: "Lloyd Austin met separately" }) { edges { node { id } } } }',
  );
  sourceId = data.sources.edges[0]?.node.id ?? '';
});

describe('suggestStatements', () => {
  it('finds the quotations of a seed article with their speakers, marking those already recorded', async () => {
    const data = await api.data<{ suggestStatements: Suggestion[] }>(
      SUGGEST,
      { id: sourceId },
      EDITOR,
    );
    const hunSen = data.suggestStatements.find((s) =>
      s.text.startsWith('What we have cooperated on in the past'),
    );
    expect(hunSen).toMatchObject({ speaker: { name: 'Hun Sen' }, alreadyRecorded: true });
    expect(data.suggestStatements.every((s) => s.confidence > 0 && s.confidence <= 1)).toBe(true);
  });

  it('is for editors', async () => {
    const result = await api.execute(SUGGEST, { id: sourceId }, VIEWER);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
