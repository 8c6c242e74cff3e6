// The real `npm start` with no DATABASE_URL: embedded PostgreSQL in a fresh data folder,
// migrations, the seed corpus, GraphQL and the admin served; data kept across a restart.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './config.ts';

const START_TIMEOUT_MS = 120_000;

interface Running {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
}

async function start(dataDir: string): Promise<Running> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CITELINE_DATA_DIR: dataDir,
    PORT: '0',
    NODE_ENV: 'test',
  };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  // Its own process group, so the test can send Ctrl-C to npm and everything under it.
  const child = spawn('npm', ['start'], {
    cwd: PROJECT_ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const match = /GraphQL API:\s+(http:\/\/\S+)\/graphql/.exec(output);
    if (match?.[1]) return { child, baseUrl: match[1], output: () => output };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  stopGroup(child);
  throw new Error(`npm start did not come up:\n${output}`);
}

function stopGroup(child: ChildProcess): void {
  if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGINT');
}

async function stop(running: Running): Promise<void> {
  const exited = once(running.child, 'exit');
  stopGroup(running.child);
  await exited;
}

async function graphql<T>(baseUrl: string, query: string): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

describe('npm start without DATABASE_URL', () => {
  let dataDir: string;
  let running: Running | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'citeline-start-'));
    // As root, PostgreSQL runs as another user, who must be able to enter this folder.
    await chmod(dataDir, 0o755);
  });

  afterAll(async () => {
    if (running) await stop(running);
    await rm(dataDir, { recursive: true, force: true });
  });

  it(
    'serves the curated record on an embedded PostgreSQL and prints both URLs',
    async () => {
      running = await start(dataDir);
      expect(running.output()).toContain('Seed corpus loaded');
      expect(running.output()).toMatch(/Admin editor:\s+http:\/\/\S+\/admin/);
      const data = await graphql<{
        sources: { totalCount: number };
        statements: { totalCount: number };
      }>(
        running.baseUrl,
        '{ sources { totalCount } statements(filter: { kind: DIRECT_QUOTE }) { totalCount } }',
      );
      expect(data.sources.totalCount).toBe(5);
      expect(data.statements.totalCount).toBeGreaterThan(10);
      expect((await fetch(`${running.baseUrl}/readyz`)).status).toBe(200);
      expect((await fetch(`${running.baseUrl}/admin/`)).status).toBe(200);
      // Answers are never cached (a GET query included): no proxy may serve a stale record.
      const answer = await fetch(`${running.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ sources { totalCount } }' }),
      });
      expect(answer.headers.get('cache-control')).toBe('no-store');
    },
    START_TIMEOUT_MS,
  );

  it(
    'stops cleanly on Ctrl-C and keeps its data for the next start',
    async () => {
      if (!running) throw new Error('the first start failed');
      await stop(running);
      running = undefined;
      await expect(stat(join(dataDir, 'postgres', 'postmaster.pid'))).rejects.toThrow();

      running = await start(dataDir);
      expect(running.output()).not.toContain('Seed corpus loaded');
      const data = await graphql<{ sources: { totalCount: number } }>(
        running.baseUrl,
        '{ sources { totalCount } }',
      );
      expect(data.sources.totalCount).toBe(5);
    },
    START_TIMEOUT_MS,
  );
});
