import { beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../schema/global-id.ts';
import { ADMIN, createTestApi, EDITOR, REVIEWER, type TestApi, VIEWER } from '../test/api.ts';
import {
  makeActor,
  makeCitation,
  makeEvent,
  makeSource,
  makeStatement,
  makeTopic,
} from '../test/factories.ts';

let api: TestApi;

const CREATE = /* GraphQL */ `
  mutation($input: TopicInput!) { createTopic(input: $input) { id slug name status version } }
`;
const UPDATE = /* GraphQL */ `
  mutation($id: ID!, $v: Int!, $input: TopicInput!) {
    updateTopic(id: $id, expectedVersion: $v, input: $input) { id slug name version }
  }
`;
const TRANSITION = /* GraphQL */ `
  mutation($id: ID!, $to: EditorialStatus!, $v: Int!) {
    transitionRecord(id: $id, to: $to, expectedVersion: $v) { id status version }
  }
`;

interface Topic {
  id: string;
  slug: string;
  name: string;
  status: string;
  version: number;
}

async function createTopic(slug: string): Promise<Topic> {
  const data = await api.data<{ createTopic: Topic }>(
    CREATE,
    { input: { slug, name: `Topic ${slug}` } },
    EDITOR,
  );
  return data.createTopic;
}

async function counts() {
  return { topics: await api.prisma.topic.count(), revisions: await api.prisma.revision.count() };
}

beforeAll(async () => {
  api = await createTestApi();
});

describe('create and update with optimistic concurrency', () => {
  it('creates a DRAFT at version 1 with a CREATE revision', async () => {
    const topic = await createTopic('demining');
    expect(topic).toMatchObject({ slug: 'demining', status: 'DRAFT', version: 1 });
    const revisions = await api.prisma.revision.findMany({ where: { entityType: 'Topic' } });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ operation: 'CREATE', version: 1, userId: EDITOR.id });
  });

  it('updates with the expected version and rejects a stale one with CONFLICT naming the current version', async () => {
    const topic = await createTopic('peacekeeping');
    const updated = await api.data<{ updateTopic: Topic }>(
      UPDATE,
      { id: topic.id, v: 1, input: { name: 'UN peacekeeping' } },
      EDITOR,
    );
    expect(updated.updateTopic).toMatchObject({ name: 'UN peacekeeping', version: 2 });
    const before = await counts();
    const stale = await api.execute(
      UPDATE,
      { id: topic.id, v: 1, input: { name: 'Lost edit' } },
      EDITOR,
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect(await counts()).toEqual(before);
  });

  it('lets exactly one of two concurrent edits win', async () => {
    const topic = await createTopic('exercises');
    const results = await Promise.all(
      ['First', 'Second'].map((name) =>
        api.execute(UPDATE, { id: topic.id, v: 1, input: { name } }, EDITOR),
      ),
    );
    const codes = results.map((result) => result.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const row = await api.prisma.topic.findUniqueOrThrow({ where: { slug: 'exercises' } });
    expect(row.version).toBe(2);
    expect(
      await api.prisma.revision.count({ where: { entityId: row.id, operation: 'UPDATE' } }),
    ).toBe(1);
  });

  it.each([
    [{ slug: 'Not A Slug', name: 'x' }, 'input.slug'],
    [{ slug: 'ok-slug', name: '   ' }, 'input.name'],
    [{ slug: 'ok-slug', name: '<script>alert(1)</script>' }, 'input.name'],
    [{ slug: 'ok-slug', name: 'x'.repeat(501) }, 'input.name'],
    [{ slug: 'ok-slug', name: 'nul\u0000byte' }, 'input.name'],
    [{ slug: 'demining', name: 'duplicate slug' }, 'input.slug'],
  ])('rejects bad input %j naming %s, writing nothing', async (input, field) => {
    const before = await counts();
    const result = await api.execute(CREATE, { input }, EDITOR);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await counts()).toEqual(before);
  });

  it('refuses anonymous clients and viewers', async () => {
    expect(
      (await api.execute(CREATE, { input: { slug: 'x', name: 'x' } })).errors?.[0]?.extensions
        ?.code,
    ).toBe('UNAUTHENTICATED');
    expect(
      (await api.execute(CREATE, { input: { slug: 'x', name: 'x' } }, VIEWER)).errors?.[0]
        ?.extensions?.code,
    ).toBe('FORBIDDEN');
  });
});

