// The one way the editor talks to the API: POST /graphql with the session's bearer token.
// GraphQL errors become a GraphQLRequestError that keeps every error's code and extensions.
import { readSession } from '../auth/session.ts';

export interface GraphQLErrorItem {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string; field?: string; currentVersion?: number; [key: string]: unknown };
}

export class GraphQLRequestError extends Error {
  readonly errors: readonly GraphQLErrorItem[];
  readonly status: number;

  constructor(errors: readonly GraphQLErrorItem[], status: number) {
    super(errors[0]?.message ?? `The API answered ${status}`);
    this.name = 'GraphQLRequestError';
    this.errors = errors;
    this.status = status;
  }

  /** The first error's extensions.code, e.g. CONFLICT or BAD_USER_INPUT. */
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

export type Variables = Record<string, unknown>;

export interface GraphQLClient {
  request<T>(query: string, variables?: Variables, signal?: AbortSignal): Promise<T>;
}

export interface ClientOptions {
  endpoint?: string;
  /** The bearer token to send, if any (read per request: it changes on login and logout). */
  token?: () => string | null;
  fetch?: typeof fetch;
}

export function createGraphQLClient(options: ClientOptions = {}): GraphQLClient {
  const endpoint = options.endpoint ?? '/graphql';
  const token = options.token ?? (() => readSession()?.token ?? null);
  return {
    async request<T>(query: string, variables?: Variables, signal?: AbortSignal): Promise<T> {
      const doFetch = options.fetch ?? fetch;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const bearer = token();
      if (bearer) headers.authorization = `Bearer ${bearer}`;
      let response: Response;
      try {
        response = await doFetch(endpoint, {
          method: 'POST',
          headers,
          body: JSON.stringify({ query, variables }),
          ...(signal && { signal }),
        });
      } catch (error) {
        if (signal?.aborted) throw error;
        throw new GraphQLRequestError(
          [{ message: 'The server cannot be reached. Check your connection and try again.' }],
          0,
        );
      }
      let body: { data?: T | null; errors?: GraphQLErrorItem[] };
      try {
        body = (await response.json()) as typeof body;
      } catch {
        throw new GraphQLRequestError(
          [{ message: `The server answered ${response.status} without a GraphQL response.` }],
          response.status,
        );
      }
      if (body.errors?.length) throw new GraphQLRequestError(body.errors, response.status);
      if (body.data == null) {
        throw new GraphQLRequestError([{ message: 'The API returned no data.' }], response.status);
      }
      return body.data;
    },
  };
}
