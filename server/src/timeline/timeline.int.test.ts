import { beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../schema/global-id.ts';
import { createTestApi, EDITOR, type TestApi } from '../test/api.ts';
import { makeActor, makeEvent, makeStatement, makeTopic } from '../test/factories.ts';

let api: TestApi;
let ids: Record<string, string>;

const TIMELINE = /* GraphQL */ `
  query Timeline($actor: ID, $topic: ID, $from: PartialDate, $to: PartialDate, $first: Int, $after: String) {
    timeline(actor: $actor, topic: $topic, from: $from, to: $to, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          __typename
          ... on Event { title startDate }
          ... on Statement { text saidOn speaker { name } }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

interface TimelineData {
  timeline: {
    totalCount: number;
    edges: { cursor: string; node: { __typename: string; title?: string; text?: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const labels = (data: TimelineData) =>
  data.timeline.edges.map((edge) => edge.node.title ?? edge.node.text);

beforeAll(async () => {
  api = await createTestApi();
  const { prisma } = api;
  const manet = await makeActor(prisma, { name: 'Hun Manet' });
  const other = await makeActor(prisma, { name: 'Someone Else' });
  const demining = await makeTopic(prisma, { slug: 'demining' });
  await makeEvent(prisma, {
    title: 'September 2023 meeting',
    startOn: new Date('2023-09-01'),
    startPrecision: 'MONTH',
    participants: { create: [{ actorId: manet.id, role: 'HOST' }] },
  });
  await makeStatement(prisma, {
    speakerId: manet.id,
    text: 'Cambodia will be mine-free',
    saidOn: new Date('2025-02-24'),
    topics: { create: [{ topicId: demining.id }] },
  });
  await makeEvent(prisma, {
    title: 'Meeting with Kritenbrink',
    startOn: new Date('2024-02-26'),
    participants: { create: [{ actorId: manet.id, role: 'HOST' }] },
    topics: { create: [{ topicId: demining.id }] },
  });
  await makeStatement(prisma, {
    speakerId: other.id,
    text: 'Not by Manet',
    saidOn: new Date('2024-03-01'),
  });
  await makeStatement(prisma, { speakerId: manet.id, text: 'A draft remark', status: 'DRAFT' });
  ids = {
    manet: encodeGlobalId('Actor', manet.id),
    demining: encodeGlobalId('Topic', demining.id),
  };
});

describe('timeline', () => {
  it('interleaves an actor’s events and statements in date order', async () => {
    const data = await api.data<TimelineData>(TIMELINE, { actor: ids.manet });
    expect(labels(data)).toEqual([
      'September 2023 meeting',
      'Meeting with Kritenbrink',
      'Cambodia will be mine-free',
    ]);
    expect(data.timeline.totalCount).toBe(3);
    expect(data.timeline.edges[0]?.node).toMatchObject({
      __typename: 'Event',
      startDate: '2023-09',
    });
  });

  it('follows a topic', async () => {
    const data = await api.data<TimelineData>(TIMELINE, { topic: ids.demining });
    expect(labels(data)).toEqual(['Meeting with Kritenbrink', 'Cambodia will be mine-free']);
  });

  it('limits to a date range', async () => {
    const data = await api.data<TimelineData>(TIMELINE, {
      actor: ids.manet,
      from: '2024',
      to: '2024-12',
    });
    expect(labels(data)).toEqual(['Meeting with Kritenbrink']);
  });

  it('keeps an item whose period reaches the start of the range', async () => {
    // The meeting is dated September 2023 (month precision): it may have been on the 20th.
    const data = await api.data<TimelineData>(TIMELINE, { actor: ids.manet, from: '2023-09-20' });
    expect(labels(data)[0]).toBe('September 2023 meeting');
    const later = await api.data<TimelineData>(TIMELINE, { actor: ids.manet, from: '2023-10-01' });
    expect(labels(later)).not.toContain('September 2023 meeting');
  });

  it('pages with a cursor to the last page', async () => {
    const first = await api.data<TimelineData>(TIMELINE, { actor: ids.manet, first: 2 });
    expect(first.timeline.pageInfo.hasNextPage).toBe(true);
    const rest = await api.data<TimelineData>(TIMELINE, {
      actor: ids.manet,
      first: 2,
      after: first.timeline.pageInfo.endCursor,
    });
    expect(labels(rest)).toEqual(['Cambodia will be mine-free']);
    expect(rest.timeline.pageInfo.hasNextPage).toBe(false);
  });

  it('pages the same without totalCount, which it then does not count', async () => {
    const withoutTotal = TIMELINE.replace('totalCount', '');
    const first = await api.data<TimelineData>(withoutTotal, { actor: ids.manet, first: 2 });
    expect(labels(first)).toEqual(['September 2023 meeting', 'Meeting with Kritenbrink']);
    expect(api.lastQueries()[0]).not.toMatch(/count\(\*\) FROM/i);
    const rest = await api.data<TimelineData>(withoutTotal, {
      actor: ids.manet,
      first: 2,
      after: first.timeline.pageInfo.endCursor,
    });
    expect(labels(rest)).toEqual(['Cambodia will be mine-free']);
    expect(rest.timeline.pageInfo.hasNextPage).toBe(false);
    // Asked through a fragment, it is counted.
    const viaFragment = TIMELINE.replace('totalCount', '...Total').concat(
      'fragment Total on TimelineConnection { totalCount }',
    );
    const counted = await api.data<TimelineData>(viaFragment, { actor: ids.manet, first: 1 });
    expect(counted.timeline.totalCount).toBe(3);
  });

  it('pages through events and statements of the same day one at a time', async () => {
    const { prisma } = api;
    const actor = await makeActor(prisma, { name: 'Same Day' });
    const day = new Date('2024-05-05');
    for (const title of ['Morning visit', 'Evening visit']) {
      await makeEvent(prisma, {
        title,
        startOn: day,
        participants: { create: [{ actorId: actor.id, role: 'HOST' }] },
      });
    }
    for (const text of ['First remark', 'Second remark']) {
      await makeStatement(prisma, { speakerId: actor.id, text, saidOn: day });
    }
    const everything = await api.data<TimelineData>(TIMELINE, {
      actor: encodeGlobalId('Actor', actor.id),
    });
    expect(labels(everything).slice(0, 2).sort()).toEqual(['Evening visit', 'Morning visit']);
    // The compiled read path and the resolvers (a directive sends it to them) page the same.
    for (const query of [TIMELINE, TIMELINE.replace('cursor', 'cursor @include(if: true)')]) {
      const walked: string[] = [];
      let after: string | null = null;
      do {
        const page: TimelineData = await api.data<TimelineData>(query, {
          actor: encodeGlobalId('Actor', actor.id),
          first: 1,
          after,
        });
        walked.push(...labels(page).map(String));
        after = page.timeline.pageInfo.hasNextPage ? page.timeline.pageInfo.endCursor : null;
      } while (after);
      expect(walked).toEqual(labels(everything));
    }
  });

  // An actor's events are read from the participant rows' copies of the event's date and
  // visibility (migration actor_timeline_indexes): the copies must stand for the event.
  it('lists an event once for an actor in two roles, and follows its date and visibility', async () => {
    const { prisma } = api;
    const actor = await makeActor(prisma, { name: 'Two Roles' });
    const early = await makeEvent(prisma, {
      title: 'Hosted and attended',
      startOn: new Date('2024-01-10'),
      participants: {
        create: [
          { actorId: actor.id, role: 'HOST' },
          { actorId: actor.id, role: 'ATTENDEE' },
        ],
      },
    });
    await makeEvent(prisma, {
      title: 'Later visit',
      startOn: new Date('2024-06-01'),
      participants: { create: [{ actorId: actor.id, role: 'VISITOR' }] },
    });
    const variables = { actor: encodeGlobalId('Actor', actor.id) };
    const read = async (viewer?: typeof EDITOR) => {
      const data = await api.data<TimelineData>(TIMELINE, variables, viewer);
      return { labels: labels(data), total: data.timeline.totalCount };
    };
    expect(await read()).toEqual({ labels: ['Hosted and attended', 'Later visit'], total: 2 });

    await prisma.event.update({
      where: { id: early.id },
      data: { startOn: new Date('2024-09-09') },
    });
    expect((await read()).labels).toEqual(['Later visit', 'Hosted and attended']);

    await prisma.event.update({ where: { id: early.id }, data: { status: 'DRAFT' } });
    expect(await read()).toEqual({ labels: ['Later visit'], total: 1 });
    expect((await read(EDITOR)).labels).toEqual(['Later visit', 'Hosted and attended']);

    await prisma.event.update({ where: { id: early.id }, data: { deletedAt: new Date() } });
    expect((await read(EDITOR)).labels).toEqual(['Later visit']);
  });

  it.each([
    ['a bad cursor', { after: 'garbage' }, 'after'],
    ['an oversized page', { first: 500 }, 'first'],
    [
      'an actor id of the wrong type',
      { actor: 'U291cmNlOjAxOTNhNWEwLTAwMDAtNzAwMC04MDAwLTAwMDAwMDAwMDAwMA' },
      'actor',
    ],
  ])('rejects %s', async (_name, variables, field) => {
    const result = await api.execute(TIMELINE, variables);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
