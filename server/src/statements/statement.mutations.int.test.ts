import { beforeAll, describe, expect, it } from 'vitest';
import { snapshot } from '../records/revisions.ts';
import { decodeGlobalId, encodeGlobalId } from '../schema/global-id.ts';
import { createTestApi, EDITOR, REVIEWER, type TestApi } from '../test/api.ts';
import { makeActor, makeSource, makeTopic } from '../test/factories.ts';

let api: TestApi;
let ids: Record<string, string>;

const BODY =
  '😀 ខ្មែរ. Hun Sen said: “What we have cooperated on in the past must continue.” He added more. It must continue.';

const CREATE = /* GraphQL */ `
  mutation($input: StatementInput!) {
    createStatement(input: $input) {
      id text kind status version
      speaker { name }
      topics { slug }
      citations { exact prefix suffix start end source { title } }
    }
  }
`;
const CITE = /* GraphQL */ `
  mutation($input: CitePassageInput!) { citePassage(input: $input) { id exact start end } }
`;

async function counts() {
  const [statements, citations, revisions] = await Promise.all([
    api.prisma.statement.count(),
    api.prisma.citation.count(),
    api.prisma.revision.count(),
  ]);
  return { statements, citations, revisions };
}

beforeAll(async () => {
  api = await createTestApi();
  const speaker = await makeActor(api.prisma, { name: 'Hun Sen' });
  const topic = await makeTopic(api.prisma, { slug: 'defence-relations' });
  const source = await makeSource(api.prisma, { title: 'Austin visit', body: BODY });
  ids = {
    speaker: encodeGlobalId('Actor', speaker.id),
    topic: encodeGlobalId('Topic', topic.id),
    source: encodeGlobalId('Source', source.id),
  };
});

describe('createStatement with citations', () => {
  it('creates a direct quote cited from an exact text, with code-point offsets', async () => {
    const data = await api.data<{ createStatement: Record<string, unknown> }>(
      CREATE,
      {
        input: {
          kind: 'DIRECT_QUOTE',
          text: 'What we have cooperated on in the past must continue.',
          speaker: ids.speaker,
          topics: [ids.topic],
          saidOn: '2024-06',
          citations: [
            {
              source: ids.source,
              exact: '“What we have cooperated on in the past must continue.”',
            },
          ],
        },
      },
      EDITOR,
    );
    const prefix = '😀 ខ្មែរ. Hun Sen said: ';
    expect(data.createStatement).toMatchObject({
      kind: 'DIRECT_QUOTE',
      status: 'DRAFT',
      version: 1,
      speaker: { name: 'Hun Sen' },
      topics: [{ slug: 'defence-relations' }],
      citations: [{ start: [...prefix].length, prefix, source: { title: 'Austin visit' } }],
    });
  });

  it.each([
    [
      'a quote that is not in the source',
      { citations: [{ exact: 'We never said this.' }] },
      'QUOTE_NOT_FOUND',
      'input.citations.0.exact',
    ],
    ['a direct quote with no citation', { citations: [] }, 'QUOTE_NOT_FOUND', 'input.text'],
    [
      'a direct quote whose words are not in its passage',
      { citations: [{ exact: 'He added more.' }] },
      'QUOTE_NOT_FOUND',
      'input.text',
    ],
    [
      'an ambiguous passage',
      { citations: [{ exact: 'must continue.' }] },
      'BAD_USER_INPUT',
      'input.citations.0.exact',
    ],
    [
      'inverted offsets',
      { citations: [{ start: 20, end: 10 }] },
      'BAD_USER_INPUT',
      'input.citations.0.start',
    ],
    [
      'offsets past the end',
      { citations: [{ start: 0, end: 5000 }] },
      'BAD_USER_INPUT',
      'input.citations.0.start',
    ],
  ])('rejects %s and writes nothing', async (_name, override, code, field) => {
    const before = await counts();
    const citations = (override.citations as Record<string, unknown>[]).map((c) => ({
      source: ids.source,
      ...c,
    }));
    const result = await api.execute(
      CREATE,
      {
        input: {
          kind: 'DIRECT_QUOTE',
          text: 'What we have cooperated on in the past must continue.',
          speaker: ids.speaker,
          citations,
        },
      },
      EDITOR,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code, field });
    expect(await counts()).toEqual(before);
  });

  it('chooses one of several occurrences with a prefix, or with offsets', async () => {
    const create = await api.data<{ createStatement: { id: string } }>(
      CREATE,
      {
        input: {
          kind: 'PARAPHRASE',
          text: 'Hun Sen wants cooperation to continue.',
          speaker: ids.speaker,
        },
      },
      EDITOR,
    );
    const statement = create.createStatement.id;
    const byPrefix = await api.data<{ citePassage: { exact: string; start: number } }>(
      CITE,
      {
        input: {
          statement,
          passage: { source: ids.source, exact: 'must continue.', prefix: 'It ' },
        },
      },
      EDITOR,
    );
    expect(byPrefix.citePassage.start).toBe([...BODY].length - 'must continue.'.length);
    const byOffsets = await api.data<{ citePassage: { exact: string } }>(
      CITE,
      { input: { statement, passage: { source: ids.source, start: 9, end: 16 } } },
      EDITOR,
    );
    expect(byOffsets.citePassage.exact).toBe([...BODY].slice(9, 16).join(''));
  });
});

