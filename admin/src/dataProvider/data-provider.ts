// react-admin's data provider over the GraphQL API, hand-written (no introspection): every
// resource is described by a ResourceApi, and lists are Relay connections paged by cursor.
import {
  type CreateParams,
  type DataProvider,
  type DeleteManyParams,
  type DeleteParams,
  type GetListParams,
  type GetManyParams,
  type GetManyReferenceParams,
  type GetOneParams,
  HttpError,
  type Identifier,
  type RaRecord,
  type UpdateParams,
} from 'react-admin';
import type { GraphQLClient, Variables } from '../graphql/client.ts';
import { toHttpError } from '../graphql/errors.ts';
import type { DataProviderContext } from './context.ts';
import { type Chunk, CursorPager } from './cursor-pager.ts';
import type { ApiNode, ResourceApi } from './resource-api.ts';

/** The state of a record after deleteRecord, restoreRecord or transitionRecord. */
export interface RecordChange {
  id: string;
  type: string;
  status: string;
  version: number;
  deletedAt: string | null;
}

export interface TransitionParams {
  id: Identifier;
  to: string;
  expectedVersion: number;
}

export interface CitelineDataProvider extends DataProvider {
  /** Moves a record through the editorial workflow (`transitionRecord`). */
  transition(resource: string, params: TransitionParams): Promise<{ data: RecordChange }>;
  /** Runs any operation on the API, for screens beyond the CRUD pages; errors as HttpError. */
  graphql<T>(query: string, variables?: Variables): Promise<T>;
}

interface ConnectionResult {
  totalCount: number;
  pageInfo: { hasNextPage: boolean };
  edges: { cursor: string; node?: ApiNode }[];
}

/** Records per getMany request: each is an aliased `node(id:)`, and the API allows 15 aliases. */
const MANY_CHUNK = 10;

const RECORD_CHANGE_FIELDS = 'id type status version deletedAt';

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function withoutBlanks(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => !isBlank(value)));
}

/** The fields of `next` that differ from `before` (what an update sends). */
export function changedFields(
  next: Record<string, unknown>,
  before: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(next).filter(
      ([key, value]) => JSON.stringify(value ?? null) !== JSON.stringify(before[key] ?? null),
    ),
  );
}

