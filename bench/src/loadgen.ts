// Drives one server with autocannon for one cell (a query at a number of connections) and
// returns throughput, latency percentiles (from every response's own time, so p95 is exact),
// and errors of every kind: HTTP, socket, timeouts, GraphQL errors in a 200 response, and for
// W1 stale reads (a read showing an older version than a write answered before it was sent).
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { ownCpuMs, postgresCpuMs, processCpuMs } from './cpu-time.ts';
import { type Request, type StackName, W1 } from './queries.ts';

export interface CellResult {
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: { http: number; socket: number; timeouts: number; graphql: number; stale: number };
  totalErrors: number;
  bytesPerResponse: number;
  /** The machine's 1-minute load average at the end of the cell (2 cores: above 2 is queueing). */
  loadAverage: number;
  /** CPU ms per request of the server under test, of PostgreSQL and of the load generator. */
  cpuPerRequest: { server: number; database: number; loadGenerator: number };
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const HEADERS = { 'content-type': 'application/json' };

interface Counters {
  graphql: number;
  stale: number;
}

const hasErrors = (body: string) => body.includes('"errors"');

function readRequests(request: Request, counters: Counters): autocannon.Request[] {
  return [
    {
      method: 'POST',
      path: request.path,
      headers: HEADERS,
      body: request.body,
      onResponse: (_status, body) => {
        if (hasErrors(body)) counters.graphql++;
      },
    },
  ];
}

/** W1's targets are taken round-robin, so no two connections edit one statement at a time. */
export class WriteTargets {
  private next = 0;
  /** The version each statement is known to have reached (after this run's writes). */
  readonly known = new Map<string, number>();

  constructor(private readonly ids: string[]) {}

  take(): string {
    const id = this.ids[this.next % this.ids.length] as string;
    this.next++;
    return id;
  }
}

const VERSION = /"version"\s*:\s*(\d+)/;

function writeMixRequests(
  stack: StackName,
  targets: WriteTargets,
  counters: Counters,
  authorization: string | undefined,
): autocannon.Request[] {
  const headers = authorization ? { ...HEADERS, authorization } : HEADERS;
  let edit = 0;
  const read = (first: boolean): autocannon.Request => ({
    method: 'POST',
    path: '/',
    headers,
    setupRequest: (request, context) => {
      if (first) context.target = targets.take();
      // The version every write answered before this read was sent: the read must show it.
      context.expected = targets.known.get(context.target as string) ?? 1;
      const built = W1.read(stack, context.target as string);
      return { ...request, path: built.path, body: built.body };
    },
    onResponse: (_status, body, context) => {
      if (hasErrors(body)) counters.graphql++;
      const version = Number(VERSION.exec(body)?.[1] ?? Number.NaN);
      if (!(version >= (context.expected as number))) counters.stale++;
      context.version = version;
    },
  });
  const reads = Array.from({ length: 9 }, (_, i) => read(i === 0));
  return [
    ...reads,
    {
      method: 'POST',
      path: '/',
      headers,
      setupRequest: (request, context) => {
        edit++;
        const built = W1.write(
          stack,
          context.target as string,
          context.version as number,
          `Edited by the benchmark (${stack} ${edit}).`,
        );
        return { ...request, path: built.path, body: built.body };
      },
      onResponse: (_status, body, context) => {
        if (hasErrors(body)) {
          counters.graphql++;
          return;
        }
        const version = Number(VERSION.exec(body)?.[1] ?? Number.NaN);
        if (Number.isFinite(version)) targets.known.set(context.target as string, version);
      },
    },
  ];
}

export interface CellOptions {
  stack: StackName;
  baseUrl: string;
  /** The server's process, whose CPU time the cell reports. */
  pid: number;
  connections: number;
  seconds: number;
  /** A read query; or undefined with `writeMix` for W1. */
  request?: Request;
  writeMix?: { targets: WriteTargets; authorization?: string };
}

/** One stretch of load on one stack: what a cell's rounds are summed from. */
export interface CellSample {
  connections: number;
  seconds: number;
  /** Every response's time, ms. */
  latencies: number[];
  bytes: number;
  errors: CellResult['errors'];
  loadAverage: number;
  /** CPU ms used during the stretch (not per request). */
  cpu: { server: number; database: number; loadGenerator: number };
}

export async function runCell(options: CellOptions): Promise<CellSample> {
  const counters: Counters = { graphql: 0, stale: 0 };
  const requests = options.writeMix
    ? writeMixRequests(
        options.stack,
        options.writeMix.targets,
        counters,
        options.writeMix.authorization,
      )
    : readRequests(options.request as Request, counters);
  const latencies: number[] = [];
  let bytes = 0;
  const cpuBefore = await cpuNow(options.pid);
  const instance = autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    requests,
  });
  instance.on(
    'response',
    (_client: unknown, _status: number, responseBytes: number, responseTime: number) => {
      latencies.push(responseTime);
      bytes += responseBytes;
    },
  );
  const result = await instance;
  const cpuAfter = await cpuNow(options.pid);
  return {
    connections: options.connections,
    seconds: result.duration,
    latencies,
    bytes,
    errors: {
      http: result.non2xx,
      socket: result.errors - result.timeouts,
      timeouts: result.timeouts,
      graphql: counters.graphql,
      stale: counters.stale,
    },
    loadAverage: loadavg()[0] ?? Number.NaN,
    cpu: {
      server: cpuAfter.server - cpuBefore.server,
      database: cpuAfter.database - cpuBefore.database,
      loadGenerator: cpuAfter.loadGenerator - cpuBefore.loadGenerator,
    },
  };
}

