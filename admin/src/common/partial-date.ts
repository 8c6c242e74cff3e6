// The API's PartialDate: "2024" (YEAR), "2024-02" (MONTH) or "2024-02-26" (DAY). Parsed here
// so a form can say what a date means before it is sent, and refuse one that does not exist.

export type DatePrecision = 'YEAR' | 'MONTH' | 'DAY';

export type ParsedPartialDate =
  /** `meaning` reads as the date does: "2024", "February 2024", "26 February 2024". */
  { ok: true; precision: DatePrecision; meaning: string } | { ok: false; problem: string };

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const FORMAT = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parsePartialDate(value: string): ParsedPartialDate {
  const match = FORMAT.exec(value.trim());
  if (!match) {
    return { ok: false, problem: 'Write a year, a month or a day: 2024, 2024-02 or 2024-02-26' };
  }
  const year = Number(match[1]);
  if (year < 1) return { ok: false, problem: 'The year must be 0001 or later' };
  if (match[2] === undefined) return { ok: true, precision: 'YEAR', meaning: String(year) };
  const month = Number(match[2]);
  const monthName = MONTHS[month - 1];
  if (!monthName) return { ok: false, problem: `There is no month ${match[2]}: use 01 to 12` };
  if (match[3] === undefined) {
    return { ok: true, precision: 'MONTH', meaning: `${monthName} ${year}` };
  }
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, problem: `${monthName} ${year} has no day ${match[3]}` };
  }
  return { ok: true, precision: 'DAY', meaning: `${day} ${monthName} ${year}` };
}

const PRECISION_NOTES: Record<DatePrecision, string> = {
  YEAR: 'the year only: month and day unknown',
  MONTH: 'month precision: the day is unknown',
  DAY: 'day precision',
};

/** What a typed date means, for the form: "February 2024 (month precision: the day is unknown)". */
export function explainPartialDate(parsed: ParsedPartialDate & { ok: true }): string {
  return `${parsed.meaning} (${PRECISION_NOTES[parsed.precision]})`;
}

/** How a stored date reads, e.g. "February 2024"; the raw text if unparseable. */
export function describePartialDate(value: string | null | undefined): string {
  if (!value) return '';
  const parsed = parsePartialDate(value);
  return parsed.ok ? parsed.meaning : value;
}
