// The period, working-day and deadline engine (Decree 09/2019/NĐ-CP Arts. 8, 12, 13): pure functions
// over 'YYYY-MM-DD' strings, for routes, aggregation and exports.
export {
  type AdhocPeriod,
  type Period,
  type PeriodSpec,
  comparePeriodIds,
  periodContaining,
  periodFromId,
  periodsOfYear,
  periodsOfYearUpTo,
  periodSteps,
  type PeriodSteps,
  previousPeriod,
  samePeriodLastYear,
} from './periods';
export {
  type HolidayCalendar,
  type HolidayEntry,
  addWorkingDays,
  createHolidayCalendar,
  isWorkingDay,
  workingDaysBetween,
} from './working-days';
export { VN_CIVIL_SERVICE_DAYS_OFF, VN_DAYS_OFF_YEARS } from './holidays-vn';
export { type DeadlineProblem, type LevelDeadlines, checkDeadlineRules, deadlinesFor } from './deadlines';
export { checkRoundDeadlines } from './round-deadlines';
export { addDays, dayOfWeek, isIsoDate } from './dates';
export {
  type DeadlineFields,
  type DeadlineRules,
  art13Limit,
  calendarDayDate,
  deadlineRulesOf,
} from './deadline-rules';
export { type CollectionSpec, collectionOfPeriod, collectionsOf, deadlineRulesForPeriod, roundsOfPeriod } from './collections';
