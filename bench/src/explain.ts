// `tsx bench/src/explain.ts <size> <query id> [SQL substring]`: runs one of the benchmark's
// queries through Citeline in-process (3 times, as a warm server would) and prints
// EXPLAIN (ANALYZE, BUFFERS) for every SQL statement it sent, with the parameters it sent (a
// prepared one as a warm connection runs it).
// The tool behind the plans quoted in the README and in migrations.

import pg from 'pg';
import { buildApp } from '../../server/src/app.ts';
import { createPrisma } from '../../server/src/db/client.ts';
import { PREPARED_SQL_MARKER } from '../../server/src/db/prepared.ts';
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

const sent: { query: string; params: unknown[] }[] = [];
// The server's own client, whose compiled reads bypass Prisma's engine (and its query events).
const prisma = createPrisma(url, {
  onQuery: (sql, params) => sent.push({ query: sql, params }),
});
const app = await buildApp({ prisma });
for (let i = 0; i < 3; i++) {
  sent.length = 0;
  const started = performance.now();
  const result = await app.execute(query, variables);
  console.log(
    `run ${i + 1}: ${(performance.now() - started).toFixed(1)} ms${result.errors ? ` ${JSON.stringify(result.errors)}` : ''}`,
  );
}
/**
 * The plan a warm server runs: a compiled read is a named prepared statement, which PostgreSQL
 * may switch to a generic plan after five executions, so it is explained after six.
 */
async function explainPrepared(sql: string, params: unknown[]): Promise<string[]> {
  const name = 'citeline_explained';
  for (let i = 0; i < 6; i++) await client.query({ name, text: sql, values: params });
  const literals = params.map((value) => client.escapeLiteral(String(value)));
  const plan = await client.query<Record<string, string>>(
    `EXPLAIN (ANALYZE, BUFFERS) EXECUTE ${name}${literals.length ? `(${literals.join(', ')})` : ''}`,
  );
  await client.query(`DEALLOCATE ${name}`);
  return plan.rows.map((row) => row['QUERY PLAN'] as string);
}

for (const statement of sent) {
  if (filter && !statement.query.includes(filter)) continue;
  const prepared = statement.query.startsWith(PREPARED_SQL_MARKER);
  const plan = prepared
    ? await explainPrepared(statement.query, statement.params)
    : (
        await client.query<Record<string, string>>(
          `EXPLAIN (ANALYZE, BUFFERS) ${statement.query}`,
          statement.params,
        )
      ).rows.map((row) => row['QUERY PLAN']);
  console.log(`\n--- ${prepared ? 'prepared, 7th execution' : 'as sent'}: ${statement.query}\n`);
  console.log(plan.join('\n'));
}
await client.end();
await app.stop();
await prisma.$disconnect();
