// When the database cannot serve a request in time (a statement or lock timeout, an exhausted
// pool), clients get SERVICE_UNAVAILABLE and a message saying to retry, never a generic internal
// error or SQL; and a connection dropped while idle does not bring the process down.
import { GraphQLError } from 'graphql';
import pg from 'pg';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../app.ts';
import { formatError } from '../schema/errors.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { makeSource } from '../test/factories.ts';
import { createPrisma, type Db, type DbOptions } from './client.ts';
import { isDatabaseUnavailable } from './unavailable.ts';

const BUSY = {
  message: 'The database is busy, try again in a moment.',
  extensions: { code: 'SERVICE_UNAVAILABLE' },
};

let database: TestDatabase;
const clients: Db[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await makeSource(database.prisma);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(clients.splice(0).map((client) => client.$disconnect()));
});

function client(options: DbOptions): Db {
  const prisma = createPrisma(database.url, options);
  clients.push(prisma);
  return prisma;
}

/** Formats `error` as Apollo would when a resolver throws it. */
function formatThrown(error: unknown) {
  const wrapped = new GraphQLError('wrapped', { originalError: error as Error, path: ['sources'] });
  return formatError({ message: wrapped.message, path: ['sources'] }, wrapped);
}

describe('every pooled connection', () => {
  it('has a statement timeout of 5 s and a lock timeout of 2 s', async () => {
    const prisma = client({});
    const [settings] = await prisma.$queryRaw<{ statement: string; lock: string }[]>`
      SELECT current_setting('statement_timeout') AS statement, current_setting('lock_timeout') AS lock`;
    expect(settings).toEqual({ statement: '5s', lock: '2s' });
  });

  it('keeps the start-up options of the database URL, reads committed and writes ISO dates', async () => {
    const url = new URL(database.url);
    url.searchParams.set(
      'options',
      '-c work_mem=7MB -c default_transaction_isolation=serializable -c DateStyle=SQL',
    );
    const prisma = createPrisma(url.toString());
    clients.push(prisma);
    const [settings] = await prisma.$queryRaw<
      { workMem: string; isolation: string; date: string }[]
    >`
      SELECT current_setting('work_mem') AS "workMem",
        current_setting('default_transaction_isolation') AS isolation,
        date '2024-02-26'::text AS date`;
    expect(settings).toEqual({ workMem: '7MB', isolation: 'read committed', date: '2024-02-26' });
  });
});

describe('a statement cancelled by statement_timeout', () => {
  it('is SERVICE_UNAVAILABLE, without SQL in the message', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const prisma = client({ statementTimeoutMs: 50 });
    const error = await prisma.$queryRaw`SELECT pg_sleep(1)`.catch((e: unknown) => e);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(formatThrown(error)).toEqual({ ...BUSY, path: ['sources'] });
  });
});

/** A promise and the function that resolves it. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

/**
 * Another session holding an exclusive lock on `table` (a migration, say) until the returned
 * `release` is called; resolves once the lock is taken.
 */
async function lockTable(table: string): Promise<{ release: () => Promise<void> }> {
  const held = deferred();
  const locked = deferred();
  const holder = database.prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`LOCK TABLE "${table}" IN ACCESS EXCLUSIVE MODE`);
    locked.resolve();
    await held.promise;
  });
  await locked.promise;
  return {
    release: async () => {
      held.resolve();
      await holder;
    },
  };
}

describe('through GraphQL', () => {
  it('a query waiting too long for a lock is SERVICE_UNAVAILABLE', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const prisma = client({ lockTimeoutMs: 100 });
    const app = await buildApp({ prisma });
    const lock = await lockTable('Source');
    try {
      const result = await app.execute('{ sources { totalCount } }');
      expect(result.errors).toEqual([expect.objectContaining(BUSY)]);
    } finally {
      await lock.release();
      await app.stop();
    }
  });

  it('a compiled read waiting too long for a lock is SERVICE_UNAVAILABLE, not run again', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const sent: string[] = [];
    const prisma = client({ lockTimeoutMs: 100, onQuery: (sql) => sent.push(sql) });
    const app = await buildApp({ prisma });
    const lock = await lockTable('Statement');
    try {
      sent.length = 0;
      const result = await app.execute('{ statements(first: 2) { edges { node { id } } } }');
      expect(result).toEqual({ data: null, errors: [BUSY] });
      // The compiled statement only: the resolvers did not try again.
      expect(sent).toEqual([expect.stringMatching(/^\/\* prepared \*\//)]);
    } finally {
      await lock.release();
      await app.stop();
    }
  });

  it('a request finding the pool exhausted is SERVICE_UNAVAILABLE (503 before execution)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const prisma = client({ maxConnections: 1, connectionTimeoutMs: 100 });
    const app = await buildApp({ prisma });
    const held = deferred();
    const taken = deferred();
    // A long transaction holds the only connection.
    const holder = prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        taken.resolve();
        await held.promise;
      },
      { timeout: 10_000 },
    );
    try {
      await taken.promise;
      const inResolver = await app.execute('{ sources { totalCount } }');
      expect(inResolver.errors).toEqual([expect.objectContaining(BUSY)]);

      // Authenticating needs the database too: refused before execution, with a status.
      await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          // Well-formed enough to need the user row; its signature is checked first, so sign it.
          authorization: `Bearer ${await validLookingToken(prisma)}`,
        },
        body: JSON.stringify({ query: '{ me { email } }' }),
      });
      expect(response.status).toBe(503);
      expect(((await response.json()) as { errors: unknown[] }).errors).toEqual([
        expect.objectContaining(BUSY),
      ]);
    } finally {
      held.resolve();
      await holder;
      await app.stop();
    }
  });
});

async function validLookingToken(prisma: Db): Promise<string> {
  const { signingKey } = await import('../auth/signing-key.ts');
  const { signAccessToken } = await import('../auth/token.ts');
  return (
    await signAccessToken(await signingKey(prisma), {
      userId: '00000000-0000-7000-8000-0000000000aa',
      tokenVersion: 0,
    })
  ).token;
}

describe('a pooled connection that dies while idle', () => {
  it('is logged and replaced; the process carries on', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const prisma = client({ maxConnections: 2 });
    await prisma.$queryRaw`SELECT 1`;
    // What a PostgreSQL restart does to idle connections.
    await database.prisma.$queryRaw`
      SELECT pg_terminate_backend(pid)::text FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid()
        AND application_name = '' AND state = 'idle'`;
    await vi.waitFor(() => expect(logged).toHaveBeenCalled(), { timeout: 2_000 });
    expect(String(logged.mock.calls[0]?.[0])).toMatch(/Database connection lost/);
    await expect(prisma.$queryRaw`SELECT 1 AS ok`).resolves.toEqual([{ ok: 1 }]);
  });
});

/** What node-postgres throws when statement_timeout cancels a statement it sent itself. */
function statementTimeout(): Error {
  const error = new pg.DatabaseError('canceling statement due to statement timeout', 0, 'error');
  error.code = '57014';
  return error;
}

describe('formatError', () => {
  it.each([
    ['a plain node-postgres pool timeout', new Error('timeout exceeded when trying to connect')],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['a statement timeout from node-postgres', statementTimeout()],
  ])('maps %s to SERVICE_UNAVAILABLE', (_case, error) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(formatThrown(error)).toEqual({ ...BUSY, path: ['sources'] });
  });

  it('still hides other unexpected errors as INTERNAL_SERVER_ERROR', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(formatThrown(new Error('relation "secret_table" does not exist'))).toMatchObject({
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});
