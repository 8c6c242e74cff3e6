// PostGraphile 5 over the benchmark database, in production mode: the Amber preset (its
// defaults), the public schema plus bench_api's SQL functions, a pg pool as large as the other
// stacks', no GraphiQL, no watch mode, no explain. Runs on Node 22 (bench/node_modules/node):
// PostGraphile 5 needs it. Run with DATABASE_URL and PORT; prints "listening <port>" when ready.
import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_SIZE ?? 10),
  connectionTimeoutMillis: 5_000,
});
pool.on('error', (error) => console.error('idle connection lost:', error.message));

const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ pool, schemas: ['public', 'bench_api'] })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
serv.addTo(server).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

if (process.argv.includes('--print-schema')) {
  const { printSchema } = await import('postgraphile/graphql');
  console.log(printSchema(await pgl.getSchema()));
  process.exit(0);
}

// Build the schema before accepting requests, so the first request is not the one that pays.
await pgl.getSchema();
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);
});
process.on('SIGTERM', () => {
  server.close();
  void Promise.resolve(pgl.release()).then(() => process.exit(0));
});
