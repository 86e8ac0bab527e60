// Ad hoc and thematic reports: the template lists its periods and their deadline dates.
import { describe, expect, it } from 'vitest';
import {
  comparePeriodIds,
  periodContaining,
  periodFromId,
  periodsOfYear,
  periodsOfYearUpTo,
  previousPeriod,
  samePeriodLastYear,
  type PeriodSpec,
} from '../../../domain/periods';

const spec: PeriodSpec = {
  frequency: 'adhoc',
  calendar: 'decree09',
  adhocPeriods: [
    { id: 'covid-2', label: 'Đợt 2 phòng, chống COVID-19', start: '2021-07-01', end: '2021-09-30', deadlines: { province: '2021-10-05' } },
    { id: 'covid-1', start: '2021-01-01', end: '2021-06-30', deadlines: { commune: '2021-07-02', province: '2021-07-07' } },
    { id: 'bao-lu-2024', start: '2024-09-06', end: '2024-09-20', deadlines: { province: '2024-09-23' } },
  ],
};

describe('ad hoc periods', () => {
  it('finds a listed period by id, labelled by its label or else its id', () => {
    expect(periodFromId(spec, 'covid-2')).toMatchObject({ start: '2021-07-01', end: '2021-09-30', label: 'Đợt 2 phòng, chống COVID-19' });
    expect(periodFromId(spec, 'covid-1')?.label).toBe('covid-1');
    expect(periodFromId(spec, 'covid-3')).toBeUndefined();
  });

  it('carries the deadline dates of the template', () => {
    expect(periodFromId(spec, 'covid-1')?.deadlines).toEqual({ commune: '2021-07-02', province: '2021-07-07' });
  });

  it('orders, lists by year and steps back by start date, whatever the order in the template', () => {
    expect(periodsOfYear(spec, 2021).map((p) => p.id)).toEqual(['covid-1', 'covid-2']);
    expect(periodsOfYear(spec, 2024).map((p) => p.id)).toEqual(['bao-lu-2024']);
    const covid2 = periodFromId(spec, 'covid-2');
    expect(covid2 && previousPeriod(spec, covid2)?.id).toBe('covid-1');
    expect(covid2 && periodsOfYearUpTo(spec, covid2).map((p) => p.id)).toEqual(['covid-1', 'covid-2']);
    expect(['bao-lu-2024', 'covid-2', 'covid-1'].sort((a, b) => comparePeriodIds(spec, a, b))).toEqual(['covid-1', 'covid-2', 'bao-lu-2024']);
  });

  it('has no same period last year, and no period outside the listed windows', () => {
    const first = periodFromId(spec, 'covid-1');
    expect(first && samePeriodLastYear(spec, first)).toBeUndefined();
    expect(first && previousPeriod(spec, first)).toBeUndefined();
    expect(periodContaining(spec, '2021-08-01')?.id).toBe('covid-2');
    expect(periodContaining(spec, '2022-08-01')).toBeUndefined();
  });
});
