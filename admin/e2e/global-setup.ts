// Runs once before the browser tests: makes sure admin/dist is built from the current sources,
// and prepares a template database (migrated, with the seed corpus) that each test file clones.
// It provides the same values as the server's global setup, so server/src/test/database.ts
// works here too; the template has its own name, as both setups run in one vitest process.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { PROJECT_ROOT } from '../../server/src/config.ts';
import { createPrisma } from '../../server/src/db/client.ts';
import { loadCorpus } from '../../server/src/seed/load-corpus.ts';
import {
  databaseUrlFor,
  dropDatabase,
  quoteIdentifier,
  withAdminClient,
} from '../../server/src/test/pg-admin.ts';
import { CHROMIUM_PATH, chromiumMissing } from './chromium.ts';

declare module 'vitest' {
  // The same values the server's global setup provides (server/src/test/global-setup.ts).
  export interface ProvidedContext {
    testServerUrl: string;
    templateDatabase: string;
  }
}

const ADMIN_ROOT = join(PROJECT_ROOT, 'admin');

/** The newest modification time under `path` (a file or a folder, recursively). */
async function newest(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const entry of await readdir(path))
    latest = Math.max(latest, await newest(join(path, entry)));
  return latest;
}

/** Builds the editor when admin/dist is missing or older than its sources. */
async function ensureBuilt(): Promise<void> {
  const built = await stat(join(ADMIN_ROOT, 'dist', 'index.html')).then(
    (info) => info.mtimeMs,
    () => 0,
  );
  const sources = Math.max(
    ...(await Promise.all(
      ['src', 'index.html', 'vite.config.ts', 'package.json'].map((path) =>
        newest(join(ADMIN_ROOT, path)),
      ),
    )),
  );
  if (built >= sources) return;
  console.log('admin e2e: building the editor (admin/dist is missing or stale)');
  execFileSync('npm', ['run', 'build', '-w', 'admin'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  if (chromiumMissing()) {
    if (process.env.CI) {
      throw new Error(
        `The admin e2e tests need Chromium at ${CHROMIUM_PATH} in CI: apt-get install -y chromium`,
      );
    }
    console.warn(
      `\nadmin e2e tests SKIPPED: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, ` +
        'or set CHROMIUM_PATH). CI runs them.\n',
    );
    return;
  }
  await ensureBuilt();

  const configured = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let serverUrl: string;
  if (configured) {
    serverUrl = configured;
  } else {
    const dataDir = await mkdtemp(join(tmpdir(), 'citeline-e2e-pg-'));
    const { startEmbeddedPostgres } = await import('../../server/src/db/embedded.ts');
    const embedded = await startEmbeddedPostgres({ dataDir });
    serverUrl = embedded.url;
    stopEmbedded = async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }

  const templateDatabase = `citeline_e2e_template_${process.pid}`;
  await withAdminClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(templateDatabase)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoteIdentifier(templateDatabase)}`);
  });
  const templateUrl = databaseUrlFor(serverUrl, templateDatabase);
  // In a process of its own: the server project's global setup migrates its template in this
  // process at the same time, and two copies of Prisma's WebAssembly engine do not share one.
  execFileSync(
    process.execPath,
    ['--import', 'tsx', join(PROJECT_ROOT, 'server', 'src', 'db', 'migrate.cli.ts'), 'apply'],
    { cwd: PROJECT_ROOT, env: { ...process.env, DATABASE_URL: templateUrl }, stdio: 'pipe' },
  );
  const prisma = createPrisma(templateUrl, { maxConnections: 2 });
  try {
    await loadCorpus(prisma);
  } finally {
    await prisma.$disconnect();
  }

  project.provide('testServerUrl', serverUrl);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    await dropDatabase(serverUrl, templateDatabase);
    await stopEmbedded?.();
  };
}
