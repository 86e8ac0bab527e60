// What a reviewer reads beside a report: its audit trail, the comments on it and on its cells, what
// changed since the submission they returned (cell by cell), and the bulk approval of the reports
// below a unit that pass their rules.
import type { Round } from '../../schema/template';
import { asc, desc, eq } from 'drizzle-orm';
import type { ApproveAllResult, AuditEntry, CellChange, CellValue, CommentOut } from '../../schema/api';
import { reportComments, reportSubmissions } from '../../schema/db';
import { cellKey, type CellValues, parseCellKey } from '../../domain/template/cell-key';
import type { SessionUser } from '../auth/sessions';
import { listReports, loadHistory, loadValues } from '../db/reports';
import type { AppDeps } from '../env';
import { ApiError, badRequest } from '../errors';
import { reportContextOf, type ReportContext, type Scope } from './report-context';
import { lockingUnit } from './report-lock';
import { audit } from './report-save';
import { assertSubmittable } from './report-check';
import { decideReport, ensureRow } from './report-workflow';

export async function reportHistory(deps: AppDeps, t: ReportContext): Promise<AuditEntry[]> {
  const entries = t.row ? await loadHistory(deps.store.db, t.row.id) : [];
  return entries.map((e) => ({
    at: e.at,
    username: e.username,
    action: e.action,
    ...(e.rowCode !== null ? { row: e.rowCode } : {}),
    ...(e.colKey !== null ? { col: e.colKey } : {}),
    ...(e.oldValue !== null ? { oldValue: JSON.parse(e.oldValue) as CellValue } : {}),
    ...(e.newValue !== null ? { newValue: JSON.parse(e.newValue) as CellValue } : {}),
    ...(e.reason !== null ? { reason: e.reason } : {}),
  }));
}

export async function listComments(deps: AppDeps, t: ReportContext): Promise<CommentOut[]> {
  if (!t.row) return [];
  const rows = await deps.store.db.select().from(reportComments).where(eq(reportComments.reportId, t.row.id)).orderBy(asc(reportComments.id));
  return rows.map(toComment);
}

export async function addComment(
  deps: AppDeps,
  user: SessionUser,
  t: ReportContext,
  body: { row?: string; col?: string; text: string },
): Promise<CommentOut> {
  if ((body.row === undefined) !== (body.col === undefined)) {
    throw badRequest('invalid-body', 'Góp ý cho một ô cần cả "row" và "col"; góp ý cho cả báo cáo thì bỏ cả hai.');
  }
  if (body.row !== undefined && !t.template.compiled.cell(body.row, body.col!)) {
    throw badRequest('invalid-body', `Biểu mẫu không có ô (${body.row}, ${body.col}).`);
  }
  const reportId = await ensureRow(deps, user, t);
  const at = deps.clock().toISOString();
  const row = await deps.store.write(async (tx) => {
    const [inserted] = await tx
      .insert(reportComments)
      .values({ reportId, at, username: user.username, rowCode: body.row ?? null, colKey: body.col ?? null, text: body.text })
      .returning();
    await audit(tx, reportId, at, user, { action: 'comment', rowCode: body.row ?? null, colKey: body.col ?? null, newValue: JSON.stringify(body.text) });
    return inserted!;
  });
  return toComment(row);
}

const toComment = (r: typeof reportComments.$inferSelect): CommentOut => ({
  id: r.id,
  at: r.at,
  username: r.username,
  ...(r.rowCode !== null ? { row: r.rowCode } : {}),
  ...(r.colKey !== null ? { col: r.colKey } : {}),
  text: r.text,
});

/**
 * The cells that differ between the last submission the reviewer saw and now: while the report is
 * submitted or approved, the submission before the current one; while it is a draft or returned, the
 * last submission. Empty when there is nothing earlier to compare with.
 */
export async function changesSinceSubmission(deps: AppDeps, t: ReportContext): Promise<CellChange[]> {
  if (!t.row) return [];
  const snapshots = await deps.store.db
    .select({ values: reportSubmissions.values })
    .from(reportSubmissions)
    .where(eq(reportSubmissions.reportId, t.row.id))
    .orderBy(desc(reportSubmissions.id))
    .limit(2);
  const isSent = t.row.status === 'submitted' || t.row.status === 'approved';
  const baseline = snapshots[isSent ? 1 : 0];
  if (!baseline) return [];
  const before: CellValues = new Map((JSON.parse(baseline.values) as [string, string, number | string][]).map(([r, c, v]) => [cellKey(r, c), v]));
  const now = (await loadValues(deps.store.db, [t.row.id])).get(t.row.id) ?? new Map();
  const changes: CellChange[] = [];
  for (const key of new Set([...before.keys(), ...now.keys()])) {
    const oldValue = before.get(key) ?? null;
    const newValue = now.get(key) ?? null;
    if (oldValue === newValue) continue;
    changes.push({ ...parseCellKey(key), oldValue, newValue });
  }
  const order = new Map(t.template.compiled.dataRows.map((r, i) => [r.code, i]));
  return changes.sort((a, b) => (order.get(a.row) ?? 0) - (order.get(b.row) ?? 0) || a.col.localeCompare(b.col));
}

/**
 * Approves every submitted report below the scope's unit that the caller may decide and that passes
 * its rules (errors fixed, warnings explained), one by one; says which it skipped and why.
 */
export async function approveAll(deps: AppDeps, user: SessionUser, scope: Scope, round: Round = 'official'): Promise<ApproveAllResult> {
  const below = scope.tree.subtree(scope.unit).filter((u) => u.id !== scope.unit.id);
  const rows = await listReports(deps.store.db, scope.template.file.id, scope.period.id, round, below.map((u) => u.id));
  const byUnit = new Map(rows.map((r) => [r.unitId, r]));
  const result: ApproveAllResult = { approved: [], skipped: [] };
  for (const unit of below) {
    const row = byUnit.get(unit.id);
    if (row?.status !== 'submitted') continue;
    const t = await reportContextOf(deps, scope, unit, row, round);
    if (!t.access.decide) continue;
    const lockedBy = await lockingUnit(deps.store.db, t.template.file.id, t.period.id, unit, t.tree, round);
    if (lockedBy) {
      result.skipped.push({ unitCode: unit.code, reason: `Đã bị khóa: ${lockedBy.name} đã duyệt báo cáo của kỳ.` });
      continue;
    }
    try {
      const values = (await loadValues(deps.store.db, [row.id])).get(row.id) ?? new Map();
      await assertSubmittable(deps, t, row.id, values);
      await decideReport(deps, user, t, 'approve');
      result.approved.push(unit.code);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      result.skipped.push({ unitCode: unit.code, reason: error.message });
    }
  }
  return result;
}

