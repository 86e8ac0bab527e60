// The deadline of each level for a period, and the checks a template's deadlines must pass:
// Decree 09 Art. 8(5) (a working day after the cutoff, one deadline per level) and Art. 13 (a report to
// the Government or the Prime Minister reaches it by the 25th of the period's last month).
import type { Deadlines, Level } from '../../schema/template';
import { art13Limit, calendarDayDate, type DeadlineRules, describeRule, isDeadlineRules } from './deadline-rules';
import { type Period, type PeriodSpec, periodsOfYear } from './periods';
import { type HolidayCalendar, addWorkingDays, workingDaysBetween } from './working-days';

/** Lowest level first: a level's deadline may not be after that of any level above it. */
const LEVELS_UPWARD = ['commune', 'district', 'province', 'nation'] as const satisfies readonly Level[];

/** Level names for the template author's messages, Vietnamese first. */
const LEVEL_VI: Record<Level, string> = { commune: 'cấp xã', district: 'cấp huyện', province: 'cấp tỉnh', nation: 'trung ương' };

export type LevelDeadlines = Partial<Record<Level, string>>;

/**
 * The deadline date of each level: the n-th working day after the data cutoff (the period's last
 * day), Art. 8(5), or a fixed day of a month after it; for a report to the Government a province with
 * neither is due on the 25th of the period's last month (Art. 13, Decree 09's default). Plain numbers
 * per level are working days. Ad hoc periods carry their dates from the template. Levels without a
 * rule (or not in `levels`, when given) are left out; n < 1 throws, as checkDeadlineRules reports it first.
 */
export function deadlinesFor(
  period: Period,
  deadlines: Deadlines | DeadlineRules,
  cal: HolidayCalendar,
  levels?: readonly Level[],
): LevelDeadlines {
  const rules: DeadlineRules = isDeadlineRules(deadlines) ? deadlines : { workingDays: deadlines };
  const wanted = (level: Level) => levels === undefined || levels.includes(level);
  const result: LevelDeadlines = {};
  for (const level of LEVELS_UPWARD) {
    if (!wanted(level)) continue;
    if (period.frequency === 'adhoc') {
      const date = period.deadlines?.[level];
      if (date !== undefined) result[level] = date;
      continue;
    }
    const n = rules.workingDays?.[level];
    const day = rules.calendarDays?.[level];
    if (n !== undefined) result[level] = addWorkingDays(period.end, n, cal);
    else if (day !== undefined) result[level] = calendarDayDate(period, day);
    else if (level === 'province' && rules.toGovernment && period.end < art13Limit(period)) result[level] = art13Limit(period);
  }
  return result;
}

export interface DeadlineProblem {
  level?: Level;
  periodId?: string;
  /** For the template author, in English, naming the period and the dates involved. */
  message: string;
  fix: string;
  /** The same in Vietnamese, shown first. */
  messageVi: string;
  fixVi: string;
}

/** Pairs (lower, next level up) among the levels that have a deadline. */
function adjacentPairs(has: (level: Level) => boolean): [Level, Level][] {
  const present = LEVELS_UPWARD.filter(has);
  return present.flatMap((lower, i): [Level, Level][] => {
    const upper = present[i + 1];
    return upper === undefined ? [] : [[lower, upper]];
  });
}

function checkAdhoc(spec: PeriodSpec): DeadlineProblem[] {
  const problems: DeadlineProblem[] = [];
  for (const p of spec.adhocPeriods ?? []) {
    if (p.start > p.end) {
      problems.push({
        periodId: p.id,
        message: `period ${p.id} starts on ${p.start}, after its end ${p.end}`,
        fix: 'Swap start and end.',
        messageVi: `kỳ ${p.id} bắt đầu ngày ${p.start}, sau ngày kết thúc ${p.end}`,
        fixVi: 'Đổi chỗ start và end.',
      });
    }
    for (const level of LEVELS_UPWARD) {
      const date = p.deadlines[level];
      if (date !== undefined && date < p.end) {
        problems.push({
          level,
          periodId: p.id,
          message: `${level} deadline ${date} of period ${p.id} is before its data cutoff ${p.end}`,
          fix: `Set the ${level} deadline on or after ${p.end}.`,
          messageVi: `hạn gửi ${LEVEL_VI[level]} ${date} của kỳ ${p.id} trước ngày chốt số liệu ${p.end}`,
          fixVi: `Đặt hạn gửi ${LEVEL_VI[level]} từ ngày ${p.end} trở đi.`,
        });
      }
    }
    for (const [lower, upper] of adjacentPairs((level) => p.deadlines[level] !== undefined)) {
      const [low, up] = [p.deadlines[lower] ?? '', p.deadlines[upper] ?? ''];
      if (low > up) {
        problems.push({
          level: lower,
          periodId: p.id,
          message: `${lower} deadline ${low} of period ${p.id} is after the ${upper} deadline ${up}`,
          fix: `Set the ${lower} deadline on or before ${up}, or the ${upper} deadline later.`,
          messageVi: `hạn gửi ${LEVEL_VI[lower]} ${low} của kỳ ${p.id} muộn hơn hạn gửi ${LEVEL_VI[upper]} ${up}`,
          fixVi: `Đặt hạn gửi ${LEVEL_VI[lower]} không muộn hơn ${up}, hoặc lùi hạn gửi ${LEVEL_VI[upper]}.`,
        });
      }
    }
  }
  return problems;
}

