// The holiday calendar in force: the official days off shipped with the code, then an admin's
// additions and corrections from the database (later entries win).
import { holidays } from '../schema/db';
import type { Db } from './db/client';
import { createHolidayCalendar, type HolidayCalendar, VN_CIVIL_SERVICE_DAYS_OFF } from '../domain/periods';

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
        .then((added) => createHolidayCalendar([...VN_CIVIL_SERVICE_DAYS_OFF, ...added]));
      cached.catch(() => (cached = undefined));
      return cached;
    },
    invalidate: () => (cached = undefined),
  };
}
