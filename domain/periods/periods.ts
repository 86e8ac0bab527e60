// The periods of a template: parse an id, list a year, find the period of a date, step back a period
// or a year. Regular frequencies use the Art. 12 or calendar windows; ad hoc ones the template's list.
import type { AdhocPeriodSchema, Calendar, Frequency, Level } from '../../schema/template';
import type * as v from 'valibot';
import { parseIsoDate } from './dates';
import {
  type PeriodKey,
  type RegularFrequency,
  idOf,
  indexOfMonth,
  labelOf,
  parseId,
  periodsPerYear,
  windowOf,
} from './period-windows';

export type AdhocPeriod = v.InferOutput<typeof AdhocPeriodSchema>;

export interface PeriodSpec {
  frequency: Frequency;
  calendar: Calendar;
  adhocPeriods?: readonly AdhocPeriod[];
}

export interface Period {
  id: string;
  frequency: Frequency;
  /** The year of the id: 202201 starts on 2021-12-15 but belongs to 2022. Ad hoc: the end's year. */
  year: number;
  /** Month, quarter or half of the year; 1 for nine-month and annual; ad hoc: rank by start date. */
  index: number;
  /** First and last day of the data window, inclusive. */
  start: string;
  end: string;
  label: string;
  /** Ad hoc periods only: the template's deadline of each level. */
  deadlines?: Partial<Record<Level, string>>;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const isRegular = (frequency: Frequency): frequency is RegularFrequency => frequency !== 'adhoc';

function regularPeriod(key: PeriodKey, calendar: Calendar): Period {
  const { frequency, year, index } = key;
  return { id: idOf(key), frequency, year, index, label: labelOf(key), ...windowOf(key, calendar) };
}

/** The template's ad hoc periods as Periods, ordered by start date (then end, then id). */
function adhocPeriods(spec: PeriodSpec): Period[] {
  const sorted = [...(spec.adhocPeriods ?? [])].sort(
    (a, b) => cmp(a.start, b.start) || cmp(a.end, b.end) || cmp(a.id, b.id),
  );
  return sorted.map((p, i) => ({
    id: p.id,
    frequency: 'adhoc',
    year: Number(p.end.slice(0, 4)),
    index: i + 1,
    start: p.start,
    end: p.end,
    label: p.label ?? p.id,
    deadlines: { ...p.deadlines },
  }));
}


/** The period with this id, or undefined for a malformed id or one of another frequency. */
export function periodFromId(spec: PeriodSpec, id: string): Period | undefined {
  if (!isRegular(spec.frequency)) return adhocPeriods(spec).find((p) => p.id === id);
  const key = parseId(spec.frequency, id);
  return key && regularPeriod(key, spec.calendar);
}

export function periodsOfYear(spec: PeriodSpec, year: number): Period[] {
  const { frequency } = spec;
  if (!isRegular(frequency)) return adhocPeriods(spec).filter((p) => p.year === year);
  return Array.from({ length: periodsPerYear(frequency) }, (_, i) =>
    regularPeriod({ frequency, year, index: i + 1 }, spec.calendar),
  );
}

/**
 * The period whose window holds the date. Art. 12 windows shift the month: from the 15th on, a day
 * belongs to next month's window (2021-12-15 is in 202201). Nine-month windows leave the end of the
 * year uncovered, so a date there has none. Ad hoc periods may overlap: the earliest start wins.
 */
export function periodContaining(spec: PeriodSpec, date: string): Period | undefined {
  const parts = parseIsoDate(date);
  if (!parts) return undefined;
  const { frequency } = spec;
  if (!isRegular(frequency)) return adhocPeriods(spec).find((p) => p.start <= date && date <= p.end);
  let { year, month } = parts;
  if (spec.calendar === 'decree09' && parts.day >= 15) {
    month += 1;
    if (month === 13) [year, month] = [year + 1, 1];
  }
  const index = indexOfMonth(frequency, month);
  return index === undefined ? undefined : regularPeriod({ frequency, year, index }, spec.calendar);
}

/** The period before, of the same frequency: 202201 → 202112, 2022N9 → 2021N9; ad hoc: the one before by start. */
export function previousPeriod(spec: PeriodSpec, p: Period): Period | undefined {
  const { frequency } = spec;
  if (!isRegular(frequency)) {
    const all = adhocPeriods(spec);
    const at = all.findIndex((q) => q.id === p.id);
    return at > 0 ? all[at - 1] : undefined;
  }
  if (p.frequency !== frequency) return undefined;
  const key: PeriodKey =
    p.index > 1
      ? { frequency, year: p.year, index: p.index - 1 }
      : { frequency, year: p.year - 1, index: periodsPerYear(frequency) };
  return regularPeriod(key, spec.calendar);
}

/** The same period a year earlier ("cùng kỳ năm trước"); ad hoc periods have none. */
export function samePeriodLastYear(spec: PeriodSpec, p: Period): Period | undefined {
  const { frequency } = spec;
  if (!isRegular(frequency) || p.frequency !== frequency) return undefined;
  return regularPeriod({ frequency, year: p.year - 1, index: p.index }, spec.calendar);
}

/** The periods of p's year from the first up to p, for "lũy kế từ đầu năm" (year to date). */
export function periodsOfYearUpTo(spec: PeriodSpec, p: Period): Period[] {
  if (p.frequency === 'nine-month' || p.frequency === 'annual') return [p];
  return periodsOfYear(spec, p.year).filter((q) => q.index <= p.index);
}

/**
 * Orders period ids by start date (then end date). Ids that are not periods of the spec sort after
 * the valid ones, among themselves as strings, so that sorting never throws on stray data.
 */
export function comparePeriodIds(spec: PeriodSpec, a: string, b: string): number {
  const pa = periodFromId(spec, a);
  const pb = periodFromId(spec, b);
  if (pa && pb) return cmp(pa.start, pb.start) || cmp(pa.end, pb.end) || cmp(pa.id, pb.id);
  if (pa) return -1;
  if (pb) return 1;
  return cmp(a, b);
}

/** Period steps by id, as the formula evaluator asks for them (prev, lastYear, ytd). */
export interface PeriodSteps {
  periodId: string;
  previousPeriodId(id: string): string | undefined;
  samePeriodLastYearId(id: string): string | undefined;
  periodsOfYearUpTo(id: string): string[];
}

export function periodSteps(spec: PeriodSpec, periodId: string): PeriodSteps {
  const at = (id: string) => periodFromId(spec, id);
  return {
    periodId,
    previousPeriodId: (id) => {
      const p = at(id);
      return p ? previousPeriod(spec, p)?.id : undefined;
    },
    samePeriodLastYearId: (id) => {
      const p = at(id);
      return p ? samePeriodLastYear(spec, p)?.id : undefined;
    },
    periodsOfYearUpTo: (id) => {
      const p = at(id);
      return p ? periodsOfYearUpTo(spec, p).map((q) => q.id) : [];
    },
  };
}