/**
 * Art. 8(5): each level's working days a whole number ≥ 1; a level has one kind of deadline, not both.
 * Returns the rules without the broken levels, so that the later checks do not repeat the problem.
 */
function checkNumbers(rules: DeadlineRules): { valid: DeadlineRules; problems: DeadlineProblem[] } {
  const workingDays: Deadlines = {};
  const problems: DeadlineProblem[] = [];
  for (const level of LEVELS_UPWARD) {
    const n = rules.workingDays?.[level];
    if (n === undefined) continue;
    if (rules.calendarDays?.[level] !== undefined) {
      problems.push({
        level,
        message: `${level} has both a number of working days and a fixed day as its deadline`,
        fix: `Keep one: deadlineWorkingDays.${level} or deadlineDays.${level}.`,
        messageVi: `${LEVEL_VI[level]} vừa có hạn gửi theo số ngày làm việc vừa có hạn gửi vào ngày cố định`,
        fixVi: `Chỉ giữ một: deadlineWorkingDays.${level} hoặc deadlineDays.${level}.`,
      });
    }
    if (Number.isInteger(n) && n >= 1) workingDays[level] = n;
    else {
      problems.push({
        level,
        message:
          `${level} deadline is ${n} working days after the data cutoff; Decree 09 Art. 8(5) requires ` +
          'at least 1 working day between cutoff and deadline',
        fix: `Set deadlineWorkingDays.${level} to a whole number of 1 or more.`,
        messageVi: `hạn gửi ${LEVEL_VI[level]} là ${n} ngày làm việc sau ngày chốt số liệu; khoản 5 Điều 8 Nghị định 09 yêu cầu ít nhất 01 ngày làm việc`,
        fixVi: `Ghi deadlineWorkingDays.${level} là số nguyên từ 1 trở lên.`,
      });
    }
  }
  return { valid: { ...rules, workingDays }, problems };
}

/** Art. 8(5) for fixed days: at least one working day between the cutoff and the day, in every period. */
function checkFixedDays(periods: Period[], rules: DeadlineRules, cal: HolidayCalendar): DeadlineProblem[] {
  const problems: DeadlineProblem[] = [];
  for (const level of LEVELS_UPWARD) {
    const rule = rules.calendarDays?.[level];
    if (rule === undefined || rules.workingDays?.[level] !== undefined) continue;
    const early = periods.find((p) => workingDaysBetween(p.end, deadlinesFor(p, rules, cal, [level])[level] ?? '', cal) < 1);
    if (!early) continue;
    const date = deadlinesFor(early, rules, cal, [level])[level];
    problems.push({
      level,
      periodId: early.id,
      message: `${level} deadline ${date} of period ${early.id} leaves no working day after the cutoff ${early.end} (Decree 09 Art. 8(5))`,
      fix: `Set deadlineDays.${level} to a later day, or a month later with "monthsAfter".`,
      messageVi: `hạn gửi ${LEVEL_VI[level]} ${date} của kỳ ${early.id} không cách ngày chốt số liệu ${early.end} ít nhất 01 ngày làm việc (khoản 5 Điều 8)`,
      fixVi: `Ghi deadlineDays.${level} là ngày muộn hơn, hoặc tháng sau bằng "monthsAfter".`,
    });
  }
  return problems;
}

const hasRule = (rules: DeadlineRules) => (level: Level) =>
  rules.workingDays?.[level] !== undefined || rules.calendarDays?.[level] !== undefined;
/** Levels with a deadline, counting the province's Art. 13 default for a report to the Government. */
const hasDeadline = (rules: DeadlineRules) => (level: Level) => hasRule(rules)(level) || (level === 'province' && rules.toGovernment === true);

