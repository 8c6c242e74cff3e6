// Recognises the errors that mean "the database cannot serve this now" rather than "this request
// is wrong": a statement or lock timeout, an exhausted pool, a server that is down or
// restarting. Clients get SERVICE_UNAVAILABLE and should retry; nothing is wrong with their input.

/** SQLSTATEs: query_canceled (statement_timeout), lock_not_available (lock_timeout), too many
 * connections, and the server shutting down or starting up. */
const UNAVAILABLE_SQLSTATES = new Set(['57014', '55P03', '53300', '57P01', '57P02', '57P03']);
/** Driver adapter error kinds for a server that cannot be reached or dropped the connection. */
const UNAVAILABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);
/** node-postgres' own messages: the pool had no free connection in time, or the server left. */
const UNAVAILABLE_MESSAGES = [
  /^timeout exceeded when trying to connect$/,
  /^Connection terminated/,
  /^Client has encountered a connection error/,
];

interface AdapterCause {
  kind?: unknown;
  code?: unknown;
  originalCode?: unknown;
}

function adapterCause(error: Error): AdapterCause | undefined {
  const meta = (error as Error & { meta?: { driverAdapterError?: { cause?: AdapterCause } } }).meta;
  return meta?.driverAdapterError?.cause;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const cause = adapterCause(error);
  if (cause) {
    const sqlState = cause.originalCode ?? cause.code;
    if (typeof sqlState === 'string' && UNAVAILABLE_SQLSTATES.has(sqlState)) return true;
    if (typeof cause.kind === 'string' && UNAVAILABLE_KINDS.has(cause.kind)) return true;
  }
  const code = (error as Error & { code?: unknown }).code;
  // Prisma's "could not start or finish an interactive transaction in time".
  if (code === 'P2028') return true;
  // node-postgres' own errors (queryPrepared's statements) carry the SQLSTATE as their code.
  if (typeof code === 'string' && UNAVAILABLE_SQLSTATES.has(code)) return true;
  return UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(error.message));
}
