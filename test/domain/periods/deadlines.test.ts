// Deadlines per level (Art. 8(5)) and the checks a template's deadline numbers must pass, including
// the province's 25th-of-the-month limit (Art. 13) over 2020–2027.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Calendar, Deadlines } from '../../../schema/template';
import {
  VN_CIVIL_SERVICE_DAYS_OFF,
  calendarDayDate,
  checkDeadlineRules,
  deadlineRulesOf,
  createHolidayCalendar,
  deadlinesFor,
  isWorkingDay,
  periodFromId,
  periodsOfYear,
  type Period,
  type PeriodSpec,
} from '../../../domain/periods';

const cal = createHolidayCalendar(VN_CIVIL_SERVICE_DAYS_OFF);
const YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027];
const monthly: PeriodSpec = { frequency: 'monthly', calendar: 'decree09' };
const period = (spec: PeriodSpec, id: string): Period => {
  const p = periodFromId(spec, id);
  if (!p) throw new Error(`no period ${id}`);
  return p;
};

describe('deadlinesFor', () => {
  it('puts each level n working days after the cutoff', () => {
    // 202201 ends on Friday 14/01/2022; the working days after it are 17, 18, 19, 20, 21, 24 January.
    expect(deadlinesFor(period(monthly, '202201'), { commune: 2, district: 4, province: 6 }, cal)).toEqual({
      commune: '2022-01-18',
      district: '2022-01-20',
      province: '2022-01-24',
    });
  });

  it('leaves out levels without a number and levels not asked for', () => {
    const p = period(monthly, '202201');
    expect(deadlinesFor(p, { commune: 2, province: 6 }, cal)).toEqual({ commune: '2022-01-18', province: '2022-01-24' });
    expect(deadlinesFor(p, { commune: 2, district: 4, province: 6 }, cal, ['province'])).toEqual({ province: '2022-01-24' });
  });

  it('takes the dates of an ad hoc period from the template', () => {
    const spec: PeriodSpec = {
      frequency: 'adhoc',
      calendar: 'decree09',
      adhocPeriods: [{ id: 'bao-lu', start: '2024-09-06', end: '2024-09-20', deadlines: { commune: '2024-09-21', province: '2024-09-23' } }],
    };
    expect(deadlinesFor(period(spec, 'bao-lu'), { commune: 9 }, cal, ['commune', 'province'])).toEqual({ commune: '2024-09-21', province: '2024-09-23' });
  });

  it('gives working days strictly after the cutoff, in level order, for any period and numbers (fast-check)', () => {
    const frequencies = ['monthly', 'quarterly', 'six-monthly', 'nine-month', 'annual'] as const;
    const calendars: Calendar[] = ['decree09', 'calendar'];
    const periods = frequencies.flatMap((frequency) =>
      calendars.flatMap((calendar) => [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028].flatMap((y) => periodsOfYear({ frequency, calendar }, y))),
    );
    const ns = fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }));
    fc.assert(
      fc.property(fc.constantFrom(...periods), ns, (p, [commune, more, evenMore]) => {
        const d = deadlinesFor(p, { commune, district: commune + more, province: commune + more + evenMore }, cal);
        const dates = [d.commune, d.district, d.province];
        return dates.every((x) => x !== undefined && x > p.end && isWorkingDay(x, cal)) && dates.join() === [...dates].sort().join();
      }),
      { numRuns: 3000 },
    );
  });
});

