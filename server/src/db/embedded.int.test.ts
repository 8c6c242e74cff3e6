// The embedded PostgreSQL used when no database is configured: its data survives restarts, it
// recovers from a killed run, and it explains what is wrong with a port or a folder.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded.ts';

const isRoot = process.getuid?.() === 0;

let base: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'citeline-embedded-'));
  // mkdtemp makes a private folder; as root the server runs as `postgres`, which must enter it.
  await chmod(base, 0o755);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function postmasterPid(dataDir: string): Promise<number> {
  return Number((await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

async function waitUntilDead(pid: number): Promise<void> {
  for (let i = 0; i < 100 && isAlive(pid); i++) {
    await new Promise((done) => setTimeout(done, 50));
  }
  expect(isAlive(pid)).toBe(false);
}

describe('startEmbeddedPostgres', () => {
  it('keeps data between runs and shuts down cleanly', async () => {
    const dataDir = join(base, 'restart', 'pg');
    const lines: string[] = [];

    const first = await startEmbeddedPostgres({ dataDir, log: (line) => lines.push(line) });
    expect(first.url).toBe(`postgresql://postgres@127.0.0.1:${first.port}/citeline`);
    expect(first.port).not.toBe(5432);
    expect(lines.some((line) => line.includes('ready to accept connections'))).toBe(true);
    await query(
      first.url,
      `CREATE TABLE note (body text); INSERT INTO note VALUES ('Ärger über Café')`,
    );
    const [settings] = await query<{ encoding: string; addresses: string }>(
      first.url,
      `SELECT current_setting('server_encoding') AS encoding,
              current_setting('listen_addresses') AS addresses`,
    );
    expect(settings).toEqual({ encoding: 'UTF8', addresses: '127.0.0.1' });
    const pid = await postmasterPid(dataDir);
    await first.stop();
    await first.stop();
    expect(isAlive(pid)).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      expect(await query(second.url, 'SELECT upper(body) AS body FROM note')).toEqual([
        { body: 'ÄRGER ÜBER CAFÉ' },
      ]);
    } finally {
      await second.stop();
    }
  });

  it('recovers from a killed server whose pid now belongs to another process', async () => {
    const dataDir = join(base, 'killed', 'pg');
    const lines: string[] = [];
    const first = await startEmbeddedPostgres({ dataDir, log: (line) => lines.push(line) });
    await query(first.url, 'CREATE TABLE survivor (id int); INSERT INTO survivor VALUES (1)');
    const pid = await postmasterPid(dataDir);

    // While the server lives, a second one on the same folder is refused with its pid.
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(
      `PostgreSQL (pid ${pid}, port ${first.port}) is already running`,
    );

    process.kill(pid, 'SIGKILL');
    await waitUntilDead(pid);
    await first.stop();
    expect(lines).toContain('PostgreSQL exited unexpectedly (code null, signal SIGKILL).');
    // PostgreSQL itself would refuse a live pid of the same user, as after a container restart.
    const squatter: ChildProcess = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      const pidFile = join(dataDir, 'postmaster.pid');
      const recorded = (await readFile(pidFile, 'utf8')).split('\n');
      recorded[0] = String(squatter.pid);
      await writeFile(pidFile, recorded.join('\n'));

      const second = await startEmbeddedPostgres({ dataDir });
      try {
        expect(await query(second.url, 'SELECT id FROM survivor')).toEqual([{ id: 1 }]);
      } finally {
        await second.stop();
      }
    } finally {
      squatter.kill();
    }
  });

  it('refuses a port that is already taken, before starting anything', async () => {
    const blocker: Server = createServer();
    blocker.listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const address = blocker.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    try {
      await expect(
        startEmbeddedPostgres({ dataDir: join(base, 'port-taken', 'pg'), port: address.port }),
      ).rejects.toThrow(`Port ${address.port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });

  it.runIf(isRoot)('names a parent folder the postgres user cannot enter', async () => {
    const locked = join(base, 'locked');
    await mkdir(locked, { mode: 0o700 });
    await chmod(locked, 0o700);
    await expect(startEmbeddedPostgres({ dataDir: join(locked, 'pg') })).rejects.toThrow(
      `cannot enter ${locked} (mode 700`,
    );
  });
});
