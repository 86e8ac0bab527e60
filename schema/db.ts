// The database tables (drizzle, SQLite dialect on libsql). Migrations in schema/migrations are generated
// from this file with `npm run db:generate` and only ever added to.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Administrative units are effective-dated: the same GSO code names different units at different
 * dates (05977 was Phường Vĩnh Trại until 30/06/2025 and is Phường Đông Kinh from 01/07/2025), so a
 * unit is (code, validity) and parents point at ids, never at codes.
 */
export const units = sqliteTable(
  'units',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /**
     * As the GSO list writes it: Tỉnh, Thành phố, Huyện, Thị xã, Quận, Xã, Phường, Thị trấn, Đặc khu;
     * for an agency its kind (Sở, Ban, Thanh tra, Văn phòng, Phòng).
     */
    kind: text('kind').notNull(),
    /**
     * Administrative levels, plus `agency`: a specialised agency (sở, ban, ngành of the province; phòng
     * of a district until 30/06/2025 and of a commune after) whose parent is the administrative unit it
     * belongs to; and `nation` above the provinces.
     */
    level: text('level', { enum: ['nation', 'province', 'district', 'commune', 'agency'] }).notNull(),
    /** An agency's sector (e.g. `noi-vu`, `thanh-tra`): what templates name to route reports to it. */
    sector: text('sector'),
    parentId: integer('parent_id'),
    validFrom: text('valid_from').notNull(),
    /** Inclusive; null while the unit is in force. */
    validTo: text('valid_to'),
  },
  (t) => [index('units_code_idx').on(t.code, t.validFrom), index('units_parent_idx').on(t.parentId)],
);

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** A deactivated user cannot log in and its sessions end; its name stays in the audit trail. */
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
});

/**
 * What a user may do, where and when: a role held on one unit *version* (its id, never its code: codes
 * were reused by the 2025 reform), in force from `validFrom` to `validTo` (inclusive). Admin roles have
 * no unit. A user may hold several.
 */
export const userRoles = sqliteTable(
  'user_roles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['officer', 'head', 'viewer', 'admin'] }).notNull(),
    unitId: integer('unit_id').references(() => units.id),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to'),
  },
  (t) => [index('user_roles_user_idx').on(t.userId), index('user_roles_unit_idx').on(t.unitId)],
);

export const sessions = sqliteTable('sessions', {
  /** SHA-256 of the cookie token, so a leaked database does not leak live sessions. */
  tokenHash: text('token_hash').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: text('created_at').notNull(),
  expiresAt: text('expires_at').notNull(),
});

/** A template version as loaded from report-templates/; immutable once a report uses it. */
export const templateVersions = sqliteTable(
  'template_versions',
  {
    templateId: text('template_id').notNull(),
    version: integer('version').notNull(),
    effectiveFrom: text('effective_from').notNull(),
    contentHash: text('content_hash').notNull(),
    body: text('body').notNull(),
    loadedAt: text('loaded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.templateId, t.version] })],
);

export const reports = sqliteTable(
  'reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    templateId: text('template_id').notNull(),
    templateVersion: integer('template_version').notNull(),
    periodId: text('period_id').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    /**
     * The round of the period the report is sent in (issue 11): `official` (số chính thức), every
     * report's; `preliminary` (số ước) where the template declares it. Both are kept, each with its own
     * workflow; a roll-up counts the official one once it is submitted, else the preliminary one.
     */
    round: text('round', { enum: ['official', 'preliminary'] }).notNull().default('official'),
    status: text('status', { enum: ['draft', 'submitted', 'approved', 'returned'] }).notNull(),
    /** Bumped by every change; PUT values must name the current one (optimistic concurrency). */
    revision: integer('revision').notNull(),
    submittedAt: text('submitted_at'),
    decidedAt: text('decided_at'),
    returnReason: text('return_reason'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('reports_key_idx').on(t.templateId, t.periodId, t.unitId, t.round),
    index('reports_period_idx').on(t.templateId, t.periodId, t.status),
  ],
);

export const cellValues = sqliteTable(
  'cell_values',
  {
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    rowCode: text('row_code').notNull(),
    colKey: text('col_key').notNull(),
    numValue: real('num_value'),
    textValue: text('text_value'),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.rowCode, t.colKey] })],
);