describe('checkDeadlineRules', () => {
  it('accepts commune 1, district 2, province 3 working days for monthly Decree 09 reports in 2020–2027', () => {
    expect(checkDeadlineRules(monthly, { commune: 1, district: 2, province: 3 }, cal, YEARS)).toEqual([]);
  });

  it.each(['quarterly', 'six-monthly', 'nine-month', 'annual'] as const)(
    'accepts commune 2, district 4, province 6 working days for %s Decree 09 reports in 2020–2027',
    (frequency) => {
      expect(checkDeadlineRules({ frequency, calendar: 'decree09' }, { commune: 2, district: 4, province: 6 }, cal, YEARS)).toEqual([]);
    },
  );

  it('refuses 2/4/6 for monthly reports: Tết leaves only 4 working days before 25/01/2023, and 3 before 25/02/2026', () => {
    const problems = checkDeadlineRules(monthly, { commune: 2, district: 4, province: 6 }, cal, YEARS);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ level: 'province', periodId: '202301' });
    expect(problems[0]?.message).toContain('2023-01-30');
    expect(problems[0]?.message).toContain('2023-01-25');
    expect(problems[0]?.message).toContain('Art. 13');
    expect(problems[0]?.fix).toContain('at most 3');
  });

  it('reports a province deadline of 8 working days at the first period that misses the 25th', () => {
    const [problem, ...rest] = checkDeadlineRules(monthly, { province: 8 }, cal, YEARS);
    expect(rest).toEqual([]);
    // 202001 ends on 14/01/2020; six working days remain before Tết (23–29/01), so the 8th is 31/01.
    expect(problem).toMatchObject({ level: 'province', periodId: '202001' });
    expect(problem?.message).toContain('2020-01-31');
    expect(problem?.fix).toContain('at most 3');
  });

  it('does not apply the 25th to calendar windows, which end after it by construction', () => {
    expect(checkDeadlineRules({ frequency: 'monthly', calendar: 'calendar' }, { commune: 2, district: 4, province: 6 }, cal, YEARS)).toEqual([]);
  });

  it.each([
    [{ commune: 0, district: 2, province: 3 }, 'commune'],
    [{ commune: 1, district: 0, province: 3 }, 'district'],
    [{ commune: 1, district: 2, province: 1.5 }, 'province'],
  ] as const)('catches a level with fewer than 1 working day after the cutoff (Art. 8(5)): %o', (numbers, level) => {
    const problems = checkDeadlineRules(monthly, numbers, cal, YEARS);
    expect(problems).toContainEqual(expect.objectContaining({ level, message: expect.stringContaining('Art. 8(5)') }));
  });

  it('catches a commune deadline after the district one, naming the first period and both dates', () => {
    const problems = checkDeadlineRules({ frequency: 'quarterly', calendar: 'decree09' }, { commune: 4, district: 3, province: 6 }, cal, YEARS);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ level: 'commune', periodId: '2020Q1' });
    expect(problems[0]?.message).toMatch(/commune deadline 2020-03-\d\d is after the district deadline 2020-03-\d\d/);
  });

  it('compares the commune with the province directly when there is no district level (after 01/07/2025)', () => {
    const numbers: Deadlines = { commune: 4, province: 3 };
    expect(checkDeadlineRules(monthly, numbers, cal, [2026])).toContainEqual(
      expect.objectContaining({ level: 'commune', message: expect.stringContaining('after the province deadline') }),
    );
    expect(checkDeadlineRules(monthly, { commune: 2, province: 3 }, cal, [2026])).toEqual([]);
  });

  it('checks ad hoc deadlines against the cutoff and against each other', () => {
    const spec: PeriodSpec = {
      frequency: 'adhoc',
      calendar: 'decree09',
      adhocPeriods: [
        { id: 'ok', start: '2024-09-06', end: '2024-09-20', deadlines: { commune: '2024-09-20', district: '2024-09-23', province: '2024-09-24' } },
        { id: 'early', start: '2024-10-01', end: '2024-10-10', deadlines: { province: '2024-10-09' } },
        { id: 'disordered', start: '2024-11-01', end: '2024-11-10', deadlines: { commune: '2024-11-15', province: '2024-11-12' } },
        { id: 'backwards', start: '2024-12-10', end: '2024-12-01', deadlines: {} },
      ],
    };
    const problems = checkDeadlineRules(spec, {}, cal, []);
    expect(problems.map((p) => [p.periodId, p.level])).toEqual([
      ['early', 'province'],
      ['disordered', 'commune'],
      ['backwards', undefined],
    ]);
    expect(problems[0]?.message).toContain('2024-10-09');
  });
});