describe('workflow', () => {
  it('goes DRAFT → IN_REVIEW (editor) → PUBLISHED (reviewer only) → ARCHIVED → DRAFT', async () => {
    const topic = await createTopic('workflow');
    const review = await api.data<{ transitionRecord: Topic }>(
      TRANSITION,
      { id: topic.id, to: 'IN_REVIEW', v: 1 },
      EDITOR,
    );
    expect(review.transitionRecord).toMatchObject({ status: 'IN_REVIEW', version: 2 });
    const denied = await api.execute(TRANSITION, { id: topic.id, to: 'PUBLISHED', v: 2 }, EDITOR);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await api.data(TRANSITION, { id: topic.id, to: 'PUBLISHED', v: 2 }, REVIEWER);
    const skip = await api.execute(TRANSITION, { id: topic.id, to: 'IN_REVIEW', v: 3 }, REVIEWER);
    expect(skip.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    await api.data(TRANSITION, { id: topic.id, to: 'ARCHIVED', v: 3 }, REVIEWER);
    const back = await api.data<{ transitionRecord: Topic }>(
      TRANSITION,
      { id: topic.id, to: 'DRAFT', v: 4 },
      EDITOR,
    );
    expect(back.transitionRecord).toMatchObject({ status: 'DRAFT', version: 5 });
  });

  it('will not publish a statement without a citation', async () => {
    const speaker = await makeActor(api.prisma);
    const statement = await makeStatement(api.prisma, {
      speakerId: speaker.id,
      status: 'IN_REVIEW',
    });
    const id = encodeGlobalId('Statement', statement.id);
    const result = await api.execute(TRANSITION, { id, to: 'PUBLISHED', v: 1 }, REVIEWER);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const source = await makeSource(api.prisma, { body: 'The passage that supports it.' });
    await makeCitation(api.prisma, source, 'The passage that supports it.', {
      statementId: statement.id,
    });
    const published = await api.data<{ transitionRecord: { status: string } }>(
      TRANSITION,
      { id, to: 'PUBLISHED', v: 1 },
      REVIEWER,
    );
    expect(published.transitionRecord.status).toBe('PUBLISHED');
  });
});

describe('delete, restore, purge and history', () => {
  const DELETE =
    'mutation($id: ID!, $v: Int!) { deleteRecord(id: $id, expectedVersion: $v) { id version deletedAt } }';
  const RESTORE = 'mutation($id: ID!) { restoreRecord(id: $id) { version deletedAt } }';
  const PURGE = 'mutation($id: ID!) { purgeRecord(id: $id) }';
  const HISTORY =
    'query($id: ID!) { history(id: $id) { totalCount edges { node { id operation version changedFields changedBy before after } } } }';

  it('soft-deletes, hides, restores, and keeps every step in the history', async () => {
    const topic = await createTopic('to-delete');
    const deleted = await api.data<{ deleteRecord: { version: number; deletedAt: string | null } }>(
      DELETE,
      { id: topic.id, v: 1 },
      EDITOR,
    );
    expect(deleted.deleteRecord.deletedAt).not.toBeNull();
    expect(
      await api.data('query($id: ID!) { topic(id: $id) { slug } }', { id: topic.id }, EDITOR),
    ).toEqual({ topic: null });
    const restored = await api.data<{ restoreRecord: { version: number; deletedAt: null } }>(
      RESTORE,
      { id: topic.id },
      EDITOR,
    );
    expect(restored.restoreRecord).toEqual({ version: 3, deletedAt: null });
    const history = await api.data<{
      history: {
        totalCount: number;
        edges: { node: { operation: string; changedFields: string[]; changedBy: string } }[];
      };
    }>(HISTORY, { id: topic.id }, VIEWER);
    expect(history.history.edges.map((edge) => edge.node.operation)).toEqual([
      'RESTORE',
      'DELETE',
      'CREATE',
    ]);
    expect(history.history.edges[0]?.node.changedFields).toEqual([
      'deletedAt',
      'updatedAt',
      'version',
    ]);
    expect(history.history.edges[0]?.node.changedBy).toBe('Test editor');
    expect((await api.execute(HISTORY, { id: topic.id })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('restores the content of an old revision as a new change', async () => {
    const topic = await createTopic('restorable');
    await api.data(
      UPDATE,
      { id: topic.id, v: 1, input: { name: 'Renamed', description: 'Added later' } },
      EDITOR,
    );
    const history = await api.data<{
      history: { edges: { node: { id: string; operation: string } }[] };
    }>(HISTORY, { id: topic.id }, EDITOR);
    const created = history.history.edges.find((edge) => edge.node.operation === 'CREATE');
    const result = await api.data<{ restoreRevision: { version: number } }>(
      'mutation($r: ID!, $v: Int!) { restoreRevision(revisionId: $r, expectedVersion: $v) { version } }',
      { r: created?.node.id, v: 2 },
      EDITOR,
    );
    expect(result.restoreRevision.version).toBe(3);
    const row = await api.prisma.topic.findUniqueOrThrow({ where: { slug: 'restorable' } });
    expect(row).toMatchObject({ name: 'Topic restorable', description: null, version: 3 });
  });

  it('leaves the lists alone when an old revision does not hold them', async () => {
    // Revisions written before they held an event's participants and topics (the seed loader's
    // used to hold the row only): restoring one must not empty the lists it does not know.
    const actor = await makeActor(api.prisma);
    const topic = await makeTopic(api.prisma);
    const event = await makeEvent(api.prisma, {
      title: 'Before the rename',
      participants: { create: [{ actorId: actor.id, role: 'HOST' }] },
      topics: { create: [{ topicId: topic.id }] },
    });
    const {
      participants: _p,
      topics: _t,
      ...row
    } = await api.prisma.event.findUniqueOrThrow({
      where: { id: event.id },
      include: { participants: true, topics: true },
    });
    const old = await api.prisma.revision.create({
      data: {
        entityType: 'Event',
        entityId: event.id,
        operation: 'CREATE',
        version: 1,
        after: JSON.parse(JSON.stringify(row)),
      },
    });
    await api.prisma.event.update({
      where: { id: event.id },
      data: { title: 'After the rename', version: 2 },
    });
    await api.data(
      'mutation($r: ID!, $v: Int!) { restoreRevision(revisionId: $r, expectedVersion: $v) { version } }',
      { r: encodeGlobalId('Revision', old.id), v: 2 },
      EDITOR,
    );
    const restored = await api.prisma.event.findUniqueOrThrow({
      where: { id: event.id },
      include: { participants: true, topics: true },
    });
    expect(restored).toMatchObject({ title: 'Before the rename', version: 3 });
    expect(restored.participants.map((p) => [p.actorId, p.role])).toEqual([[actor.id, 'HOST']]);
    expect(restored.topics.map((t) => t.topicId)).toEqual([topic.id]);
  });

  it('purges only deleted records, only as an admin', async () => {
    const topic = await createTopic('to-purge');
    expect((await api.execute(PURGE, { id: topic.id }, ADMIN)).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    await api.data(DELETE, { id: topic.id, v: 1 }, EDITOR);
    expect(
      (await api.execute(PURGE, { id: topic.id }, REVIEWER)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(await api.data(PURGE, { id: topic.id }, ADMIN)).toEqual({ purgeRecord: topic.id });
    expect(await api.prisma.topic.count({ where: { slug: 'to-purge' } })).toBe(0);
    const operations = await api.prisma.revision.findMany({
      where: { entityType: 'Topic', operation: 'PURGE' },
    });
    expect(operations).toHaveLength(1);
  });
});

describe('dashboard queries', () => {
  it('counts records by type and status, published only for anonymous clients', async () => {
    const query = '{ recordCounts { type status count } }';
    const signedIn = await api.data<{
      recordCounts: { type: string; status: string; count: number }[];
    }>(query, {}, VIEWER);
    const drafts = signedIn.recordCounts.find(
      (row) => row.type === 'Topic' && row.status === 'DRAFT',
    );
    expect(drafts?.count).toBeGreaterThan(0);
    const anonymous = await api.data<{ recordCounts: { status: string }[] }>(query);
    expect(anonymous.recordCounts.every((row) => row.status === 'PUBLISHED')).toBe(true);
  });

  it('lists recent changes across records, newest first, for signed-in users', async () => {
    const data = await api.data<{
      recentChanges: {
        edges: { node: { recordType: string; recordId: string; operation: string } }[];
      };
    }>(
      '{ recentChanges(first: 3) { edges { node { recordType recordId operation changedBy } } } }',
      {},
      VIEWER,
    );
    expect(data.recentChanges.edges).toHaveLength(3);
    expect(
      (await api.execute('{ recentChanges { edges { node { operation } } } }')).errors?.[0]
        ?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
  });
});
