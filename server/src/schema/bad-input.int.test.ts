// A table of bad inputs: each gets a clear error code (and the field at fault where there is one)
// and changes nothing: row and revision counts stay the same.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, EDITOR, type TestApi } from '../test/api.ts';
import {
  makeActor,
  makeCitation,
  makeEvent,
  makeSource,
  makeStatement,
  makeTopic,
} from '../test/factories.ts';
import type { Viewer } from './context.ts';
import { encodeGlobalId } from './global-id.ts';

let api: TestApi;
const ids: Record<string, string> = {};

interface Case {
  query: string;
  variables?: Record<string, unknown>;
  viewer?: Viewer | null;
  code: string;
  field?: string;
}

const M = {
  createTopic: 'mutation($input: TopicInput!) { createTopic(input: $input) { id } }',
  createActor: 'mutation($input: ActorInput!) { createActor(input: $input) { id } }',
  createEvent: 'mutation($input: EventInput!) { createEvent(input: $input) { id } }',
  createStatement: 'mutation($input: StatementInput!) { createStatement(input: $input) { id } }',
  createSource: 'mutation($input: SourceInput!) { createSource(input: $input) { id } }',
  cite: 'mutation($input: CitePassageInput!) { citePassage(input: $input) { id } }',
  updateTopic:
    'mutation($id: ID!, $v: Int!, $input: TopicInput!) { updateTopic(id: $id, expectedVersion: $v, input: $input) { id } }',
  deleteRecord:
    'mutation($id: ID!, $v: Int!) { deleteRecord(id: $id, expectedVersion: $v) { id } }',
  transition:
    'mutation($id: ID!, $to: EditorialStatus!, $v: Int!) { transitionRecord(id: $id, to: $to, expectedVersion: $v) { id } }',
  restoreRevision:
    'mutation($r: ID!, $v: Int!) { restoreRevision(revisionId: $r, expectedVersion: $v) { id } }',
};
const Q = {
  source: 'query($id: ID!) { source(id: $id) { id } }',
  node: 'query($id: ID!) { node(id: $id) { id } }',
  sources:
    'query($first: Int, $after: String, $filter: SourceFilter) { sources(first: $first, after: $after, filter: $filter) { totalCount edges { cursor } } }',
  statements:
    'query($first: Int, $filter: StatementFilter) { statements(first: $first, filter: $filter) { totalCount } }',
  events: 'query($filter: EventFilter) { events(filter: $filter) { totalCount } }',
  timeline:
    'query($actor: ID, $first: Int, $after: String, $from: PartialDate) { timeline(actor: $actor, first: $first, after: $after, from: $from) { totalCount } }',
  search: 'query($q: String!, $first: Int) { search(query: $q, first: $first) { totalCount } }',
  findPassages:
    'query($text: String!, $first: Int) { findPassages(text: $text, first: $first) { start } }',
  sourceByUrl: 'query($url: String!) { sourceByUrl(url: $url) { id } }',
  history: 'query($id: ID!) { history(id: $id) { totalCount } }',
};

const huge = (n: number) => 'x'.repeat(n);
const otherTypeId = () => encodeGlobalId('Topic', '0193a5a0-0000-7000-8000-000000000000');
const missingId = (type: string) => encodeGlobalId(type, '0193a5a0-0000-7000-8000-00000000dead');

