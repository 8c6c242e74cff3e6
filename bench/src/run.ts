// `npm run bench [-- --quick] [--size S|M|L] [--seconds N]`: loads (or reuses) the dataset,
// starts Citeline, PostGraphile and the SQL ceiling side by side, checks that they answer the
// same, counts SQL statements per request on the wire, measures every query at 1, 10 and 50
// connections, and writes bench/results/<size>.{json,md,svg}.
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { hashPassword } from '../../server/src/auth/password.ts';
import { resetWriteTargets } from './dataset/bench-schema.ts';
import { GENERATOR_VERSION, SEED, SIZES, type SizeName } from './dataset/generate.ts';
import { ensureDatabase } from './dataset/load.ts';
import { type CellSample, combineSamples, runCell, send, WriteTargets } from './loadgen.ts';
import {
  buildQueries,
  type QuerySpec,
  type Request,
  STACKS,
  type StackName,
  W1,
} from './queries.ts';
import { type BenchResults, type QueryResult, writeResults } from './report.ts';
import {
  buildCiteline,
  CITELINE_EDITOR,
  memory,
  type RunningStack,
  startStack,
  stopAll,
} from './stacks.ts';
import { WireCounter, type WireStats } from './wire-counter.ts';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    size: { type: 'string' },
    seconds: { type: 'string' },
    rounds: { type: 'string' },
    warmup: { type: 'string' },
    connections: { type: 'string' },
    queries: { type: 'string' },
    check: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(`npm run bench -- [options]
  --quick            size S, 2 s per cell, 1 s warm-up (under five minutes)
  --size S|M|L       dataset size (default M; S with --quick)
  --seconds N        measured seconds per cell (default 10; 2 with --quick)
  --rounds N         rounds each cell's seconds are split into, the stacks taking turns
                     (default 2)
  --warmup N         warm-up seconds per query and stack (default 5; 1 with --quick)
  --connections L    comma-separated connection levels (default 1,10,50)
  --queries L        only these queries, e.g. Q1,Q2a,W1
  --check            only check the answers and count SQL statements
BENCH_DATABASE_URL   server to create citeline_bench_<size> on
                     (default postgresql://postgres@127.0.0.1:5432/postgres)`);
  process.exit(0);
}

const size = (args.size ?? (args.quick ? 'S' : 'M')).toUpperCase() as SizeName;
if (!(size in SIZES)) throw new Error(`--size must be S, M or L, not ${args.size}`);
const seconds = Number(args.seconds ?? (args.quick ? 2 : 10));
const rounds = Number(args.rounds ?? 2);
if (!(Number.isInteger(rounds) && rounds >= 1 && Number.isInteger(seconds / rounds))) {
  throw new Error(`--rounds must divide the ${seconds} s of a cell into whole seconds`);
}
const warmupSeconds = Number(args.warmup ?? (args.quick ? 1 : 5));
const connectionLevels = (args.connections ?? '1,10,50').split(',').map(Number);
const onlyQueries = args.queries?.split(',');
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const COUNTING_REQUESTS = 5;

const log = (line: string) => console.log(line);
const started = Date.now();

process.on('SIGINT', () => {
  stopAll();
  process.exit(130);
});
process.on('exit', stopAll);

async function statStatementsStatus(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ libs: string; version: string }>(
      `SELECT current_setting('shared_preload_libraries') AS libs, current_setting('server_version') AS version`,
    );
    const libs = rows[0]?.libs ?? '';
    return `PostgreSQL ${rows[0]?.version}; pg_stat_statements ${libs.includes('pg_stat_statements') ? 'is' : 'is not'} in shared_preload_libraries ("${libs}")`;
  } finally {
    await client.end();
  }
}

async function login(baseUrl: string): Promise<string> {
  const { body } = await send(baseUrl, {
    path: '/graphql',
    body: JSON.stringify({
      query:
        'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
      variables: CITELINE_EDITOR,
    }),
  });
  const token = (JSON.parse(body) as { data?: { login?: { token?: string } } }).data?.login?.token;
  if (!token) throw new Error(`Citeline login failed: ${body.slice(0, 300)}`);
  return `Bearer ${token}`;
}

