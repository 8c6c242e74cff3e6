// Drafts and soft-deleted records must not reach anonymous clients by any path: root lookups,
// node(id:), nested to-one relations and nested lists.
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestApi, EDITOR, REVIEWER, type TestApi, VIEWER } from '../test/api.ts';
import {
  makeActor,
  makeCitation,
  makeEvent,
  makeSource,
  makeStatement,
  makeTopic,
} from '../test/factories.ts';
import { encodeGlobalId } from './global-id.ts';

let api: TestApi;
const drafts: Record<string, string> = {};
let publishedStatement: string;
let publishedEvent: string;

beforeAll(async () => {
  api = await createTestApi();
  const { prisma } = api;
  const speaker = await makeActor(prisma, { status: 'IN_REVIEW' });
  const topic = await makeTopic(prisma, { status: 'DRAFT' });
  const parent = await makeEvent(prisma, { status: 'ARCHIVED', title: 'Archived parent' });
  const event = await makeEvent(prisma, { status: 'DRAFT', title: 'Draft event' });
  const source = await makeSource(prisma, {
    status: 'DRAFT',
    body: 'A draft source body with a passage.',
  });
  const deleted = await makeStatement(prisma, { speakerId: speaker.id, deletedAt: new Date() });
  const statement = await makeStatement(prisma, {
    speakerId: speaker.id,
    eventId: event.id,
    topics: { create: [{ topicId: topic.id }] },
  });
  const published = await makeEvent(prisma, {
    title: 'Published child',
    parentId: parent.id,
    participants: { create: [{ actorId: speaker.id, role: 'HOST' }] },
  });
  const citation = await makeCitation(prisma, source, 'a passage', { statementId: statement.id });
  Object.assign(drafts, {
    Actor: encodeGlobalId('Actor', speaker.id),
    Topic: encodeGlobalId('Topic', topic.id),
    Event: encodeGlobalId('Event', event.id),
    Source: encodeGlobalId('Source', source.id),
    Statement: encodeGlobalId('Statement', deleted.id),
    Citation: encodeGlobalId('Citation', citation.id),
  });
  publishedStatement = encodeGlobalId('Statement', statement.id);
  publishedEvent = encodeGlobalId('Event', published.id);
  await prisma.statement.update({ where: { id: statement.id }, data: { status: 'PUBLISHED' } });
});

describe('anonymous clients see PUBLISHED records only', () => {
  it.each(['Actor', 'Topic', 'Event', 'Source', 'Statement', 'Citation'])(
    'node(id:) hides an unpublished %s',
    async (type) => {
      const query = 'query($id: ID!) { node(id: $id) { id } }';
      expect(await api.data(query, { id: drafts[type] })).toEqual({ node: null });
      // Every signed-in role reads drafts, but nobody reads soft-deleted records.
      for (const viewer of [VIEWER, EDITOR, REVIEWER, ADMIN]) {
        const signedIn = await api.data<{ node: { id: string } | null }>(
          query,
          { id: drafts[type] },
          viewer,
        );
        expect(signedIn.node === null).toBe(type === 'Statement');
      }
    },
  );

  it('nulls unpublished to-one relations and drops unpublished list items', async () => {
    const statement = await api.data(
      'query($id: ID!) { statement(id: $id) { speaker { name } event { title } topics { slug } citations { exact } } }',
      { id: publishedStatement },
    );
    expect(statement).toEqual({
      statement: { speaker: null, event: null, topics: [], citations: [] },
    });
    const event = await api.data(
      'query($id: ID!) { event(id: $id) { parent { title } participants { actor { name } } } }',
      {
        id: publishedEvent,
      },
    );
    expect(event).toEqual({ event: { parent: null, participants: [] } });
  });

  it('lets editors follow the same paths', async () => {
    const statement = await api.data<{
      statement: { speaker: unknown; event: unknown; citations: unknown[] };
    }>(
      'query($id: ID!) { statement(id: $id) { speaker { name } event { title } citations { exact } } }',
      { id: publishedStatement },
      EDITOR,
    );
    expect(statement.statement.speaker).not.toBeNull();
    expect(statement.statement.event).toEqual({ title: 'Draft event' });
    expect(statement.statement.citations).toEqual([{ exact: 'a passage' }]);
  });
});
