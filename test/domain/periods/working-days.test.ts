// Working days: Monday to Friday unless listed off, weekends only when listed as worked; counting
// n working days after a date and back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  VN_CIVIL_SERVICE_DAYS_OFF,
  addDays,
  addWorkingDays,
  createHolidayCalendar,
  isWorkingDay,
  workingDaysBetween,
} from '../../../domain/periods';

const none = createHolidayCalendar([]);
const vn = createHolidayCalendar(VN_CIVIL_SERVICE_DAYS_OFF);

describe('working days', () => {
  it('counts Monday to Friday and not the weekend when nothing is listed', () => {
    expect(['2022-03-07', '2022-03-11'].map((d) => isWorkingDay(d, none))).toEqual([true, true]);
    expect(['2022-03-12', '2022-03-13'].map((d) => isWorkingDay(d, none))).toEqual([false, false]);
  });

  it('returns the n-th working day strictly after the date', () => {
    expect(addWorkingDays('2022-03-11', 1, none)).toBe('2022-03-14'); // Friday → Monday
    expect(addWorkingDays('2022-03-12', 1, none)).toBe('2022-03-14'); // Saturday → Monday
    expect(addWorkingDays('2022-03-14', 5, none)).toBe('2022-03-21');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses n = %s', (n) => {
    expect(() => addWorkingDays('2022-03-11', n, none)).toThrow(RangeError);
  });

  it('lets a later entry override an earlier one for the same date, as admin corrections do', () => {
    const cal = createHolidayCalendar([
      ...VN_CIVIL_SERVICE_DAYS_OFF,
      { date: '2026-11-24', name: 'Ngày Văn hóa Việt Nam', kind: 'off' },
      { date: '2024-05-04', name: 'Không làm bù', kind: 'off' },
    ]);
    expect(isWorkingDay('2026-11-24', cal)).toBe(false);
    expect(isWorkingDay('2024-05-04', vn)).toBe(true);
    expect(isWorkingDay('2024-05-04', cal)).toBe(false);
  });

  it('refuses an entry with a malformed date', () => {
    expect(() => createHolidayCalendar([{ date: '2024-02-30', name: 'x', kind: 'off' }])).toThrow(RangeError);
  });

  it('stops rather than loop forever when every day is off', () => {
    const everyDayOff = Array.from({ length: 800 }, (_, i) => ({ date: addDays('2030-01-01', i), name: 'x', kind: 'off' as const }));
    expect(() => addWorkingDays('2030-01-01', 1, createHolidayCalendar(everyDayOff))).toThrow(RangeError);
  });

  it('counts 0 working days from a date to itself or to an earlier date', () => {
    expect(workingDaysBetween('2022-03-14', '2022-03-14', none)).toBe(0);
    expect(workingDaysBetween('2022-03-14', '2022-03-01', none)).toBe(0);
    expect(workingDaysBetween('2024-02-07', '2024-02-15', vn)).toBe(1);
  });

  it('inverts addWorkingDays with workingDaysBetween, landing on a working day (fast-check)', () => {
    const date = fc.integer({ min: 0, max: 3652 }).map((i) => addDays('2019-01-01', i));
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 40 }), (from, n) => {
        const to = addWorkingDays(from, n, vn);
        return to > from && isWorkingDay(to, vn) && workingDaysBetween(from, to, vn) === n && workingDaysBetween(from, addDays(to, -1), vn) === n - 1;
      }),
      { numRuns: 1000 },
    );
  });
});