/** A report aggregated upward: no level's deadline after that of the level above it present. */
function checkOrder(periods: Period[], rules: DeadlineRules, cal: HolidayCalendar): DeadlineProblem[] {
  const problems: DeadlineProblem[] = [];
  for (const [lower, upper] of adjacentPairs(hasDeadline(rules))) {
    for (const period of periods) {
      const d = deadlinesFor(period, rules, cal, [lower, upper]);
      if (d[lower] === undefined || d[upper] === undefined || d[lower] <= d[upper]) continue;
      const [low, up] = [describeRule(rules, lower), describeRule(rules, upper)];
      problems.push({
        level: lower,
        periodId: period.id,
        message: `${lower} deadline ${d[lower]} is after the ${upper} deadline ${d[upper]} in period ${period.id} (cutoff ${period.end})`,
        fix: `Give the ${lower} level an earlier deadline (now ${low?.en}) than the ${upper} level (${up?.en}), or the ${upper} level a later one.`,
        messageVi: `hạn gửi ${LEVEL_VI[lower]} ${d[lower]} muộn hơn hạn gửi ${LEVEL_VI[upper]} ${d[upper]} ở kỳ ${period.id} (chốt số liệu ${period.end})`,
        fixVi: `Cho ${LEVEL_VI[lower]} hạn gửi sớm hơn (nay là ${low?.vi}) so với ${LEVEL_VI[upper]} (${up?.vi}), hoặc lùi hạn gửi ${LEVEL_VI[upper]}.`,
      });
      break;
    }
  }
  return problems;
}

/** Art. 13: the province's deadline by the 25th, reported at the first period that misses it. */
function checkArt13(periods: Period[], rules: DeadlineRules, cal: HolidayCalendar, span: string): DeadlineProblem[] {
  const deadline = (p: Period) => deadlinesFor(p, rules, cal, ['province']).province ?? '';
  const late = periods.find((p) => deadline(p) > art13Limit(p));
  if (!late) return [];
  const how = describeRule(rules, 'province');
  const province = rules.workingDays?.province;
  const largest = Math.min(...periods.map((p) => workingDaysBetween(p.end, art13Limit(p), cal)));
  const [fix, fixVi] =
    province === undefined
      ? ['Set deadlineDays.province to a day of 25 or earlier with "monthsAfter": 0.', 'Ghi deadlineDays.province là ngày 25 trở về trước, với "monthsAfter": 0.']
      : largest >= 1
        ? [
            `Set deadlineWorkingDays.province to at most ${largest}: the largest number that meets the 25th in every period of ${span}.`,
            `Ghi deadlineWorkingDays.province không quá ${largest}: số lớn nhất bảo đảm ngày 25 ở mọi kỳ của ${span}.`,
          ]
        : [
            `No number of working days meets the 25th in every period of ${span}: some period has no working day before the 25th.`,
            `Không số ngày làm việc nào bảo đảm ngày 25 ở mọi kỳ của ${span}: có kỳ không còn ngày làm việc nào trước ngày 25.`,
          ];
  const other = ' If a provision sets this regime\'s deadlines otherwise, name it in regime.deadlineBasis.';
  const otherVi = ' Nếu văn bản pháp luật quy định thời hạn khác, ghi văn bản đó vào regime.deadlineBasis.';
  return [
    {
      level: 'province',
      periodId: late.id,
      message:
        `province deadline ${deadline(late)} (${how?.en} ${late.end}) of period ` +
        `${late.id} is after ${art13Limit(late)}, the 25th of the period's last month, for a report to the Government (Decree 09 Art. 13)`,
      fix: fix + other,
      messageVi:
        `hạn gửi cấp tỉnh ${deadline(late)} (${how?.vi} ${late.end}) của kỳ ${late.id} muộn hơn ${art13Limit(late)}, ` +
        'ngày 25 của tháng cuối kỳ, với báo cáo gửi Chính phủ, Thủ tướng Chính phủ (Điều 13 Nghị định 09)',
      fixVi: fixVi + otherVi,
    },
  ];
}

/**
 * The problems of a template's deadlines over every period of the given years, each reported once,
 * at its first period. Plain numbers per level are working days of a report to the Government (the
 * reading before fixed days and recipients existed); a template passes `deadlineRulesOf(regime)`.
 * Art. 13 applies to Decree 09 windows of a report to the Government only: calendar windows
 * (statistics) end after the 25th by construction.
 */
export function checkDeadlineRules(
  spec: PeriodSpec,
  deadlines: Deadlines | DeadlineRules,
  cal: HolidayCalendar,
  years: readonly number[],
): DeadlineProblem[] {
  if (spec.frequency === 'adhoc') return checkAdhoc(spec);
  const rules: DeadlineRules = isDeadlineRules(deadlines) ? deadlines : { workingDays: deadlines, toGovernment: true };
  const { valid, problems } = checkNumbers(rules);
  const sortedYears = [...years].sort((a, b) => a - b);
  const periods = sortedYears.flatMap((year) => periodsOfYear(spec, year));
  problems.push(...checkFixedDays(periods, valid, cal));
  problems.push(...checkOrder(periods, valid, cal));
  if (spec.calendar === 'decree09' && valid.toGovernment && hasRule(valid)('province') && periods.length > 0) {
    const span = `${sortedYears[0]}–${sortedYears.at(-1)}`;
    problems.push(...checkArt13(periods, valid, cal, span));
  }
  return problems;
}