describe('deadlines on a fixed calendar day, and Art. 13 by recipient', () => {
  const quarterly: PeriodSpec = { frequency: 'quarterly', calendar: 'decree09' };

  it('puts "the 7th of the month after the quarter" on 07/04 for 2026Q1, and keeps working days for other levels', () => {
    const rules = deadlineRulesOf({ deadlineWorkingDays: { commune: 2 }, deadlineDays: { province: { day: 7 } } });
    // 2026Q1 ends on Saturday 14/03/2026: two working days after it is Tuesday 17/03.
    expect(deadlinesFor(period(quarterly, '2026Q1'), rules, cal)).toEqual({ commune: '2026-03-17', province: '2026-04-07' });
    expect(calendarDayDate(period(quarterly, '2026Q4'), { day: 7 })).toBe('2027-01-07');
    expect(calendarDayDate(period(quarterly, '2026Q1'), { day: 20, monthsAfter: 0 })).toBe('2026-03-20');
    expect(calendarDayDate(period({ frequency: 'monthly', calendar: 'calendar' }, '202601'), { day: 31 })).toBe('2026-02-28');
  });

  it('applies the 25th only to a report to the Government: the same 6 working days pass for a ministry and fail for the Government', () => {
    const toMinistry = deadlineRulesOf({ deadlineWorkingDays: { commune: 2, province: 6 }, recipientKind: 'ministry' });
    const toGovernment = deadlineRulesOf({ deadlineWorkingDays: { commune: 2, province: 6 }, recipientKind: 'government' });
    expect(checkDeadlineRules(monthly, toMinistry, cal, YEARS)).toEqual([]);
    expect(checkDeadlineRules(monthly, toGovernment, cal, YEARS)).toContainEqual(
      expect.objectContaining({ level: 'province', periodId: '202301', messageVi: expect.stringContaining('Điều 13') }),
    );
  });

  it('lets a regime set its own deadline to the Government where a provision says so (deadlineBasis)', () => {
    const own = deadlineRulesOf({
      deadlineDays: { province: { day: 7 } },
      recipientKind: 'government',
      deadlineBasis: 'Điều 9 Thông tư 02/2021/TT-TTCP',
    });
    expect(checkDeadlineRules(quarterly, own, cal, YEARS)).toEqual([]);
    const without = deadlineRulesOf({ deadlineDays: { province: { day: 7 } }, recipientKind: 'government' });
    expect(checkDeadlineRules(quarterly, without, cal, YEARS)).toEqual([
      expect.objectContaining({ level: 'province', periodId: '2020Q1', fix: expect.stringContaining('deadlineBasis') }),
    ]);
  });

  it("gives the province Decree 09's default, the 25th of the period's last month, when a report to the Government names no province deadline", () => {
    const rules = deadlineRulesOf({ deadlineWorkingDays: { commune: 2 }, recipientKind: 'government' });
    expect(deadlinesFor(period(quarterly, '2026Q2'), rules, cal)).toEqual({ commune: '2026-06-16', province: '2026-06-25' });
    expect(deadlinesFor(period(quarterly, '2026Q2'), deadlineRulesOf({ deadlineWorkingDays: { commune: 2 } }), cal)).toEqual({ commune: '2026-06-16' });
    expect(checkDeadlineRules(quarterly, rules, cal, YEARS)).toEqual([]);
  });

  it('holds the lower levels to the default 25th as well', () => {
    const rules = deadlineRulesOf({ deadlineWorkingDays: { commune: 12 }, recipientKind: 'government' });
    expect(checkDeadlineRules(monthly, rules, cal, YEARS)).toContainEqual(
      expect.objectContaining({ level: 'commune', message: expect.stringContaining('after the province deadline') }),
    );
  });

  it('refuses a level with both kinds of deadline, and a fixed day that leaves no working day after the cutoff', () => {
    const both = deadlineRulesOf({ deadlineWorkingDays: { province: 6 }, deadlineDays: { province: { day: 7 } } });
    expect(checkDeadlineRules(quarterly, both, cal, YEARS)).toContainEqual(expect.objectContaining({ level: 'province', fix: expect.stringContaining('Keep one') }));
    // The 15th of the cutoff month is the day after a 14th cutoff: in 2020Q1 the 14th is a Saturday, the 15th a Sunday.
    const tooEarly = deadlineRulesOf({ deadlineDays: { commune: { day: 15, monthsAfter: 0 } } });
    expect(checkDeadlineRules(quarterly, tooEarly, cal, YEARS)).toEqual([
      expect.objectContaining({ level: 'commune', periodId: '2020Q1', message: expect.stringContaining('Art. 8(5)') }),
    ]);
  });

  it('orders a working-day commune deadline against a fixed-day province one', () => {
    const rules = deadlineRulesOf({ deadlineWorkingDays: { commune: 20 }, deadlineDays: { province: { day: 7 } } });
    expect(checkDeadlineRules(quarterly, rules, cal, YEARS)).toContainEqual(
      expect.objectContaining({ level: 'commune', messageVi: expect.stringContaining('muộn hơn hạn gửi cấp tỉnh') }),
    );
  });
});
