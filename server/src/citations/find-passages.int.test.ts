import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../test/api.ts';
import { makeActor, makeCitation, makeSource, makeStatement } from '../test/factories.ts';

let api: TestApi;

const FIND = /* GraphQL */ `
  query Find($text: String!) {
    findPassages(text: $text) {
      source { title }
      exact prefix suffix start end deepLink
      citations { exact statement { text } }
    }
  }
`;

interface Match {
  source: { title: string };
  exact: string;
  start: number;
  end: number;
  deepLink: string | null;
  citations: { exact: string; statement: { text: string } | null }[];
}

beforeAll(async () => {
  api = await createTestApi();
  const { prisma } = api;
  const source = await makeSource(prisma, {
    title: 'Khmer and emoji first',
    url: 'https://example.com/article',
    body: '😀🇰🇭 ព័ត៌មាន. Clark reaffirmed the U.S.’s commitment to deepening these ties.',
  });
  const speaker = await makeActor(prisma);
  const statement = await makeStatement(prisma, {
    speakerId: speaker.id,
    text: 'Clark reaffirmed commitment',
  });
  await makeCitation(prisma, source, 'Clark reaffirmed the U.S.’s commitment', {
    statementId: statement.id,
  });
  await makeSource(prisma, {
    title: 'Second source',
    body: 'Others said the commitment to deepening these ties is old.',
  });
  await makeSource(prisma, {
    title: 'Draft',
    status: 'DRAFT',
    body: 'A draft on the commitment to deepening these ties.',
  });
});

describe('findPassages', () => {
  it('finds a quote pasted with plain quotes, with code-point offsets and existing citations', async () => {
    const data = await api.data<{ findPassages: Match[] }>(FIND, { text: "the U.S.'s commitment" });
    expect(data.findPassages).toHaveLength(1);
    const [match] = data.findPassages;
    const prefix = '😀🇰🇭 ព័ត៌មាន. Clark reaffirmed ';
    expect(match).toMatchObject({
      source: { title: 'Khmer and emoji first' },
      exact: 'the U.S.’s commitment',
      start: [...prefix].length,
      end: [...prefix].length + [...'the U.S.’s commitment'].length,
      citations: [
        {
          exact: 'Clark reaffirmed the U.S.’s commitment',
          statement: { text: 'Clark reaffirmed commitment' },
        },
      ],
    });
    expect(match?.deepLink).toMatch(/^https:\/\/example\.com\/article#:~:text=/);
  });

  it('finds every published source containing the text, never drafts', async () => {
    const data = await api.data<{ findPassages: Match[] }>(FIND, {
      text: 'commitment to deepening these ties',
    });
    expect(data.findPassages.map((match) => match.source.title).sort()).toEqual([
      'Khmer and emoji first',
      'Second source',
    ]);
  });

  it('returns nothing for a quote no source contains', async () => {
    expect(await api.data(FIND, { text: 'words that appear nowhere' })).toEqual({
      findPassages: [],
    });
  });

  it('rejects text too short to look up', async () => {
    const result = await api.execute(FIND, { text: '“a”' });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
  });
});
