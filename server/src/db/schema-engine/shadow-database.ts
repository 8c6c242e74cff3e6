// Provides the shadow database migrations are replayed into to find out what schema they build:
// a throwaway one created (and always dropped) on the same server as the database, or the one
// SHADOW_DATABASE_URL names, which is wiped before and after use as Prisma wipes its shadow.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

function urlForDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

async function run(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// Everything the migrations create lives in the public schema (extensions included).
const WIPE = 'DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;';

export interface ShadowDatabaseOptions {
  /** Any database URL on the server where a throwaway shadow database may be created. */
  serverUrl?: string | undefined;
  /** Use (and wipe) this database as the shadow instead. */
  shadowDatabaseUrl?: string | undefined;
}

/** Runs `use` with an empty shadow database and disposes of it afterwards. */
export async function withShadowDatabase<T>(
  options: ShadowDatabaseOptions,
  use: (shadowDatabaseUrl: string) => Promise<T>,
): Promise<T> {
  const { shadowDatabaseUrl, serverUrl } = options;
  if (shadowDatabaseUrl) {
    await run(shadowDatabaseUrl, WIPE);
    try {
      return await use(shadowDatabaseUrl);
    } finally {
      await run(shadowDatabaseUrl, WIPE);
    }
  }
  if (!serverUrl) {
    throw new Error('A shadow database is needed: set SHADOW_DATABASE_URL or DATABASE_URL.');
  }
  // Only [a-z0-9_] in the name, so it needs no quoting.
  const name = `prisma_shadow_${randomBytes(6).toString('hex')}`;
  // CREATE/DROP DATABASE cannot run in the database they affect, and the one in the URL may not
  // exist yet; the `postgres` maintenance database always does.
  const maintenanceUrl = urlForDatabase(serverUrl, 'postgres');
  await run(maintenanceUrl, `CREATE DATABASE ${name}`);
  try {
    return await use(urlForDatabase(serverUrl, name));
  } finally {
    // FORCE: a connection that was left open must not keep the database alive.
    await run(maintenanceUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}
