// `npm start`: reads configuration, brings up the database (embedded when DATABASE_URL is unset),
// applies migrations, loads the seed corpus on first start, and serves the API and the admin.
import { join } from 'node:path';
import { buildApp } from './app.ts';
import { ensureFirstAdmin, readFirstAdminSettings } from './auth/first-admin.ts';
import { parseJwtSecret } from './auth/signing-key.ts';
import { ConfigError, readConfig } from './config.ts';
import { createPrisma } from './db/client.ts';
import { applyMigrations } from './db/migrate.ts';
import { loadCorpus } from './seed/load-corpus.ts';

/** Run in order on shutdown or failed start-up: server, database client, embedded PostgreSQL. */
const cleanups: (() => Promise<void>)[] = [];

async function runCleanups(): Promise<void> {
  for (const cleanup of cleanups.splice(0)) {
    await cleanup().catch((error: unknown) => console.error('Error during shutdown:', error));
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  // Checked before anything starts, like the rest of the configuration.
  parseJwtSecret(process.env.JWT_SECRET);
  const firstAdminSettings = readFirstAdminSettings(process.env);

  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const { startEmbeddedPostgres } = await import('./db/embedded.ts');
    const dataDir = join(config.dataDir, 'postgres');
    console.log(`Starting embedded PostgreSQL in ${dataDir} ...`);
    const embedded = await startEmbeddedPostgres({ dataDir });
    cleanups.unshift(() => embedded.stop());
    databaseUrl = embedded.url;
  }

  const { applied } = await applyMigrations(databaseUrl);
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);

  const prisma = createPrisma(databaseUrl);
  cleanups.unshift(() => prisma.$disconnect());

  const shouldSeed =
    config.seed === 'always' || (config.seed === 'auto' && (await prisma.source.count()) === 0);
  if (shouldSeed) {
    const report = await loadCorpus(prisma);
    const created = Object.entries(report.created)
      .map(([type, count]) => `${count} ${type}`)
      .join(', ');
    console.log(`Seed corpus loaded: ${created || 'nothing new'}`);
  }

  const firstAdmin = await ensureFirstAdmin(prisma, firstAdminSettings);
  if (firstAdmin) {
    console.log(
      firstAdmin.generatedPassword === undefined
        ? `First admin created: ${firstAdmin.email}, with the password in CITELINE_ADMIN_PASSWORD.`
        : [
            `First admin created: ${firstAdmin.email}`,
            `  password: ${firstAdmin.generatedPassword}`,
            '  It is shown only this once: sign in and change it (updateUser), or create your own',
            '  admin and disable this one.',
          ].join('\n'),
    );
  }

  const app = await buildApp({
    prisma,
    introspection: config.introspection,
    jwtSecret: process.env.JWT_SECRET || undefined,
  });
  cleanups.unshift(() => app.stop());
  await new Promise<void>((resolve, reject) => {
    app.server.once('error', reject);
    app.server.listen(config.port, config.host, resolve);
  });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  console.log(
    [
      '',
      'Citeline is running.',
      `  GraphQL API:  ${base}/graphql`,
      `  Admin editor: ${base}/admin`,
      `  Database:     ${config.databaseUrl ? 'DATABASE_URL' : `embedded PostgreSQL (${databaseUrl})`}`,
      '  Log in:       mutation { login(email: "…", password: "…") { token } }, then send',
      '                "Authorization: Bearer <token>" (anonymous clients read the published record)',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, shutting down ...`);
    await runCleanups();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
  } else {
    console.error('Citeline failed to start:', error);
  }
  void runCleanups().finally(() => process.exit(1));
});
