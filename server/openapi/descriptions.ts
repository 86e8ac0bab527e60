// The one registry of route descriptions for GET /api/openapi.json: a summary and what each route
// answers, keyed "METHOD /api/path" as Hono registers it. Parameters and request bodies are not written
// here: they come from the valibot schemas the routes validate with (server/validate.ts). A route
// added without an entry here fails test/server/openapi.test.ts, which names the missing key.
import * as v from 'valibot';
import { PacketSchemas } from '../exchange/qcvn125-schema';

export interface RouteDescription {
  summary: string;
  description?: string;
  tag: string;
  /** A body the route reads itself (not through a JSON validator): media type → what it is. */
  body?: Record<string, string>;
  /** The success answer: status, media type, and a schema when one exists in valibot. */
  ok?: { status?: number; type?: string; description?: string; schema?: v.GenericSchema };
  /** No session needed. */
  public?: boolean;
}

/** Issue 11: the routes of one report and its roll-ups name the round of the period they are about. */
const ROUND =
  '?round=official (số chính thức, the default) or ?round=preliminary (số ước, where the template declares a preliminary round ' +
  'for the period; otherwise 404 unknown-round). Each round is its own report, with its own deadline, status and history.';

const json = (description: string, schema?: v.GenericSchema) => ({ type: 'application/json', description, ...(schema ? { schema } : {}) });
const packet = (what: string, schema: v.GenericSchema) => ({
  ok: json(`${what} as a QCVN 125:2021/BTTTT packet (wire names: docs/qcvn125.md; X-Package-Signature when signed)`, schema),
});

