// Field helpers shared by the curated types: partial dates, editorial metadata and input checks.
import type { DatePrecision, EditorialStatus } from '../db/generated/prisma/enums.ts';
import { formatPartialDate } from '../shared/partial-date.ts';
import { BadUserInputError } from './errors.ts';

/** Formats an optional stored date at its precision, or null when either part is missing. */
export function partialDateOrNull(
  date: Date | null,
  precision: DatePrecision | null,
): string | null {
  return date && precision ? formatPartialDate(date, precision) : null;
}

/** What every loaded curated record carries (see curatedSelect). */
export interface CuratedRow {
  id: string;
  status: EditorialStatus;
  deletedAt: Date | null;
}

/** Base selection of every curated type: what visibility checks and node ids need. */
export const curatedSelect = { id: true, status: true, deletedAt: true } as const;

export const MAX_FILTER_TEXT_LENGTH = 500;

/** Trims a free-text filter and rejects empty or oversized values with the field's path. */
export function filterText(value: string | null | undefined, field: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed.length === 0) throw new BadUserInputError(`${field} must not be empty`, field);
  if (trimmed.length > MAX_FILTER_TEXT_LENGTH) {
    throw new BadUserInputError(
      `${field} is too long: at most ${MAX_FILTER_TEXT_LENGTH} characters`,
      field,
    );
  }
  return trimmed;
}
