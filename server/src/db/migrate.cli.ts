// Command line for migrations, run by `npm run db:migrate` and `npm run db:new-migration NAME`:
//   migrate.cli.ts apply       applies prisma/migrations to DATABASE_URL
//   migrate.cli.ts new NAME    writes the migration that takes prisma/migrations to the schema
import { applyMigrations, createMigration, migrationNameProblem } from './migrate.ts';

const USAGE = `Usage:
  npm run db:migrate                  apply prisma/migrations to DATABASE_URL
  npm run db:new-migration NAME       write a migration for the changes in prisma/schema.prisma
                                      (shadow database: SHADOW_DATABASE_URL, or a throwaway one
                                      created on DATABASE_URL's server)`;

class UsageError extends Error {}

function sameDatabase(a: string, b: string): boolean {
  const [x, y] = [new URL(a), new URL(b)];
  return x.host === y.host && x.pathname === y.pathname;
}

async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const shadowDatabaseUrl = process.env.SHADOW_DATABASE_URL || undefined;

  if (command === 'apply' && rest.length === 0) {
    if (!databaseUrl) throw new UsageError('DATABASE_URL is not set: which database to migrate?');
    const { applied } = await applyMigrations(databaseUrl);
    console.log(
      applied.length === 0
        ? 'The database is up to date.'
        : `Applied ${applied.length} migration(s):\n${applied.map((name) => `  ${name}`).join('\n')}`,
    );
    return;
  }

  if (command === 'new' && rest.length === 1 && rest[0] !== undefined) {
    const name = rest[0];
    const problem = migrationNameProblem(name);
    if (problem) throw new UsageError(problem);
    if (!databaseUrl && !shadowDatabaseUrl) {
      throw new UsageError(
        'Set DATABASE_URL (a throwaway shadow database is created on its server) or SHADOW_DATABASE_URL (an empty database to wipe and use as the shadow).',
      );
    }
    // The shadow database is wiped: refuse before it can be the one holding real data.
    if (databaseUrl && shadowDatabaseUrl && sameDatabase(databaseUrl, shadowDatabaseUrl)) {
      throw new UsageError('SHADOW_DATABASE_URL must not name the same database as DATABASE_URL.');
    }
    const folder = await createMigration(name, {
      ...(databaseUrl && { serverUrl: databaseUrl }),
      ...(shadowDatabaseUrl && { shadowDatabaseUrl }),
    });
    console.log(
      folder === null
        ? 'prisma/schema.prisma and prisma/migrations agree: no migration written.'
        : `Wrote ${folder}/migration.sql. Review it, then run npm run db:migrate.`,
    );
    return;
  }

  throw new UsageError(USAGE);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(error.message);
    process.exitCode = 2;
    return;
  }
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
