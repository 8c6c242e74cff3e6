// Migrations without Prisma's native schema engine, which cannot be downloaded on our machines:
// applies, creates and checks the migrations in prisma/migrations through Prisma's WebAssembly
// engine. It keeps Prisma's `_prisma_migrations` table, so `prisma migrate deploy` on a machine
// that can download the native engine sees the same history. See prisma/README.md.
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SchemaEngine, SchemaFilter } from '@prisma/schema-engine-wasm';
import { readMigrationsFolder, writeMigration } from './schema-engine/migrations-folder.ts';
import { connectForMigrations } from './schema-engine/pg-adapter.ts';
import { withShadowDatabase } from './schema-engine/shadow-database.ts';
import { openSchemaEngine, type SchemaFile, toEngineError } from './schema-engine/wasm-engine.ts';

const DEFAULT_MIGRATIONS_DIR = fileURLToPath(
  new URL('../../../prisma/migrations', import.meta.url),
);
const DEFAULT_SCHEMA_PATH = fileURLToPath(
  new URL('../../../prisma/schema.prisma', import.meta.url),
);

/** Nothing in the database is managed outside Prisma's schema. */
const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

/** Lower-case words joined by `_`: what `prisma migrate dev --name` produces after cleaning. */
const MIGRATION_NAME = /^[a-z0-9]+(_[a-z0-9]+)*$/;
// The engine's own limit is 200 for the whole folder name; stay well inside it.
const MAX_MIGRATION_NAME_LENGTH = 100;

export interface MigrationFolderOptions {
  /** Defaults to the repository's prisma/migrations. */
  migrationsDir?: string;
}

export interface ShadowOptions extends MigrationFolderOptions {
  /** Defaults to the repository's prisma/schema.prisma. */
  schemaPath?: string;
  /**
   * Any database URL on the server where a throwaway shadow database may be created and
   * dropped. Defaults to DATABASE_URL.
   */
  serverUrl?: string;
  /** A database to use as the shadow instead; it is wiped. Defaults to SHADOW_DATABASE_URL. */
  shadowDatabaseUrl?: string;
}

/** Runs one command on a fresh engine, then frees it and closes its connections. */
async function withEngine<T>(
  databaseUrl: string,
  schemaFiles: SchemaFile[] | undefined,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const connections = connectForMigrations(databaseUrl);
  try {
    const engine = await openSchemaEngine(connections.factory, schemaFiles);
    try {
      return await run(engine);
    } catch (error) {
      throw toEngineError(error);
    } finally {
      engine.free();
    }
  } finally {
    await connections.close();
  }
}

/**
 * Applies the migrations the database has not had yet, in name order, and returns their names.
 * Idempotent and safe on every start: concurrent runs queue on the engine's advisory lock, and
 * a migration that was edited after being applied, or that failed, stops it with an error.
 */
export async function applyMigrations(
  databaseUrl: string,
  options: MigrationFolderOptions = {},
): Promise<{ applied: string[] }> {
  const migrationsList = await readMigrationsFolder(
    options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR,
  );
  const output = await withEngine(databaseUrl, undefined, (engine) =>
    engine.applyMigrations({ migrationsList, filters: NO_FILTERS }),
  );
  return { applied: output.appliedMigrationNames };
}

/**
 * The SQL that takes a database built by the migrations folder to prisma/schema.prisma, or null
 * when there is nothing to do (no drift). The migrations are replayed into a shadow database,
 * which the engine then compares with the schema.
 */
export async function diffMigrationsToSchema(options: ShadowOptions = {}): Promise<string | null> {
  const migrationsDir = options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  const schemaPath = options.schemaPath ?? DEFAULT_SCHEMA_PATH;
  const schemaFiles: SchemaFile[] = [
    { path: schemaPath, content: await readFile(schemaPath, 'utf8') },
  ];
  const shadow = {
    serverUrl: options.serverUrl ?? process.env.DATABASE_URL,
    shadowDatabaseUrl: options.shadowDatabaseUrl ?? process.env.SHADOW_DATABASE_URL,
  };
  return withShadowDatabase(shadow, async (shadowDatabaseUrl) => {
    await applyMigrations(shadowDatabaseUrl, { migrationsDir });
    // The engine can replay migrations itself (a `migrations` diff target), but its wasm build
    // then leaves extensions out of the result, so every diff would re-create pg_trgm. Describing
    // the replayed database as a live datasource, with the schema's preview features, does not.
    const result = await withEngine(shadowDatabaseUrl, schemaFiles, (engine) =>
      engine.diff({
        from: { tag: 'schemaDatasource', files: schemaFiles, configDir: dirname(schemaPath) },
        to: { tag: 'schemaDatamodel', files: schemaFiles },
        script: true,
        exitCode: true,
        filters: NO_FILTERS,
      }),
    );
    // Exit code 2 means "not empty"; the script never is, it says "This is an empty migration".
    return result.exitCode === 2 ? (result.stdout ?? '') : null;
  });
}

/** Why `name` cannot name a migration, or undefined when it can. */
export function migrationNameProblem(name: string): string | undefined {
  if (name.length > MAX_MIGRATION_NAME_LENGTH) {
    return `A migration name has at most ${MAX_MIGRATION_NAME_LENGTH} characters.`;
  }
  if (!MIGRATION_NAME.test(name)) {
    return `"${name}" is not a migration name: use lower-case letters and digits in words joined by "_", e.g. add_topic_colour.`;
  }
  return undefined;
}

/** `20261122153000`: the UTC timestamp Prisma puts in front of migration names. */
export function migrationTimestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, '').slice(0, 14);
}

/**
 * Writes prisma/migrations/<UTC timestamp>_<name>/migration.sql with the SQL that takes the
 * migrations folder to prisma/schema.prisma and returns that folder, or null when nothing
 * changed. The SQL is written, not applied: review it, then apply it with applyMigrations.
 */
export async function createMigration(
  name: string,
  options: ShadowOptions & { now?: Date } = {},
): Promise<string | null> {
  const problem = migrationNameProblem(name);
  if (problem) throw new Error(problem);
  const migrationsDir = options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  const script = await diffMigrationsToSchema({ ...options, migrationsDir });
  if (script === null) return null;
  const folderName = `${migrationTimestamp(options.now ?? new Date())}_${name}`;
  const { migrationDirectories } = await readMigrationsFolder(migrationsDir);
  const last = migrationDirectories.at(-1)?.path;
  // Migrations apply in name order: one that sorted before an applied one would never run.
  if (last !== undefined && last >= folderName) {
    throw new Error(`${folderName} would sort before the existing migration ${last}.`);
  }
  return writeMigration(migrationsDir, folderName, script, 'postgresql');
}
