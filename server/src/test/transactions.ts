// The two orders in which a write and a change of its parent, each in a transaction of its own
// on a connection of its own, can meet: for the tests of what the triggers copy from a parent.
import pg from 'pg';
import type { Db } from '../db/client.ts';

type Step<T> = (client: pg.Client) => Promise<T>;

/** Two connections, each with a transaction of its own, to interleave by hand. */
async function twoTransactions(url: string) {
  const a = new pg.Client({ connectionString: url });
  const b = new pg.Client({ connectionString: url });
  await Promise.all([a.connect(), b.connect()]);
  await Promise.all([a.query('BEGIN'), b.query('BEGIN')]);
  return { a, b, end: () => Promise.all([a.end(), b.end()]) };
}

/** Resolves once the backend of `client` waits for a lock (fails after five seconds). */
async function blockedOnLock(db: Db, client: pg.Client) {
  const pid = (client as pg.Client & { processID: number }).processID;
  for (let tries = 0; tries < 100; tries++) {
    const waiting = await db.$queryRaw<unknown[]>`
      SELECT 1 FROM pg_stat_activity WHERE pid = ${pid} AND wait_event_type = 'Lock'`;
    if (waiting.length) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the statement did not wait for the other transaction');
}

/**
 * `first` runs in one transaction; `second`, in another, must then wait for a lock `first`
 * holds, and completes once `first` commits. Resolves with what each returned.
 */
export async function secondWaitsForFirst<F, S>(
  db: Db,
  url: string,
  first: Step<F>,
  second: Step<S>,
): Promise<{ first: F; second: S }> {
  const { a, b, end } = await twoTransactions(url);
  try {
    const firstResult = await first(a);
    const waiting = second(b);
    await blockedOnLock(db, b);
    await a.query('COMMIT');
    const secondResult = await waiting;
    await b.query('COMMIT');
    return { first: firstResult, second: secondResult };
  } finally {
    await end();
  }
}
