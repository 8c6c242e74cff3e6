// Runs once per `vitest run`: finds a PostgreSQL server (TEST_DATABASE_URL, DATABASE_URL, or an
// embedded one in a temporary folder), migrates a template database, and hands its name to the
// test files, which clone it so they can run in parallel and leave nothing behind.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { applyMigrations } from '../db/migrate.ts';
import { databaseUrlFor, dropDatabase, withAdminClient } from './pg-admin.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testServerUrl: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const configured = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let serverUrl: string;
  if (configured) {
    serverUrl = configured;
  } else {
    const dataDir = await mkdtemp(join(tmpdir(), 'citeline-test-pg-'));
    // Loaded only when needed: most runs (and CI) use a configured server.
    const { startEmbeddedPostgres } = await import('../db/embedded.ts');
    const embedded = await startEmbeddedPostgres({ dataDir });
    serverUrl = embedded.url;
    stopEmbedded = async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }

  const templateDatabase = `citeline_template_${process.pid}`;
  await withAdminClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${templateDatabase} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${templateDatabase}`);
  });
  await applyMigrations(databaseUrlFor(serverUrl, templateDatabase));

  project.provide('testServerUrl', serverUrl);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    await dropDatabase(serverUrl, templateDatabase);
    await stopEmbedded?.();
  };
}
