// Domain errors and how they reach clients. Every error a client can see carries a
// machine-readable `extensions.code`; anything unexpected becomes INTERNAL_SERVER_ERROR with a
// generic message, so no SQL, stack trace or internal detail leaks.
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { fromDatabaseError } from './database-errors.ts';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'QUOTE_NOT_FOUND'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** An error meant for the client: its message must tell a person what to do. */
export class DomainError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...details } });
    this.name = 'DomainError';
  }
}

/** Bad input; `field` is the path of the offending argument or input field ("filter.saidFrom"). */
export class BadUserInputError extends DomainError {
  constructor(message: string, field?: string) {
    super('BAD_USER_INPUT', message, field === undefined ? {} : { field });
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}

/** Codes graphql-js and Apollo already attach to errors they raise themselves. */
const PASSTHROUGH_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Errors thrown by libraries for input they reject (bad cursors, malformed global ids...). */
function isLibraryValidationError(error: unknown): error is Error {
  return error instanceof Error && error.name === 'PothosValidationError';
}

/**
 * Prisma's "invalid value for the column type" errors: reachable only through client-supplied
 * values such as a tampered cursor, so they are the client's mistake, not ours.
 */
function isMalformedValueError(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== 'PrismaClientKnownRequestError') return false;
  const code = (error as Error & { code?: unknown }).code;
  return code === 'P2007' || code === 'P2023';
}

/**
 * Apollo's formatError: keeps domain and validation errors, hides everything else. `original` is
 * the error as thrown (Apollo passes a GraphQLError wrapping it).
 */
export function formatError(
  formatted: GraphQLFormattedError,
  original: unknown,
): GraphQLFormattedError {
  const thrown = original instanceof GraphQLError ? (original.originalError ?? original) : original;
  if (thrown instanceof DomainError) {
    // `http` sets the response's status (Apollo reads it before formatting); it is not for clients.
    const { http: _http, ...extensions } = thrown.extensions;
    return { ...formatted, message: thrown.message, extensions };
  }
  if (isLibraryValidationError(thrown)) {
    return { ...formatted, message: thrown.message, extensions: { code: 'BAD_USER_INPUT' } };
  }
  if (isDatabaseUnavailable(thrown)) {
    // Expected under load or while PostgreSQL restarts: the client should retry, not report a bug.
    console.warn('Database unavailable for a GraphQL request:', (thrown as Error).message);
    return {
      message: 'The database is busy, try again in a moment.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    };
  }
  const fromDatabase = fromDatabaseError(thrown);
  if (fromDatabase) {
    return {
      ...formatted,
      message: fromDatabase.message,
      extensions: { ...fromDatabase.extensions },
    };
  }
  if (isMalformedValueError(thrown)) {
    return {
      ...formatted,
      message:
        'The request contains a malformed value (such as a cursor or an id): use values returned by this API.',
      extensions: { code: 'BAD_USER_INPUT' },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PASSTHROUGH_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  // Unexpected: log it for operators (the client gets a generic message).
  console.error('Unexpected error while executing a GraphQL request:', thrown);
  return {
    message: 'Internal server error: the request could not be completed. Try again later.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
