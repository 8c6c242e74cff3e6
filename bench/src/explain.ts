// `tsx bench/src/explain.ts <size> <query id> [SQL substring]`: runs one of the benchmark's
// queries through Citeline in-process (3 times, as a warm server would) and prints
// EXPLAIN (ANALYZE, BUFFERS) for every SQL statement it sent, with the parameters it sent.
// The tool behind the plans quoted in the README and in migrations.

import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { buildApp } from '../../server/src/app.ts';
import { PrismaClient } from '../../server/src/db/generated/prisma/client.ts';
import { loadedDatabase } from './dataset/load.ts';
import { buildQueries } from './queries.ts';

const [size = 'm', id = 'Q1', filter] = process.argv.slice(2);
const { url, picks } = await loadedDatabase(size);
const client = new pg.Client({ connectionString: url });
await client.connect();
const spec = buildQueries(picks).find((q) => q.id === id);
if (!spec) throw new Error(`No query ${id}`);
const { query, variables } = JSON.parse(spec.requests.citeline.body) as {
  query: string;
  variables: Record<string, unknown>;
};

const prisma = new PrismaClient({
  adapter: new PrismaPg({ connectionString: url }),
  log: [{ emit: 'event', level: 'query' }],
});
const sent: { query: string; params: string; duration: number }[] = [];
prisma.$on('query', (event) =>
  sent.push({ query: event.query, params: event.params, duration: event.duration }),
);
const app = await buildApp({ prisma });
for (let i = 0; i < 3; i++) {
  sent.length = 0;
  const started = performance.now();
  const result = await app.execute(query, variables);
  console.log(
    `run ${i + 1}: ${(performance.now() - started).toFixed(1)} ms${result.errors ? ` ${JSON.stringify(result.errors)}` : ''}`,
  );
}
for (const statement of sent) {
  if (filter && !statement.query.includes(filter)) continue;
  const plan = await client.query<Record<string, string>>(
    `EXPLAIN (ANALYZE, BUFFERS) ${statement.query}`,
    JSON.parse(statement.params) as unknown[],
  );
  console.log(`\n--- ${statement.duration.toFixed(1)} ms as sent: ${statement.query}\n`);
  console.log(plan.rows.map((row) => row['QUERY PLAN']).join('\n'));
}
await client.end();
await app.stop();
await prisma.$disconnect();
