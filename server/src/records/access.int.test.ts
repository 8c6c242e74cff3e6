// The role matrix: every role (and anonymous) against every mutation of the record. Below the
// least role a mutation needs, the answer is UNAUTHENTICATED or FORBIDDEN and nothing changes; at
// or above it, the mutation succeeds.
import { beforeAll, describe, expect, it } from 'vitest';
import type { UserRole } from '../db/generated/prisma/enums.ts';
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
let serial = 0;

interface Case {
  least: UserRole;
  query: string;
  /** Fresh data for one call, so each call has a record at version 1 to act on. */
  setup: () => Promise<Record<string, unknown>>;
}

const g = encodeGlobalId;

async function citedStatement(status: 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' = 'DRAFT') {
  const n = ++serial;
  const source = await makeSource(api.prisma, { body: `Passage number ${n} of the source.` });
  const speaker = await makeActor(api.prisma);
  const statement = await makeStatement(api.prisma, { speakerId: speaker.id, status });
  const citation = await makeCitation(api.prisma, source, `Passage number ${n}`, {
    statementId: statement.id,
  });
  return { source, speaker, statement, citation, n };
}

const CASES: Record<string, Case> = {
  createTopic: {
    least: 'EDITOR',
    query: 'mutation($input: TopicInput!) { createTopic(input: $input) { id } }',
    setup: async () => ({ input: { slug: `t-${++serial}`, name: 'Topic' } }),
  },
  updateTopic: {
    least: 'EDITOR',
    query:
      'mutation($id: ID!) { updateTopic(id: $id, expectedVersion: 1, input: { name: "New" }) { id } }',
    setup: async () => ({ id: g('Topic', (await makeTopic(api.prisma)).id) }),
  },
  createActor: {
    least: 'EDITOR',
    query: 'mutation { createActor(input: { kind: PERSON, name: "Someone" }) { id } }',
    setup: async () => ({}),
  },
  updateActor: {
    least: 'EDITOR',
    query:
      'mutation($id: ID!) { updateActor(id: $id, expectedVersion: 1, input: { name: "New" }) { id } }',
    setup: async () => ({ id: g('Actor', (await makeActor(api.prisma)).id) }),
  },
  createEvent: {
    least: 'EDITOR',
    query: 'mutation { createEvent(input: { kind: MEETING, title: "Meeting" }) { id } }',
    setup: async () => ({}),
  },
  updateEvent: {
    least: 'EDITOR',
    query:
      'mutation($id: ID!) { updateEvent(id: $id, expectedVersion: 1, input: { title: "New" }) { id } }',
    setup: async () => ({ id: g('Event', (await makeEvent(api.prisma)).id) }),
  },
  createStatement: {
    least: 'EDITOR',
    query:
      'mutation($speaker: ID!) { createStatement(input: { kind: PARAPHRASE, text: "Said", speaker: $speaker }) { id } }',
    setup: async () => ({ speaker: g('Actor', (await makeActor(api.prisma)).id) }),
  },
  updateStatement: {
    least: 'EDITOR',
    query:
      'mutation($id: ID!) { updateStatement(id: $id, expectedVersion: 1, input: { speakerTitle: "Minister" }) { id } }',
    setup: async () => ({ id: g('Statement', (await citedStatement()).statement.id) }),
  },
  createSource: {
    least: 'EDITOR',
    query:
      'mutation($text: String!) { createSource(input: { kind: ARTICLE, title: "New", text: $text }) { id } }',
    setup: async () => ({ text: `A new body ${++serial}.` }),
  },
  importSource: {
    least: 'EDITOR',
    query:
      'mutation($text: String!) { importSource(input: { kind: ARTICLE, title: "New", text: $text }) { created } }',
    setup: async () => ({ text: `An imported body ${++serial}.` }),
  },
  updateSource: {
    least: 'EDITOR',
    query:
      'mutation($id: ID!) { updateSource(id: $id, expectedVersion: 1, input: { outlet: "Outlet" }) { id } }',
    setup: async () => ({ id: g('Source', (await makeSource(api.prisma)).id) }),
  },
  citePassage: {
    least: 'EDITOR',
    query:
      'mutation($statement: ID!, $source: ID!, $exact: String!) { citePassage(input: { statement: $statement, passage: { source: $source, exact: $exact } }) { id } }',
    setup: async () => {
      const { statement, source } = await citedStatement();
      return {
        statement: g('Statement', statement.id),
        source: g('Source', source.id),
        exact: 'of the source.',
      };
    },
  },
  updateCitation: {
    least: 'EDITOR',
    query:
      'mutation($id: ID!) { updateCitation(id: $id, expectedVersion: 1, input: { note: "Checked" }) { id } }',
    setup: async () => ({ id: g('Citation', (await citedStatement()).citation.id) }),
  },
  deleteRecord: {
    least: 'EDITOR',
    query: 'mutation($id: ID!) { deleteRecord(id: $id, expectedVersion: 1) { id } }',
    setup: async () => ({ id: g('Topic', (await makeTopic(api.prisma)).id) }),
  },
  restoreRecord: {
    least: 'EDITOR',
    query: 'mutation($id: ID!) { restoreRecord(id: $id) { id } }',
    setup: async () => ({
      id: g('Topic', (await makeTopic(api.prisma, { deletedAt: new Date() })).id),
    }),
  },
  purgeRecord: {
    least: 'ADMIN',
    query: 'mutation($id: ID!) { purgeRecord(id: $id) }',
    setup: async () => ({
      id: g('Topic', (await makeTopic(api.prisma, { deletedAt: new Date() })).id),
    }),
  },
  submitForReview: {
    least: 'EDITOR',
    query:
      'mutation($id: ID!) { transitionRecord(id: $id, to: IN_REVIEW, expectedVersion: 1) { id } }',
    setup: async () => ({ id: g('Statement', (await citedStatement('DRAFT')).statement.id) }),
  },
  publish: {
    least: 'REVIEWER',
    query:
      'mutation($id: ID!) { transitionRecord(id: $id, to: PUBLISHED, expectedVersion: 1) { id } }',
    setup: async () => ({ id: g('Statement', (await citedStatement('IN_REVIEW')).statement.id) }),
  },
  archive: {
    least: 'REVIEWER',
    query:
      'mutation($id: ID!) { transitionRecord(id: $id, to: ARCHIVED, expectedVersion: 1) { id } }',
    setup: async () => ({ id: g('Statement', (await citedStatement('PUBLISHED')).statement.id) }),
  },
  unpublish: {
    least: 'REVIEWER',
    query: 'mutation($id: ID!) { transitionRecord(id: $id, to: DRAFT, expectedVersion: 1) { id } }',
    setup: async () => ({ id: g('Statement', (await citedStatement('PUBLISHED')).statement.id) }),
  },
  restoreRevision: {
    least: 'EDITOR',
    query: 'mutation($r: ID!) { restoreRevision(revisionId: $r, expectedVersion: 1) { id } }',
    setup: async () => {
      const topic = await makeTopic(api.prisma);
      const revision = await api.prisma.revision.create({
        data: {
          entityType: 'Topic',
          entityId: topic.id,
          operation: 'CREATE',
          version: 1,
          after: { slug: topic.slug, name: 'Old name', description: null },
        },
      });
      return { r: g('Revision', revision.id) };
    },
  },
};

const RANK: Record<UserRole, number> = { VIEWER: 1, EDITOR: 2, REVIEWER: 3, ADMIN: 4 };
const CALLERS = [
  ['anonymous', null],
  ['VIEWER', VIEWER],
  ['EDITOR', EDITOR],
  ['REVIEWER', REVIEWER],
  ['ADMIN', ADMIN],
] as const;

beforeAll(async () => {
  api = await createTestApi();
});

describe.each(Object.entries(CASES))('%s', (_name, testCase) => {
  it.each(CALLERS)('as %s', async (_caller, viewer) => {
    const variables = await testCase.setup();
    const revisionsBefore = await api.prisma.revision.count();
    const result = await api.execute(testCase.query, variables, viewer);
    const allowed = viewer !== null && RANK[viewer.role] >= RANK[testCase.least];
    if (allowed) {
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      expect(await api.prisma.revision.count()).toBeGreaterThan(revisionsBefore);
    } else {
      expect(result.errors?.[0]?.extensions?.code).toBe(
        viewer === null ? 'UNAUTHENTICATED' : 'FORBIDDEN',
      );
      expect(await api.prisma.revision.count()).toBe(revisionsBefore);
    }
  });
});
