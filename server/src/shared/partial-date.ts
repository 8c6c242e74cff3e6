// Dates with a precision. "2024-02" means February 2024 and is stored as 2024-02-01 with MONTH
// precision; it is never widened to a full day or timestamp.
import type { DatePrecision } from '../db/generated/prisma/enums.ts';

export interface PartialDate {
  /** First day of the period, at UTC midnight. */
  date: Date;
  precision: DatePrecision;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export class InvalidPartialDateError extends Error {
  constructor(readonly input: string) {
    super(
      `"${input}" is not a valid date: use YYYY, YYYY-MM or YYYY-MM-DD (for example 2024, 2024-02 or 2024-02-26)`,
    );
    this.name = 'InvalidPartialDateError';
  }
}

/** Parses "2024", "2024-02" or "2024-02-26", rejecting impossible dates such as 2023-02-29. */
export function parsePartialDate(input: string): PartialDate {
  const match = PARTIAL_DATE.exec(input.trim());
  if (!match) throw new InvalidPartialDateError(input);
  const [, yearText, monthText, dayText] = match;
  const year = Number(yearText);
  const month = monthText === undefined ? 1 : Number(monthText);
  const day = dayText === undefined ? 1 : Number(dayText);
  if (year < 1 || month < 1 || month > 12 || day < 1) throw new InvalidPartialDateError(input);
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC maps years 0-99 to 1900-1999; set the full year explicitly.
  date.setUTCFullYear(year);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new InvalidPartialDateError(input);
  }
  const precision: DatePrecision =
    dayText !== undefined ? 'DAY' : monthText !== undefined ? 'MONTH' : 'YEAR';
  return { date, precision };
}

/** Formats a stored date at its precision: "2024", "2024-02" or "2024-02-26". */
export function formatPartialDate(date: Date, precision: DatePrecision): string {
  const iso = date.toISOString().slice(0, 10);
  switch (precision) {
    case 'YEAR':
      return iso.slice(0, 4);
    case 'MONTH':
      return iso.slice(0, 7);
    case 'DAY':
      return iso;
  }
}

/** The first day after the period a partial date names, for "overlaps a range" queries. */
export function endOfPeriodExclusive({ date, precision }: PartialDate): Date {
  const next = new Date(date);
  if (precision === 'DAY') next.setUTCDate(next.getUTCDate() + 1);
  else if (precision === 'MONTH') next.setUTCMonth(next.getUTCMonth() + 1);
  else next.setUTCFullYear(next.getUTCFullYear() + 1);
  return next;
}
