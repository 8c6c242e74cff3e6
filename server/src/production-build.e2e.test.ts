// `npm run build -w server` then `npm run start:production`'s command (through
// scripts/server-process.sh): the server as compiled JavaScript (server/dist) finds what it
// finds from its sources (migrations, the seed corpus, the citation styles, the admin) and
// answers through the compiled reads and the resolvers.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { expect, it, onTestFinished } from 'vitest';
import { PROJECT_ROOT } from './config.ts';
import { createTestDatabase } from './test/database.ts';

const TIMEOUT_MS = 120_000;
const { url } = await createTestDatabase();

it(
  'builds, starts on a database, loads the corpus and answers',
  async () => {
    await promisify(execFile)('npm', ['run', 'build', '-w', 'server'], { cwd: PROJECT_ROOT });
    const child = spawn('scripts/server-process.sh', [process.execPath, 'server/dist/main.js'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    onTestFinished(async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGINT');
      await exited;
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    let baseUrl: string | undefined;
    while (!baseUrl && child.exitCode === null) {
      baseUrl = /GraphQL API:\s+(http:\/\/\S+)\/graphql/.exec(output)?.[1];
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    if (!baseUrl) throw new Error(`the built server did not start:\n${output}`);
    expect(output).toContain('Seed corpus loaded');

    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        // A compiled read, and a field only the resolvers answer (MLA's style file).
        query: `{ statements(first: 2) { edges { node { id text } } }
          sources(first: 1) { edges { node { formatted(style: MLA) } } } }`,
      }),
    });
    const body = (await response.json()) as {
      data: {
        statements: { edges: { node: { text: string } }[] };
        sources: { edges: { node: { formatted: string } }[] };
      };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    expect(body.data.statements.edges).toHaveLength(2);
    expect(body.data.sources.edges[0]?.node.formatted).toMatch(/\w/);
    expect((await fetch(`${baseUrl}/admin/`)).status).toBe(200);

    // scripts/server-process.sh set the process up and gave its place to node (exec), which
    // therefore gets the signals sent to the process started.
    const environment = (await readFile(`/proc/${child.pid}/environ`, 'utf8')).split('\0');
    expect(environment).toContain('MALLOC_ARENA_MAX=2');
    expect(environment.find((entry) => entry.startsWith('NODE_OPTIONS='))).toContain(
      '--max-semi-space-size=32',
    );
    expect(await readFile(`/proc/${child.pid}/cmdline`, 'utf8')).toContain('server/dist/main.js');
  },
  TIMEOUT_MS,
);
