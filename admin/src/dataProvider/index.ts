// The editor's data provider: every resource the editor knows, over one GraphQL client.
import { actorApi } from '../actors/actor.api.ts';
import { citationApi } from '../citations/citation.api.ts';
import { eventApi } from '../events/event.api.ts';
import { createGraphQLClient, type GraphQLClient } from '../graphql/client.ts';
import { sourceApi } from '../sources/source.api.ts';
import { statementApi } from '../statements/statement.api.ts';
import { topicApi } from '../topics/topic.api.ts';
import { userApi } from '../users/user.api.ts';
import { type CitelineDataProvider, createDataProvider } from './data-provider.ts';
import type { ResourceApi } from './resource-api.ts';

export const RESOURCE_APIS: Readonly<Record<string, ResourceApi>> = {
  sources: sourceApi,
  events: eventApi,
  statements: statementApi,
  actors: actorApi,
  topics: topicApi,
  citations: citationApi,
  users: userApi,
};

export function createCitelineDataProvider(
  client: GraphQLClient = createGraphQLClient(),
): CitelineDataProvider {
  return createDataProvider(RESOURCE_APIS, client);
}

export type { CitelineDataProvider } from './data-provider.ts';
