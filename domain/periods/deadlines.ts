// The deadline of each level for a period, and the checks a template's deadlines must pass:
// Decree 09 Art. 8(5) (a working day after the cutoff, one deadline per level) and Art. 13 (the
// province reports to the Government by the 25th of the period's last month).
import type { Deadlines, Level } from '../../schema/template';
import { type Period, type PeriodSpec, periodsOfYear } from './periods';
import { type HolidayCalendar, addWorkingDays, workingDaysBetween } from './working-days';

/** Lowest level first: a level's deadline may not be after that of any level above it. */
const LEVELS_UPWARD = ['commune', 'district', 'province', 'nation'] as const satisfies readonly Level[];

export type LevelDeadlines = Partial<Record<Level, string>>;

/**
 * The deadline date of each level: the n-th working day after the data cutoff (the period's last
 * day), Art. 8(5). Ad hoc periods carry their dates from the template. Levels without a number (or
 * not in `levels`, when given) are left out; n < 1 throws, as checkDeadlineRules reports it first.
 */
export function deadlinesFor(
  period: Period,
  deadlineWorkingDays: Deadlines,
  cal: HolidayCalendar,
  levels?: readonly Level[],
): LevelDeadlines {
  const wanted = (level: Level) => levels === undefined || levels.includes(level);
  const result: LevelDeadlines = {};
  for (const level of LEVELS_UPWARD) {
    if (!wanted(level)) continue;
    if (period.frequency === 'adhoc') {
      const date = period.deadlines?.[level];
      if (date !== undefined) result[level] = date;
      continue;
    }
    const n = deadlineWorkingDays[level];
    if (n !== undefined) result[level] = addWorkingDays(period.end, n, cal);
  }
  return result;
}

export interface DeadlineProblem {
  level?: Level;
  periodId?: string;
  /** For the template author, in English, naming the period and the dates involved. */
  message: string;
  fix: string;
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
      const message = `period ${p.id} starts on ${p.start}, after its end ${p.end}`;
      problems.push({ periodId: p.id, message, fix: 'Swap start and end.' });
    }
    for (const level of LEVELS_UPWARD) {
      const date = p.deadlines[level];
      if (date !== undefined && date < p.end) {
        problems.push({
          level,
          periodId: p.id,
          message: `${level} deadline ${date} of period ${p.id} is before its data cutoff ${p.end}`,
          fix: `Set the ${level} deadline on or after ${p.end}.`,
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
        });
      }
    }
  }
  return problems;
}

/** Art. 8(5): at least one working day between the cutoff and each level's deadline. */
function checkNumbers(deadlineWorkingDays: Deadlines): { valid: Deadlines; problems: DeadlineProblem[] } {
  const valid: Deadlines = {};
  const problems: DeadlineProblem[] = [];
  for (const level of LEVELS_UPWARD) {
    const n = deadlineWorkingDays[level];
    if (n === undefined) continue;
    if (Number.isInteger(n) && n >= 1) valid[level] = n;
    else {
      problems.push({
        level,
        message:
          `${level} deadline is ${n} working days after the data cutoff; Decree 09 Art. 8(5) requires ` +
          'at least 1 working day between cutoff and deadline',
        fix: `Set deadlineWorkingDays.${level} to a whole number of 1 or more.`,
      });
    }
  }
  return { valid, problems };
}

/** A report aggregated upward: no level's deadline after that of the level above it present. */
function checkOrder(periods: Period[], valid: Deadlines, cal: HolidayCalendar): DeadlineProblem[] {
  const problems: DeadlineProblem[] = [];
  for (const [lower, upper] of adjacentPairs((level) => valid[level] !== undefined)) {
    for (const period of periods) {
      const d = deadlinesFor(period, valid, cal, [lower, upper]);
      if ((d[lower] ?? '') <= (d[upper] ?? '')) continue;
      problems.push({
        level: lower,
        periodId: period.id,
        message: `${lower} deadline ${d[lower]} is after the ${upper} deadline ${d[upper]} in period ${period.id} (cutoff ${period.end})`,
        fix: `Give the ${lower} level at most ${valid[upper]} working days (now ${valid[lower]}), or the ${upper} level more.`,
      });
      break;
    }
  }
  return problems;
}

/** The 25th of the month in which the period ends: the Art. 13 limit for the province. */
const art13Limit = (period: Period): string => `${period.end.slice(0, 7)}-25`;

/** Art. 13: the province's deadline by the 25th, reported at the first period that misses it. */
function checkArt13(periods: Period[], province: number, cal: HolidayCalendar, span: string): DeadlineProblem[] {
  const deadline = (p: Period) => deadlinesFor(p, { province }, cal).province ?? '';
  const late = periods.find((p) => deadline(p) > art13Limit(p));
  if (!late) return [];
  const largest = Math.min(...periods.map((p) => workingDaysBetween(p.end, art13Limit(p), cal)));
  return [
    {
      level: 'province',
      periodId: late.id,
      message:
        `province deadline ${deadline(late)} (${province} working days after the cutoff ${late.end}) of period ` +
        `${late.id} is after ${art13Limit(late)}, the 25th of the period's last month (Decree 09 Art. 13)`,
      fix:
        largest >= 1
          ? `Set deadlineWorkingDays.province to at most ${largest}: the largest number that meets the 25th in every period of ${span}.`
          : `No number of working days meets the 25th in every period of ${span}: some period has no working day before the 25th.`,
    },
  ];
}

/**
 * The problems of a template's deadlines over every period of the given years, each reported once,
 * at its first period. Art. 13 applies to Decree 09 windows only: calendar windows (statistics) end
 * after the 25th by construction.
 */
export function checkDeadlineRules(
  spec: PeriodSpec,
  deadlineWorkingDays: Deadlines,
  cal: HolidayCalendar,
  years: readonly number[],
): DeadlineProblem[] {
  if (spec.frequency === 'adhoc') return checkAdhoc(spec);
  const { valid, problems } = checkNumbers(deadlineWorkingDays);
  const sortedYears = [...years].sort((a, b) => a - b);
  const periods = sortedYears.flatMap((year) => periodsOfYear(spec, year));
  problems.push(...checkOrder(periods, valid, cal));
  if (spec.calendar === 'decree09' && valid.province !== undefined && periods.length > 0) {
    const span = `${sortedYears[0]}–${sortedYears.at(-1)}`;
    problems.push(...checkArt13(periods, valid.province, cal, span));
  }
  return problems;
}
