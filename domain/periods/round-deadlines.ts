// The preliminary round (số ước) of a form: its deadlines pass the checks every deadline passes, and
// fall no later than the official round's of the same level in any period (an estimate comes first).
import type { Level } from '../../schema/template';
import type { DeadlineRules } from './deadline-rules';
import { checkDeadlineRules, type DeadlineProblem, deadlinesFor } from './deadlines';
import { type PeriodSpec, periodsOfYear } from './periods';
import type { HolidayCalendar } from './working-days';

const LEVELS: readonly Level[] = ['commune', 'district', 'province', 'nation'];
const LEVEL_VI: Record<Level, string> = { commune: 'cấp xã', district: 'cấp huyện', province: 'cấp tỉnh', nation: 'trung ương' };

/**
 * The problems of a preliminary round's deadlines beside the official ones, each reported once at its
 * first period; no level at all is a problem too (a round nobody is due to send says nothing).
 */
export function checkRoundDeadlines(
  spec: PeriodSpec,
  official: DeadlineRules,
  preliminary: DeadlineRules,
  cal: HolidayCalendar,
  years: readonly number[],
): DeadlineProblem[] {
  if (spec.frequency === 'adhoc') {
    return [
      {
        message: 'an ad hoc report has no preliminary round: its periods carry their own deadlines',
        fix: 'remove "rounds"',
        messageVi: 'báo cáo đột xuất không có lần gửi số ước: mỗi kỳ đã có hạn gửi riêng',
        fixVi: 'bỏ "rounds"',
      },
    ];
  }
  const levels = LEVELS.filter((l) => preliminary.workingDays?.[l] !== undefined || preliminary.calendarDays?.[l] !== undefined);
  if (levels.length === 0) {
    return [
      {
        message: 'the preliminary round gives no deadline for any level',
        fix: 'give "deadlineWorkingDays" or "deadlineDays" for each level that sends an estimate, e.g. { "commune": 3 }',
        messageVi: 'lần gửi số ước chưa có hạn gửi cho cấp nào',
        fixVi: 'ghi "deadlineWorkingDays" hoặc "deadlineDays" cho từng cấp gửi số ước, ví dụ { "commune": 3 }',
      },
    ];
  }
  const problems = checkDeadlineRules(spec, { ...preliminary, toGovernment: false }, cal, years);
  const periods = [...years].sort((a, b) => a - b).flatMap((y) => periodsOfYear(spec, y));
  // Levels whose rules are broken (reported above, or by the official round's own checks) are not compared.
  for (const level of levels.filter((l) => isUsable(preliminary, l) && isUsable(official, l))) {
    for (const period of periods) {
      const estimate = deadlinesFor(period, preliminary, cal, [level])[level];
      const final = deadlinesFor(period, official, cal, [level])[level];
      if (estimate === undefined || final === undefined || estimate <= final) continue;
      problems.push({
        level,
        periodId: period.id,
        message: `the ${level} preliminary deadline ${estimate} of period ${period.id} is after its official deadline ${final}`,
        fix: `Give the preliminary round an earlier ${level} deadline than the official one, or the official round a later one.`,
        messageVi: `hạn gửi số ước ${LEVEL_VI[level]} ${estimate} của kỳ ${period.id} muộn hơn hạn gửi số chính thức ${final}`,
        fixVi: `Cho số ước của ${LEVEL_VI[level]} hạn gửi sớm hơn số chính thức, hoặc lùi hạn gửi số chính thức.`,
      });
      break;
    }
  }
  return problems;
}

/** One kind of deadline for the level, and a whole number of working days ≥ 1 if that is its kind. */
function isUsable(rules: DeadlineRules, level: Level): boolean {
  const n = rules.workingDays?.[level];
  if (n === undefined) return true;
  return rules.calendarDays?.[level] === undefined && Number.isInteger(n) && n >= 1;
}
