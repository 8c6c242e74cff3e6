import { HttpError } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { type GraphQLClient, GraphQLRequestError, type Variables } from '../graphql/client.ts';
import { createDataProvider } from './data-provider.ts';
import { RESOURCE_APIS } from './index.ts';

interface Call {
  query: string;
  variables: Variables | undefined;
}

/** A client answering each request with the next of `answers` (data, or errors to throw). */
function fakeClient(...answers: (Record<string, unknown> | GraphQLRequestError)[]) {
  const calls: Call[] = [];
  const client: GraphQLClient = {
    request: async <T>(query: string, variables?: Variables) => {
      calls.push({ query, variables });
      const answer = answers.shift();
      if (!answer) throw new Error(`unexpected request: ${query}`);
      if (answer instanceof GraphQLRequestError) throw answer;
      return answer as T;
    },
  };
  return { client, calls };
}

const statement = {
  id: 'U3RhdGVtZW50OjE',
  version: 3,
  status: 'DRAFT',
  kind: 'DIRECT_QUOTE',
  text: 'We will clear the mines.',
  speaker: { id: 'QWN0b3I6MQ', name: 'Tea Seiha' },
  event: null,
  topics: [{ id: 'VG9waWM6MQ', name: 'Demining' }],
  rank: 'NORMAL',
  rankReason: null,
  saidOn: '2024-02',
  channel: null,
  speakerTitle: null,
  dateQualifier: null,
};

describe('the data provider', () => {
  it('lists through the connection with the filter, search and order the API takes', async () => {
    const { client, calls } = fakeClient({
      list: {
        totalCount: 1,
        pageInfo: { hasNextPage: false },
        edges: [{ cursor: 'c1', node: { id: 'U291cmNlOjE', title: 'A', version: 1 } }],
      },
    });
    const provider = createDataProvider(RESOURCE_APIS, client);
    const result = await provider.getList('sources', {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'title', order: 'ASC' },
      filter: { q: 'mines', kind: 'ARTICLE', outlet: '' },
    });
    expect(result).toMatchObject({ total: 1, data: [{ id: 'U291cmNlOjE', title: 'A' }] });
    expect(calls[0]?.query).toContain(
      'sources(first: $first, after: $after, filter: $filter, orderBy: $orderBy)',
    );
    expect(calls[0]?.query).not.toContain('body');
    expect(calls[0]?.variables).toEqual({
      first: 10,
      after: null,
      filter: { text: 'mines', kind: ['ARTICLE'] },
      orderBy: { field: 'TITLE', direction: 'ASC' },
    });
  });

  it('leaves out the order for fields the API cannot sort by', async () => {
    const { client, calls } = fakeClient({
      list: { totalCount: 0, pageInfo: { hasNextPage: false }, edges: [] },
    });
    await createDataProvider(RESOURCE_APIS, client).getList('statements', {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'text', order: 'ASC' },
      filter: {},
    });
    expect(calls[0]?.query).not.toContain('orderBy');
  });

  it('reads a record by node id and flattens its references for the form', async () => {
    const { client } = fakeClient({ node: { __typename: 'Statement', ...statement } });
    const { data } = await createDataProvider(RESOURCE_APIS, client).getOne('statements', {
      id: statement.id,
    });
    expect(data).toMatchObject({
      speakerId: 'QWN0b3I6MQ',
      eventId: null,
      topicIds: ['VG9waWM6MQ'],
    });
  });

  it('answers 404 for an id of another type', async () => {
    const { client } = fakeClient({ node: { __typename: 'Actor', id: 'QWN0b3I6MQ' } });
    await expect(
      createDataProvider(RESOURCE_APIS, client).getOne('statements', { id: 'QWN0b3I6MQ' }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('reads many records with one aliased request per ten ids', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `id${i}`);
    const answer = (from: number, count: number) =>
      Object.fromEntries(
        Array.from({ length: count }, (_, i) => [
          `r${i}`,
          { __typename: 'Topic', id: `id${from + i}`, name: `T${from + i}` },
        ]),
      );
    const { client, calls } = fakeClient(answer(0, 10), answer(10, 2));
    const { data } = await createDataProvider(RESOURCE_APIS, client).getMany('topics', { ids });
    expect(data.map((topic) => topic.id)).toEqual(ids);
    expect(calls).toHaveLength(2);
  });

  it('updates with the version the form was loaded with, sending only what changed', async () => {
    const { client, calls } = fakeClient({ result: { ...statement, version: 4, text: 'New.' } });
    const provider = createDataProvider(RESOURCE_APIS, client);
    const previousData = (
      await createDataProvider(
        RESOURCE_APIS,
        fakeClient({ node: { __typename: 'Statement', ...statement } }).client,
      ).getOne('statements', { id: statement.id })
    ).data;
    const { data } = await provider.update('statements', {
      id: statement.id,
      data: { ...previousData, text: 'New.', version: 99 },
      previousData,
    });
    expect(data.version).toBe(4);
    expect(calls[0]?.variables).toEqual({
      id: statement.id,
      expectedVersion: 3,
      input: { text: 'New.' },
    });
  });

  it('turns a CONFLICT into a 409 carrying the current version', async () => {
    const conflict = new GraphQLRequestError(
      [{ message: 'Changed by someone else', extensions: { code: 'CONFLICT', currentVersion: 5 } }],
      200,
    );
    const { client } = fakeClient(conflict);
    const error = await createDataProvider(RESOURCE_APIS, client)
      .update('statements', {
        id: statement.id,
        data: { ...statement, speakerId: 'QWN0b3I6MQ', text: 'Other.' },
        previousData: { ...statement, speakerId: 'QWN0b3I6MQ' },
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 409, body: { code: 'CONFLICT', currentVersion: 5 } });
  });

  it('puts validation errors on the form field they name', async () => {
    const invalid = new GraphQLRequestError(
      [
        {
          message: 'input.speaker: no such actor',
          extensions: { code: 'BAD_USER_INPUT', field: 'input.speaker' },
        },
      ],
      200,
    );
    const { client } = fakeClient(invalid);
    const error = await createDataProvider(RESOURCE_APIS, client)
      .create('statements', { data: { kind: 'PARAPHRASE', text: 'x', speakerId: 'nope' } })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      status: 400,
      body: {
        errors: {
          speakerId: 'input.speaker: no such actor',
          root: { serverError: 'input.speaker: no such actor' },
        },
      },
    });
  });

  it('deletes softly with the record version', async () => {
    const { client, calls } = fakeClient({ deleteRecord: { id: statement.id } });
    await createDataProvider(RESOURCE_APIS, client).delete('statements', {
      id: statement.id,
      previousData: statement,
    });
    expect(calls[0]?.query).toContain('deleteRecord(id: $id, expectedVersion: $expectedVersion)');
    expect(calls[0]?.variables).toEqual({ id: statement.id, expectedVersion: 3 });
  });
});
