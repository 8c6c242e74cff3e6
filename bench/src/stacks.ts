// Starts the three servers as child processes and measures their memory. Citeline runs as in
// production (NODE_ENV=production, `npm run start:production`'s command: the compiled JavaScript
// of `npm run build -w server`, in one process so its RSS is the server's); PostGraphile runs
// on Node 22 from bench/node_modules; the ceiling on the project's Node, like Citeline.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StackName } from './queries.ts';

export const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
export const REPO_DIR = join(BENCH_DIR, '..');
export const NODE22 = join(BENCH_DIR, 'node_modules', 'node', 'bin', 'node');
const LOG_DIR = join(BENCH_DIR, 'results', 'logs');

/** The W1 editor's credentials on Citeline (run.ts creates the user). */
export const CITELINE_EDITOR = {
  email: 'bench@citeline.local',
  password: 'bench-password-not-secret',
};
// Shared by both Citeline instances so a token from one is valid on the other.
const JWT_SECRET = 'citeline-bench-signing-key-not-a-secret-0123456789';

export interface RunningStack {
  name: StackName;
  role: 'measured' | 'counting';
  pid: number;
  baseUrl: string;
  nodeVersion: string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

/** Stops every server this run started (only those, by their process ids). */
export function stopAll(): void {
  for (const child of running) child.kill('SIGTERM');
}

export async function memory(pid: number): Promise<{ rssMb: number; peakMb: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) =>
    Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** `npm run build -w server`: Citeline as compiled JavaScript, as production runs it. */
export async function buildCiteline(): Promise<void> {
  const build = spawn('npm', ['run', 'build', '-w', 'server'], { cwd: REPO_DIR, stdio: 'ignore' });
  const [code] = (await once(build, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`npm run build -w server failed (exit ${code})`);
}

export async function startStack(
  name: StackName,
  role: 'measured' | 'counting',
  databaseUrl: string,
): Promise<RunningStack> {
  await mkdir(LOG_DIR, { recursive: true });
  const base = { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', NODE_ENV: 'production' };
  let child: ChildProcess;
  let ready: RegExp;
  let nodeVersion = process.version;
  if (name === 'citeline') {
    // As `npm run start:production` runs it (package.json), built by buildCiteline.
    child = spawn('scripts/server-process.sh', [process.execPath, 'server/dist/main.js'], {
      cwd: REPO_DIR,
      env: {
        ...base,
        HOST: '127.0.0.1',
        SEED_CORPUS: 'never',
        JWT_SECRET,
      },
    });
    ready = /GraphQL API:\s+(http:\/\/127\.0\.0\.1:\d+)\/graphql/;
  } else if (name === 'postgraphile') {
    child = spawn(NODE22, ['--no-warnings', 'src/stacks/postgraphile-server.ts'], {
      cwd: BENCH_DIR,
      env: base,
    });
    ready = /listening (\d+)/;
    nodeVersion = 'v22';
  } else {
    child = spawn(process.execPath, ['--import', 'tsx', 'bench/src/stacks/ceiling-server.ts'], {
      cwd: REPO_DIR,
      env: base,
    });
    ready = /listening (\d+)/;
  }
  running.add(child);
  const log = createWriteStream(join(LOG_DIR, `${name}-${role}.log`));
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start within 120 s (see ${LOG_DIR})`)),
      120_000,
    );
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].startsWith('http') ? match[1] : `http://127.0.0.1:${match[1]}`);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it was ready (see ${LOG_DIR})`));
    });
  });
  if (name === 'postgraphile') {
    nodeVersion = (await new Promise<string>((resolve) => {
      const probe = spawn(NODE22, ['--version']);
      let out = '';
      probe.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
      });
      probe.on('close', () => resolve(out.trim()));
    })) as string;
  }
  return {
    name,
    role,
    pid: child.pid as number,
    baseUrl,
    nodeVersion,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      running.delete(child);
    },
  };
}
