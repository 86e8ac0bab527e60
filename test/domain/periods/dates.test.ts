// Date arithmetic on 'YYYY-MM-DD' strings and integer day numbers agrees with the proleptic
// Gregorian calendar (checked against Date.UTC, used here only as an oracle).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayNumber,
  dayOfWeek,
  fromDayNumber,
  fromDayNumberToIso,
  isIsoDate,
  parseIsoDate,
  toDayNumber,
} from '../../../domain/periods/dates';

const MS_PER_DAY = 86_400_000;

describe('dates', () => {
  it('numbers days like Date.UTC and back, from year 1000 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber(1000, 1, 1), max: dayNumber(9999, 12, 31) }), (n) => {
        const iso = new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
        const { year, month, day } = fromDayNumber(n);
        return fromDayNumberToIso(n) === iso && dayNumber(year, month, day) === n && toDayNumber(iso) === n;
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2023-02-29', false],
    ['2100-02-29', false],
    ['2022-04-31', false],
    ['2022-13-01', false],
    ['2022-00-10', false],
    ['2022-1-05', false],
    ['2022-01-05T00:00', false],
    ['', false],
  ])('accepts %s as a date: %s', (date, valid) => {
    expect(isIsoDate(date)).toBe(valid);
    expect(parseIsoDate(date) !== undefined).toBe(valid);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2022-03-01', -1)).toBe('2022-02-28');
  });

  it('knows the day of the week (0 = Sunday)', () => {
    expect(dayOfWeek('2024-02-10')).toBe(6); // mùng 1 Tết Giáp Thìn, a Saturday
    expect(dayOfWeek('2025-01-29')).toBe(3);
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('1969-12-28')).toBe(0);
  });

  it('refuses to number a malformed date', () => {
    expect(() => toDayNumber('2022-02-30')).toThrow(RangeError);
  });
});
