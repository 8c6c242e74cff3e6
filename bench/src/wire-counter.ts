// Counts the SQL statements a server sends, on the wire: a TCP proxy between one server
// instance and PostgreSQL that reads the frontend protocol (Parse/Bind/Execute, simple Query,
// Sync) and the backend's ReadyForQuery. Used because the machine's PostgreSQL does not load
// pg_stat_statements, and it works the same for every stack. Only the counting instances go
// through it; the measured instances talk to PostgreSQL directly.
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface WireStats {
  /** Statements executed (Execute messages and simple queries), transaction control excluded. */
  statements: number;
  /** BEGIN, COMMIT, SET, ... */
  control: number;
  /** Times the client waited for the server (each Sync or simple Query). */
  roundTrips: number;
  /** Milliseconds during which at least one request was waiting for PostgreSQL. */
  busyMs: number;
  /** The SQL of the counted statements, in order. */
  sql: string[];
}

const CONTROL =
  /^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE|SET|RESET|DEALLOCATE|DISCARD|SELECT\s+set_config)\b/i;

function emptyStats(): WireStats {
  return { statements: 0, control: 0, roundTrips: 0, busyMs: 0, sql: [] };
}

function cString(buffer: Buffer, offset: number): [string, number] {
  const end = buffer.indexOf(0, offset);
  return [buffer.toString('utf8', offset, end), end + 1];
}

export class WireCounter {
  private stats = emptyStats();
  private server: Server | undefined;
  private outstanding = 0;
  private busySince = 0;

  constructor(
    private readonly upstreamHost: string,
    private readonly upstreamPort: number,
  ) {}

  /** Starts listening on a free port and returns it. */
  async listen(): Promise<number> {
    this.server = createServer((client) => this.proxy(client));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('proxy has no port');
    return address.port;
  }

  /** Returns what was counted since the last call, and starts counting afresh. */
  take(): WireStats {
    const taken = this.stats;
    this.stats = emptyStats();
    return taken;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  private record(sql: string): void {
    if (CONTROL.test(sql)) {
      this.stats.control++;
    } else {
      this.stats.statements++;
      this.stats.sql.push(sql);
    }
  }

  private waitStarts(): void {
    this.stats.roundTrips++;
    if (this.outstanding++ === 0) this.busySince = performance.now();
  }

  private ready(): void {
    if (this.outstanding === 0) return;
    if (--this.outstanding === 0) this.stats.busyMs += performance.now() - this.busySince;
  }

  private proxy(client: Socket): void {
    const upstream = connect(this.upstreamPort, this.upstreamHost);
    const statements = new Map<string, string>();
    const portals = new Map<string, string>();
    let pending = Buffer.alloc(0);
    let started = false;
    let backendPending = Buffer.alloc(0);

    const onFrontend = (message: Buffer, type: string) => {
      switch (type) {
        case 'Q':
          this.waitStarts();
          this.record(cString(message, 0)[0]);
          break;
        case 'P': {
          const [name, next] = cString(message, 0);
          statements.set(name, cString(message, next)[0]);
          break;
        }
        case 'B': {
          const [portal, next] = cString(message, 0);
          portals.set(portal, statements.get(cString(message, next)[0]) ?? '?');
          break;
        }
        case 'E':
          this.record(portals.get(cString(message, 0)[0]) ?? '?');
          break;
        case 'S':
          this.waitStarts();
          break;
      }
    };

    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        if (!started) {
          // Startup (or SSL request): a length and no type byte.
          if (pending.length < 4) return;
          const length = pending.readInt32BE(0);
          if (pending.length < length) return;
          const code = pending.readInt32BE(4);
          pending = pending.subarray(length);
          if (code !== 80877103) started = true;
          continue;
        }
        if (pending.length < 5) return;
        const length = pending.readInt32BE(1);
        if (pending.length < length + 1) return;
        onFrontend(pending.subarray(5, length + 1), String.fromCharCode(pending[0] as number));
        pending = pending.subarray(length + 1);
      }
    });
    upstream.on('data', (chunk: Buffer) => {
      client.write(chunk);
      backendPending = Buffer.concat([backendPending, chunk]);
      for (;;) {
        if (backendPending.length < 5) return;
        // The server answers an SSL request with one byte: never sent here (no SSL on loopback).
        const length = backendPending.readInt32BE(1);
        if (backendPending.length < length + 1) return;
        if (backendPending[0] === 0x5a && started) this.ready();
        backendPending = backendPending.subarray(length + 1);
      }
    });
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', closeBoth);
    upstream.on('error', closeBoth);
    client.on('close', closeBoth);
    upstream.on('close', closeBoth);
  }
}
