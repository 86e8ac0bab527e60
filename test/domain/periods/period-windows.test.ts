// The windows, ids and labels of every frequency in both calendars, as Decree 09 Art. 12 and the
// statistical calendar define them.
import { describe, expect, it } from 'vitest';
import type { Calendar, Frequency } from '../../../schema/template';
import {
  comparePeriodIds,
  periodContaining,
  periodFromId,
  periodsOfYear,
  type PeriodSpec,
} from '../../../domain/periods';

const spec = (frequency: Frequency, calendar: Calendar): PeriodSpec => ({ frequency, calendar });

describe('period windows (Art. 12, inclusive)', () => {
  it.each([
    // frequency, calendar, id, start, end
    ['monthly', 'decree09', '202201', '2021-12-15', '2022-01-14'],
    ['monthly', 'decree09', '202203', '2022-02-15', '2022-03-14'],
    ['monthly', 'decree09', '202212', '2022-11-15', '2022-12-14'],
    ['monthly', 'calendar', '202201', '2022-01-01', '2022-01-31'],
    ['monthly', 'calendar', '202402', '2024-02-01', '2024-02-29'],
    ['monthly', 'calendar', '202302', '2023-02-01', '2023-02-28'],
    ['monthly', 'calendar', '210002', '2100-02-01', '2100-02-28'],
    ['monthly', 'calendar', '200002', '2000-02-01', '2000-02-29'],
    ['monthly', 'calendar', '202204', '2022-04-01', '2022-04-30'],
    ['quarterly', 'decree09', '2022Q1', '2021-12-15', '2022-03-14'],
    ['quarterly', 'decree09', '2022Q2', '2022-03-15', '2022-06-14'],
    ['quarterly', 'decree09', '2022Q3', '2022-06-15', '2022-09-14'],
    ['quarterly', 'decree09', '2022Q4', '2022-09-15', '2022-12-14'],
    ['quarterly', 'calendar', '2022Q1', '2022-01-01', '2022-03-31'],
    ['quarterly', 'calendar', '2022Q2', '2022-04-01', '2022-06-30'],
    ['quarterly', 'calendar', '2022Q4', '2022-10-01', '2022-12-31'],
    ['six-monthly', 'decree09', '2022S1', '2021-12-15', '2022-06-14'],
    ['six-monthly', 'decree09', '2022S2', '2022-06-15', '2022-12-14'],
    ['six-monthly', 'calendar', '2022S1', '2022-01-01', '2022-06-30'],
    ['six-monthly', 'calendar', '2022S2', '2022-07-01', '2022-12-31'],
    ['nine-month', 'decree09', '2022N9', '2021-12-15', '2022-09-14'],
    ['nine-month', 'calendar', '2022N9', '2022-01-01', '2022-09-30'],
    ['annual', 'decree09', '2022', '2021-12-15', '2022-12-14'],
    ['annual', 'calendar', '2022', '2022-01-01', '2022-12-31'],
  ] as const)('%s %s %s runs from %s to %s', (frequency, calendar, id, start, end) => {
    expect(periodFromId(spec(frequency, calendar), id)).toMatchObject({ id, frequency, start, end });
  });

  it('gives a Decree 09 period the year of its id, not of its first day', () => {
    expect(periodFromId(spec('monthly', 'decree09'), '202201')).toMatchObject({ year: 2022, index: 1 });
    expect(periodFromId(spec('annual', 'decree09'), '2022')).toMatchObject({ year: 2022, start: '2021-12-15' });
  });

  it.each([
    ['monthly', 12],
    ['quarterly', 4],
    ['six-monthly', 2],
    ['nine-month', 1],
    ['annual', 1],
  ] as const)('lists %s periods of a year in order (%i of them)', (frequency, count) => {
    const periods = periodsOfYear(spec(frequency, 'decree09'), 2022);
    expect(periods).toHaveLength(count);
    expect(periods.map((p) => p.index)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    expect(periods.every((p) => p.year === 2022)).toBe(true);
  });
});

describe('period ids', () => {
  it.each([
    ['monthly', ['202213', '202200', '2022-01', '20221', '2022011', '2022Q1', '2022', ' 202201', '002201']],
    ['quarterly', ['2022Q5', '2022Q0', '2022q1', '2022-Q1', '202201', '2022S1', '22Q1']],
    ['six-monthly', ['2022S3', '2022S0', '2022H1', '2022s1', '2022Q1']],
    ['nine-month', ['2022N8', '2022N', '2022n9', '2022Q3', '2022']],
    ['annual', ['22', '20222', '2022A', '202201', '0999', '']],
  ] as const)('refuses malformed %s ids and ids of another frequency', (frequency, ids) => {
    for (const id of ids) expect(periodFromId(spec(frequency, 'decree09'), id), id).toBeUndefined();
  });
});

describe('Vietnamese labels', () => {
  it.each([
    ['monthly', '202201', 'Tháng 01/2022'],
    ['monthly', '202212', 'Tháng 12/2022'],
    ['quarterly', '2022Q1', 'Quý I/2022'],
    ['quarterly', '2022Q2', 'Quý II/2022'],
    ['quarterly', '2022Q3', 'Quý III/2022'],
    ['quarterly', '2022Q4', 'Quý IV/2022'],
    ['six-monthly', '2022S1', '6 tháng đầu năm 2022'],
    ['six-monthly', '2022S2', '6 tháng cuối năm 2022'],
    ['nine-month', '2022N9', '9 tháng năm 2022'],
    ['annual', '2022', 'Năm 2022'],
  ] as const)('labels %s %s as "%s"', (frequency, id, label) => {
    expect(periodFromId(spec(frequency, 'decree09'), id)?.label).toBe(label);
    expect(periodFromId(spec(frequency, 'calendar'), id)?.label).toBe(label);
  });
});

describe('ordering and lookup edge cases', () => {
  const monthly = spec('monthly', 'decree09');

  it('orders ids by start date and puts ids that are not periods last, without throwing', () => {
    const ids = ['202301', 'junk', '202212', '2022Q4', '202112'];
    expect(ids.sort((a, b) => comparePeriodIds(monthly, a, b))).toEqual(['202112', '202212', '202301', '2022Q4', 'junk']);
  });

  it('orders periods of different lengths that start together by end date', () => {
    const annual = spec('annual', 'decree09');
    expect(comparePeriodIds(annual, '2022', '2023')).toBeLessThan(0);
    expect(comparePeriodIds(annual, '2023', '2023')).toBe(0);
  });

  it('finds no period for a malformed date', () => {
    expect(periodContaining(monthly, '2022-02-30')).toBeUndefined();
    expect(periodContaining(monthly, '15/01/2022')).toBeUndefined();
  });

  it('puts the 15th in the next month of Decree 09 and the 14th in its own', () => {
    expect(periodContaining(monthly, '2022-01-14')?.id).toBe('202201');
    expect(periodContaining(monthly, '2022-01-15')?.id).toBe('202202');
    expect(periodContaining(monthly, '2022-12-15')?.id).toBe('202301');
    expect(periodContaining(spec('nine-month', 'decree09'), '2022-09-15')).toBeUndefined();
    expect(periodContaining(spec('nine-month', 'decree09'), '2022-12-15')?.id).toBe('2023N9');
  });
});
