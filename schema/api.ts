// The HTTP contract (../shared/docs/api.md): request schemas the server validates with, and the wire
// types the client reads. Imported by client/ and server/; imports neither.
import * as v from 'valibot';
import type { Frequency, Level, TemplateFile } from './template';

export const REPORT_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const ROLES = ['officer', 'head', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const isoDate = v.pipe(v.string(), v.isoDate('must be a date written YYYY-MM-DD'));

export const LoginBody = v.object({
  username: v.pipe(v.string(), v.trim(), v.minLength(1, 'username is required'), v.maxLength(100)),
  password: v.pipe(v.string(), v.minLength(1, 'password is required'), v.maxLength(200)),
});

export const UnitsQuery = v.object({ at: v.optional(isoDate) });

export const PeriodsQuery = v.object({
  template: v.pipe(v.string(), v.minLength(1, 'template is required')),
  year: v.pipe(
    v.string(),
    v.regex(/^\d{4}$/, 'year is four digits'),
    v.transform(Number),
    v.minValue(2000, 'year must be 2000 or later'),
    v.maxValue(2100, 'year must be 2100 or earlier'),
  ),
});

export const ReportsQuery = v.object({
  template: v.pipe(v.string(), v.minLength(1, 'template is required')),
  period: v.pipe(v.string(), v.minLength(1, 'period is required')),
});

/** A cell value on the wire: a number, a string for text cells, or null to clear the cell. */
export const CellValue = v.nullable(v.union([v.pipe(v.number(), v.finite()), v.pipe(v.string(), v.maxLength(4000))]));
export type CellValue = v.InferOutput<typeof CellValue>;

export const CellInput = v.object({
  row: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
  col: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
  value: CellValue,
});
export type CellInput = v.InferOutput<typeof CellInput>;

export const SectionInput = v.object({
  key: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
  text: v.pipe(v.string(), v.maxLength(20000)),
});

/** Why a warning is acceptable; a warning without one blocks submission. */
export const ExplanationInput = v.object({
  rule: v.pipe(v.string(), v.minLength(1), v.maxLength(80)),
  row: v.pipe(v.string(), v.maxLength(40)),
  col: v.pipe(v.string(), v.maxLength(40)),
  text: v.pipe(v.string(), v.maxLength(2000)),
});

export const PutValuesBody = v.object({
  revision: v.pipe(v.number(), v.integer(), v.minValue(0)),
  values: v.pipe(v.array(CellInput), v.maxLength(20000)),
  sections: v.optional(v.pipe(v.array(SectionInput), v.maxLength(200))),
  explanations: v.optional(v.pipe(v.array(ExplanationInput), v.maxLength(2000))),
});
export type PutValuesBody = v.InferOutput<typeof PutValuesBody>;

export const ReturnBody = v.object({
  reason: v.pipe(v.string(), v.trim(), v.minLength(1, 'a reason is required'), v.maxLength(2000)),
});

export const AggregateQuery = v.object({
  include: v.optional(v.picklist(['approved', 'submitted'], 'include is "approved" or "submitted"'), 'approved'),
});

// ---- issue 8: the official unit list import ----

/** POST /api/units/import?validFrom=YYYY-MM-DD[&dryRun=true] */
export const UnitImportQuery = v.object({
  validFrom: v.pipe(
    isoDate,
    v.check((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'must be a day of the calendar'),
  ),
  dryRun: v.optional(v.pipe(v.picklist(['true', 'false'], 'dryRun is "true" or "false"'), v.transform((s) => s === 'true')), 'false'),
});

export const HolidayBody = v.object({
  date: isoDate,
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
  kind: v.optional(v.picklist(['off', 'workday']), 'off'),
});

// ---- wire types (responses) ----

export interface ApiErrorBody {
  error: { code: string; message: string; issues?: Issue[] };
}

/** One offending cell or field; also used for rule results in the grid. */
export interface Issue {
  row: string;
  col: string;
  code: string;
  message: string;
  severity?: 'error' | 'warning';
}

export interface UnitRef {
  code: string;
  name: string;
  level: Level;
}

export interface Me {
  username: string;
  name: string;
  role: Role;
  unit: UnitRef | null;
}

export interface UnitNode extends UnitRef {
  kind: string;
  parentCode: string | null;
}

export interface TemplateSummary {
  id: string;
  title: string;
  formNumber: string;
  frequency: Frequency;
  versions: { version: number; effectiveFrom: string }[];
}

/** A template version as served: the file, with header groups normalised. */
export type TemplateVersion = TemplateFile;

export interface PeriodInfo {
  id: string;
  label: string;
  start: string;
  end: string;
  deadlines: Partial<Record<Level, string>>;
}

export interface ReportListItem {
  unitCode: string;
  unitName: string;
  level: Level;
  parentCode: string | null;
  status: ReportStatus;
  revision: number;
  submittedAt: string | null;
  deadline: string | null;
  isLate: boolean;
}

export interface CellValueOut {
  row: string;
  col: string;
  value: CellValue;
}

export interface Report {
  template: string;
  templateVersion: number;
  period: string;
  periodStart: string;
  periodEnd: string;
  unit: UnitRef;
  status: ReportStatus;
  revision: number;
  submittedAt: string | null;
  deadline: string | null;
  /** Not submitted by the deadline, or submitted after it (the server's clock, Viet Nam time). */
  isLate: boolean;
  returnReason: string | null;
  /** The full grid: stored inputs and computed cells. */
  values: CellValueOut[];
  /** Inputs of the other periods the formulas and rules read (prev, lastYear, ytd), in this version's codes. */
  otherPeriods: {
    period: string;
    values: CellValueOut[];
    /** Taken from units this one continues, one of them absorbed only in part and left out (issue 8). */
    incomplete?: true;
  }[];
  /** The template's rules on the stored values (errors block submitting; warnings need an explanation). */
  issues: Issue[];
  sections: { key: string; text: string }[];
  explanations: { rule: string; row: string; col: string; text: string }[];
  /** What the caller may do with it now. */
  can: { edit: boolean; submit: boolean; approve: boolean; return: boolean };
}

export interface SaveResult {
  revision: number;
  /** Rule results on the saved values: they do not block saving, errors block submitting. */
  issues: Issue[];
}

export interface AuditEntry {
  at: string;
  username: string;
  action: string;
  row?: string;
  col?: string;
  oldValue?: CellValue;
  newValue?: CellValue;
  reason?: string;
}

export interface Completeness {
  expected: number;
  submitted: number;
  approved: number;
  onTime: number;
}

export interface Aggregate {
  template: string;
  templateVersion: number;
  period: string;
  unit: UnitRef;
  include: 'approved' | 'submitted';
  values: CellValueOut[];
  completeness: Completeness;
  children: { unitCode: string; unitName: string; status: ReportStatus; values: CellValueOut[] }[];
  /**
   * Other periods the formulas read (cùng kỳ, lũy kế) that were taken from units this one continues,
   * some of which it absorbed only in part: those figures leave that part out (issue 8).
   */
  incompletePast: string[];
}

export interface Health {
  ok: true;
  /** The database holds the demo seed: the UI labels everything as demo data. */
  demo: boolean;
}

/** One line of "my reports": a report of the caller's unit, or of its units below for a head. */
export interface WorklistItem {
  template: { id: string; title: string; formNumber: string; frequency: Frequency };
  period: PeriodInfo;
  unit: UnitRef;
  /** False when the unit's level does not fill this form itself (a head following the units below). */
  isReporter: boolean;
  status: ReportStatus;
  revision: number;
  submittedAt: string | null;
  deadline: string | null;
  isLate: boolean;
  /** For heads: how far the units directly below have got this period. */
  below?: Completeness;
}

export interface WorkflowResult {
  status: ReportStatus;
  revision: number;
  submittedAt: string | null;
}
