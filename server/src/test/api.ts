// An in-process API over a fresh test database, counting the SQL statements each request sends.
import type { AddressInfo } from 'node:net';
import { afterAll } from 'vitest';
import { type App, buildApp, type ExecuteResult } from '../app.ts';
import { createPrisma, type Db } from '../db/client.ts';
import type { Viewer } from '../schema/context.ts';
import { createTestDatabase } from './database.ts';

export interface TestApi {
  /** A client for arranging data (its statements are not counted). */
  prisma: Db;
  app: App;
  /** SQL statements sent by the API during the last `execute`. */
  lastQueries(): readonly string[];
  execute(
    query: string,
    variables?: Record<string, unknown>,
    viewer?: Viewer | null,
  ): Promise<ExecuteResult>;
  /**
   * Sends the operation over HTTP, as a client would, with extra request headers (such as
   * Authorization): the path through authentication that `execute` skips.
   */
  http(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<HttpResult>;
  /** Like execute, but fails the test on any GraphQL error and returns `data`. */
  data<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    viewer?: Viewer | null,
  ): Promise<T>;
}

export interface HttpResult extends ExecuteResult {
  status: number;
}

/** One signed-in user per role; createTestApi creates them in each test database. */
export const VIEWER: Viewer = { id: '00000000-0000-7000-8000-000000000001', role: 'VIEWER' };
export const EDITOR: Viewer = { id: '00000000-0000-7000-8000-000000000002', role: 'EDITOR' };
export const REVIEWER: Viewer = { id: '00000000-0000-7000-8000-000000000003', role: 'REVIEWER' };
export const ADMIN: Viewer = { id: '00000000-0000-7000-8000-000000000004', role: 'ADMIN' };
export const ROLES = { VIEWER, EDITOR, REVIEWER, ADMIN } as const;

export async function createTestApi(): Promise<TestApi> {
  const database = await createTestDatabase();
  await database.prisma.user.createMany({
    data: Object.values(ROLES).map((viewer) => ({
      id: viewer.id,
      email: `${viewer.role.toLowerCase()}@test.citeline.local`,
      name: `Test ${viewer.role.toLowerCase()}`,
      // Never used to log in: tests pass the viewer directly.
      passwordHash: 'not-a-password-hash',
      role: viewer.role,
    })),
  });
  let queries: string[] = [];
  const apiPrisma = createPrisma(database.url, {
    maxConnections: 4,
    // Transaction control statements are not round trips worth counting.
    onQuery: (sql) => {
      if (!/^(BEGIN|COMMIT|ROLLBACK|SET TRANSACTION)/i.test(sql)) queries.push(sql);
    },
  });
  const app = await buildApp({ prisma: apiPrisma });
  afterAll(async () => {
    await app.stop();
    await apiPrisma.$disconnect();
  });
  const execute: TestApi['execute'] = async (query, variables, viewer) => {
    queries = [];
    return app.execute(query, variables, viewer);
  };
  let baseUrl: Promise<string> | undefined;
  const listen = () =>
    new Promise<string>((resolve) => {
      app.server.listen(0, '127.0.0.1', () => {
        resolve(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
      });
    });
  const http: TestApi['http'] = async (query, variables, headers = {}) => {
    baseUrl ??= listen();
    queries = [];
    const response = await fetch(`${await baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as ExecuteResult) };
  };
  return {
    prisma: database.prisma,
    app,
    lastQueries: () => queries,
    execute,
    http,
    data: async <T>(query: string, variables?: Record<string, unknown>, viewer?: Viewer | null) => {
      const result = await execute(query, variables, viewer);
      if (result.errors?.length)
        throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
      return result.data as T;
    },
  };
}