function cases(): [string, Case][] {
  const topic = (input: Record<string, unknown>): Case => ({
    query: M.createTopic,
    variables: { input: { slug: 'fine-slug', name: 'Fine', ...input } },
    code: 'BAD_USER_INPUT',
  });
  const actor = (input: Record<string, unknown>): Case => ({
    query: M.createActor,
    variables: { input: { kind: 'PERSON', name: 'Fine', ...input } },
    code: 'BAD_USER_INPUT',
  });
  const event = (input: Record<string, unknown>): Case => ({
    query: M.createEvent,
    variables: { input: { kind: 'MEETING', title: 'Fine', ...input } },
    code: 'BAD_USER_INPUT',
  });
  const statement = (input: Record<string, unknown>, code = 'BAD_USER_INPUT'): Case => ({
    query: M.createStatement,
    variables: { input: { kind: 'PARAPHRASE', text: 'Fine', speaker: ids.actor, ...input } },
    code,
  });
  const source = (input: Record<string, unknown>): Case => ({
    query: M.createSource,
    variables: { input: { kind: 'ARTICLE', title: 'Fine', text: 'A fine new body.', ...input } },
    code: 'BAD_USER_INPUT',
  });
  const cite = (passage: Record<string, unknown>, code = 'BAD_USER_INPUT'): Case => ({
    query: M.cite,
    variables: { input: { statement: ids.statement, passage: { source: ids.source, ...passage } } },
    code,
  });
  const bad = (
    query: string,
    variables: Record<string, unknown>,
    code = 'BAD_USER_INPUT',
    field?: string,
  ): Case => ({ query, variables, code, field });

  return [
    // Malformed, mistyped and unknown ids.
    ['garbage id in source(id:)', bad(Q.source, { id: 'garbage' }, 'BAD_USER_INPUT', 'id')],
    ['empty id', bad(Q.source, { id: '' }, 'BAD_USER_INPUT', 'id')],
    ['SQL in an id', bad(Q.source, { id: "1' OR '1'='1" }, 'BAD_USER_INPUT', 'id')],
    [
      'base64 of a non-uuid id',
      bad(
        Q.source,
        { id: Buffer.from('Source:1 OR 1=1').toString('base64url') },
        'BAD_USER_INPUT',
        'id',
      ),
    ],
    ['an id of another type', bad(Q.source, { id: otherTypeId() }, 'BAD_USER_INPUT', 'id')],
    ['an over-long id', bad(Q.source, { id: huge(5000) }, 'BAD_USER_INPUT', 'id')],
    ['garbage node id', bad(Q.node, { id: '%%%' })],
    [
      'a filter id of the wrong type',
      bad(Q.statements, { filter: { speaker: otherTypeId() } }, 'BAD_USER_INPUT', 'filter.speaker'),
    ],
    [
      'a garbage filter id',
      bad(Q.events, { filter: { actor: 'nope' } }, 'BAD_USER_INPUT', 'filter.actor'),
    ],
    ['a garbage timeline actor', bad(Q.timeline, { actor: 'nope' }, 'BAD_USER_INPUT', 'actor')],
    [
      'updating an id of the wrong type',
      bad(M.updateTopic, { id: ids.actor, v: 1, input: { name: 'x' } }, 'BAD_USER_INPUT', 'id'),
    ],
    [
      'deleting a record that does not exist',
      bad(M.deleteRecord, { id: missingId('Topic'), v: 1 }, 'NOT_FOUND'),
    ],
    [
      'deleting with a non-record id',
      bad(
        M.deleteRecord,
        { id: encodeGlobalId('Revision', '0193a5a0-0000-7000-8000-000000000000'), v: 1 },
        'BAD_USER_INPUT',
        'id',
      ),
    ],
    ['a statement by an unknown speaker', statement({ speaker: missingId('Actor') })],
    [
      'citing for an unknown statement',
      {
        ...cite({ exact: 'x' }),
        variables: {
          input: {
            statement: missingId('Statement'),
            passage: { source: ids.source, exact: 'passage' },
          },
        },
      },
    ],
    [
      'citing an unknown source',
      { ...cite({ source: missingId('Source'), exact: 'x' }), code: 'NOT_FOUND' },
    ],
    [
      'restoring an unknown revision',
      bad(M.restoreRevision, { r: missingId('Revision'), v: 1 }, 'NOT_FOUND'),
    ],
    ['history of a garbage id', bad(Q.history, { id: 'nope' }, 'BAD_USER_INPUT', 'id')],
    // Cursors and page sizes.
    ['a garbage cursor', bad(Q.sources, { after: 'garbage' })],
    [
      'a cursor with SQL in it',
      bad(Q.sources, { after: Buffer.from('GPC:S:"\' OR 1=1--"').toString('base64') }),
    ],
    ['a garbage timeline cursor', bad(Q.timeline, { after: 'garbage' }, 'BAD_USER_INPUT', 'after')],
    ['first: 101', bad(Q.sources, { first: 101 }, 'BAD_USER_INPUT', 'first')],
    ['first: 1000000', bad(Q.statements, { first: 1_000_000 }, 'BAD_USER_INPUT', 'first')],
    ['first: -1', bad(Q.sources, { first: -1 }, 'BAD_USER_INPUT', 'first')],
    ['timeline first: 0', bad(Q.timeline, { first: 0 }, 'BAD_USER_INPUT', 'first')],
    ['timeline first: 500', bad(Q.timeline, { first: 500 }, 'BAD_USER_INPUT', 'first')],
    ['search first: 101', bad(Q.search, { q: 'x', first: 101 }, 'BAD_USER_INPUT', 'first')],
    [
      'findPassages first: 1000',
      bad(Q.findPassages, { text: 'passage', first: 1000 }, 'BAD_USER_INPUT', 'first'),
    ],
    ['first as a string', bad(Q.sources, { first: 'ten' })],
    ['first as a float', bad(Q.sources, { first: 1.5 })],
    // Huge strings.
    ['a 501-character topic name', { ...topic({ name: huge(501) }), field: 'input.name' }],
    [
      'a 1,000,000-character topic name',
      { ...topic({ name: huge(1_000_000) }), field: 'input.name' },
    ],
    ['a 20,001-character statement', { ...statement({ text: huge(20_001) }), field: 'input.text' }],
    [
      'a 501-character actor name (limit 300)',
      { ...actor({ name: huge(501) }), field: 'input.name' },
    ],
    [
      'a 2,001-character description',
      { ...topic({ description: huge(2001) }), field: 'input.description' },
    ],
    [
      '51 aliases',
      {
        ...actor({ aliases: Array.from({ length: 51 }, (_, i) => `a${i}`) }),
        field: 'input.aliases',
      },
    ],
    ['a 501-character search', bad(Q.search, { q: huge(501) }, 'BAD_USER_INPUT', 'query')],
    [
      'a 501-character text filter',
      bad(Q.sources, { filter: { text: huge(501) } }, 'BAD_USER_INPUT', 'filter.text'),
    ],
    [
      'a 501-character quote lookup',
      bad(Q.findPassages, { text: huge(501) }, 'BAD_USER_INPUT', 'text'),
    ],
    [
      'a 3,000-character URL',
      bad(Q.sourceByUrl, { url: `https://example.com/${huge(3000)}` }, 'BAD_USER_INPUT', 'url'),
    ],
    [
      'a 20,001-character passage',
      { ...cite({ exact: huge(20_001) }), field: 'input.passage.exact' },
    ],
    // NUL bytes and control characters.
    ['a NUL byte in a topic name', { ...topic({ name: 'a\u0000b' }), field: 'input.name' }],
    ['a NUL byte in a slug', { ...topic({ slug: 'a\u0000b' }), field: 'input.slug' }],
    ['a NUL byte in an actor name', { ...actor({ name: 'Hun\u0000Sen' }), field: 'input.name' }],
    [
      'a NUL byte in a statement',
      { ...statement({ text: 'said\u0000this' }), field: 'input.text' },
    ],
    [
      'a NUL byte in an event title',
      { ...event({ title: 'meeting\u0000' }), field: 'input.title' },
    ],
    ['a NUL byte in a source body', { ...source({ text: 'body\u0000text' }), field: 'input.text' }],
    ['a bell character in a title', { ...event({ title: 'ring\u0007' }), field: 'input.title' }],
    ['a newline in a one-line title', { ...event({ title: 'two\nlines' }), field: 'input.title' }],
    // Invalid and impossible dates.
    ['February 29 in a common year', event({ startDate: '2023-02-29' })],
    ['February 30', event({ startDate: '2024-02-30' })],
    ['month 13', event({ startDate: '2024-13' })],
    ['month 00', event({ startDate: '2024-00' })],
    ['day 32', statement({ saidOn: '2024-01-32' })],
    ['a two-digit year', statement({ saidOn: '24' })],
    ['an unpadded month', statement({ saidOn: '2024-1-01' })],
    ['a word for a date', source({ publishedOn: 'yesterday' })],
    ['an empty date', source({ publishedOn: '' })],
    ['year zero', source({ publishedOn: '0000' })],
    ['a date with a time', source({ publishedOn: '2024-02-26T10:00:00Z' })],
    ['a date as a number', event({ startDate: 2024 })],
    ['an impossible date in a filter', bad(Q.statements, { filter: { saidFrom: '2023-02-29' } })],
    ['a garbage timeline date', bad(Q.timeline, { from: 'soon' })],
    [
      'an end before the start',
      { ...event({ startDate: '2025-02-25', endDate: '2024-01-01' }), field: 'input.endDate' },
    ],
    ['an end without a start', { ...event({ endDate: '2024-01-01' }), field: 'input.endDate' }],
    [
      'a month as the retrieval date',
      { ...source({ retrievedOn: '2024-02' }), field: 'input.retrievedOn' },
    ],
    [
      'a position ending before it starts',
      {
        ...actor({ positions: [{ title: 'Minister', startDate: '2024', endDate: '2020' }] }),
        field: 'input.positions.0.endDate',
      },
    ],
    // Offsets.
    ['a negative start', { ...cite({ start: -1, end: 5 }), field: 'input.passage.start' }],
    ['inverted offsets', { ...cite({ start: 10, end: 5 }), field: 'input.passage.start' }],
    ['an empty range', { ...cite({ start: 5, end: 5 }), field: 'input.passage.start' }],
    [
      'an end past the body',
      { ...cite({ start: 0, end: 1_000_000 }), field: 'input.passage.start' },
    ],
    [
      'a huge negative end',
      { ...cite({ start: 0, end: -2_000_000_000 }), field: 'input.passage.start' },
    ],
    ['neither exact text nor offsets', { ...cite({}), field: 'input.passage.exact' }],
    ['a start without an end and no text', { ...cite({ start: 3 }), field: 'input.passage.exact' }],
    [
      'a quote that is not in the source',
      { ...cite({ exact: 'words nobody wrote' }, 'QUOTE_NOT_FOUND'), field: 'input.passage.exact' },
    ],
    ['an ambiguous quote', { ...cite({ exact: 'passage' }), field: 'input.passage.exact' }],
    [
      'a quote with the wrong prefix',
      {
        ...cite({ exact: 'passage', prefix: 'no such words ' }, 'QUOTE_NOT_FOUND'),
        field: 'input.passage.exact',
      },
    ],
    [
      'a direct quote whose words are in no passage',
      {
        ...statement(
          {
            kind: 'DIRECT_QUOTE',
            text: 'Never said',
            citations: [{ source: ids.source, exact: 'The first passage.' }],
          },
          'QUOTE_NOT_FOUND',
        ),
        field: 'input.text',
      },
    ],
    // Markup and scripts in text fields.
    [
      'a script tag in a topic name',
      { ...topic({ name: '<script>alert(1)</script>' }), field: 'input.name' },
    ],
    [
      'an img onerror in an actor name',
      { ...actor({ name: '<img src=x onerror=alert(1)>' }), field: 'input.name' },
    ],
    ['bold markup in a title', { ...event({ title: '<b>Meeting</b>' }), field: 'input.title' }],
    [
      'an iframe in a summary',
      {
        ...event({ summary: 'See <iframe src="https://evil.example"></iframe>' }),
        field: 'input.summary',
      },
    ],
    [
      'an HTML comment in a statement',
      { ...statement({ text: 'text <!-- hidden -->' }), field: 'input.text' },
    ],
    [
      'a javascript: link in a description',
      { ...topic({ description: 'click javascript:alert(1)' }), field: 'input.description' },
    ],
    [
      'a script tag in a speaker title',
      { ...statement({ speakerTitle: '<script>x</script>' }), field: 'input.speakerTitle' },
    ],
    ['a javascript: URL', { ...source({ url: 'javascript:alert(1)' }), field: 'input.url' }],
    [
      'a data: URL',
      { ...source({ url: 'data:text/html,<script>alert(1)</script>' }), field: 'input.url' },
    ],
    ['a relative URL', { ...source({ url: '/relative/path' }), field: 'input.url' }],
    [
      'a javascript: archive URL',
      { ...source({ archiveUrl: 'JaVaScRiPt:alert(1)' }), field: 'input.archiveUrl' },
    ],
    [
      'a javascript: URL lookup',
      bad(Q.sourceByUrl, { url: 'javascript:alert(1)' }, 'BAD_USER_INPUT', 'url'),
    ],
    // SQL-looking values where a format is expected.
    ['SQL in a slug', { ...topic({ slug: 'x\'; DROP TABLE "Topic"; --' }), field: 'input.slug' }],
    ['SQL in a country code', { ...actor({ country: "KH' OR 1=1" }), field: 'input.country' }],
    [
      'SQL in a Wikidata id',
      { ...actor({ wikidataId: 'Q1; DELETE FROM "Actor"' }), field: 'input.wikidataId' },
    ],
    ['SQL in a language tag', { ...source({ language: "en'; --" }), field: 'input.language' }],
    ['SQL in an enum value', bad(M.transition, { id: ids.topic, to: "PUBLISHED'; --", v: 1 })],
    ['SQL in a sort field', bad(Q.sources, { filter: { kind: ["ARTICLE' OR 1=1"] } })],
    // Workflow, versions and missing fields.
    [
      'a stale version',
      bad(M.updateTopic, { id: ids.topic, v: 99, input: { name: 'x' } }, 'CONFLICT'),
    ],
    [
      'version 0',
      bad(
        M.updateTopic,
        { id: ids.topic, v: 0, input: { name: 'x' } },
        'BAD_USER_INPUT',
        'expectedVersion',
      ),
    ],
    [
      'a negative version',
      bad(
        M.updateTopic,
        { id: ids.topic, v: -5, input: { name: 'x' } },
        'BAD_USER_INPUT',
        'expectedVersion',
      ),
    ],
    [
      'skipping review',
      bad(M.transition, { id: ids.topic, to: 'PUBLISHED', v: 1 }, 'BAD_USER_INPUT', 'to'),
    ],
    ['an actor without a kind', { ...actor({ kind: null }), field: 'input.kind' }],
    ['an empty topic name', { ...topic({ name: '   ' }), field: 'input.name' }],
    ['a source without a body', { ...source({ text: null }), field: 'input.text' }],
    [
      'a source whose text already exists',
      { ...source({ text: 'The first passage. The second passage.' }), field: 'input.text' },
    ],
    [
      'deprecating without a reason',
      { ...statement({ rank: 'DEPRECATED' }), field: 'input.rankReason' },
    ],
    [
      'citing for both a statement and an event',
      bad(
        M.cite,
        {
          input: {
            statement: ids.statement,
            event: ids.event,
            passage: { source: ids.source, exact: 'The first passage.' },
          },
        },
        'BAD_USER_INPUT',
        'input.statement',
      ),
    ],
    ['an unknown field', bad(M.createTopic, { input: { slug: 'x', name: 'y', colour: 'red' } })],
  ];
}

