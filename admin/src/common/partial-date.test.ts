import { describe, expect, it } from 'vitest';
import { describePartialDate, explainPartialDate, parsePartialDate } from './partial-date.ts';

describe('parsePartialDate', () => {
  it.each([
    ['2024', 'YEAR', '2024'],
    ['2024-02', 'MONTH', 'February 2024'],
    ['2024-02-26', 'DAY', '26 February 2024'],
    ['2024-02-29', 'DAY', '29 February 2024'],
    [' 2025-12 ', 'MONTH', 'December 2025'],
  ])('%s is %s: %s', (text, precision, meaning) => {
    expect(parsePartialDate(text)).toEqual({ ok: true, precision, meaning });
  });

  it.each([
    ['24', 'Write a year'],
    ['2024-2', 'Write a year'],
    ['26/02/2024', 'Write a year'],
    ['2024-13', 'There is no month 13'],
    ['2023-02-29', 'February 2023 has no day 29'],
    ['2024-04-31', 'April 2024 has no day 31'],
    ['0000', 'The year must be 0001 or later'],
  ])('refuses %s', (text, problem) => {
    const parsed = parsePartialDate(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toContain(problem);
  });

  it('explains the precision and reads stored dates', () => {
    const parsed = parsePartialDate('2024-02');
    if (!parsed.ok) throw new Error('expected a date');
    expect(explainPartialDate(parsed)).toBe('February 2024 (month precision: the day is unknown)');
    expect(describePartialDate('2024')).toBe('2024');
    expect(describePartialDate(null)).toBe('');
  });
});
