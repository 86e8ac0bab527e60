// The official days off of civil servants 2020–2027 match the notices (and the lunar calendar), and
// deadlines step over them.
import { describe, expect, it } from 'vitest';
import {
  VN_CIVIL_SERVICE_DAYS_OFF,
  addDays,
  addWorkingDays,
  createHolidayCalendar,
  dayOfWeek,
  isWorkingDay,
} from '../../../domain/periods';

const cal = createHolidayCalendar(VN_CIVIL_SERVICE_DAYS_OFF);
const isWeekend = (date: string) => [0, 6].includes(dayOfWeek(date));
const datesNamed = (prefix: string) => VN_CIVIL_SERVICE_DAYS_OFF.filter((e) => e.name.startsWith(prefix)).map((e) => e.date);

describe('the holiday list', () => {
  it('has well-formed entries, one per date, with make-up days only on weekends', () => {
    const dates = VN_CIVIL_SERVICE_DAYS_OFF.map((e) => e.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect(cal.entries).toHaveLength(dates.length);
    for (const entry of VN_CIVIL_SERVICE_DAYS_OFF) {
      expect(entry.date >= '2020-01-01' && entry.date <= '2027-12-31', entry.date).toBe(true);
      if (entry.kind === 'workday') expect(isWeekend(entry.date), entry.date).toBe(true);
    }
  });

  it.each([
    [2020, 10], // Labour Code 2012: Quốc khánh was one day
    [2021, 11],
    [2022, 11],
    [2023, 11],
    [2024, 11],
    [2025, 11],
    [2026, 11],
    [2027, 11],
  ])('gives %i exactly the Labour Code number of days off (%i): swaps move days, never add any', (year, days) => {
    const ofYear = VN_CIVIL_SERVICE_DAYS_OFF.filter((e) => e.date.startsWith(`${year}-`));
    const weekdaysOff = ofYear.filter((e) => e.kind === 'off' && !isWeekend(e.date)).length;
    const weekendsWorked = ofYear.filter((e) => e.kind === 'workday').length;
    expect(weekdaysOff - weekendsWorked).toBe(days);
  });

  it('puts mùng 1 Tết on the lunar New Year of each year', () => {
    expect(datesNamed('Tết Nguyên đán (mùng 1)')).toEqual([
      '2020-01-25', '2021-02-12', '2022-02-01', '2023-01-22', '2024-02-10', '2025-01-29', '2026-02-17', '2027-02-06',
    ]);
  });

  it('puts Giỗ Tổ Hùng Vương on the 10th of the 3rd lunar month of each year', () => {
    expect(datesNamed('Giỗ Tổ Hùng Vương (10/3')).toEqual([
      '2020-04-02', '2021-04-21', '2022-04-10', '2023-04-29', '2024-04-18', '2025-04-07', '2026-04-26', '2027-04-16',
    ]);
  });

  it('marks 2027, whose notice is not out, as provisional, and the published years as not', () => {
    const provisional = VN_CIVIL_SERVICE_DAYS_OFF.filter((e) => e.provisional).map((e) => e.date);
    expect(provisional.filter((d) => d.startsWith('2027-'))).toHaveLength(14);
    expect(provisional.filter((d) => !d.startsWith('2027-'))).toEqual([]);
  });
});

// domain.md's table of 2026, row by row: the days off (weekends included), the Saturday worked, and the
// decision it comes from. Each row is checked whole: the day before and the day after are worked.
describe('2026 as the decisions domain.md cites fixed it', () => {
  const daysFrom = (from: string, to: string) => {
    const out: string[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
    return out;
  };
  it.each([
    ['Tết Dương lịch (12729/VPCP-KGVX)', '2026-01-01', '2026-01-04', '2026-01-10'],
    ['Tết Nguyên đán (9441/TB-BNV)', '2026-02-14', '2026-02-22', undefined],
    ['Giỗ Tổ Hùng Vương (thanhnien.vn 23/02/2026)', '2026-04-26', '2026-04-27', undefined],
    ['30/4 and 1/5', '2026-04-30', '2026-05-03', undefined],
    ['Quốc khánh (9441/TB-BNV)', '2026-08-29', '2026-09-02', '2026-08-22'],
  ])('%s: off from %s to %s, make-up Saturday %s', (_name, from, to, makeUp) => {
    for (const day of daysFrom(from, to)) expect(isWorkingDay(day, cal), day).toBe(false);
    expect(isWorkingDay(addDays(from, -1), cal) || isWeekend(addDays(from, -1)), `day before ${from}`).toBe(true);
    expect(isWorkingDay(addDays(to, 1), cal), `day after ${to}`).toBe(true);
    if (makeUp !== undefined) {
      expect(dayOfWeek(makeUp)).toBe(6);
      expect(isWorkingDay(makeUp, cal)).toBe(true);
    }
  });

  it('counts a deadline across the Quốc khánh break: 2 working days after Friday 28/08/2026 is Friday 04/09', () => {
    expect(addWorkingDays('2026-08-28', 2, cal)).toBe('2026-09-04');
    expect(addWorkingDays('2026-08-21', 1, cal)).toBe('2026-08-22');
  });

  it('gives 2025 Quốc khánh as vietnamnews.vn reported on 04/08/2025: Sat 30/08 – Tue 02/09', () => {
    for (const day of daysFrom('2025-08-30', '2025-09-02')) expect(isWorkingDay(day, cal), day).toBe(false);
    expect(isWorkingDay('2025-09-03', cal)).toBe(true);
  });
});

describe('days off as the notices fixed them', () => {
  it.each([
    // year, last working day before Tết, the days off, first working day after
    ['2020', '2020-01-22', ['2020-01-23', '2020-01-24', '2020-01-27', '2020-01-28', '2020-01-29'], '2020-01-30'],
    ['2021', '2021-02-09', ['2021-02-10', '2021-02-11', '2021-02-12', '2021-02-15', '2021-02-16'], '2021-02-17'],
    ['2022', '2022-01-28', ['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04'], '2022-02-07'],
    ['2023', '2023-01-19', ['2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26'], '2023-01-27'],
    ['2024', '2024-02-07', ['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14'], '2024-02-15'],
    ['2025', '2025-01-24', ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'], '2025-02-03'],
    ['2026', '2026-02-13', ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'], '2026-02-23'],
  ])('Tết %s: off from the first to the last listed weekday', (_year, before, off, after) => {
    expect(isWorkingDay(before, cal)).toBe(true);
    for (const day of off) expect(isWorkingDay(day, cal), day).toBe(false);
    expect(isWorkingDay(after, cal)).toBe(true);
    expect(addWorkingDays(before, 1, cal)).toBe(after);
  });

  it('had no make-up Saturday in May 2023: 2/5 and 3/5 were compensatory days for Giỗ Tổ and 30/4', () => {
    expect(isWorkingDay('2023-05-02', cal)).toBe(false);
    expect(isWorkingDay('2023-05-03', cal)).toBe(false);
    expect(isWorkingDay('2023-05-06', cal)).toBe(false);
  });

  it.each([
    ['2024-04-29', '2024-05-04'], // 2450/VPCP-KGVX
    ['2025-05-02', '2025-04-26'], // 8726/VPCP-KGVX
    ['2026-01-02', '2026-01-10'], // 12729/VPCP-KGVX
    ['2026-08-31', '2026-08-22'], // 9441/TB-BNV
  ])('swapped working day %s for Saturday %s', (dayOff, saturdayWorked) => {
    expect(dayOfWeek(saturdayWorked)).toBe(6);
    expect(isWorkingDay(dayOff, cal)).toBe(false);
    expect(isWorkingDay(saturdayWorked, cal)).toBe(true);
  });

  it.each([
    ['2022-01-03', 'Tết Dương lịch on Saturday 1/1'],
    ['2022-04-11', 'Giỗ Tổ on Sunday 10/4'],
    ['2023-01-02', 'Tết Dương lịch on Sunday 1/1'],
    ['2023-09-04', 'Quốc khánh on Saturday 2/9'],
    ['2021-05-03', 'Quốc tế Lao động on Saturday 1/5'],
    ['2026-04-27', 'Giỗ Tổ on Sunday 26/4'],
  ])('gives the compensatory day %s (%s)', (date) => {
    expect(isWorkingDay(date, cal)).toBe(false);
  });

  it('gives Quốc khánh two days from 2021 (Labour Code 2019 Art. 112) and one in 2020', () => {
    expect(isWorkingDay('2020-09-02', cal)).toBe(false);
    expect(isWorkingDay('2020-09-03', cal)).toBe(true);
    expect(['2021-09-03', '2022-09-01', '2023-09-01', '2024-09-03', '2025-09-01'].map((d) => isWorkingDay(d, cal))).toEqual([false, false, false, false, false]);
  });

  it('moves a deadline that would fall on Tết past it', () => {
    // Cutoff of 202301 (Decree 09): 14/01/2023. Four working days remain before Tết (16–19/01).
    expect(addWorkingDays('2023-01-14', 4, cal)).toBe('2023-01-19');
    expect(addWorkingDays('2023-01-14', 5, cal)).toBe('2023-01-27');
    expect(addWorkingDays('2026-02-14', 1, cal)).toBe('2026-02-23');
  });
});
