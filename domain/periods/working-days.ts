// Working days of Vietnamese civil servants: Monday to Friday, less the official days off, plus the
// Saturdays worked to make up for a swapped day (ngày làm bù). Deadlines count in these days (Art. 8(5)).
import { addDays, isIsoDate, isWeekend, toDayNumber } from './dates';

export interface HolidayEntry {
  date: string;
  /** Vietnamese, as the notice names it, e.g. "Tết Nguyên đán (mùng 1)". */
  name: string;
  /** 'off': no work that day; 'workday': a Saturday or Sunday that is worked (làm bù). */
  kind: 'off' | 'workday';
  /** Derived from the Labour Code because the year's notice was not found; replace once published. */
  provisional?: boolean;
}

export interface HolidayCalendar {
  /** What the entries say of a date: 'off', 'workday' or nothing (an ordinary day). */
  kindOf(date: string): HolidayEntry['kind'] | undefined;
  /** The entry in force for each listed date, in date order. */
  readonly entries: readonly HolidayEntry[];
}

/**
 * A calendar from a list of entries. Admins add entries later and the database passes the union, so
 * when two entries name the same date the later one wins: an admin's correction, passed after the
 * built-in list, overrides it.
 */
export function createHolidayCalendar(entries: Iterable<HolidayEntry>): HolidayCalendar {
  const byDate = new Map<string, HolidayEntry>();
  for (const entry of entries) {
    if (!isIsoDate(entry.date)) throw new RangeError(`holiday entry "${entry.name}" has a bad date "${entry.date}"`);
    byDate.set(entry.date, entry);
  }
  const sorted = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  return { kindOf: (date) => byDate.get(date)?.kind, entries: sorted };
}

export function isWorkingDay(date: string, cal: HolidayCalendar): boolean {
  const kind = cal.kindOf(date);
  if (kind === 'off') return false;
  return kind === 'workday' || !isWeekend(date);
}

/** Long enough to cross any run of days off (Tết is 9 days at most); guards a calendar of all 'off'. */
const MAX_DAYS_OFF_IN_A_ROW = 366;

/** The n-th working day strictly after the date (n ≥ 1): the deadline n working days after a cutoff. */
export function addWorkingDays(date: string, n: number, cal: HolidayCalendar): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a whole number ≥ 1, got ${n}`);
  let day = date;
  let counted = 0;
  let offInARow = 0;
  while (counted < n) {
    day = addDays(day, 1);
    if (isWorkingDay(day, cal)) {
      counted += 1;
      offInARow = 0;
    } else if (++offInARow > MAX_DAYS_OFF_IN_A_ROW) {
      throw new RangeError(`no working day in the year after ${day}: check the holiday calendar`);
    }
  }
  return day;
}

/**
 * The number of working days d with from < d ≤ to, so that workingDaysBetween(d, addWorkingDays(d, n))
 * is n. Zero when to ≤ from.
 */
export function workingDaysBetween(from: string, to: string, cal: HolidayCalendar): number {
  const days = toDayNumber(to) - toDayNumber(from);
  let count = 0;
  for (let i = 1; i <= days; i += 1) if (isWorkingDay(addDays(from, i), cal)) count += 1;
  return count;
}
