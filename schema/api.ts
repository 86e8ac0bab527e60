// The HTTP contract (docs/api.md): request schemas the server validates with, and the wire
// types the client reads. Imported by client/ and server/; imports neither.
import * as v from 'valibot';
import { type Frequency, type Level, type Round, ROUNDS, type TemplateFile } from './template';

export const REPORT_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const ROLES = ['officer', 'head', 'viewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Where a unit stands: an administrative level, `agency` for a sở, ban, ngành or phòng (attached to the
 * administrative unit it belongs to), or `nation` above the provinces.
 */
export const UNIT_LEVELS = ['nation', 'province', 'district', 'commune', 'agency'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** A real calendar day written YYYY-MM-DD: 2026-02-30 is refused, not rolled over to March. */
const isRealDate = (text: string) => {
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
};
export const isoDate = v.pipe(
  v.string(),
  v.isoDate('must be a date written YYYY-MM-DD'),
  v.check(isRealDate, 'must be a real calendar date (ngày không có thật)'),
);

export const LoginBody = v.object({
  username: v.pipe(v.string(), v.trim(), v.minLength(1, 'username is required'), v.maxLength(100)),
  password: v.pipe(v.string(), v.minLength(1, 'password is required'), v.maxLength(200)),
});

export const UnitsQuery = v.object({
  at: v.optional(isoDate),
  kind: v.optional(v.picklist(['administrative', 'agency'], 'kind is "administrative" or "agency"')),
});

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

/** `?round=`: which round of the period a report route is about; official (số chính thức) when absent. */
export const RoundParam = v.optional(v.picklist(ROUNDS, 'round là "official" (số chính thức) hoặc "preliminary" (số ước) / round is "official" or "preliminary"'), 'official');
const round = RoundParam;
export const RoundQuery = v.object({ round });

export const ReportsQuery = v.object({
  template: v.pipe(v.string(), v.minLength(1, 'template is required')),
  period: v.pipe(v.string(), v.minLength(1, 'period is required')),
  round,
  /** Only the units that must report for this unit's roll-up: itself when it reports, and the reporters below it. */
  under: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(40))),
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
  /**
   * Save what is valid and list what is not (`SaveResult.rejected`), instead of refusing the whole batch.
   * Opt-in, so a client written for all-or-nothing saves (api.md) never has part of a batch stored unawares.
   */
  partial: v.optional(v.boolean()),
});
export type PutValuesBody = v.InferOutput<typeof PutValuesBody>;

export const ReturnBody = v.object({
  reason: v.pipe(v.string(), v.trim(), v.minLength(1, 'a reason is required'), v.maxLength(2000)),
});

export const AggregateQuery = v.object({
  include: v.optional(v.picklist(['approved', 'submitted'], 'include is "approved" or "submitted"'), 'approved'),
  round,
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

// ---- who may do what (issue 7): users, roles, comments, bulk approval ----

const username = v.pipe(
  v.string(),
  v.trim(),
  v.regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'username: 2–64 lower-case letters, digits, ".", "_" or "-"'),
);
/** Long enough to resist guessing; no composition rules (NIST SP 800-63B). */
const password = v.pipe(v.string(), v.minLength(8, 'password: at least 8 characters'), v.maxLength(200));

export const RoleInput = v.object({
  role: v.picklist(ROLES, 'role is officer, head, viewer or admin'),
  /** The unit's code; resolved to the unit holding it on `from` (or today). Absent for admin. */
  unitCode: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,20}$/, 'unitCode is a unit code'))),
  from: v.optional(isoDate),
  to: v.optional(isoDate),
});
export type RoleInput = v.InferOutput<typeof RoleInput>;

export const CreateUserBody = v.object({
  username,
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'name is required'), v.maxLength(200)),
  password,
  roles: v.pipe(v.array(RoleInput), v.maxLength(50)),
});

export const PatchUserBody = v.object({
  name: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200))),
  active: v.optional(v.boolean()),
  password: v.optional(password),
  roles: v.optional(v.pipe(v.array(RoleInput), v.maxLength(50))),
});

export const ChangePasswordBody = v.object({
  current: v.pipe(v.string(), v.minLength(1, 'current password is required'), v.maxLength(200)),
  next: password,
});

export const CommentBody = v.object({
  row: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(40))),
  col: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(40))),
  text: v.pipe(v.string(), v.trim(), v.minLength(1, 'a comment cannot be empty'), v.maxLength(4000)),
});

