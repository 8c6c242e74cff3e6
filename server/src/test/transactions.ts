// Two transactions on connections of their own, interleaved by hand: for the tests of what the
// triggers do when a write and a change of its parent meet.
import pg from 'pg';
import type { Db } from '../db/client.ts';

/** Two connections, each with a transaction of its own, to interleave by hand. */
export async function twoTransactions(url: string) {
  const a = new pg.Client({ connectionString: url });
  const b = new pg.Client({ connectionString: url });
  await Promise.all([a.connect(), b.connect()]);
  await Promise.all([a.query('BEGIN'), b.query('BEGIN')]);
  return { a, b, end: () => Promise.all([a.end(), b.end()]) };
}

/** Resolves once the backend of `client` waits for a lock (fails after five seconds). */
export async function blockedOnLock(db: Db, client: pg.Client) {
  const pid = (client as pg.Client & { processID: number }).processID;
  for (let tries = 0; tries < 100; tries++) {
    const waiting = await db.$queryRaw<unknown[]>`
      SELECT 1 FROM pg_stat_activity WHERE pid = ${pid} AND wait_event_type = 'Lock'`;
    if (waiting.length) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the statement did not wait for the other transaction');
}