describe('updateStatement', () => {
  it('keeps quote fidelity on edit and deprecates only with a reason', async () => {
    const created = await api.data<{ createStatement: { id: string } }>(
      CREATE,
      {
        input: {
          kind: 'DIRECT_QUOTE',
          text: 'He added more.',
          speaker: ids.speaker,
          citations: [{ source: ids.source, exact: 'He added more.' }],
        },
      },
      EDITOR,
    );
    const id = created.createStatement.id;
    const UPDATE =
      'mutation($id: ID!, $v: Int!, $input: StatementInput!) { updateStatement(id: $id, expectedVersion: $v, input: $input) { text rank version } }';
    const edited = await api.execute(
      UPDATE,
      { id, v: 1, input: { text: 'He added much more.' } },
      EDITOR,
    );
    expect(edited.errors?.[0]?.extensions).toMatchObject({
      code: 'QUOTE_NOT_FOUND',
      field: 'input.text',
    });
    const noReason = await api.execute(UPDATE, { id, v: 1, input: { rank: 'DEPRECATED' } }, EDITOR);
    expect(noReason.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.rankReason',
    });
    const deprecated = await api.data<{ updateStatement: { rank: string; version: number } }>(
      UPDATE,
      { id, v: 1, input: { rank: 'DEPRECATED', rankReason: 'Misattributed in the first report.' } },
      EDITOR,
    );
    expect(deprecated.updateStatement).toMatchObject({ rank: 'DEPRECATED', version: 2 });
  });

  it('writes a revision holding the statement as it is then read, topics included', async () => {
    const created = await api.data<{ createStatement: { id: string } }>(
      CREATE,
      {
        input: {
          kind: 'PARAPHRASE',
          text: 'Talks will go on.',
          speaker: ids.speaker,
          topics: [ids.topic],
        },
      },
      EDITOR,
    );
    const id = created.createStatement.id;
    const UPDATE =
      'mutation($id: ID!, $v: Int!, $input: StatementInput!) { updateStatement(id: $id, expectedVersion: $v, input: $input) { version } }';
    const rowId = decodeGlobalId(id).id;
    const latestAfter = async () =>
      (
        await api.prisma.revision.findFirstOrThrow({
          where: { entityId: rowId },
          orderBy: { version: 'desc' },
        })
      ).after;
    // Without topics in the input the revision is made from the UPDATE's row and the topics
    // as they were; with them, from a read after the topics are replaced.
    await api.data(UPDATE, { id, v: 1, input: { text: 'Talks will go on soon.' } }, EDITOR);
    expect(await latestAfter()).toEqual(await snapshot(api.prisma, 'Statement', rowId));
    await api.data(UPDATE, { id, v: 2, input: { topics: [] } }, EDITOR);
    expect(await latestAfter()).toEqual(await snapshot(api.prisma, 'Statement', rowId));
    expect(await latestAfter()).toMatchObject({ text: 'Talks will go on soon.', topics: [] });
  });

  it('refuses to delete the only citation of a published statement', async () => {
    const created = await api.data<{
      createStatement: { id: string; citations: { id?: string }[] };
    }>(
      CREATE,
      {
        input: {
          kind: 'PARAPHRASE',
          text: 'Cooperation must continue.',
          speaker: ids.speaker,
          citations: [{ source: ids.source, exact: 'It must continue.' }],
        },
      },
      EDITOR,
    );
    const id = created.createStatement.id;
    const TRANSITION =
      'mutation($id: ID!, $to: EditorialStatus!, $v: Int!) { transitionRecord(id: $id, to: $to, expectedVersion: $v) { version } }';
    await api.data(TRANSITION, { id, to: 'IN_REVIEW', v: 1 }, EDITOR);
    await api.data(TRANSITION, { id, to: 'PUBLISHED', v: 2 }, REVIEWER);
    const citation = await api.prisma.citation.findFirstOrThrow({
      where: { exact: 'It must continue.' },
    });
    const result = await api.execute(
      'mutation($id: ID!) { deleteRecord(id: $id, expectedVersion: 1) { version } }',
      { id: encodeGlobalId('Citation', citation.id) },
      EDITOR,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(
      (await api.prisma.citation.findUniqueOrThrow({ where: { id: citation.id } })).deletedAt,
    ).toBeNull();
  });
});