export const ROUTE_DESCRIPTIONS: Record<string, RouteDescription> = {
  'GET /api/health': { tag: 'system', summary: 'Whether the database answers', public: true, ok: json('{ ok: true, demo }') },
  'POST /api/auth/login': { tag: 'auth', summary: 'Log in: sets the httpOnly session cookie; 401 on bad credentials', public: true, ok: json('The user') },
  'POST /api/auth/logout': { tag: 'auth', summary: 'End the session', public: true },
  'GET /api/session': {
    tag: 'auth',
    summary: 'Whether anyone is signed in (200 either way), the user, and the demo guide in demo mode',
    public: true,
    ok: json('{ signedIn, me?, demo }'),
  },
  'GET /api/me': { tag: 'auth', summary: 'The signed-in user, their roles and unit', ok: json('Me') },
  'POST /api/me/password': { tag: 'auth', summary: 'Change one’s own password' },
  'GET /api/units': { tag: 'units', summary: 'The hierarchy in force on a day (administrative units, or agencies with kind=agency)', ok: json('[{ code, name, level, parentCode, kind }]') },
  'GET /api/templates': { tag: 'templates', summary: 'Report templates and their versions', ok: json('[{ id, title, formNumber, frequency, versions }]') },
  'GET /api/templates/:id': { tag: 'templates', summary: 'The latest version of a template, in full', ok: json('Template version') },
  'GET /api/templates/:id/versions/:version': { tag: 'templates', summary: 'One version of a template, in full; with ?period=P[&unit=U] its lists written out for that period (and unit)', ok: json('Template version') },
  'GET /api/templates/:id/versions/:version/preview': { tag: 'templates', summary: 'Preview a version for a period before it is in force: grid, rules, deadlines, reporters (admin)', ok: json('{ template, period, inForce, deadlines, reporters, rules }') },
  'GET /api/periods': { tag: 'templates', summary: 'The periods of a template in a year, with deadlines per level', ok: json('[{ id, start, end, deadlines }]') },
  'GET /api/reports': { tag: 'reports', summary: 'The reports of a period the caller may see', ok: json('[{ unitCode, status, revision, submittedAt, deadline, isLate }]') },
  'GET /api/reports/:template/:period/:unit': {
    tag: 'reports',
    summary: 'One report with its values, rule results and what the caller may do, and the state of each round',
    description: ROUND,
    ok: json('Report'),
  },
  'GET /api/reports/:template/:period/:unit/history': { tag: 'reports', summary: 'The audit trail of a report, oldest first', ok: json('[{ at, username, action, row?, col?, oldValue?, newValue?, reason? }]') },
  'PUT /api/reports/:template/:period/:unit/values': {
    tag: 'reports',
    summary: 'Save cells (and narrative sections, explanations); 409 stale-revision saves nothing, 422 lists offending cells',
    description: ROUND,
    ok: json('{ revision, issues }'),
  },
  'POST /api/reports/:template/:period/:unit/submit': { tag: 'workflow', summary: 'Draft or returned → submitted', description: ROUND, ok: json('{ status, revision, submittedAt }') },
  'POST /api/reports/:template/:period/:unit/approve': {
    tag: 'workflow',
    summary: 'Submitted → approved; queues the report’s QCVN 125 packets in the delivery outbox',
    ok: json('{ status, revision, submittedAt }'),
  },
  'POST /api/reports/:template/:period/:unit/return': { tag: 'workflow', summary: 'Submitted or approved → returned, with the reason kept', ok: json('{ status, revision, submittedAt }') },
  'GET /api/reports/:template/:period/:unit/comments': { tag: 'reports', summary: 'Comments on the report or its cells', ok: json('[{ id, at, username, row?, col?, text }]') },
  'POST /api/reports/:template/:period/:unit/comments': { tag: 'reports', summary: 'Comment on the report or on a cell', ok: json('The comment') },
  'GET /api/reports/:template/:period/:unit/changes': { tag: 'reports', summary: 'What changed since the last submission', ok: json('[{ row, col, oldValue, newValue }]') },
  'POST /api/reports/:template/:period/approve-all': {
    tag: 'workflow',
    summary: 'Approve every submitted report below a unit that the caller may approve and that passes its rules',
    description: `${ROUND} ?round=preliminary approves the submitted preliminary reports below, and only those.`,
    ok: json('{ approved, skipped }'),
  },
  'GET /api/users': { tag: 'users', summary: 'Users and their roles (admin)', ok: json('[{ username, name, active, roles }]') },
  'POST /api/users': { tag: 'users', summary: 'Create a user (admin)', ok: { status: 201, ...json('The user') } },
  'GET /api/users/:username': { tag: 'users', summary: 'One user (admin)', ok: json('The user') },
  'PATCH /api/users/:username': { tag: 'users', summary: 'Change a user’s name, roles, password or active flag (admin)', ok: json('The user') },
  'GET /api/aggregates/:template/:period/:unit': {
    tag: 'reports',
    summary: 'The unit’s subtree rolled up, with completeness and each child',
    description:
      'round=official (default): each unit’s official report once submitted, its submitted preliminary one until then; ' +
      'round=preliminary: the preliminary figures (số ước) alone, where the template declares that round.',
    ok: json('{ values, completeness, children, round }'),
  },
  'GET /api/exports/:template/:period/:file': {
    tag: 'exchange',
    summary: 'A package of the unit’s figures; :file is UNIT.FORMAT',
    description:
      'FORMAT is xlsx (Excel package per Decree 30/2020: summary, one sheet per reporting unit, completeness), json (machine package, ' +
      'docs/machine-package.md), qcvn125.json (QCVN 125 report data), adx.xml (IHE ADX) or sdmx.csv (SDMX-CSV 2.0). ' +
      'With a signing key configured, X-Package-Signature carries "ed25519 <base64>" over the exact bytes. ' +
      '?round=preliminary exports the preliminary figures (Số ước); the default is the official ones (Số chính thức).',
    ok: { type: 'application/octet-stream', description: 'The package in the format the file name asks for' },
  },
  'GET /api/forms/:template/:period/:file': {
    tag: 'reports',
    summary: 'The form as a workbook to fill in Excel (:file is UNIT.xlsx); ?units=below: a sheet per unit below the head’s unit',
    description:
      'Input cells unlocked, the rest protected, computed cells as Excel formulas, a hidden sheet naming template version, period, unit, round and each sheet’s revision. ' +
      ROUND,
    ok: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', description: 'The workbook' },
  },
  'POST /api/forms/:template/:period/:file': {
    tag: 'reports',
    summary: 'Upload a filled form workbook: ?preview=true answers { changes, issues } and saves nothing; otherwise saves like PUT …/values (If-Match: revision)',
    description:
      'A workbook of another template, version, period, unit or round (422 wrong-workbook) or not from this system (422 foreign-workbook) is refused with the reason. ' +
      ROUND,
    body: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'The workbook downloaded from GET /api/forms/…, filled in' },
    ok: json('{ changes: [{ row, col, oldValue, newValue }], issues } (preview), or { revision, issues, changes }'),
  },
  'GET /api/holidays': { tag: 'templates', summary: 'Days off and make-up working days added by admins', ok: json('[{ date, name, kind }]') },
  'POST /api/holidays': { tag: 'templates', summary: 'Add a day off or a make-up working day (admin)', ok: json('The day') },
  'GET /api/worklist': {
    tag: 'reports',
    summary: 'My reports: the caller’s units’ reports of recent periods',
    description:
      'Where the form has a preliminary round (số ước) in the period, a line also has rounds: [{ round, status, revision, submittedAt, deadline, isLate, below? }], ' +
      'preliminary first; its own fields stay the official round’s, and it is ordered by the first round still to send.',
    ok: json('[WorklistItem]'),
  },
  'GET /api/series/:template/:unit/:row': { tag: 'reports', summary: 'A row’s values over time, across template versions', ok: json('Series') },
  'GET /api/dashboard/status': {
    tag: 'dashboard',
    summary: 'Reporting status below a unit for a period: counts, each unit with its deadline and working days left or late, and the units directly below to drill down',
    description: `${ROUND} The answer names its round and the rounds the form has in the period (rounds: a picker where there are two).`,
    ok: json('{ expected, submitted, approved, returned, late, missing, onTime, units: [{ unitCode, status, isLate, daysLate?, daysLeft?, deadline }], children, round, rounds }'),
  },
  'GET /api/dashboard/timeliness': {
    tag: 'dashboard',
    summary: 'On time, late and missing reports below a unit over the last periods (across the 2025 reform), and the units most often late',
    description: `${ROUND} The answer names its round; in the preliminary round only the periods that have it are listed.`,
    ok: json('{ round, periods: [{ id, expected, onTime, late, missing, overdue }], oftenLate }'),
  },
  'GET /api/dashboard/series': {
    tag: 'dashboard',
    summary: 'One indicator of a unit’s roll-up over periods and template versions, with the same period last year and the completeness of each point',
    description: `${ROUND} In the preliminary round only the periods that have it are points, each compared with the official figure of a year before.`,
    ok: json('{ cell, round, points: [{ id, value, lastYear, completeness, incomplete, templateVersion }] }'),
  },
  'GET /api/dashboard/compare': {
    tag: 'dashboard',
    summary: 'One indicator of a period for the units below a unit, largest first (computed cells from each unit’s sums)',
    description: `${ROUND} round=preliminary compares the preliminary figures (số ước) alone.`,
    ok: json('{ cell, round, total, units: [{ unitCode, value, status }] }'),
  },
  'GET /api/exchange/public-key': {
    tag: 'exchange',
    summary: 'The public key (SPKI PEM) packages are signed with; 404 when no key is configured',
    public: true,
    ok: { type: 'application/x-pem-file', description: 'PEM' },
  },
  'GET /api/exchange/:template/regime.json': { tag: 'exchange', summary: 'Chế độ báo cáo: the reporting regime', ...packet('The regime', PacketSchemas.regime) },
  'GET /api/exchange/:template/form.json': { tag: 'exchange', summary: 'Biểu mẫu báo cáo: the form with its columns and indicators', ...packet('The form', PacketSchemas.form) },
  'GET /api/exchange/:template/indicators.json': { tag: 'exchange', summary: 'Danh mục chỉ tiêu báo cáo: the indicator catalogue', ...packet('The catalogue', PacketSchemas.indicatorCatalogue) },
  'GET /api/exchange/:template/outline.json': { tag: 'exchange', summary: 'Biểu mẫu báo cáo đề cương: the narrative outline', ...packet('The outline', PacketSchemas.outlineForm) },
  'GET /api/exchange/:template/periods.json': { tag: 'exchange', summary: 'Danh mục kỳ báo cáo: the periods of a year with deadlines', ...packet('The period catalogue', PacketSchemas.periodCatalogue) },
  'GET /api/exchange/:template/:period/:unit/status.json': { tag: 'exchange', summary: 'Trạng thái báo cáo: a report’s status', ...packet('The status', PacketSchemas.reportStatus) },
  'GET /api/exchange/:template/:period/:unit/outline.json': { tag: 'exchange', summary: 'Gửi đề cương báo cáo: a report’s narrative text', ...packet('The outline submission', PacketSchemas.outlineSubmission) },
  'POST /api/exchange/import': {
    tag: 'exchange',
    summary: 'Import QCVN 125 packets (one or an array): all or nothing; ?dryRun=true lists what would change',
    body: { 'application/json': 'A QCVN 125 packet or an array of packets, with the wire names of docs/qcvn125.md' },
    ok: json('{ dryRun, packets, reports: [{ unitCode, created, revision, changes }], skippedComputed }'),
  },
  'POST /api/imports/adx': {
    tag: 'exchange',
    summary: 'Import ADX values for many units (a head for its subtree, an admin for any): all or nothing; ?dryRun=true lists what would change',
    body: { 'application/adx+xml': 'An ADX document (docs/adx.md)' },
    ok: json('{ dryRun, reports, skippedComputed, skippedRollups }'),
  },
  'POST /api/units/import': {
    tag: 'units',
    summary: 'Load an official unit list (GSO layout, CSV or XLSX) valid from ?validFrom=; ?dryRun=true lists what would be added, renamed, moved or closed (admin; all or nothing)',
    body: { 'text/csv': 'The GSO list as CSV', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'The GSO list as XLSX' },
    ok: json('{ dryRun, validFrom, added, renamed, moved, closed }'),
  },
  'GET /api/outbox': { tag: 'exchange', summary: 'The delivery outbox: packets of approved reports and their status (province head, admin)', ok: json('[OutboxItem]') },
  'GET /api/openapi.json': { tag: 'system', summary: 'This description (OpenAPI 3.1)', public: true, ok: json('OpenAPI document') },
  'GET /api/docs': { tag: 'system', summary: 'This description as a page', public: true, ok: { type: 'text/html', description: 'HTML' } },
};
