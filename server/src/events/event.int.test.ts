import { beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../schema/global-id.ts';
import { createTestApi, type TestApi } from '../test/api.ts';
import { makeActor, makeCitation, makeEvent, makeSource, makeTopic } from '../test/factories.ts';

let api: TestApi;
let ids: Record<string, string>;

const EVENTS = /* GraphQL */ `
  query Events($filter: EventFilter, $orderBy: EventOrder) {
    events(filter: $filter, orderBy: $orderBy) {
      totalCount
      edges { node { title } }
    }
  }
`;

const titles = (data: { events: { edges: { node: { title: string } }[] } }) =>
  data.events.edges.map((edge) => edge.node.title);

beforeAll(async () => {
  api = await createTestApi();
  const { prisma } = api;
  const clark = await makeActor(prisma, { name: 'Ronald P. Clark' });
  const manet = await makeActor(prisma, { name: 'Hun Manet' });
  const exercises = await makeTopic(prisma, { slug: 'joint-exercises' });
  const visit = await makeEvent(prisma, {
    kind: 'VISIT',
    title: 'Clark visits Phnom Penh',
    startOn: new Date('2025-02-24'),
    endOn: new Date('2025-02-25'),
    endPrecision: 'DAY',
    place: 'Phnom Penh',
    participants: { create: [{ actorId: clark.id, role: 'VISITOR' }] },
  });
  const call = await makeEvent(prisma, {
    title: 'Courtesy call on Hun Manet',
    startOn: new Date('2025-02-24'),
    parentId: visit.id,
    participants: {
      create: [
        { actorId: clark.id, role: 'VISITOR' },
        { actorId: manet.id, role: 'HOST' },
      ],
    },
  });
  await makeEvent(prisma, {
    kind: 'EXERCISE',
    title: 'Angkor Sentinel first held',
    startOn: new Date('2010-07-01'),
    startPrecision: 'MONTH',
    topics: { create: [{ topicId: exercises.id }] },
  });
  await makeEvent(prisma, {
    kind: 'MEETING',
    title: 'September meeting',
    startOn: new Date('2023-09-01'),
    startPrecision: 'MONTH',
    dateQualifier: 'INFERRED',
  });
  await makeEvent(prisma, { title: 'Draft event', status: 'DRAFT' });
  await makeEvent(prisma, { title: 'Undated visit', startOn: null, startPrecision: null });
  const source = await makeSource(prisma, { body: 'Clark paid a courtesy call on Hun Manet.' });
  await makeCitation(prisma, source, 'Clark paid a courtesy call on Hun Manet.', {
    eventId: call.id,
  });
  ids = {
    clark: encodeGlobalId('Actor', clark.id),
    manet: encodeGlobalId('Actor', manet.id),
    exercises: encodeGlobalId('Topic', exercises.id),
    visit: encodeGlobalId('Event', visit.id),
    call: encodeGlobalId('Event', call.id),
    source: encodeGlobalId('Source', source.id),
  };
});

describe('events', () => {
  it('serves dates at their precision, participants, parent and children', async () => {
    const data = await api.data<{ event: Record<string, unknown> }>(
      /* GraphQL */ `query($id: ID!) {
        event(id: $id) {
          title kind startDate endDate datePrecision dateQualifier place
          participants { role actor { name } }
          parent { title }
          children { title }
        }
      }`,
      { id: ids.visit },
    );
    expect(data.event).toEqual({
      title: 'Clark visits Phnom Penh',
      kind: 'VISIT',
      startDate: '2025-02-24',
      endDate: '2025-02-25',
      datePrecision: 'DAY',
      dateQualifier: 'EXACT',
      place: 'Phnom Penh',
      participants: [{ role: 'VISITOR', actor: { name: 'Ronald P. Clark' } }],
      parent: null,
      children: [{ title: 'Courtesy call on Hun Manet' }],
    });
  });

  it('says when a date was inferred and keeps its precision', async () => {
    const data = await api.data<{ events: { edges: { node: Record<string, unknown> }[] } }>(
      'query { events(filter: { text: "September" }) { edges { node { startDate datePrecision dateQualifier } } } }',
    );
    expect(data.events.edges[0]?.node).toEqual({
      startDate: '2023-09',
      datePrecision: 'MONTH',
      dateQualifier: 'INFERRED',
    });
  });

  it('keeps an undated event undated', async () => {
    const data = await api.data<{ events: { edges: { node: Record<string, unknown> }[] } }>(
      'query { events(filter: { text: "Undated" }) { edges { node { startDate datePrecision dateQualifier } } } }',
    );
    expect(data.events.edges[0]?.node).toEqual({
      startDate: null,
      datePrecision: null,
      dateQualifier: null,
    });
  });

  it('lists most recent first, undated last, and hides drafts', async () => {
    const data = await api.data<{
      events: { totalCount: number; edges: { node: { title: string } }[] };
    }>(EVENTS);
    expect(titles(data)).toEqual([
      'Courtesy call on Hun Manet',
      'Clark visits Phnom Penh',
      'September meeting',
      'Angkor Sentinel first held',
      'Undated visit',
    ]);
    expect(data.events.totalCount).toBe(5);
  });

  it.each([
    ['actor', () => ({ actor: ids.manet }), ['Courtesy call on Hun Manet']],
    ['topic', () => ({ topic: ids.exercises }), ['Angkor Sentinel first held']],
    ['source', () => ({ source: ids.source }), ['Courtesy call on Hun Manet']],
    ['parent', () => ({ parent: ids.visit }), ['Courtesy call on Hun Manet']],
    [
      'kind',
      () => ({ kind: ['EXERCISE', 'VISIT'] }),
      ['Clark visits Phnom Penh', 'Angkor Sentinel first held'],
    ],
    // A month-precision event overlaps a range that starts inside that month.
    [
      'a range starting mid-month',
      () => ({ from: '2010-07-15', to: '2010-12' }),
      ['Angkor Sentinel first held'],
    ],
    [
      'a multi-day event by its last day',
      () => ({ from: '2025-02-25', to: '2025-02-25' }),
      ['Clark visits Phnom Penh'],
    ],
    ['a year', () => ({ from: '2023', to: '2023' }), ['September meeting']],
  ])('filters by %s', async (_name, filter, expected) => {
    expect(titles(await api.data(EVENTS, { filter: filter() }))).toEqual(expected);
  });

  it('orders by title', async () => {
    const data = await api.data(EVENTS, { orderBy: { field: 'TITLE', direction: 'ASC' } });
    expect(titles(data as never)[0]).toBe('Angkor Sentinel first held');
  });

  it('lists a topic’s events as a connection', async () => {
    const data = await api.data<{ topic: { events: { edges: { node: { title: string } }[] } } }>(
      'query($id: ID!) { topic(id: $id) { events(first: 5) { edges { node { title } } } } }',
      { id: ids.exercises },
    );
    expect(data.topic.events.edges.map((edge) => edge.node.title)).toEqual([
      'Angkor Sentinel first held',
    ]);
  });

  it('cites its passages', async () => {
    const data = await api.data<{ event: { citations: { exact: string }[] } }>(
      'query($id: ID!) { event(id: $id) { citations { exact } } }',
      { id: ids.call },
    );
    expect(data.event.citations).toEqual([{ exact: 'Clark paid a courtesy call on Hun Manet.' }]);
  });
});
