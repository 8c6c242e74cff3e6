// What a resource's custom operations get from the data provider.
import type { RaRecord } from 'react-admin';
import type { GraphQLClient, Variables } from '../graphql/client.ts';
import type { ApiNode, ResourceApi } from './resource-api.ts';

export interface DataProviderContext {
  /** Runs an operation; errors are GraphQLRequestError (mapped to HttpError by the caller). */
  request<T>(query: string, variables?: Variables, signal?: AbortSignal): Promise<T>;
  /** The API node as the resource's record. */
  toRecord(api: ResourceApi, node: ApiNode): RaRecord;
  client: GraphQLClient;
}