/** Narrative sections of the outline (mẫu đề cương) a report carries beside its grid. */
export const reportSections = sqliteTable(
  'report_sections',
  {
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    text: text('text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.key] })],
);

/** The officer's explanation of a warning, required to submit despite it. */
export const reportExplanations = sqliteTable(
  'report_explanations',
  {
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    ruleId: text('rule_id').notNull(),
    rowCode: text('row_code').notNull(),
    colKey: text('col_key').notNull(),
    text: text('text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.ruleId, t.rowCode, t.colKey] })],
);

/** One entry for every change of a value, a text or a status, oldest first by id. */
export const auditEntries = sqliteTable(
  'audit_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    at: text('at').notNull(),
    username: text('username').notNull(),
    action: text('action').notNull(),
    rowCode: text('row_code'),
    colKey: text('col_key'),
    oldValue: text('old_value'),
    newValue: text('new_value'),
    reason: text('reason'),
  },
  (t) => [index('audit_report_idx').on(t.reportId, t.id)],
);

/** Days off and make-up working days added by an admin on top of the shipped official table. */
export const holidays = sqliteTable('holidays', {
  date: text('date').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['off', 'workday'] }).notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

/** Facts about this installation, e.g. that it holds the demo seed (the UI labels it). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Comments on a report or on one of its cells, with author and time; each is also in the audit trail. */
export const reportComments = sqliteTable(
  'report_comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    at: text('at').notNull(),
    username: text('username').notNull(),
    rowCode: text('row_code'),
    colKey: text('col_key'),
    text: text('text').notNull(),
  },
  (t) => [index('report_comments_report_idx').on(t.reportId, t.id)],
);

/**
 * The stored inputs of a report as it was submitted, one row per submission, so an approver sees what
 * changed since the submission they returned, cell by cell.
 */
export const reportSubmissions = sqliteTable(
  'report_submissions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    at: text('at').notNull(),
    username: text('username').notNull(),
    revision: integer('revision').notNull(),
    /** JSON: [[row, col, value], …] of the stored inputs. */
    values: text('values').notNull(),
  },
  (t) => [index('report_submissions_report_idx').on(t.reportId, t.id)],
);

/**
 * Packets of approved reports waiting for, or past, delivery to the Government's reporting system
 * (GOV_ENDPOINT), in approval order (id). The idempotency key travels with every attempt, so a
 * receiver counts a packet once however often a retry or a restart resends it (issue 9).
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    packetType: text('packet_type').notNull(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    templateId: text('template_id').notNull(),
    periodId: text('period_id').notNull(),
    unitCode: text('unit_code').notNull(),
    /** The packet as sent, byte for byte (JSON, QCVN 125 wire names). */
    body: text('body').notNull(),
    /** Base64 Ed25519 signature of body, when the installation has a signing key. */
    signature: text('signature'),
    /** waiting (not delivered yet, or retrying), sent (handed over, no answer yet), accepted, refused. */
    status: text('status', { enum: ['waiting', 'sent', 'accepted', 'refused'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at'),
    lastError: text('last_error'),
    refusalReason: text('refusal_reason'),
    createdAt: text('created_at').notNull(),
    sentAt: text('sent_at'),
    decidedAt: text('decided_at'),
  },
  (t) => [index('outbox_status_idx').on(t.status, t.id)],
);

// ---- issue 8: the unit-subtree relation, successions across the reform, maintained roll-ups ----

/**
 * Every (ancestor, unit) pair of the hierarchy, the unit itself at depth 0, kept by triggers on `units`
 * (hand-written in migration 0004), so a subtree is one join instead of a list of ids. Parents point at
 * unit versions (ids) and a move makes a new version, so the relation holds for every date: the tree of
 * a date is its rows whose unit is in force that day.
 */
export const unitClosure = sqliteTable(
  'unit_closure',
  {
    ancestorId: integer('ancestor_id').notNull(),
    unitId: integer('unit_id').notNull(),
    depth: integer('depth').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ancestorId, t.unitId] }), index('unit_closure_unit_idx').on(t.unitId, t.depth)],
);

/**
 * Which unit versions a unit continues (the "Sáp nhập từ" column of an official list): its territory
 * came from the predecessor in full, or only in part (a commune split between two new ones).
 */
export const unitSuccessions = sqliteTable(
  'unit_successions',
  {
    predecessorId: integer('predecessor_id')
      .notNull()
      .references(() => units.id),
    successorId: integer('successor_id')
      .notNull()
      .references(() => units.id),
    share: text('share', { enum: ['full', 'partial'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.predecessorId, t.successorId] }), index('unit_successions_successor_idx').on(t.successorId)],
);

/**
 * Maintained roll-ups: for each unit, the partial aggregates of the counted reports strictly below it
 * (its own report is read beside them), per template, period and status bucket. Sums are integers in
 * units of 10^-decimals of the cell, so adding and taking away a report is exact and the maintained
 * figures equal a full recompute bit for bit. min/max are kept only for cells that aggregate by them.
 */
export const rollupCells = sqliteTable(
  'rollup_cells',
  {
    templateId: text('template_id').notNull(),
    periodId: text('period_id').notNull(),
    unitId: integer('unit_id').notNull(),
    bucket: text('bucket', { enum: ['submitted', 'approved'] }).notNull(),
    rowCode: text('row_code').notNull(),
    colKey: text('col_key').notNull(),
    sum: integer('sum').notNull(),
    count: integer('count').notNull(),
    min: real('min'),
    max: real('max'),
  },
  (t) => [primaryKey({ columns: [t.templateId, t.periodId, t.unitId, t.bucket, t.rowCode, t.colKey] })],
);

/** The (template, period) roll-ups that are maintained, and the template version their cells are in. */
export const rollupPeriods = sqliteTable(
  'rollup_periods',
  {
    templateId: text('template_id').notNull(),
    periodId: text('period_id').notNull(),
    version: integer('version').notNull(),
    builtAt: text('built_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.templateId, t.periodId] })],
);
