// Calendar dates as 'YYYY-MM-DD' strings and integer day numbers, with no Date object and so no
// time zone: a deadline day is a day in Viet Nam, whatever zone the server runs in.

/** Days since 1970-01-01 (negative before). Integers make "the next day" and "n days later" exact. */
export type DayNumber = number;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number of a proleptic Gregorian date (H. Hinnant's days_from_civil, integers only). */
export function dayNumber(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

/** The inverse of dayNumber (civil_from_days). */
export function fromDayNumber(n: DayNumber): YearMonthDay {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The parts of a valid 'YYYY-MM-DD' date, or undefined ('2023-02-29' and '2023-2-1' are refused). */
export function parseIsoDate(date: string): YearMonthDay | undefined {
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export const isIsoDate = (date: string): boolean => parseIsoDate(date) !== undefined;

/** Day number of a 'YYYY-MM-DD' date; throws on anything else, since callers pass validated dates. */
export function toDayNumber(date: string): DayNumber {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`not a date written YYYY-MM-DD: "${date}"`);
  return dayNumber(parts.year, parts.month, parts.day);
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

export function formatDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function fromDayNumberToIso(n: DayNumber): string {
  const { year, month, day } = fromDayNumber(n);
  return formatDate(year, month, day);
}

export const addDays = (date: string, days: number): string => fromDayNumberToIso(toDayNumber(date) + days);

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay counts (1970-01-01 was a Thursday). */
export const dayOfWeek = (date: string): number => (((toDayNumber(date) + 4) % 7) + 7) % 7;

export const isWeekend = (date: string): boolean => {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
};
