// The holiday calendar in force: the official days off shipped with the code, then an admin's
// additions and corrections from the database (later entries win).
import { holidays } from '../schema/db';
import type { Db } from './db/client';
import { createHolidayCalendar, type HolidayCalendar, isIsoDate, VN_CIVIL_SERVICE_DAYS_OFF } from '../domain/periods';

/**
 * A stored day that is not a real date (written by an older version, or by hand) is left out with a
 * warning: one bad row must never stop the server from starting or answering.
 */
function isUsable(entry: { date: string; kind: string }): boolean {
  const ok = isIsoDate(entry.date) && (entry.kind === 'off' || entry.kind === 'workday');
  if (!ok) console.warn(`Bỏ qua ngày nghỉ không hợp lệ trong cơ sở dữ liệu / ignoring an invalid stored holiday: ${JSON.stringify(entry)}`);
  return ok;
}

export interface HolidayCalendarSource {
  calendar(): Promise<HolidayCalendar>;
  invalidate(): void;
}

export function createHolidaySource(db: Db): HolidayCalendarSource {
  let cached: Promise<HolidayCalendar> | undefined;
  return {
    calendar() {
      cached ??= db
        .select({ date: holidays.date, name: holidays.name, kind: holidays.kind })
        .from(holidays)
        .then((added) => createHolidayCalendar([...VN_CIVIL_SERVICE_DAYS_OFF, ...added.filter(isUsable)]));
      cached.catch(() => (cached = undefined));
      return cached;
    },
    invalidate: () => (cached = undefined),
  };
}
