// Builds Prisma clients over node-postgres. Every client in the project comes from here so pool
// limits, timeouts and error handling are set in one place; queryPrepared sends the hottest
// reads straight on the same pool.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client.ts';
import { preparedStatementName } from './prepared.ts';

export type Db = PrismaClient;

export interface DbOptions {
  /** Largest number of pooled connections. */
  maxConnections?: number;
  /** Called with every SQL statement sent, Prisma's and queryPrepared's. */
  onQuery?: QueryListener;
  /** Longest a single SQL statement may run before PostgreSQL cancels it (ms). */
  statementTimeoutMs?: number;
  /** Longest a statement may wait for a row or table lock (ms). */
  lockTimeoutMs?: number;
  /** Longest a request waits for a free pooled connection (ms). */
  connectionTimeoutMs?: number;
}

export const DEFAULT_STATEMENT_TIMEOUT_MS = 5_000;
export const DEFAULT_LOCK_TIMEOUT_MS = 2_000;
export const DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;

/** Told of every SQL statement sent, with its parameters (tests count them, tools explain them). */
export type QueryListener = (sql: string, params: unknown[]) => void;

/** The pool under each client createPrisma made, for queryPrepared. */
const pools = new WeakMap<PrismaClient, { pool: pg.Pool; onQuery?: QueryListener }>();

export function createPrisma(databaseUrl: string, options: DbOptions = {}): PrismaClient {
  const startup = splitStartupOptions(databaseUrl);
  const pool = new pg.Pool({
    connectionString: startup.url,
    max: options.maxConnections ?? 10,
    // Fail fast instead of queueing forever when the pool is exhausted or the server is down.
    connectionTimeoutMillis: options.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    // Sent as start-up parameters, so every pooled connection has them from its first
    // statement: a runaway query or a blocked lock cannot hold a connection (and the pool).
    statement_timeout: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
    lock_timeout: options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
    // A transaction left open by a crashed request would keep its locks: end it.
    idle_in_transaction_session_timeout: 60_000,
    // Every transaction is READ COMMITTED (what the writes and the citation triggers are
    // built for) whatever the server's default, without a SET TRANSACTION round trip each;
    // dates are written as text YYYY-MM-DD (the compiled reads cut partial dates from it:
    // compiled/types.ts). After the URL's own start-up options (a search_path, say), so that
    // these win.
    options: [
      startup.options,
      '-c default_transaction_isolation=read\\ committed',
      '-c DateStyle=ISO',
    ]
      .filter(Boolean)
      .join(' '),
  });
  const adapter = new PrismaPg(pool, {
    disposeExternalPool: true,
    // An idle pooled connection that dies (PostgreSQL restarted, network cut) is dropped from
    // the pool and replaced on demand; without a listener, node-postgres would crash the
    // process on its 'error' event.
    onPoolError: (error) => console.error('Database connection lost (idle):', error.message),
    onConnectionError: (error) => console.error('Database connection lost:', error.message),
    // Undefined for all but the compiled reads (the adapter's type does not say it may be).
    statementNameGenerator: (query) => preparedStatementName(query.sql) as string,
  });
  const { onQuery } = options;
  const client = onQuery ? loggingClient(adapter, onQuery) : new PrismaClient({ adapter });
  pools.set(client, { pool, onQuery });
  return client;
}

/**
 * A postgresql:// URL without its `options` parameter (PostgreSQL's start-up options), and
 * that parameter: node-postgres lets the URL's parameters replace the pool's own, so the two
 * sets of options are joined and given as the pool's.
 */
function splitStartupOptions(databaseUrl: string): { url: string; options: string | null } {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return { url: databaseUrl, options: null }; // not a URL: node-postgres reads none from it
  }
  const options = url.searchParams.get('options');
  url.searchParams.delete('options');
  return { url: url.toString(), options };
}

function loggingClient(adapter: PrismaPg, onQuery: QueryListener): PrismaClient {
  const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  client.$on('query', (event) => onQuery(event.query, JSON.parse(event.params) as unknown[]));
  return client;
}

/**
 * Runs a read outside any transaction as a named prepared statement (see prepared.ts) on the
 * pool under `db`, without Prisma's query engine: for the statements every request sends (the
 * compiled reads, the token check), where the engine cost 0.5-1.4 ms of CPU per statement
 * (the benchmark's Q1 and Q2a, in-process). A client made elsewhere goes through Prisma.
 */
export async function queryPrepared<Row>(db: Db, sql: string, params: unknown[]): Promise<Row[]> {
  const direct = pools.get(db);
  if (!direct) return db.$queryRawUnsafe<Row[]>(sql, ...params);
  direct.onQuery?.(sql, params);
  const name = preparedStatementName(sql);
  const result = await direct.pool.query<Row & pg.QueryResultRow>({
    name,
    text: sql,
    values: params,
  });
  return result.rows;
}
