// Custom scalars: DateTime (ISO 8601 instants), PartialDate ("2024", "2024-02", "2024-02-26")
// and JSON (CSL-JSON and revision snapshots).
import { Kind } from 'graphql';
import { InvalidPartialDateError, parsePartialDate } from '../shared/partial-date.ts';
import { builder } from './builder.ts';
import { BadUserInputError } from './errors.ts';

builder.scalarType('DateTime', {
  description: 'An instant in ISO 8601 form, in UTC (2025-02-25T10:15:00.000Z).',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : Number.NaN;
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
      throw new BadUserInputError(`"${String(value)}" is not an ISO 8601 date and time`);
    }
    return date;
  },
});

function parsePartialDateInput(value: unknown) {
  if (typeof value !== 'string') {
    throw new BadUserInputError('A date must be a string: YYYY, YYYY-MM or YYYY-MM-DD');
  }
  try {
    return parsePartialDate(value);
  } catch (error) {
    if (error instanceof InvalidPartialDateError) throw new BadUserInputError(error.message);
    throw error;
  }
}

builder.scalarType('PartialDate', {
  description:
    'A date known to a precision: "2024" (YEAR), "2024-02" (MONTH) or "2024-02-26" (DAY). ' +
    'Never widened: February 2024 stays "2024-02".',
  serialize: (value) => value,
  parseValue: parsePartialDateInput,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new BadUserInputError('A date must be a string: YYYY, YYYY-MM or YYYY-MM-DD');
    }
    return parsePartialDateInput(ast.value);
  },
});

builder.scalarType('JSON', {
  description: 'A JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
});