/** A cell's result from its rounds: their requests, time and CPU summed, latencies pooled. */
export function combineSamples(samples: CellSample[]): CellResult {
  const sum = (value: (sample: CellSample) => number) =>
    samples.reduce((total, sample) => total + value(sample), 0);
  const latencies = samples.flatMap((sample) => sample.latencies);
  const requests = latencies.length;
  const seconds = sum((sample) => sample.seconds);
  const perRequest = (ms: number) => (requests ? ms / requests : Number.NaN);
  const sorted = Float64Array.from(latencies).sort();
  const errors = {
    http: sum((sample) => sample.errors.http),
    socket: sum((sample) => sample.errors.socket),
    timeouts: sum((sample) => sample.errors.timeouts),
    graphql: sum((sample) => sample.errors.graphql),
    stale: sum((sample) => sample.errors.stale),
  };
  return {
    connections: samples[0]?.connections ?? 0,
    seconds,
    requests,
    rps: requests / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? (sorted[sorted.length - 1] as number) : Number.NaN,
    errors,
    totalErrors: errors.http + errors.socket + errors.timeouts + errors.graphql + errors.stale,
    bytesPerResponse: requests ? sum((sample) => sample.bytes) / requests : 0,
    loadAverage: samples[samples.length - 1]?.loadAverage ?? Number.NaN,
    cpuPerRequest: {
      server: perRequest(sum((sample) => sample.cpu.server)),
      database: perRequest(sum((sample) => sample.cpu.database)),
      loadGenerator: perRequest(sum((sample) => sample.cpu.loadGenerator)),
    },
  };
}

async function cpuNow(pid: number) {
  return {
    server: await processCpuMs(pid),
    database: await postgresCpuMs(),
    loadGenerator: ownCpuMs(),
  };
}

/** Sends one request and returns its status and body (validation and counting passes). */
export async function send(
  baseUrl: string,
  request: Request,
  authorization?: string,
): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${request.path}`, {
    method: 'POST',
    headers: authorization ? { ...HEADERS, authorization } : HEADERS,
    body: request.body,
  });
  const body = await response.text();
  return { status: response.status, body, ms: performance.now() - started };
}
