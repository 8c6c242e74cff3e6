// Gives each test file its own database, cloned from the migrated template made by
// global-setup.ts, and drops it afterwards.
import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { createPrisma, type Db } from '../db/client.ts';
import { databaseUrlFor, dropDatabase, quoteIdentifier, withAdminClient } from './pg-admin.ts';

export interface TestDatabase {
  url: string;
  prisma: Db;
}

/** Creates a fresh migrated database for the calling test file; dropped after its tests. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject('testServerUrl');
  const template = inject('templateDatabase');
  const name = `citeline_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, (client) =>
    client.query(`CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(template)}`),
  );
  const url = databaseUrlFor(serverUrl, name);
  const prisma = createPrisma(url, { maxConnections: 4 });
  afterAll(async () => {
    await prisma.$disconnect();
    await dropDatabase(serverUrl, name);
  });
  return { url, prisma };
}
