// What a template says about deadlines, as one value: working days after the data cutoff (Art. 8(5)),
// a fixed day of a month after the period, and whether Decree 09 Art. 13 binds the province's report.
import type { CalendarDayDeadline, CalendarDayDeadlines, Deadlines, Level, Regime } from '../../schema/template';
import { daysInMonth, formatDate } from './dates';
import type { Period } from './periods';

export interface DeadlineRules {
  workingDays?: Deadlines;
  calendarDays?: CalendarDayDeadlines;
  /**
   * The report goes to the Government or the Prime Minister and no provision sets its deadlines
   * otherwise: the province sends it by the 25th of the period's last month (Art. 13(1)), which is
   * also the province's deadline when the template gives none (Decree 09's default).
   */
  toGovernment?: boolean;
}

/** The regime fields that decide deadlines (also those of a collection, which has its own). */
export type DeadlineFields = Pick<Regime, 'deadlineWorkingDays' | 'deadlineDays' | 'recipientKind' | 'deadlineBasis'>;

export function deadlineRulesOf(regime: Partial<DeadlineFields>): DeadlineRules {
  return {
    workingDays: regime.deadlineWorkingDays ?? {},
    calendarDays: regime.deadlineDays ?? {},
    toGovernment: regime.recipientKind === 'government' && regime.deadlineBasis === undefined,
  };
}

const RULE_KEYS = ['workingDays', 'calendarDays', 'toGovernment'];

/** Plain numbers per level (the format before fixed days existed) or the full rules. */
export const isDeadlineRules = (x: Deadlines | DeadlineRules): x is DeadlineRules =>
  Object.keys(x).some((k) => RULE_KEYS.includes(k)) || Object.keys(x).length === 0;

/** The 25th of the month in which the period ends: the Art. 13 limit for the report to the Government. */
export const art13Limit = (period: Period): string => `${period.end.slice(0, 7)}-25`;

/** The date of a fixed-day deadline for a period: the day of the month `monthsAfter` after the cutoff's. */
export function calendarDayDate(period: Period, rule: CalendarDayDeadline): string {
  const year = Number(period.end.slice(0, 4));
  const month = Number(period.end.slice(5, 7));
  const total = year * 12 + (month - 1) + (rule.monthsAfter ?? 1);
  const [y, m] = [Math.floor(total / 12), (total % 12) + 1];
  return formatDate(y, m, Math.min(rule.day, daysInMonth(y, m)));
}

/** How one level's deadline is set, for messages: "6 working days" or "day 7 of the next month". */
export function describeRule(rules: DeadlineRules, level: Level): { vi: string; en: string } | undefined {
  const n = rules.workingDays?.[level];
  if (n !== undefined) return { vi: `${n} ngày làm việc sau ngày chốt số liệu`, en: `${n} working days after the cutoff` };
  const day = rules.calendarDays?.[level];
  if (day !== undefined) {
    const after = day.monthsAfter ?? 1;
    return {
      vi: `ngày ${day.day} của ${after === 0 ? 'tháng chốt số liệu' : `tháng thứ ${after} sau tháng chốt số liệu`}`,
      en: `day ${day.day} of ${after === 0 ? 'the cutoff month' : `month ${after} after the cutoff month`}`,
    };
  }
  return undefined;
}
