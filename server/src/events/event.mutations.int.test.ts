import { beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../schema/global-id.ts';
import { createTestApi, EDITOR, type TestApi } from '../test/api.ts';
import { makeActor, makeSource, makeTopic } from '../test/factories.ts';

let api: TestApi;
let ids: Record<string, string>;

const CREATE = /* GraphQL */ `
  mutation($input: EventInput!) {
    createEvent(input: $input) {
      id title startDate endDate datePrecision dateQualifier version
      participants { role actor { name } }
      topics { slug }
      parent { title }
      citations { exact }
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation($id: ID!, $v: Int!, $input: EventInput!) {
    updateEvent(id: $id, expectedVersion: $v, input: $input) { id title startDate parent { title } participants { role } version }
  }
`;

beforeAll(async () => {
  api = await createTestApi();
  const clark = await makeActor(api.prisma, { name: 'Ronald P. Clark' });
  const manet = await makeActor(api.prisma, { name: 'Hun Manet' });
  const topic = await makeTopic(api.prisma, { slug: 'peacekeeping' });
  const source = await makeSource(api.prisma, {
    body: 'Clark met Hun Manet at the Peace Palace on February 24.',
  });
  ids = {
    clark: encodeGlobalId('Actor', clark.id),
    manet: encodeGlobalId('Actor', manet.id),
    topic: encodeGlobalId('Topic', topic.id),
    source: encodeGlobalId('Source', source.id),
  };
});

describe('events', () => {
  it('creates an event with dates at their precision, participants, topics and a citation', async () => {
    const data = await api.data<{ createEvent: Record<string, unknown> }>(
      CREATE,
      {
        input: {
          kind: 'VISIT',
          title: 'Clark visits Phnom Penh',
          startDate: '2025-02',
          dateQualifier: 'INFERRED',
          participants: [
            { actor: ids.clark, role: 'VISITOR' },
            { actor: ids.manet, role: 'HOST' },
          ],
          topics: [ids.topic],
          citations: [
            {
              source: ids.source,
              exact: 'Clark met Hun Manet at the Peace Palace on February 24.',
            },
          ],
        },
      },
      EDITOR,
    );
    expect(data.createEvent).toMatchObject({
      startDate: '2025-02',
      endDate: null,
      datePrecision: 'MONTH',
      dateQualifier: 'INFERRED',
      topics: [{ slug: 'peacekeeping' }],
      citations: [{ exact: 'Clark met Hun Manet at the Peace Palace on February 24.' }],
    });
    expect(data.createEvent.participants).toHaveLength(2);
  });

  it('sets a parent, refuses cycles, and replaces participants', async () => {
    const parent = await api.data<{ createEvent: { id: string } }>(
      CREATE,
      { input: { kind: 'VISIT', title: 'Visit' } },
      EDITOR,
    );
    const child = await api.data<{ createEvent: { id: string } }>(
      CREATE,
      { input: { kind: 'MEETING', title: 'Meeting', parent: parent.createEvent.id } },
      EDITOR,
    );
    const cycle = await api.execute(
      UPDATE,
      { id: parent.createEvent.id, v: 1, input: { parent: child.createEvent.id } },
      EDITOR,
    );
    expect(cycle.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.parent',
    });
    const self = await api.execute(
      UPDATE,
      { id: parent.createEvent.id, v: 1, input: { parent: parent.createEvent.id } },
      EDITOR,
    );
    expect(self.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.parent',
    });
    const updated = await api.data<{
      updateEvent: { participants: { role: string }[]; version: number };
    }>(
      UPDATE,
      {
        id: child.createEvent.id,
        v: 1,
        input: { participants: [{ actor: ids.manet, role: 'HOST' }] },
      },
      EDITOR,
    );
    expect(updated.updateEvent).toEqual(
      expect.objectContaining({ participants: [{ role: 'HOST' }], version: 2 }),
    );
  });

  it.each([
    [
      'an end before the start',
      { startDate: '2025-02-25', endDate: '2025-02-24' },
      'input.endDate',
    ],
    ['an end without a start', { endDate: '2025-02-24' }, 'input.endDate'],
    ['an impossible date', { startDate: '2025-02-30' }, undefined],
    [
      'a participant id of the wrong type',
      {
        participants: [
          { actor: 'VG9waWM6MDE5M2E1YTAtMDAwMC03MDAwLTgwMDAtMDAwMDAwMDAwMDAw', role: 'HOST' },
        ],
      },
      'input.participants.0.actor',
    ],
    ['a missing kind', { kind: null }, 'input.kind'],
  ])('rejects %s and writes nothing', async (_name, override, field) => {
    const before = await api.prisma.event.count();
    const result = await api.execute(
      CREATE,
      { input: { kind: 'MEETING', title: 'Bad', ...override } },
      EDITOR,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    if (field) expect(result.errors?.[0]?.extensions?.field).toBe(field);
    expect(await api.prisma.event.count()).toBe(before);
  });
});

describe('actors', () => {
  const CREATE_ACTOR = /* GraphQL */ `
    mutation($input: ActorInput!) {
      createActor(input: $input) { id name country wikidataId aliases positions { title startDate organization { name } } }
    }
  `;

  it('creates an actor with positions over time', async () => {
    const ministry = await api.data<{ createActor: { id: string } }>(
      CREATE_ACTOR,
      { input: { kind: 'ORGANIZATION', name: 'Ministry of National Defence', country: 'kh' } },
      EDITOR,
    );
    const data = await api.data<{ createActor: Record<string, unknown> }>(
      CREATE_ACTOR,
      {
        input: {
          kind: 'PERSON',
          name: 'Tea Seiha',
          aliases: ['Seiha'],
          wikidataId: 'Q123',
          positions: [
            {
              title: 'Minister of National Defence',
              organization: ministry.createActor.id,
              startDate: '2023-08',
            },
          ],
        },
      },
      EDITOR,
    );
    expect(data.createActor).toMatchObject({
      name: 'Tea Seiha',
      wikidataId: 'Q123',
      positions: [
        {
          title: 'Minister of National Defence',
          startDate: '2023-08',
          organization: { name: 'Ministry of National Defence' },
        },
      ],
    });
  });

  it.each([
    [{ country: 'Cambodia' }, 'input.country'],
    [{ wikidataId: '42' }, 'input.wikidataId'],
    [{ name: '<b>Bold</b>' }, 'input.name'],
    [
      { positions: [{ title: 'x', startDate: '2024', endDate: '2023' }] },
      'input.positions.0.endDate',
    ],
  ])('rejects %j', async (override, field) => {
    const result = await api.execute(
      CREATE_ACTOR,
      { input: { kind: 'PERSON', name: 'Someone', ...override } },
      EDITOR,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
