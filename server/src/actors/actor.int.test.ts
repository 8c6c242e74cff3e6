import { beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../schema/global-id.ts';
import { createTestApi, EDITOR, type TestApi } from '../test/api.ts';
import { makeActor, makeTopic } from '../test/factories.ts';

let api: TestApi;
let ids: Record<string, string>;

const ACTORS = /* GraphQL */ `
  query Actors($filter: ActorFilter, $orderBy: ActorOrder, $first: Int, $after: String) {
    actors(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      edges { node { name } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

interface ActorsData {
  actors: {
    totalCount: number;
    edges: { node: { name: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
}
const names = (data: ActorsData) => data.actors.edges.map((edge) => edge.node.name);

beforeAll(async () => {
  api = await createTestApi();
  const { prisma } = api;
  const ministry = await makeActor(prisma, {
    kind: 'ORGANIZATION',
    name: 'Ministry of National Defence',
    country: 'KH',
  });
  const seiha = await makeActor(prisma, {
    name: 'Tea Seiha',
    country: 'KH',
    aliases: ['Seiha'],
    positions: {
      create: [
        {
          title: 'Minister of National Defence',
          organizationId: ministry.id,
          startOn: new Date('2023-08-01'),
          startPrecision: 'MONTH',
        },
      ],
    },
  });
  await makeActor(prisma, { name: 'Lloyd Austin', country: 'US' });
  await makeActor(prisma, { name: 'Draft Actor', status: 'DRAFT' });
  await makeTopic(prisma, { slug: 'demining', name: 'Demining and UXO clearance' });
  await makeTopic(prisma, { slug: 'peacekeeping', name: 'Peacekeeping' });
  await makeTopic(prisma, { slug: 'draft-topic', name: 'Draft topic', status: 'DRAFT' });
  ids = { seiha: encodeGlobalId('Actor', seiha.id) };
});

describe('actors', () => {
  it('lists by name, hiding drafts from anonymous clients', async () => {
    const data = await api.data<ActorsData>(ACTORS);
    expect(names(data)).toEqual(['Lloyd Austin', 'Ministry of National Defence', 'Tea Seiha']);
    expect((await api.data<ActorsData>(ACTORS, {}, EDITOR)).actors.totalCount).toBe(4);
  });

  it.each([
    [{ text: 'seiha' }, ['Tea Seiha']],
    [{ text: 'Seiha' }, ['Tea Seiha']],
    [{ kind: 'ORGANIZATION' }, ['Ministry of National Defence']],
    [{ country: 'us' }, ['Lloyd Austin']],
  ])('filters by %j', async (filter, expected) => {
    expect(names(await api.data<ActorsData>(ACTORS, { filter }))).toEqual(expected);
  });

  it('pages and orders', async () => {
    const first = await api.data<ActorsData>(ACTORS, {
      first: 2,
      orderBy: { field: 'NAME', direction: 'DESC' },
    });
    expect(names(first)).toEqual(['Tea Seiha', 'Ministry of National Defence']);
    const rest = await api.data<ActorsData>(ACTORS, {
      first: 2,
      after: first.actors.pageInfo.endCursor,
      orderBy: { field: 'NAME', direction: 'DESC' },
    });
    expect(names(rest)).toEqual(['Lloyd Austin']);
    expect(rest.actors.pageInfo.hasNextPage).toBe(false);
  });

  it('serves positions held over time with their organisation', async () => {
    const data = await api.data<{ actor: unknown }>(
      'query($id: ID!) { actor(id: $id) { name aliases country positions { title startDate endDate organization { name } } } }',
      { id: ids.seiha },
    );
    expect(data.actor).toEqual({
      name: 'Tea Seiha',
      aliases: ['Seiha'],
      country: 'KH',
      positions: [
        {
          title: 'Minister of National Defence',
          startDate: '2023-08',
          endDate: null,
          organization: { name: 'Ministry of National Defence' },
        },
      ],
    });
  });
});

describe('topics', () => {
  it('lists the vocabulary by name and finds a topic by slug', async () => {
    const data = await api.data<{
      topics: { edges: { node: { slug: string } }[] };
      topic: { name: string };
    }>('{ topics { edges { node { slug } } } topic(slug: "peacekeeping") { name } }');
    expect(data.topics.edges.map((edge) => edge.node.slug)).toEqual(['demining', 'peacekeeping']);
    expect(data.topic).toEqual({ name: 'Peacekeeping' });
  });

  it('asks for an id or a slug', async () => {
    const result = await api.execute('{ topic { name } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