async function counts(): Promise<Record<string, number>> {
  const p = api.prisma;
  const entries = await Promise.all([
    p.source.count().then((n) => ['sources', n] as const),
    p.sourceUrl.count().then((n) => ['urls', n] as const),
    p.actor.count().then((n) => ['actors', n] as const),
    p.actorPosition.count().then((n) => ['positions', n] as const),
    p.topic.count().then((n) => ['topics', n] as const),
    p.event.count().then((n) => ['events', n] as const),
    p.eventParticipant.count().then((n) => ['participants', n] as const),
    p.statement.count().then((n) => ['statements', n] as const),
    p.citation.count().then((n) => ['citations', n] as const),
    p.revision.count().then((n) => ['revisions', n] as const),
  ]);
  return Object.fromEntries(entries);
}

beforeAll(async () => {
  api = await createTestApi();
  const source = await makeSource(api.prisma, { body: 'The first passage. The second passage.' });
  const actor = await makeActor(api.prisma);
  const statement = await makeStatement(api.prisma, { speakerId: actor.id });
  const event = await makeEvent(api.prisma);
  const topic = await makeTopic(api.prisma);
  await makeCitation(api.prisma, source, 'The first passage.', { statementId: statement.id });
  Object.assign(ids, {
    source: encodeGlobalId('Source', source.id),
    actor: encodeGlobalId('Actor', actor.id),
    statement: encodeGlobalId('Statement', statement.id),
    event: encodeGlobalId('Event', event.id),
    topic: encodeGlobalId('Topic', topic.id),
  });
});

describe('bad input', () => {
  it('has at least 100 cases', () => {
    expect(cases().length).toBeGreaterThanOrEqual(100);
  });

  // Cases refer to records made in beforeAll, so each is built again when it runs.
  it.each(cases().map(([name]) => name))('%s', async (name) => {
    const badCase = new Map(cases()).get(name) as Case;
    const before = await counts();
    const result = await api.execute(
      badCase.query,
      badCase.variables,
      badCase.viewer === undefined ? EDITOR : badCase.viewer,
    );
    const error = result.errors?.[0];
    expect(error, JSON.stringify(result)).toBeDefined();
    expect(error?.extensions?.code).toBe(badCase.code);
    if (badCase.field) expect(error?.extensions?.field).toBe(badCase.field);
    expect(error?.message).not.toMatch(/prisma|SELECT|INSERT|constraint|stack/i);
    expect(await counts()).toEqual(before);
  });
});
