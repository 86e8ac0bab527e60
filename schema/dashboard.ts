// The dashboards' part of the HTTP contract (issue 12): the query strings the server validates and the
// answers the client draws, for where a period's reports stand and how a figure moved over time.
import * as v from 'valibot';
import { type Completeness, type ReportStatus, RoundParam, type UnitLevel, type UnitRef } from './api';
import type { Round } from './template';

const id = (name: string) => v.pipe(v.string(`${name} is required`), v.minLength(1, `${name} is required`), v.maxLength(60, `${name} is too long`));
const code = (name: string) => v.pipe(v.string(`${name} is required`), v.minLength(1, `${name} is required`), v.maxLength(40, `${name} is too long`));
const include = v.optional(v.picklist(['approved', 'submitted'], 'include is "approved" or "submitted"'), 'approved');
/** A whole number given as a query string, within bounds. */
const count = (name: string, max: number) =>
  v.pipe(v.string(), v.regex(/^\d{1,3}$/, `${name} is a whole number`), v.transform(Number), v.minValue(1, `${name} is at least 1`), v.maxValue(max, `${name} is at most ${max}`));

/** GET /api/dashboard/status?template=ID&period=P&under=UNIT (api.md). */
export const DashboardStatusQuery = v.object({ template: id('template'), period: id('period'), under: code('under'), round: RoundParam });

/** GET /api/dashboard/timeliness?template=ID&under=UNIT[&to=P][&periods=N] */
export const DashboardTimelinessQuery = v.object({
  template: id('template'),
  under: code('under'),
  to: v.optional(id('to')),
  periods: v.optional(count('periods', 24), '6'),
  round: RoundParam,
});

/** GET /api/dashboard/series?template=ID&unit=UNIT&row=R[&col=C][&from=P][&to=P][&include=] */
export const DashboardSeriesQuery = v.object({
  template: id('template'),
  unit: code('unit'),
  row: id('row'),
  col: v.optional(id('col')),
  from: v.optional(id('from')),
  to: v.optional(id('to')),
  include,
  round: RoundParam,
});

/** GET /api/dashboard/compare?template=ID&period=P&under=UNIT&row=R[&col=C][&include=] */
export const DashboardCompareQuery = v.object({
  template: id('template'),
  period: id('period'),
  under: code('under'),
  row: id('row'),
  col: v.optional(id('col')),
  include,
  round: RoundParam,
});

export interface PeriodRef {
  id: string;
  label: string;
  start: string;
  end: string;
}

/**
 * How the reports that must come in stand. `expected` = `submitted` (sent: waiting or approved, as the
 * roll-up's completeness counts them) + `returned` + `missing` (not sent: a draft or nothing); `late`
 * counts those sent after their deadline or still not sent once it has passed; `onTime` those sent by it.
 */
export interface StatusCounts {
  expected: number;
  submitted: number;
  approved: number;
  returned: number;
  late: number;
  missing: number;
  onTime: number;
}

export interface DashboardStatusUnit {
  unitCode: string;
  unitName: string;
  level: UnitLevel;
  parentCode: string | null;
  status: ReportStatus;
  isLate: boolean;
  /** Working days after the deadline it was sent on, or (not sent) until today; only when late. */
  daysLate?: number;
  /** Not sent and not yet late: working days left until the deadline (0 = due today). */
  daysLeft?: number;
  deadline: string | null;
  submittedAt: string | null;
}

/** A unit directly below, to drill down to: the same counts over its own subtree. */
export interface DashboardChild extends StatusCounts {
  unitCode: string;
  unitName: string;
  level: UnitLevel;
}

export interface DashboardStatus extends StatusCounts {
  template: string;
  templateVersion: number;
  period: PeriodRef;
  under: UnitRef & { parentCode: string | null };
  units: DashboardStatusUnit[];
  children: DashboardChild[];
  /** The round counted (issue 11): `?round=`, official when absent. */
  round: Round;
  /** The rounds the template declares for the period, preliminary first: a round picker where there are two. */
  rounds: Round[];
}

export interface TimelinessPeriod extends PeriodRef {
  expected: number;
  onTime: number;
  /** Sent after the deadline. */
  late: number;
  /** Not sent (a draft, returned, or nothing); `overdue` of them past their deadline. */
  missing: number;
  overdue: number;
}

export interface OftenLateUnit {
  unitCode: string;
  unitName: string;
  /** Periods sent late or not sent by the deadline, of the periods it had to report in. */
  late: number;
  of: number;
  periods: string[];
}

export interface DashboardTimeliness {
  template: string;
  under: UnitRef;
  /** The round counted; in the preliminary one, only the periods that have it. */
  round: Round;
  periods: TimelinessPeriod[];
  /** Units late at least once, most often first. */
  oftenLate: OftenLateUnit[];
}

export interface SeriesPointOut extends PeriodRef {
  /** The template version in force for the period (the series is read in the latest one's codes). */
  templateVersion: number;
  value: number | null;
  /** The same period a year before. */
  lastYear: { period: string; value: number | null } | null;
  completeness: Completeness;
  /** Read from units this one continues, some absorbed only in part (issue 8): the figure leaves that part out. */
  incomplete: boolean;
  /** Where the figure comes from when not from the unit itself (its predecessors' names). */
  from: string[] | null;
}

export interface CellRef {
  row: string;
  col: string;
  rowLabel: string;
  colLabel: string;
  /** The row's measure (đơn vị tính). */
  measure: string | null;
  /** A computed cell (a ratio is the ratio of the sums, never a mean of ratios). */
  isComputed: boolean;
}

export interface DashboardSeries {
  template: string;
  templateVersion: number;
  unit: UnitRef;
  include: 'approved' | 'submitted';
  /** The round of the figures; in the preliminary one, only the periods that have it (lastYear stays official). */
  round: Round;
  cell: CellRef;
  points: SeriesPointOut[];
}

export interface DashboardCompare {
  template: string;
  templateVersion: number;
  period: PeriodRef;
  under: UnitRef;
  include: 'approved' | 'submitted';
  round: Round;
  cell: CellRef;
  /** The figure of the whole subtree of `under`. */
  total: number | null;
  /** The units directly below, largest first (no figure last). */
  units: { unitCode: string; unitName: string; level: UnitLevel; status: ReportStatus; value: number | null }[];
}