export const ApproveAllQuery = v.object({
  under: v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,20}$/, 'under is a unit code')),
  /** The round whose submitted reports are approved (issue 11): official when absent. */
  round,
});

export interface UserOut {
  username: string;
  name: string;
  active: boolean;
  roles: RoleOut[];
}

export interface CommentOut {
  id: number;
  at: string;
  username: string;
  row?: string;
  col?: string;
  text: string;
}

export interface CellChange {
  row: string;
  col: string;
  oldValue: CellValue;
  newValue: CellValue;
}

export interface ApproveAllResult {
  approved: string[];
  skipped: { unitCode: string; reason: string }[];
}

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
  level: UnitLevel;
}

/** A role as the API shows it: on a unit version named by its code and the dates it held the code. */
export interface RoleOut {
  role: Role;
  unitCode: string | null;
  unit: (UnitRef & { validFrom: string; validTo: string | null }) | null;
  from: string;
  to: string | null;
}

export interface Me {
  username: string;
  name: string;
  /** The first role in force today (api.md's single role); `roles` lists them all. */
  role: Role;
  unit: UnitRef | null;
  roles: RoleOut[];
}

export interface UnitNode extends UnitRef {
  /** `administrative` or `agency`. */
  kind: 'administrative' | 'agency';
  /** As the official list writes it: Tỉnh, Xã, Phường, …; Sở, Phòng for agencies. */
  type: string;
  sector: string | null;
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

/** ?period=P[&unit=CODE]: the version with its lists written out for that period (and unit's own report). */
export const TemplateVersionQuery = v.object({
  period: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,20}$/, 'period is a period id, e.g. 2026Q1'))),
  unit: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,20}$/, 'unit is a unit code, e.g. 05977'))),
});

export const TemplatePreviewQuery = v.object({
  period: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,20}$/, 'period is a period id, e.g. 2026Q1')),
});

/** GET /api/templates/:id/versions/:version/preview?period=P (admin): a version as it would run in a period. */
export interface TemplatePreview {
  /** The version, lists written out for the period's hierarchy (the roll-up's shape). */
  template: TemplateFile;
  period: { id: string; label: string; start: string; end: string };
  /** Whether this version is the one in force for the period (false: it is previewed before it is). */
  inForce: boolean;
  /** The deadline of each level of the period's hierarchy, by this version's regime. */
  deadlines: Partial<Record<string, string>>;
  /** The levels and agencies that fill the form that period. */
  reporters: { levels: string[]; agencies: number; units: number };
  /** Every rule in words, as officers will read its message. */
  rules: { id: string; severity: 'error' | 'warning'; kind: 'compare' | 'range' | 'required' | 'cross'; text: string }[];
}

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
  level: UnitLevel;
  parentCode: string | null;
  status: ReportStatus;
  revision: number;
  submittedAt: string | null;
  deadline: string | null;
  isLate: boolean;
  /** The caller receives this report and may approve or return it (a lock above may still refuse). */
  canDecide: boolean;
}

/** One round of a unit's report of a period: its own status and deadline. */
export interface RoundState {
  round: Round;
  status: ReportStatus;
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
  /** The round this report is sent in: official (số chính thức) or preliminary (số ước). */
  round: Round;
  /** Every round the template declares for the period, in order (preliminary first), with its state. */
  rounds: RoundState[];
  status: ReportStatus;
  revision: number;
  submittedAt: string | null;
  deadline: string | null;
  /** Not submitted by the deadline, or submitted after it (the server's clock, Viet Nam time). */
  isLate: boolean;
  returnReason: string | null;
  /** The unit above whose approved report of the period locks this one (no change, return or reopen). */
  lockedBy: UnitRef | null;
  /** How the caller stands to this report: its own unit, the agency compiling it, the receiver, … */
  relation: 'own' | 'compiler' | 'receiver' | 'scope' | 'admin' | 'none';
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
  can: { edit: boolean; submit: boolean; approve: boolean; return: boolean; comment: boolean };
}

export interface SaveResult {
  revision: number;
  /** Rule results on the saved values: they do not block saving, errors block submitting. */
  issues: Issue[];
  /** With `partial: true`: the cells, sections or explanations refused and not saved, each by its label. */
  rejected?: Issue[];
}

/** One cell an uploaded form workbook would change (api.md POST /api/forms/…xlsx). */
export interface FormChange {
  /** With a head's workbook of the units below: whose report the cell is in. */
  unit?: string;
  row: string;
  col: string;
  oldValue: CellValue;
  newValue: CellValue;
}

