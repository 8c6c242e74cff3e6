// Partial-date inputs for mutations: a date and its precision are written together, and null
// clears both.
import type { DatePrecision } from '../db/generated/prisma/enums.ts';
import type { PartialDate } from '../shared/partial-date.ts';

/** Column values for an optional partial date; undefined leaves both columns untouched. */
export function partialDateColumns<D extends string, P extends string>(
  value: PartialDate | null | undefined,
  dateColumn: D,
  precisionColumn: P,
): Partial<Record<D, Date | null> & Record<P, DatePrecision | null>> {
  if (value === undefined) return {};
  return {
    [dateColumn]: value?.date ?? null,
    [precisionColumn]: value?.precision ?? null,
  } as Record<D, Date | null> & Record<P, DatePrecision | null>;
}
