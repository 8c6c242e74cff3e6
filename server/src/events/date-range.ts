// Date-range filters over records whose dates are periods (a day, a month or a year).
import type { Prisma } from '../db/generated/prisma/client.ts';
import type { DatePrecision } from '../db/generated/prisma/enums.ts';
import { endOfPeriodExclusive, type PartialDate } from '../shared/partial-date.ts';

/** The first day of the period of `precision` that contains `date`. */
function periodStart(date: Date, precision: DatePrecision): Date {
  if (precision === 'DAY') return date;
  const month = precision === 'MONTH' ? date.getUTCMonth() : 0;
  const start = new Date(Date.UTC(2000, month, 1));
  start.setUTCFullYear(date.getUTCFullYear());
  return start;
}

/**
 * Rows whose period (stored as first day + precision) ends on or after `from`: one condition per
 * precision, as a `where` of whichever model has these two columns.
 */
export function periodEndsOnOrAfter<Where>(
  from: Date,
  dateField: string,
  precisionField: string,
): Where[] {
  return (['DAY', 'MONTH', 'YEAR'] as const).map(
    (precision) =>
      ({
        [precisionField]: precision,
        [dateField]: { gte: periodStart(from, precision) },
      }) as Where,
  );
}

/**
 * Events overlapping [from, to]: starting before the end of `to`, and ending (or, without an end
 * date, starting) in a period that reaches `from`. "February 2024" overlaps from=2024-02-15.
 */
export function dateRangeWhere(
  from: PartialDate | null | undefined,
  to: PartialDate | null | undefined,
): Prisma.EventWhereInput | undefined {
  if (!from && !to) return undefined;
  const conditions: Prisma.EventWhereInput[] = [];
  if (to) conditions.push({ startOn: { lt: endOfPeriodExclusive(to) } });
  if (from) {
    conditions.push({
      OR: [
        {
          endOn: { not: null },
          OR: periodEndsOnOrAfter<Prisma.EventWhereInput>(from.date, 'endOn', 'endPrecision'),
        },
        {
          endOn: null,
          OR: periodEndsOnOrAfter<Prisma.EventWhereInput>(from.date, 'startOn', 'startPrecision'),
        },
      ],
    });
  }
  return { AND: conditions };
}