export interface FormIssue extends Issue {
  unit?: string;
}

/** `?preview=true`: what the upload would change and the checks on the result; nothing saved. */
export interface FormUploadPreview {
  changes: FormChange[];
  issues: FormIssue[];
}

/** The upload saved: as PUT …/values answers, plus the cells it changed (and, for a head's workbook, each unit's save). */
export interface FormUploadSaved extends SaveResult {
  changes: FormChange[];
  units?: ({ unit: string } & SaveResult)[];
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
  /** official: each unit's official report once submitted, its preliminary one until then; preliminary: the estimates alone. */
  round: Round;
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
  /**
   * For heads: how far the units that must report for this unit's roll-up have got this period (the units
   * below that fill the form, and the unit itself when it does), counted as the roll-up counts them.
   */
  below?: Completeness;
  /**
   * Where the form has a preliminary round (số ước) in the period (issue 11): each round of the unit's
   * report, preliminary first, with its own status and deadline; the line's own fields are the official
   * round's, and the line is ordered by the first round not yet sent. Absent for forms without rounds.
   */
  rounds?: WorklistRound[];
}

/** One round of a worklist line's report (issue 11). */
export interface WorklistRound extends RoundState {
  revision: number;
  /** For heads: how far the reports below have got in this round. */
  below?: Completeness;
}

export interface WorkflowResult {
  status: ReportStatus;
  revision: number;
  submittedAt: string | null;
  /** What the transition went through despite, e.g. `empty-report`: a submitted report with no figure. */
  warnings?: Issue[];
}

// ---- the session and the demo guide (issue 13) ----

/** What a demo user's data shows: a report status, or how a report went in against its deadline. */
export const DEMO_STATES = ['draft', 'submitted', 'approved', 'returned', 'late', 'on-time', 'missing'] as const;
export type DemoState = (typeof DEMO_STATES)[number];

export interface DemoUser {
  username: string;
  role: Role;
  unitName: string | null;
  states: DemoState[];
}

/** GET /api/session: 200 whether or not anyone is signed in, so the app's first load logs no error. */
export interface Session {
  signedIn: boolean;
  /** The body of GET /api/me, when signed in. */
  me?: Me;
  /** In demo mode only: users to try, and the password when it is the default one ("demo"). */
  demo: { password: string | null; users: DemoUser[] } | null;
}

// ---- exchange: QCVN 125 packets, ADX / SDMX, imports, outbox (issue 9) ----

export const ExchangeVersionQuery = v.object({
  version: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/, 'version is a number'), v.transform(Number))),
});

export const ExchangeYearQuery = v.object({
  year: v.pipe(
    v.string(),
    v.regex(/^\d{4}$/, 'year is four digits'),
    v.transform(Number),
    v.minValue(2000, 'year must be 2000 or later'),
    v.maxValue(2100, 'year must be 2100 or earlier'),
  ),
});

/** `?dryRun=true` reports what an import would change and changes nothing. */
export const ImportQuery = v.object({
  dryRun: v.optional(v.pipe(v.picklist(['true', 'false', '1', '0'], 'dryRun is "true" or "false"'), v.transform((s) => s === 'true' || s === '1')), 'false'),
});

export const OutboxQuery = v.object({
  status: v.optional(v.picklist(['waiting', 'sent', 'accepted', 'refused'])),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/), v.transform(Number), v.minValue(1), v.maxValue(1000)), '200'),
});

export const OUTBOX_STATUSES = ['waiting', 'sent', 'accepted', 'refused'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface ImportChangeOut {
  row: string;
  col: string;
  oldValue: CellValue;
  newValue: CellValue;
}

/** What an import changed (or, on a dry run, would change), report by report. */
export interface ImportResultOut {
  dryRun: boolean;
  reports: {
    template: string;
    templateVersion: number;
    period: string;
    unitCode: string;
    unitName: string;
    created: boolean;
    revision: number;
    changes: ImportChangeOut[];
    sections: { key: string; oldText: string; newText: string }[];
  }[];
  skippedComputed: number;
}

/** One packet of the delivery outbox, as the province head sees it. */
export interface OutboxItem {
  id: number;
  packetType: string;
  idempotencyKey: string;
  template: string;
  period: string;
  unitCode: string;
  status: OutboxStatus;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  decidedAt: string | null;
  nextAttemptAt: string | null;
  lastError: string | null;
  refusalReason: string | null;
}
