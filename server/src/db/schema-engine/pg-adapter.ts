// The driver adapter the schema engine reaches PostgreSQL through: PrismaPg over pools we own,
// with two fixes the engine needs (the "char" type and whole scripts). See prisma/README.md.
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  DriverAdapterError,
  type ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlQueryable,
  type SqlResultSet,
  type Transaction,
} from '@prisma/driver-adapter-utils';
import pg from 'pg';

/** PostgreSQL's one-byte `"char"` type, used all over the system catalogue the engine reads. */
const CHAR_OID = 18;
/** `character` (bpchar), which adapter-pg accepts (as text) where it rejects `"char"`. */
const BPCHAR_OID = 1042;

/** For each result's rows, the columns that were `"char"` before the driver relabelled them. */
const charColumnsByRows = new WeakMap<unknown[], number[]>();

function relabelCharFields(result: unknown): void {
  const { fields, rows } = (result ?? {}) as {
    fields?: { dataTypeID: number }[];
    rows?: unknown[];
  };
  if (!fields || !rows) return;
  const charColumns: number[] = [];
  fields.forEach((field, index) => {
    if (field.dataTypeID !== CHAR_OID) return;
    field.dataTypeID = BPCHAR_OID;
    charColumns.push(index);
  });
  if (charColumns.length > 0) charColumnsByRows.set(rows, charColumns);
}

/**
 * The engine reads `"char"` columns (contype, relkind...) from pg_catalog and expects them as
 * characters, as its native driver returns them; adapter-pg throws on the type instead. Its
 * queryRaw decides column types from the driver's field list, so the driver's client relabels
 * the type to one adapter-pg accepts and notes the columns, and queryWithCharColumns below
 * turns them into character columns again. The note is keyed by the rows
 * array, which adapter-pg passes through unchanged.
 */
class CharRelabellingClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg.Client#query has a dozen overloads; this forwards all of them unchanged.
  override query(...args: any[]): any {
    // biome-ignore lint/suspicious/noExplicitAny: see above.
    const query = super.query as (...a: any[]) => any;
    const last = args.at(-1);
    if (typeof last === 'function') {
      // pg.Pool#query calls clients with a callback.
      args[args.length - 1] = (error: unknown, result: unknown) => {
        if (!error) relabelCharFields(result);
        last(error, result);
      };
      return query.apply(this, args);
    }
    const returned = query.apply(this, args);
    if (returned instanceof Promise) {
      return returned.then((result: unknown) => {
        relabelCharFields(result);
        return result;
      });
    }
    return returned;
  }
}

async function queryWithCharColumns(
  queryable: SqlQueryable,
  query: SqlQuery,
): Promise<SqlResultSet> {
  const resultSet = await queryable.queryRaw(query);
  for (const index of charColumnsByRows.get(resultSet.rows) ?? []) {
    resultSet.columnTypes[index] = ColumnTypeEnum.Character;
  }
  return resultSet;
}

/** The transaction with character columns restored; everything else passes through. */
function withCharColumns(transaction: Transaction): Transaction {
  return new Proxy(transaction, {
    get(target, property) {
      if (property === 'queryRaw') return (query: SqlQuery) => queryWithCharColumns(target, query);
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function createPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    Client: CharRelabellingClient,
    // One session, as Prisma's native engine uses: its advisory lock belongs to a session, and
    // with more connections it could be released from another one (which fails) and linger.
    max: 1,
    connectionTimeoutMillis: 10_000,
  });
  // Without a listener an idle connection dropped by the server would crash the process.
  pool.on('error', () => {});
  return pool;
}

function toDriverAdapterError(error: unknown): unknown {
  if (error instanceof pg.DatabaseError) {
    return new DriverAdapterError({
      kind: 'postgres',
      code: error.code ?? 'unknown',
      severity: error.severity ?? 'ERROR',
      message: error.message,
      detail: error.detail,
      column: error.column,
      hint: error.hint,
    });
  }
  return error;
}

/**
 * The engine's view of a database: adapter-pg with `"char"` columns restored (see above) and
 * whole scripts. adapter-pg's executeScript splits a script at every `;`, breaking function
 * bodies and string literals; a migration is sent whole instead (simple query protocol), as the
 * native engine sends it. PostgreSQL runs such a script as one implicit transaction, so a failing
 * migration leaves nothing half-applied.
 */
function engineAdapter(adapter: SqlDriverAdapter, pool: pg.Pool): SqlDriverAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => queryWithCharColumns(adapter, query),
    executeRaw: (query) => adapter.executeRaw(query),
    startTransaction: async (isolationLevel) =>
      withCharColumns(await adapter.startTransaction(isolationLevel)),
    getConnectionInfo: () => adapter.getConnectionInfo?.() ?? { supportsRelationJoins: true },
    executeScript: async (script) => {
      try {
        await pool.query(script);
      } catch (error) {
        throw toDriverAdapterError(error);
      }
    },
    dispose: () => adapter.dispose(),
  };
}

export interface MigrationConnections {
  factory: ErrorCapturingSqlMigrationAwareDriverAdapterFactory;
  /** Closes every connection. Freeing an engine does not, and its advisory lock would linger. */
  close(): Promise<void>;
}

/** Connections to one database for one engine. */
export function connectForMigrations(databaseUrl: string): MigrationConnections {
  const pools: pg.Pool[] = [];
  const adapterOver = async (url: string) => {
    const pool = createPool(url);
    pools.push(pool);
    const adapter = await new PrismaPg(pool).connect();
    return engineAdapter(adapter, pool);
  };
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => adapterOver(databaseUrl),
    // The engine's own shadow-database handling replays migrations into a database it does not
    // empty first and skips extensions when describing it; migrate.ts replays them itself.
    connectToShadowDb: () =>
      Promise.reject(new Error('Shadow databases are handled by migrate.ts, not the engine.')),
  };
  return {
    factory: bindMigrationAwareSqlAdapterFactory(factory),
    close: async () => {
      await Promise.all(pools.splice(0).map((pool) => pool.end()));
    },
  };
}