/** A rough shape of a response, to check that the stacks return the same number of things. */
function summarize(body: string): string {
  const count = (pattern: RegExp) => (body.match(pattern) ?? []).length;
  const total = /"totalCount"\s*:\s*(\d+)/.exec(body)?.[1];
  return [
    `${count(/"exact"\s*:/g)} passages`,
    `${count(/"name"\s*:/g)} names`,
    `${count(/"text"\s*:\s*"/g) + count(/"title"\s*:\s*"/g)} texts/titles`,
    total === undefined ? '' : `total ${total}`,
  ]
    .filter(Boolean)
    .join(', ');
}

async function main(): Promise<void> {
  log(
    `Citeline benchmark: size ${size}, ${seconds} s per cell in ${rounds} rounds after ${warmupSeconds} s warm-up, connections ${connectionLevels.join('/')}`,
  );
  log(
    `Machine: ${cpus().length} cores (${cpus()[0]?.model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB; load generator, servers and PostgreSQL share the cores.`,
  );
  const pgStatus = await statStatementsStatus(serverUrl);
  log(pgStatus);

  const database = await ensureDatabase(serverUrl, size, log);
  const picks = database.picks;
  const queries = buildQueries(picks).filter((q) => !onlyQueries || onlyQueries.includes(q.id));
  const includeW1 = !onlyQueries || onlyQueries.includes('W1');
  await withClient(database.url, resetWriteTargets);
  // W1's editor on Citeline (a user existing also keeps Citeline from creating a first admin).
  const passwordHash = await hashPassword(CITELINE_EDITOR.password);
  await withClient(database.url, async (client) => {
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt")
       VALUES (gen_random_uuid(), $1, 'Benchmark editor', $2, 'EDITOR', now())
       ON CONFLICT (email) DO UPDATE SET "passwordHash" = EXCLUDED."passwordHash", "disabledAt" = NULL`,
      [CITELINE_EDITOR.email, passwordHash],
    );
  });

  const dbUrl = new URL(database.url);
  const counter = new WireCounter(dbUrl.hostname, Number(dbUrl.port || 5432));
  const proxyPort = await counter.listen();
  const countingUrl = new URL(database.url);
  countingUrl.hostname = '127.0.0.1';
  countingUrl.port = String(proxyPort);

  log(
    'Starting the stacks (a measured instance each, and a counting one behind the wire counter) ...',
  );
  await buildCiteline();
  const measured = {} as Record<StackName, RunningStack>;
  const counting = {} as Record<StackName, RunningStack>;
  // All six start together (Citeline's migrations queue on their own lock): a quarter minute less.
  await Promise.all(
    STACKS.flatMap((stack) => [
      startStack(stack, 'measured', database.url).then((running) => {
        measured[stack] = running;
      }),
      startStack(stack, 'counting', countingUrl.toString()).then((running) => {
        counting[stack] = running;
      }),
    ]),
  );
  for (const stack of STACKS) {
    log(
      `  ${stack}: ${measured[stack].baseUrl} (pid ${measured[stack].pid}, Node ${measured[stack].nodeVersion})`,
    );
  }
  const authorization = await login(measured.citeline.baseUrl);
  const countingAuthorization = await login(counting.citeline.baseUrl);
  const auth = (stack: StackName, role: 'measured' | 'counting') =>
    stack === 'citeline'
      ? role === 'measured'
        ? authorization
        : countingAuthorization
      : undefined;

  const results: QueryResult[] = [];
  const specs: QuerySpec[] = [...queries];
  const w1Spec: QuerySpec | undefined = includeW1
    ? {
        id: 'W1',
        title:
          '90/10 read/write mix: 9 reads of a statement, then a versioned update of it (with a revision)',
        read: false,
        p99Target: false,
        requests: {
          citeline: W1.read('citeline', picks.writeTargets[0] as string),
          postgraphile: W1.read('postgraphile', picks.writeTargets[0] as string),
          ceiling: W1.read('ceiling', picks.writeTargets[0] as string),
        },
      }
    : undefined;
  if (w1Spec) specs.push(w1Spec);

  // 1. Validation and counting: each request sequentially on the counting instances.
  log('Checking answers and counting SQL statements per request ...');
  for (const spec of specs) {
    const result: QueryResult = {
      id: spec.id,
      title: spec.title,
      read: spec.read,
      p99Target: spec.p99Target,
      stacks: {},
    };
    for (const stack of STACKS) {
      const countRuns = async (make: (i: number) => Request) => {
        const perRun: { wire: WireStats; bytes: number }[] = [];
        let ok = true;
        let summary = '';
        // The first request warms up (plans, caches, connections) and is not counted.
        for (let i = 0; i <= COUNTING_REQUESTS; i++) {
          counter.take();
          const response = await send(
            counting[stack].baseUrl,
            make(i),
            spec.id === 'W1' ? auth(stack, 'counting') : undefined,
          );
          const wire = counter.take();
          if (response.status !== 200 || response.body.includes('"errors"')) {
            if (ok)
              log(
                `  ! ${spec.id} ${stack}: HTTP ${response.status} ${response.body.slice(0, 400)}`,
              );
            ok = false;
          }
          if (i === 0) summary = summarize(response.body);
          else perRun.push({ wire, bytes: Buffer.byteLength(response.body) });
        }
        return { ok, summary, perRun };
      };
      const target = picks.writeTargets[0] as string;
      const reads = await countRuns(() => spec.requests[stack]);
      let writes: Awaited<ReturnType<typeof countRuns>> | undefined;
      if (spec.id === 'W1') {
        await withClient(database.url, resetWriteTargets);
        writes = await countRuns((i) =>
          W1.write(stack, target, i + 1, `Counted by the benchmark (${i}).`),
        );
      }
      const counts = [reads, ...(writes ? [writes] : [])];
      const median = (values: number[]) =>
        [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
      result.stacks[stack] = {
        ok: counts.every((c) => c.ok),
        summary: reads.summary,
        statements: median(reads?.perRun.map((r) => r.wire.statements) ?? []),
        control: median(reads?.perRun.map((r) => r.wire.control) ?? []),
        roundTrips: median(reads?.perRun.map((r) => r.wire.roundTrips) ?? []),
        dbMs: median(reads?.perRun.map((r) => r.wire.busyMs) ?? []),
        responseBytes: median(reads?.perRun.map((r) => r.bytes) ?? []),
        sql: reads?.perRun[0]?.wire.sql.map((s) => s.replace(/\s+/g, ' ').slice(0, 400)) ?? [],
        write: writes
          ? {
              statements: median(writes.perRun.map((r) => r.wire.statements)),
              control: median(writes.perRun.map((r) => r.wire.control)),
              roundTrips: median(writes.perRun.map((r) => r.wire.roundTrips)),
              dbMs: median(writes.perRun.map((r) => r.wire.busyMs)),
              sql:
                writes.perRun[0]?.wire.sql.map((s) => s.replace(/\s+/g, ' ').slice(0, 400)) ?? [],
            }
          : undefined,
        cells: [],
      };
      log(
        `  ${spec.id.padEnd(4)} ${stack.padEnd(12)} ${result.stacks[stack]?.ok ? 'ok ' : 'ERR'} ${String(result.stacks[stack]?.statements).padStart(2)} statements, ${String(result.stacks[stack]?.roundTrips).padStart(2)} round trips, db ${result.stacks[stack]?.dbMs.toFixed(1)} ms, ${result.stacks[stack]?.responseBytes} B; ${result.stacks[stack]?.summary}`,
      );
    }
    results.push(result);
  }
  await withClient(database.url, resetWriteTargets);
  for (const stack of STACKS) await counting[stack].stop();
  if (args.check) {
    for (const stack of STACKS) await measured[stack].stop();
    await counter.close();
    for (const result of results) {
      for (const stack of STACKS) {
        log(`${result.id} ${stack}:`);
        for (const sql of result.stacks[stack]?.sql ?? []) log(`    ${sql.slice(0, 300)}`);
      }
    }
    return;
  }

  // 2. Warm-up: every query on every stack, at 10 connections.
  log(`Warming up (${warmupSeconds} s per query and stack at 10 connections) ...`);
  const targets = Object.fromEntries(
    STACKS.map((s) => [s, new WriteTargets(picks.writeTargets)]),
  ) as Record<StackName, WriteTargets>;
  const cell = async (spec: QuerySpec, stack: StackName, connections: number, duration: number) => {
    const result = await runCell({
      stack,
      baseUrl: measured[stack].baseUrl,
      pid: measured[stack].pid,
      connections,
      seconds: duration,
      ...(spec.id === 'W1'
        ? { writeMix: { targets: targets[stack], authorization: auth(stack, 'measured') } }
        : { request: spec.requests[stack] }),
    });
    // The load generator stops sending, but a server still works off the requests it had
    // accepted (Q4 at 50 connections: seconds of ts_headline): the next cell starts after.
    await untilDatabaseIdle(database.url);
    return result;
  };
  for (const spec of specs) for (const stack of STACKS) await cell(spec, stack, 10, warmupSeconds);
  const rssAfterWarmup = {} as Record<StackName, { rssMb: number; peakMb: number }>;
  for (const stack of STACKS) rssAfterWarmup[stack] = await memory(measured[stack].pid);

  // 3. Measurement: per query and connection level, the stacks take turns for `rounds` rounds
  // (each starting with the next stack), so that a change in what else the machine does, which
  // moves every stack's throughput by 10-20% within a minute here, hits all three alike.
  log('Measuring ...');
  for (const [index, spec] of specs.entries()) {
    const result = results[index] as QueryResult;
    for (const connections of connectionLevels) {
      const samples = Object.fromEntries(
        STACKS.map((stack) => [stack, [] as CellSample[]]),
      ) as Record<StackName, CellSample[]>;
      for (let round = 0; round < rounds; round++) {
        for (let turn = 0; turn < STACKS.length; turn++) {
          const stack = STACKS[(round + turn) % STACKS.length] as StackName;
          samples[stack].push(await cell(spec, stack, connections, seconds / rounds));
        }
      }
      const line: string[] = [];
      for (const stack of STACKS) {
        const measuredCell = combineSamples(samples[stack]);
        result.stacks[stack]?.cells.push(measuredCell);
        line.push(
          `${stack} ${measuredCell.rps.toFixed(0)} req/s p99 ${measuredCell.p99.toFixed(1)} ms${measuredCell.totalErrors ? ` (${measuredCell.totalErrors} errors)` : ''}`,
        );
      }
      log(`  ${spec.id.padEnd(4)} c=${String(connections).padEnd(3)} ${line.join(' | ')}`);
    }
  }
  const rssAfterRun = {} as Record<StackName, { rssMb: number; peakMb: number }>;
  for (const stack of STACKS) rssAfterRun[stack] = await memory(measured[stack].pid);
  for (const stack of STACKS) await measured[stack].stop();
  await counter.close();
  await withClient(database.url, resetWriteTargets);

  const bench: BenchResults = {
    generatedAt: new Date().toISOString(),
    size,
    spec: SIZES[size],
    generatorVersion: GENERATOR_VERSION,
    seed: SEED,
    quick: args.quick ?? false,
    secondsPerCell: seconds,
    roundsPerCell: rounds,
    warmupSeconds,
    connectionLevels,
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? '?',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
    },
    postgres: pgStatus,
    statementCounting:
      'Counted on the wire: a TCP proxy in front of PostgreSQL reads the frontend protocol of a separate "counting" instance of each stack and counts Execute and simple Query messages (transaction control such as BEGIN/COMMIT/SET counted apart) per request, over 5 sequential requests (median). Database time is the time during which the counting instance waited for PostgreSQL (from Sync to ReadyForQuery), which includes the loopback hop.',
    nodeVersions: Object.fromEntries(STACKS.map((s) => [s, measured[s].nodeVersion])) as Record<
      StackName,
      string
    >,
    dataset: {
      name: database.name,
      reused: database.reused,
      loadSeconds: database.loadSeconds,
      counts: database.counts,
      picks: { ...picks, writeTargets: picks.writeTargets.length },
    },
    memory: { afterWarmup: rssAfterWarmup, afterRun: rssAfterRun },
    queries: results,
    totalSeconds: (Date.now() - started) / 1000,
  };
  const written = await writeResults(bench);
  log('');
  log(written.markdown);
  log(`Written: ${written.files.join(', ')} (${bench.totalSeconds.toFixed(0)} s in all)`);
}

async function withClient(url: string, run: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}

/** Waits (a minute at most) until no statement is running on the benchmark's database. */
async function untilDatabaseIdle(url: string): Promise<void> {
  await withClient(url, async (client) => {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ running: number }>(
        `SELECT count(*)::int AS running FROM pg_stat_activity
         WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
      );
      if (rows[0]?.running === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  stopAll();
  process.exit(1);
});
