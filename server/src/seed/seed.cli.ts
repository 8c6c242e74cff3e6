// `npm run db:seed`: loads the curated seed corpus into the database at DATABASE_URL and prints
// what was created. Safe to run again: records that exist are left as they are.
import { createPrisma } from '../db/client.ts';
import { loadCorpus } from './load-corpus.ts';

async function main(): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error(
      'DATABASE_URL is not set. Set it to the PostgreSQL database to seed, for example\n' +
        '  DATABASE_URL=postgresql://postgres@127.0.0.1:5432/citeline npm run db:seed\n' +
        'and run `npm run db:migrate` first if the database is new.',
    );
    return 2;
  }
  const prisma = createPrisma(databaseUrl, { maxConnections: 2 });
  try {
    const { created, skipped, warnings } = await loadCorpus(prisma);
    const lines = Object.entries(created).map(([model, count]) => `  ${model}: ${count}`);
    console.log(lines.length > 0 ? `Created:\n${lines.join('\n')}` : 'Nothing new to create.');
    if (skipped > 0) console.log(`Already present (left unchanged): ${skipped} records`);
    for (const warning of warnings) console.warn(`Warning: ${warning}`);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await prisma.$disconnect();
  }
}

process.exitCode = await main();
