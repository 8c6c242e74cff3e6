// The physical limit: a minimal node:http server that answers each benchmark request with one
// prepared SQL statement through `pg` and sends PostgreSQL's JSON as it is. No GraphQL, no
// framework, no validation beyond what the routes need. POST /<query> with a JSON array of
// parameters. Run with DATABASE_URL and PORT; prints "listening <port>" when ready.
import { createServer } from 'node:http';
import pg from 'pg';
import { CEILING_SQL, type CeilingQuery } from './ceiling-sql.ts';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_SIZE ?? 10),
  connectionTimeoutMillis: 5_000,
});
pool.on('error', (error) => console.error('idle connection lost:', error.message));

function isQuery(name: string): name is CeilingQuery {
  return Object.hasOwn(CEILING_SQL, name);
}

const server = createServer((request, response) => {
  const name = (request.url ?? '/').slice(1);
  if (request.method !== 'POST' || !isQuery(name)) {
    response.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    let values: unknown[];
    try {
      values = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown[];
    } catch {
      response.writeHead(400).end();
      return;
    }
    // A named statement is parsed and planned once per connection, then only bound and run.
    pool
      .query<{ body: string }>({ name, text: CEILING_SQL[name], values })
      .then(({ rows }) => {
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        response.end(rows[0]?.body ?? 'null');
      })
      .catch((error: Error) => {
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        response.end(JSON.stringify({ errors: [{ message: error.message }] }));
      });
  });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);
});
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
