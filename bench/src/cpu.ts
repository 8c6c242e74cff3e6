// `tsx bench/src/cpu.ts <size> [query ids…]`: runs the benchmark's Citeline queries in-process
// (no HTTP, one at a time, after a warm-up) and prints the Node CPU time per request and the
// database time it waited for: what a change to the server's own work saves, measured apart
// from the load generator and from whatever else the machine is doing.

import { buildApp } from '../../server/src/app.ts';
import { createPrisma } from '../../server/src/db/client.ts';
import { loadedDatabase } from './dataset/load.ts';
import { buildQueries } from './queries.ts';

const [size = 'm', ...ids] = process.argv.slice(2);
const WARM_UP = 50;
const MEASURED = 200;
const { url, picks } = await loadedDatabase(size);

// The server's own client: compiled reads go straight to its pool as prepared statements.
const prisma = createPrisma(url);
const app = await buildApp({ prisma });
const specs = buildQueries(picks).filter((q) => q.read && (ids.length === 0 || ids.includes(q.id)));

console.log('query   CPU ms/request   wall ms/request');
for (const spec of specs) {
  const { query, variables } = JSON.parse(spec.requests.citeline.body) as {
    query: string;
    variables: Record<string, unknown>;
  };
  const run = async () => {
    const result = await app.execute(query, variables);
    if (result.errors) throw new Error(`${spec.id}: ${JSON.stringify(result.errors)}`);
  };
  for (let i = 0; i < WARM_UP; i++) await run();
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < MEASURED; i++) await run();
  const used = process.cpuUsage(cpu);
  const wall = (performance.now() - started) / MEASURED;
  const cpuMs = (used.user + used.system) / 1000 / MEASURED;
  console.log(
    `${spec.id.padEnd(7)} ${cpuMs.toFixed(2).padStart(14)} ${wall.toFixed(2).padStart(17)}`,
  );
}
await app.stop();
await prisma.$disconnect();
