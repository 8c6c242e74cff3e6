// Migrations run through the WebAssembly schema engine: they build an empty database, build
// exactly what prisma/schema.prisma describes (no drift), and behave like `prisma migrate`.
import { createHash, randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { databaseUrlFor, dropDatabase, withAdminClient } from '../test/pg-admin.ts';
import {
  applyMigrations,
  createMigration,
  diffMigrationsToSchema,
  migrationNameProblem,
  migrationTimestamp,
} from './migrate.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../../prisma/migrations', import.meta.url));
const SCHEMA_PATH = fileURLToPath(new URL('../../../prisma/schema.prisma', import.meta.url));

const serverUrl = inject('testServerUrl');
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function emptyDatabase(): Promise<string> {
  const name = `citeline_migrate_${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  cleanups.push(() => dropDatabase(serverUrl, name));
  return databaseUrlFor(serverUrl, name);
}

/** A copy of prisma/ (schema and migrations) that a test may change. */
async function scratchPrisma(): Promise<{ migrationsDir: string; schemaPath: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'citeline-migrations-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const migrationsDir = join(dir, 'migrations');
  const schemaPath = join(dir, 'schema.prisma');
  await cp(MIGRATIONS_DIR, migrationsDir, { recursive: true });
  await cp(SCHEMA_PATH, schemaPath);
  return { migrationsDir, schemaPath };
}

async function migrationNames(migrationsDir = MIGRATIONS_DIR): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('applyMigrations', () => {
  it('applies every migration to an empty database, then nothing on a second run', async () => {
    const url = await emptyDatabase();
    const names = await migrationNames();

    expect(await applyMigrations(url)).toEqual({ applied: names });
    expect(await applyMigrations(url)).toEqual({ applied: [] });
  });

  it("keeps Prisma's migration history, checksums included, for `prisma migrate deploy`", async () => {
    const url = await emptyDatabase();
    await applyMigrations(url);

    const rows = await query<{ migration_name: string; checksum: string; finished: boolean }>(
      url,
      'SELECT migration_name, checksum, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name',
    );
    const expected = await Promise.all(
      (await migrationNames()).map(async (name) => ({
        migration_name: name,
        // Prisma's checksum: SHA-256 of the script, which it compares before every deploy.
        checksum: createHash('sha256')
          .update(await readFile(join(MIGRATIONS_DIR, name, 'migration.sql')))
          .digest('hex'),
        finished: true,
      })),
    );
    expect(rows).toEqual(expected);
  });

  it('lets concurrent runs (several servers starting at once) apply each migration once', async () => {
    const url = await emptyDatabase();
    const runs = await Promise.all([applyMigrations(url), applyMigrations(url)]);

    expect(runs.flatMap((run) => run.applied).sort()).toEqual(await migrationNames());
  });

  it('rolls a failing migration back entirely and refuses to go on until it is resolved', async () => {
    const url = await emptyDatabase();
    const { migrationsDir } = await scratchPrisma();
    const broken = '99991231235959_broken';
    await mkdir(join(migrationsDir, broken));
    await writeFile(
      join(migrationsDir, broken, 'migration.sql'),
      'CREATE TABLE "HalfDone" ("id" INTEGER);\nSELECT * FROM "NoSuchTable";\n',
    );

    await expect(applyMigrations(url, { migrationsDir })).rejects.toThrow(
      /NoSuchTable|No such table/,
    );
    const [table] = await query<{ exists: string | null }>(
      url,
      `SELECT to_regclass('"HalfDone"')::text AS exists`,
    );
    expect(table?.exists).toBeNull();
    await expect(applyMigrations(url, { migrationsDir })).rejects.toThrow(/failed migrations/);
  });

  it('never re-applies a migration edited after it was applied (as `prisma migrate deploy`)', async () => {
    const url = await emptyDatabase();
    const { migrationsDir } = await scratchPrisma();
    await applyMigrations(url, { migrationsDir });
    const [first] = await migrationNames(migrationsDir);
    const script = join(migrationsDir, String(first), 'migration.sql');
    await writeFile(script, `${await readFile(script, 'utf8')}\n-- edited\n`);

    // Deploy does not compare checksums; only the drift test notices such an edit.
    expect(await applyMigrations(url, { migrationsDir })).toEqual({ applied: [] });
  });
});

describe('diffMigrationsToSchema', () => {
  it('finds no drift: the migrations build exactly what prisma/schema.prisma describes', async () => {
    const drift = await diffMigrationsToSchema({ serverUrl });

    expect(
      drift,
      'prisma/schema.prisma changed without a migration: run `npm run db:new-migration NAME`',
    ).toBeNull();
  });

  it('returns the SQL of a change made to the schema only', async () => {
    const { migrationsDir, schemaPath } = await scratchPrisma();
    const schema = await readFile(schemaPath, 'utf8');
    await writeFile(
      schemaPath,
      schema.replace(/model Topic \{\n/, 'model Topic {\n  colour String?\n'),
    );

    const drift = await diffMigrationsToSchema({ serverUrl, migrationsDir, schemaPath });

    expect(drift).toContain('ALTER TABLE "Topic" ADD COLUMN     "colour" TEXT;');
  });
});

describe('createMigration', () => {
  it('writes nothing when the migrations and the schema agree', async () => {
    const { migrationsDir, schemaPath } = await scratchPrisma();

    expect(await createMigration('nothing', { serverUrl, migrationsDir, schemaPath })).toBeNull();
    expect(await migrationNames(migrationsDir)).toEqual(await migrationNames());
  });

  it('writes <UTC timestamp>_<name>/migration.sql, which applies and leaves no drift', async () => {
    const { migrationsDir, schemaPath } = await scratchPrisma();
    const schema = await readFile(schemaPath, 'utf8');
    await writeFile(
      schemaPath,
      schema.replace(/model Topic \{\n/, 'model Topic {\n  colour String?\n'),
    );
    const now = new Date('2999-01-02T03:04:05Z');

    const folder = await createMigration('add_topic_colour', {
      serverUrl,
      migrationsDir,
      schemaPath,
      now,
    });

    expect(folder).toBe(join(migrationsDir, '29990102030405_add_topic_colour'));
    expect(await readFile(join(String(folder), 'migration.sql'), 'utf8')).toContain(
      'ALTER TABLE "Topic" ADD COLUMN     "colour" TEXT;',
    );
    const url = await emptyDatabase();
    expect((await applyMigrations(url, { migrationsDir })).applied).toContain(
      '29990102030405_add_topic_colour',
    );
    expect(await diffMigrationsToSchema({ serverUrl, migrationsDir, schemaPath })).toBeNull();
  });

  it('refuses a name that would sort before an existing migration', async () => {
    const { migrationsDir, schemaPath } = await scratchPrisma();
    const schema = await readFile(schemaPath, 'utf8');
    await writeFile(schemaPath, schema.replace(/model Topic \{\n/, 'model Topic {\n  x Int?\n'));

    await expect(
      createMigration('too_early', {
        serverUrl,
        migrationsDir,
        schemaPath,
        now: new Date('2000-01-01T00:00:00Z'),
      }),
    ).rejects.toThrow(/would sort before/);
  });

  it('uses SHADOW_DATABASE_URL as given, leaving it empty afterwards', async () => {
    const shadowDatabaseUrl = await emptyDatabase();
    const { migrationsDir, schemaPath } = await scratchPrisma();

    expect(
      await createMigration('nothing', { shadowDatabaseUrl, migrationsDir, schemaPath }),
    ).toBeNull();
    const tables = await query(
      shadowDatabaseUrl,
      "SELECT 1 FROM pg_tables WHERE schemaname = 'public'",
    );
    expect(tables).toEqual([]);
  });
});

describe('migration names and timestamps', () => {
  it.each([
    ['init', undefined],
    ['add_topic_colour', undefined],
    ['v2', undefined],
    ['', 'not a migration name'],
    ['Add topic', 'not a migration name'],
    ['add-topic', 'not a migration name'],
    ['_add', 'not a migration name'],
    ['add__topic', 'not a migration name'],
    ['../escape', 'not a migration name'],
    ['a'.repeat(101), 'at most 100 characters'],
  ])('%j → %s', (name, problem) => {
    const found = migrationNameProblem(name);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
  });

  it('formats the UTC timestamp as Prisma does', () => {
    expect(migrationTimestamp(new Date('2026-11-22T15:04:05.678Z'))).toBe('20261122150405');
  });

  it('rejects a bad name before touching any database', async () => {
    await expect(
      createMigration('Bad Name', { serverUrl: 'postgresql://nowhere.invalid/x' }),
    ).rejects.toThrow(/not a migration name/);
  });
});
