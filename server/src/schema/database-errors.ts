// Turns PostgreSQL's constraint violations (reported through Prisma) into BAD_USER_INPUT errors
// naming the field. Validation catches these cases first; this is the safety net that keeps a
// missed case from becoming an INTERNAL_SERVER_ERROR, without leaking SQL.
import { BadUserInputError, type DomainError } from './errors.ts';

interface AdapterCause {
  kind?: string;
  originalCode?: string;
  code?: string;
  constraint?: { index?: string; fields?: string[] };
  message?: string;
}

function causeOf(error: Error): AdapterCause | undefined {
  const meta = (error as Error & { meta?: { driverAdapterError?: { cause?: AdapterCause } } }).meta;
  return meta?.driverAdapterError?.cause;
}

/** "Topic_slug_key" → "slug"; "Statement_speakerId_fkey" → "speakerId". */
function fieldOf(constraint: string | undefined): string | undefined {
  const match = constraint ? /^[A-Za-z]+_(.+?)_(key|fkey|check|pkey)$/.exec(constraint) : null;
  return match?.[1]?.split('_')[0];
}

function constraintName(cause: AdapterCause): string | undefined {
  if (cause.constraint?.index) return cause.constraint.index;
  return /constraint "([^"]+)"/.exec(cause.message ?? '')?.[1];
}

export function fromDatabaseError(error: unknown): DomainError | null {
  if (!(error instanceof Error) || error.name !== 'PrismaClientKnownRequestError') return null;
  const cause = causeOf(error);
  const sqlState = cause?.originalCode ?? cause?.code;
  if (!cause || !sqlState) return null;
  const constraint = constraintName(cause);
  const field = fieldOf(constraint);
  const path = field ? `input.${field}` : undefined;
  switch (sqlState) {
    case '23505':
      return new BadUserInputError(
        `Another record already has this ${field ?? 'value'}: it must be unique.`,
        path,
      );
    case '23503':
      return new BadUserInputError(
        `${field ?? 'A reference'} points to a record that does not exist.`,
        path,
      );
    case '23514':
      return new BadUserInputError(
        `The value of ${field ?? 'a field'} breaks the rule ${constraint ?? 'of this record'}.`,
        path,
      );
    case '22001':
      return new BadUserInputError('A value is longer than the field allows.', path);
    default:
      return null;
  }
}
