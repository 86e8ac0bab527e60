// Rounds (issue 11), pure: each round of a period has its own deadlines, and a preliminary round's
// deadlines are checked beside the official ones.
import { describe, expect, it } from 'vitest';
import type { TemplateFile } from '../../../schema/template';
import {
  checkRoundDeadlines,
  createHolidayCalendar,
  deadlineRulesForPeriod,
  deadlineRulesOf,
  deadlinesFor,
  periodFromId,
  roundsOfPeriod,
  VN_CIVIL_SERVICE_DAYS_OFF,
} from '../../../domain/periods';

const calendar = createHolidayCalendar(VN_CIVIL_SERVICE_DAYS_OFF);
const monthly = { frequency: 'monthly', calendar: 'decree09' } as const;

/** The deadline fields of a monthly form whose communes send an estimate first. */
const form = {
  ...monthly,
  regime: {
    deadlineWorkingDays: {},
    deadlineDays: { commune: { day: 5 }, province: { day: 10 } },
    rounds: { preliminary: { deadlineWorkingDays: { commune: 1, province: 3 } } },
  },
  collections: [{ frequency: 'annual', levels: ['province'], deadlineWorkingDays: { province: 6 } }],
} as unknown as Pick<TemplateFile, 'frequency' | 'calendar' | 'regime' | 'collections'>;

describe('the deadlines of each round', () => {
  it('gives the preliminary round its own deadlines, before the official ones', () => {
    // 202602: 15/01–14/02/2026; Tết keeps offices closed 14/02–22/02, so one working day after is Monday 23/02.
    const period = periodFromId(monthly, '202602')!;
    expect(deadlinesFor(period, deadlineRulesForPeriod(form, '202602', 'preliminary'), calendar)).toEqual({ commune: '2026-02-23', province: '2026-02-25' });
    expect(deadlinesFor(period, deadlineRulesForPeriod(form, '202602', 'official'), calendar)).toEqual({ commune: '2026-03-05', province: '2026-03-10' });
    expect(deadlinesFor(period, deadlineRulesForPeriod(form, '202602'), calendar)).toEqual({ commune: '2026-03-05', province: '2026-03-10' });
  });

  it('knows which rounds a period has: a collection without rounds has the official one only', () => {
    expect(roundsOfPeriod(form, '202602')).toEqual(['preliminary', 'official']);
    expect(roundsOfPeriod(form, '2026')).toEqual(['official']);
    expect(deadlineRulesForPeriod(form, '2026', 'preliminary')).toEqual({});
    expect(roundsOfPeriod({ ...form, regime: { ...form.regime, rounds: undefined } }, '202602')).toEqual(['official']);
  });
});

describe('checkRoundDeadlines', () => {
  const official = deadlineRulesOf(form.regime);
  const check = (preliminary: Parameters<typeof deadlineRulesOf>[0]) => checkRoundDeadlines(monthly, official, deadlineRulesOf(preliminary), calendar, [2025, 2026, 2027]);

  it('accepts estimates due before the official figures in every period', () => {
    expect(check({ deadlineWorkingDays: { commune: 1, province: 3 } })).toEqual([]);
  });

  it('refuses an estimate due after the official figures, at the first period, in Vietnamese and English', () => {
    expect(check({ deadlineDays: { commune: { day: 8 } } })).toEqual([
      expect.objectContaining({
        level: 'commune',
        periodId: '202501',
        messageVi: 'hạn gửi số ước cấp xã 2025-02-08 của kỳ 202501 muộn hơn hạn gửi số chính thức 2025-02-05',
        message: 'the commune preliminary deadline 2025-02-08 of period 202501 is after its official deadline 2025-02-05',
      }),
    ]);
  });

  it('refuses a round with no level, and one that breaks Art. 8(5), without comparing the broken level', () => {
    expect(check({}).map((p) => p.messageVi)).toEqual(['lần gửi số ước chưa có hạn gửi cho cấp nào']);
    const problems = check({ deadlineWorkingDays: { commune: 0, province: 3 } });
    expect(problems).toEqual([expect.objectContaining({ level: 'commune', messageVi: expect.stringContaining('khoản 5 Điều 8') })]);
  });

  it('refuses a preliminary round on an ad hoc report', () => {
    const problems = checkRoundDeadlines({ frequency: 'adhoc', calendar: 'decree09', adhocPeriods: [] }, official, deadlineRulesOf({ deadlineWorkingDays: { commune: 1 } }), calendar, [2026]);
    expect(problems.map((p) => p.fixVi)).toEqual(['bỏ "rounds"']);
  });
});
