// Dates as users in Viet Nam see them: UTC+7 all year (no daylight saving), so a deadline day ends at
// 24:00 in Hà Nội, not in UTC.
const OFFSET_MS = 7 * 3600_000;

/** The calendar date (YYYY-MM-DD) in Viet Nam at an instant. */
export function vnDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** True when an instant falls on or before the given Viet Nam calendar date. */
export function isOnOrBefore(instant: Date, date: string): boolean {
  return vnDate(instant) <= date;
}

/**
 * A report is late when it was sent after its deadline day, or, not yet sent, when that day is over.
 * No deadline, no lateness.
 */
export function isLate(deadline: string | null, submittedAt: string | null, now: Date): boolean {
  if (deadline === null) return false;
  return submittedAt ? !isOnOrBefore(new Date(submittedAt), deadline) : vnDate(now) > deadline;
}
