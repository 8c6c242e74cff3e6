import { beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../schema/global-id.ts';
import { createTestApi, EDITOR, type TestApi } from '../test/api.ts';
import {
  makeActor,
  makeCitation,
  makeEvent,
  makeSource,
  makeStatement,
  makeTopic,
} from '../test/factories.ts';

let api: TestApi;
let ids: Record<string, string>;

const STATEMENTS = /* GraphQL */ `
  query Statements($first: Int, $after: String, $filter: StatementFilter, $orderBy: StatementOrder) {
    statements(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges {
        node {
          text
          kind
          saidOn
          saidOnPrecision
          speaker { name }
          event { title }
          topics { slug }
          citations { exact start end anchorStatus source { title outlet url publishedOn } }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

interface StatementNode {
  text: string;
  kind: string;
  saidOn: string | null;
  speaker: { name: string } | null;
  event: { title: string } | null;
  topics: { slug: string }[];
  citations: { exact: string; start: number; end: number; source: { title: string } | null }[];
}

interface StatementsPage {
  statements: {
    totalCount: number;
    edges: { node: StatementNode }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const texts = (data: StatementsPage) => data.statements.edges.map((edge) => edge.node.text);

beforeAll(async () => {
  api = await createTestApi();
  const { prisma } = api;
  const clark = await makeActor(prisma, { name: 'Ronald P. Clark' });
  const manet = await makeActor(prisma, {
    name: 'Hun Manet',
    aliases: ['Prime Minister Hun Manet'],
  });
  const draftActor = await makeActor(prisma, { name: 'Draft Person', status: 'DRAFT' });
  const demining = await makeTopic(prisma, { slug: 'demining', name: 'Demining' });
  const meeting = await makeEvent(prisma, { title: 'Courtesy call at the Peace Palace' });
  const source = await makeSource(prisma, {
    title: 'U.S. and Cambodia Explore Closer Defense Collaboration',
    outlet: 'Cambodianess',
    body: '😀 ខ្មែរ Clark praised peacekeeping. Manet noted the transition. “We will clear the mines,” he said.',
  });
  const first = await makeStatement(prisma, {
    speakerId: clark.id,
    text: 'Clark praised peacekeeping.',
    eventId: meeting.id,
    saidOn: new Date('2025-02-24'),
    topics: { create: [{ topicId: demining.id }] },
  });
  await makeCitation(prisma, source, 'Clark praised peacekeeping.', { statementId: first.id });
  const quote = await makeStatement(prisma, {
    speakerId: manet.id,
    kind: 'DIRECT_QUOTE',
    text: 'We will clear the mines,',
    saidOn: new Date('2025-02-01'),
    saidPrecision: 'MONTH',
  });
  await makeCitation(prisma, source, '“We will clear the mines,” he said.', {
    statementId: quote.id,
  });
  await makeStatement(prisma, {
    speakerId: manet.id,
    text: 'Undated remark',
    saidOn: null,
    saidPrecision: null,
  });
  await makeStatement(prisma, { speakerId: clark.id, text: 'Draft statement', status: 'DRAFT' });
  await makeStatement(prisma, { speakerId: draftActor.id, text: 'Said by a draft actor' });
  ids = {
    clark: encodeGlobalId('Actor', clark.id),
    manet: encodeGlobalId('Actor', manet.id),
    demining: encodeGlobalId('Topic', demining.id),
    meeting: encodeGlobalId('Event', meeting.id),
    source: encodeGlobalId('Source', source.id),
  };
});

describe('statements', () => {
  it('serves the contract fields, with offsets in code points', async () => {
    const data = await api.data<StatementsPage>(STATEMENTS, { filter: { speaker: ids.clark } });
    expect(data.statements.edges[0]?.node).toEqual({
      text: 'Clark praised peacekeeping.',
      kind: 'PARAPHRASE',
      saidOn: '2025-02-24',
      saidOnPrecision: 'DAY',
      speaker: { name: 'Ronald P. Clark' },
      event: { title: 'Courtesy call at the Peace Palace' },
      topics: [{ slug: 'demining' }],
      citations: [
        {
          exact: 'Clark praised peacekeeping.',
          // "😀 ខ្មែរ " is 7 code points (9 UTF-16 units).
          start: 8,
          end: 35,
          anchorStatus: 'EXACT',
          source: {
            title: 'U.S. and Cambodia Explore Closer Defense Collaboration',
            outlet: 'Cambodianess',
            url: null,
            publishedOn: null,
          },
        },
      ],
    });
  });

  it('lists most recent first (newest record first on the same day), undated last, hiding drafts', async () => {
    const data = await api.data<StatementsPage>(STATEMENTS);
    expect(texts(data)).toEqual([
      'Said by a draft actor',
      'Clark praised peacekeeping.',
      'We will clear the mines,',
      'Undated remark',
    ]);
  });

  it('hides a draft speaker from anonymous clients but not from editors', async () => {
    const query =
      'query { statements(filter: { text: "draft actor" }) { edges { node { speaker { name } } } } }';
    expect(await api.data(query)).toEqual({ statements: { edges: [{ node: { speaker: null } }] } });
    expect(await api.data(query, {}, EDITOR)).toEqual({
      statements: { edges: [{ node: { speaker: { name: 'Draft Person' } } }] },
    });
  });

  it.each([
    ['kind', () => ({ kind: 'DIRECT_QUOTE' }), ['We will clear the mines,']],
    ['speaker', () => ({ speaker: ids.manet }), ['We will clear the mines,', 'Undated remark']],
    ['topic', () => ({ topic: ids.demining }), ['Clark praised peacekeeping.']],
    ['event', () => ({ event: ids.meeting }), ['Clark praised peacekeeping.']],
    [
      'source',
      () => ({ source: ids.source }),
      ['Clark praised peacekeeping.', 'We will clear the mines,'],
    ],
    ['text', () => ({ text: 'MINES' }), ['We will clear the mines,']],
    [
      'month range',
      () => ({ saidFrom: '2025-02', saidTo: '2025-02' }),
      ['Said by a draft actor', 'Clark praised peacekeeping.', 'We will clear the mines,'],
    ],
    [
      // "February 2025" (MONTH precision) may be on or after the 10th: it is not left out.
      'day range inside a month',
      () => ({ saidFrom: '2025-02-10' }),
      ['Said by a draft actor', 'Clark praised peacekeeping.', 'We will clear the mines,'],
    ],
    ['range after a month', () => ({ saidFrom: '2025-03' }), []],
    ['range up to a day', () => ({ saidTo: '2025-02-10' }), ['We will clear the mines,']],
  ])('filters by %s', async (_name, filter, expected) => {
    expect(texts(await api.data<StatementsPage>(STATEMENTS, { filter: filter() }))).toEqual(
      expected,
    );
  });

  it('rejects an id of the wrong type in a filter, naming the field', async () => {
    const result = await api.execute(STATEMENTS, { filter: { speaker: ids.source } });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.speaker',
    });
  });

  it.each(['SAID_ON', 'CREATED_AT', 'UPDATED_AT'])('orders by %s both ways', async (field) => {
    for (const direction of ['ASC', 'DESC']) {
      const data = await api.data<StatementsPage>(STATEMENTS, { orderBy: { field, direction } });
      expect(data.statements.edges.length).toBe(4);
    }
  });

  it('lists an actor’s statements as a connection', async () => {
    const data = await api.data<{
      actor: { statements: { totalCount: number; edges: { node: { text: string } }[] } };
    }>(
      'query($id: ID!) { actor(id: $id) { statements(first: 1) { totalCount edges { node { text } } } } }',
      { id: ids.manet },
    );
    expect(data.actor.statements.totalCount).toBe(2);
    expect(data.actor.statements.edges.map((edge) => edge.node.text)).toEqual([
      'We will clear the mines,',
    ]);
  });
});

describe('SQL round trips', () => {
  beforeAll(async () => {
    const { prisma } = api;
    const speaker = await makeActor(prisma, { name: 'Prolific Speaker' });
    const event = await makeEvent(prisma, { title: 'Long conference' });
    const topic = await makeTopic(prisma, { slug: 'n-plus-one' });
    const source = await makeSource(prisma, {
      body: Array.from({ length: 60 }, (_, i) => `Sentence ${i}.`).join(' '),
    });
    for (let i = 0; i < 60; i++) {
      const statement = await makeStatement(prisma, {
        speakerId: speaker.id,
        eventId: event.id,
        text: `Numbered remark ${i}`,
        topics: { create: [{ topicId: topic.id }] },
      });
      await makeCitation(prisma, source, `Sentence ${i}.`, { statementId: statement.id });
    }
  });

  it('costs the same small number of statements for 5 and for 50 nested rows', async () => {
    const filter = { text: 'Numbered remark' };
    const small = await api.data<StatementsPage>(STATEMENTS, { first: 5, filter });
    const smallQueries = api.lastQueries().length;
    const large = await api.data<StatementsPage>(STATEMENTS, { first: 50, filter });
    const largeQueries = api.lastQueries().length;
    expect(small.statements.edges).toHaveLength(5);
    expect(large.statements.edges).toHaveLength(50);
    expect(large.statements.edges.every((edge) => edge.node.citations.length === 1)).toBe(true);
    expect(smallQueries).toBe(largeQueries);
    // One for the page with every nested relation, one for totalCount.
    expect(largeQueries).toBeLessThanOrEqual(2);
  });
});