export function createDataProvider(
  resources: Readonly<Record<string, ResourceApi>>,
  client: GraphQLClient,
): CitelineDataProvider {
  const pager = new CursorPager();

  const apiOf = (resource: string): ResourceApi => {
    const api = resources[resource];
    if (!api) throw new Error(`Unknown resource "${resource}"`);
    return api;
  };
  const toRecord = (api: ResourceApi, node: ApiNode): RaRecord =>
    api.toRecord ? api.toRecord(node) : node;
  const toInput = (api: ResourceApi, data: Partial<RaRecord>): Record<string, unknown> => {
    if (api.toInput) return api.toInput(data);
    const { id: _id, version: _version, ...rest } = data;
    return rest;
  };
  const context: DataProviderContext = {
    request: (query, variables, signal) => client.request(query, variables, signal),
    toRecord,
    client,
  };
  /** Runs `run`, mapping API errors for the resource's forms. */
  const guarded = async <T>(api: ResourceApi | null, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw toHttpError(error, api?.fieldMap);
    }
  };
  const fragment = (api: ResourceApi) => `fragment R on ${api.typename} { ${api.fields} }`;

  const getOne = async (api: ResourceApi, id: Identifier, signal?: AbortSignal) => {
    const data = await client.request<{ node: (ApiNode & { __typename: string }) | null }>(
      `query One($id: ID!) { node(id: $id) { __typename ...R } } ${fragment(api)}`,
      { id: String(id) },
      signal,
    );
    if (!data.node || data.node.__typename !== api.typename) {
      throw new HttpError(`This ${api.typename.toLowerCase()} does not exist or is hidden.`, 404, {
        code: 'NOT_FOUND',
      });
    }
    const { __typename: _typename, ...node } = data.node;
    return toRecord(api, node as ApiNode);
  };

  const getMany = async (api: ResourceApi, ids: readonly Identifier[], signal?: AbortSignal) => {
    const unique = [...new Set(ids.map(String))];
    const records: RaRecord[] = [];
    for (let start = 0; start < unique.length; start += MANY_CHUNK) {
      const chunk = unique.slice(start, start + MANY_CHUNK);
      const variables = Object.fromEntries(chunk.map((id, index) => [`id${index}`, id]));
      const query = `query Many(${chunk.map((_, i) => `$id${i}: ID!`).join(', ')}) { ${chunk
        .map((_, i) => `r${i}: node(id: $id${i}) { __typename ...R }`)
        .join(' ')} } ${fragment(api)}`;
      const data = await client.request<Record<string, (ApiNode & { __typename: string }) | null>>(
        query,
        variables,
        signal,
      );
      for (let i = 0; i < chunk.length; i++) {
        const found = data[`r${i}`];
        if (found && found.__typename === api.typename) {
          const { __typename: _typename, ...node } = found;
          records.push(toRecord(api, node as ApiNode));
        }
      }
    }
    return records;
  };

  const listFetcher = (
    api: ResourceApi,
    filter: Record<string, unknown>,
    orderBy: Record<string, unknown> | undefined,
    signal?: AbortSignal,
  ) => {
    const list = api.list;
    if (!list) throw new Error(`${api.typename} has no list in the API`);
    const order = orderBy && list.orderType;
    return async (after: string | null, first: number, withNodes: boolean) => {
      const query = `query List($first: Int!, $after: String, $filter: ${list.filterType}${
        order ? `, $orderBy: ${list.orderType}` : ''
      }) { list: ${list.field}(first: $first, after: $after, filter: $filter${
        order ? ', orderBy: $orderBy' : ''
      }) { totalCount pageInfo { hasNextPage } edges { cursor${
        withNodes ? ` node { ${api.listFields ?? api.fields} }` : ''
      } } } }`;
      const data = await client.request<{ list: ConnectionResult }>(
        query,
        { first, after, filter, ...(order && { orderBy }) },
        signal,
      );
      return {
        totalCount: data.list.totalCount,
        hasNextPage: data.list.pageInfo.hasNextPage,
        edges: data.list.edges,
      } satisfies Chunk<ApiNode>;
    };
  };

  const apiFilter = (api: ResourceApi, filter: Record<string, unknown> = {}) => {
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(filter)) {
      if (isBlank(value) || (Array.isArray(value) && value.length === 0)) continue;
      const name = key === 'q' ? 'text' : key;
      result[name] =
        api.list?.listFilters?.includes(name) && !Array.isArray(value) ? [value] : value;
    }
    return result;
  };

  const apiOrder = (api: ResourceApi, sort?: { field: string; order: string }) => {
    const field = sort && api.list?.sortFields?.[sort.field];
    if (!field || !sort) return undefined;
    return { field, direction: sort.order === 'ASC' ? 'ASC' : 'DESC' };
  };

  const slice = async (
    key: string,
    pagination: { page: number; perPage: number } | undefined,
    fetch: (after: string | null, first: number, withNodes: boolean) => Promise<Chunk<ApiNode>>,
    api: ResourceApi,
  ) => {
    const { page = 1, perPage = 25 } = pagination ?? {};
    const result = await pager.slice(key, (page - 1) * perPage, perPage, fetch);
    return {
      data: result.nodes.map((node) => toRecord(api, node)),
      total: result.totalCount,
      pageInfo: { hasNextPage: result.hasNextPage, hasPreviousPage: page > 1 },
    };
  };

  const mutated = <T>(result: T): T => {
    // Any change can move rows between pages or lists: forget every remembered cursor.
    pager.invalidate('');
    return result;
  };

  const deleteOne = async (api: ResourceApi, id: Identifier, version: unknown) => {
    if (api.deletable === false) {
      throw new HttpError(`A ${api.typename.toLowerCase()} cannot be deleted.`, 400, {});
    }
    if (typeof version !== 'number') throw new Error('Deleting needs the record version');
    await client.request(
      `mutation Delete($id: ID!, $expectedVersion: Int!) { deleteRecord(id: $id, expectedVersion: $expectedVersion) { ${RECORD_CHANGE_FIELDS} } }`,
      { id: String(id), expectedVersion: version },
    );
  };

  // react-admin types each method generic in the record type; ours returns RaRecord.
  const provider = {
    getList: (resource: string, params: GetListParams) => {
      const api = apiOf(resource);
      return guarded(api, () => {
        const filter = apiFilter(api, params.filter);
        const orderBy = apiOrder(api, params.sort);
        const key = `${resource}:${JSON.stringify({ filter, orderBy })}`;
        return slice(key, params.pagination, listFetcher(api, filter, orderBy, params.signal), api);
      });
    },

    getOne: (resource: string, params: GetOneParams) => {
      const api = apiOf(resource);
      return guarded(api, async () => ({ data: await getOne(api, params.id, params.signal) }));
    },

    getMany: (resource: string, params: GetManyParams) => {
      const api = apiOf(resource);
      return guarded(api, async () => ({ data: await getMany(api, params.ids, params.signal) }));
    },

    getManyReference: (resource: string, params: GetManyReferenceParams) => {
      const api = apiOf(resource);
      return guarded(api, () => {
        if (api.manyReference) {
          const { key, fetch } = api.manyReference(context, params.target, String(params.id));
          return slice(`${resource}:${key}`, params.pagination, fetch, api);
        }
        const filter = apiFilter(api, { ...params.filter, [params.target]: params.id });
        const orderBy = apiOrder(api, params.sort);
        const key = `${resource}:${JSON.stringify({ filter, orderBy })}`;
        return slice(key, params.pagination, listFetcher(api, filter, orderBy, params.signal), api);
      });
    },

    create: (resource: string, params: CreateParams) => {
      const api = apiOf(resource);
      return guarded(api, async () => {
        if (typeof api.create === 'function') {
          return mutated({ data: await api.create(context, params.data) });
        }
        const mutation = api.create ?? `create${api.typename}`;
        const data = await client.request<{ result: ApiNode }>(
          `mutation Create($input: ${api.createInputType ?? `${api.typename}Input`}!) { result: ${mutation}(input: $input) { ...R } } ${fragment(api)}`,
          { input: withoutBlanks(toInput(api, params.data)) },
        );
        return mutated({ data: toRecord(api, data.result) });
      });
    },

    update: (resource: string, params: UpdateParams) => {
      const api = apiOf(resource);
      return guarded(api, async () => {
        if (api.update === false) {
          throw new HttpError(`A ${api.typename.toLowerCase()} cannot be changed.`, 400, {});
        }
        const previous = params.previousData as RaRecord | undefined;
        // The version the form was loaded with: a change made since is a CONFLICT, not lost.
        const expectedVersion = previous?.version;
        if (typeof expectedVersion !== 'number')
          throw new Error('Updating needs the record version');
        const input = changedFields(toInput(api, params.data), toInput(api, previous ?? {}));
        if (Object.keys(input).length === 0) return { data: previous as RaRecord };
        const mutation = api.update ?? `update${api.typename}`;
        const data = await client.request<{ result: ApiNode }>(
          `mutation Update($id: ID!, $expectedVersion: Int!, $input: ${api.updateInputType ?? `${api.typename}Input`}!) { result: ${mutation}(id: $id, expectedVersion: $expectedVersion, input: $input) { ...R } } ${fragment(api)}`,
          { id: String(params.id), expectedVersion, input },
        );
        return mutated({ data: toRecord(api, data.result) });
      });
    },

    updateMany: () =>
      Promise.reject(new HttpError('Changing several records at once is not supported.', 400, {})),

    delete: (resource: string, params: DeleteParams) => {
      const api = apiOf(resource);
      return guarded(api, async () => {
        await deleteOne(api, params.id, params.previousData?.version);
        return mutated({ data: params.previousData as RaRecord });
      });
    },

    deleteMany: (resource: string, params: DeleteManyParams) => {
      const api = apiOf(resource);
      return guarded(api, async () => {
        // deleteRecord needs each record's version: read them now, then delete one by one.
        const records = await getMany(api, params.ids);
        const deleted: Identifier[] = [];
        try {
          for (const record of records) {
            await deleteOne(api, record.id, record.version);
            deleted.push(record.id);
          }
        } finally {
          pager.invalidate('');
        }
        return { data: deleted };
      });
    },

    transition: (resource: string, params: TransitionParams) => {
      const api = apiOf(resource);
      return guarded(api, async () => {
        const data = await client.request<{ result: RecordChange }>(
          `mutation Transition($id: ID!, $to: EditorialStatus!, $expectedVersion: Int!) { result: transitionRecord(id: $id, to: $to, expectedVersion: $expectedVersion) { ${RECORD_CHANGE_FIELDS} } }`,
          { id: String(params.id), to: params.to, expectedVersion: params.expectedVersion },
        );
        return mutated({ data: data.result });
      });
    },

    graphql: <T>(query: string, variables?: Variables) =>
      guarded(null, async () => {
        const result = await client.request<T>(query, variables);
        // A mutation from a custom screen can move rows between pages like any other change.
        return /^\s*mutation\b/.test(query) ? mutated(result) : result;
      }),
  };
  return provider as CitelineDataProvider;
}
