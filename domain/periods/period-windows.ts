// Period ids, their data-cutoff windows and Vietnamese labels for the regular frequencies: the
// Decree 09/2019/NĐ-CP Art. 12 windows (15th → 14th) and the calendar windows of statistical forms.
import type { Calendar, Frequency } from '../../schema/template';
import { daysInMonth, formatDate } from './dates';

export type RegularFrequency = Exclude<Frequency, 'adhoc'>;

export interface PeriodKey {
  frequency: RegularFrequency;
  year: number;
  /** Month 1–12, quarter 1–4, half 1–2; 1 for nine-month and annual periods. */
  index: number;
}

/**
 * Every regular period ends in a month of its year and spans whole months back from it; the two
 * calendars differ only in where a month starts (Art. 12: the 15th of the month before; statistics:
 * the 1st). So a period is its last month and its length in months.
 */
const SHAPES: Record<RegularFrequency, { count: number; months: number }> = {
  monthly: { count: 12, months: 1 },
  quarterly: { count: 4, months: 3 },
  'six-monthly': { count: 2, months: 6 },
  // Nine-month reports ("9 tháng") cover the first three quarters; one a year.
  'nine-month': { count: 1, months: 9 },
  annual: { count: 1, months: 12 },
};

export const periodsPerYear = (frequency: RegularFrequency): number => SHAPES[frequency].count;

/** The month (1–12) in which the period's window ends. */
export const endMonth = (key: PeriodKey): number => key.index * SHAPES[key.frequency].months;

/** The index of the period holding a month (1–12) of its year; undefined after September for nine-month. */
export function indexOfMonth(frequency: RegularFrequency, month: number): number | undefined {
  if (frequency === 'nine-month') return month <= 9 ? 1 : undefined;
  return Math.ceil(month / SHAPES[frequency].months);
}

export function windowOf(key: PeriodKey, calendar: Calendar): { start: string; end: string } {
  const last = endMonth(key);
  const first = last - SHAPES[key.frequency].months + 1; // may be ≤ 0: a month of the previous year
  const firstYear = first >= 1 ? key.year : key.year - 1;
  const firstMonth = first >= 1 ? first : first + 12;
  if (calendar === 'calendar') {
    return {
      start: formatDate(firstYear, firstMonth, 1),
      end: formatDate(key.year, last, daysInMonth(key.year, last)),
    };
  }
  // Art. 12: the window of a month starts on the 15th of the month before it and ends on its 14th.
  const startYear = firstMonth === 1 ? firstYear - 1 : firstYear;
  const startMonth = firstMonth === 1 ? 12 : firstMonth - 1;
  return { start: formatDate(startYear, startMonth, 15), end: formatDate(key.year, last, 14) };
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

export function labelOf(key: PeriodKey): string {
  switch (key.frequency) {
    case 'monthly':
      return `Tháng ${String(key.index).padStart(2, '0')}/${key.year}`;
    case 'quarterly':
      return `Quý ${ROMAN[key.index - 1] ?? key.index}/${key.year}`;
    case 'six-monthly':
      return `6 tháng ${key.index === 1 ? 'đầu' : 'cuối'} năm ${key.year}`;
    case 'nine-month':
      return `9 tháng năm ${key.year}`;
    case 'annual':
      return `Năm ${key.year}`;
  }
}

/** DHIS2-style ids: 202201, 2022Q1, 2022S1, 2022N9 (ours: DHIS2 has no nine-month type), 2022. */
export function idOf(key: PeriodKey): string {
  const year = String(key.year).padStart(4, '0');
  switch (key.frequency) {
    case 'monthly':
      return `${year}${String(key.index).padStart(2, '0')}`;
    case 'quarterly':
      return `${year}Q${key.index}`;
    case 'six-monthly':
      return `${year}S${key.index}`;
    case 'nine-month':
      return `${year}N9`;
    case 'annual':
      return year;
  }
}

const ID_PATTERNS: Record<RegularFrequency, RegExp> = {
  monthly: /^(\d{4})(0[1-9]|1[0-2])$/,
  quarterly: /^(\d{4})Q([1-4])$/,
  'six-monthly': /^(\d{4})S([12])$/,
  'nine-month': /^(\d{4})N9$/,
  annual: /^(\d{4})$/,
};

/** Years before 1000 are refused: ids are four digits and no report predates the decree anyway. */
const isSupportedYear = (year: number) => year >= 1000;

export function parseId(frequency: RegularFrequency, id: string): PeriodKey | undefined {
  const match = ID_PATTERNS[frequency].exec(id);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (!isSupportedYear(year)) return undefined;
  const index = match[2] === undefined ? 1 : Number(match[2]);
  return { frequency, year, index };
}
