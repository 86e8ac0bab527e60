// Submit, approve, return and reopen: the workflow transitions, each checked against the caller's access
// (resolved by report-context.ts), the report's state and the lock of the level above, and written with
// its audit entry in one transaction. A submission keeps a snapshot of the inputs, so the approver can
// see what changed since the submission they returned.
import { eq } from 'drizzle-orm';
import type { Issue, WorkflowResult } from '../../schema/api';
import { reports, reportSubmissions } from '../../schema/db';
import { parseCellKey } from '../../domain/template/cell-key';
import { nextStatus, type WorkflowAction } from '../../domain/workflow';
import type { SessionUser } from '../auth/sessions';
import type { Tx } from '../db/client';
import { findReport, loadValues } from '../db/reports';
import type { AppDeps } from '../env';
import { conflict, forbidden } from '../errors';
import { enqueueApproved } from '../exchange/outbox';
import { assertSubmittable } from './report-check';
import type { ReportContext } from './report-context';
import { assertNotLocked } from './report-lock';
import { audit } from './report-save';
import { applyReportChange } from './rollup';

const STATUS_VI = { draft: 'đang soạn', submitted: 'đã gửi', approved: 'đã duyệt', returned: 'bị trả lại' } as const;

/** The report row of a context, created empty when it was never saved (nothing to report is still a report). */
export async function ensureRow(deps: AppDeps, user: SessionUser, target: ReportContext): Promise<number> {
  if (target.row) return target.row.id;
  const now = deps.clock().toISOString();
  return deps.store.write(async (tx) => {
    const existing = await findReport(tx, target.template.file.id, target.period.id, target.unit.id, target.round);
    if (existing) return existing.id;
    const [row] = await tx
      .insert(reports)
      .values({
        templateId: target.template.file.id,
        templateVersion: target.template.file.version,
        periodId: target.period.id,
        unitId: target.unit.id,
        round: target.round,
        status: 'draft',
        revision: 0,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await audit(tx, row!.id, now, user, { action: 'create' });
    return row!.id;
  });
}

export async function submitReport(deps: AppDeps, user: SessionUser, target: ReportContext): Promise<WorkflowResult> {
  if (!target.access.write) throw forbidden(`Bạn không có quyền gửi báo cáo của ${target.unit.name}.`);
  if (!target.isReporter) throw forbidden(`${target.unit.name} không thuộc đối tượng thực hiện báo cáo này trong kỳ.`);
  const reportId = await ensureRow(deps, user, target);
  const values = (await loadValues(deps.store.db, [reportId])).get(reportId) ?? new Map();
  await assertSubmittable(deps, target, reportId, values);
  const result = await transition(deps, user, target, 'submit');
  // api.md submits without a body, so an empty report still goes through; the answer says it was empty.
  return values.size > 0 ? result : { ...result, warnings: [EMPTY_REPORT] };
}

const EMPTY_REPORT = {
  row: '',
  col: '',
  code: 'empty-report',
  message: 'Báo cáo đã gửi chưa có số liệu nào: mọi ô đều trống.',
  severity: 'warning',
} as const satisfies Issue;

export async function decideReport(
  deps: AppDeps,
  user: SessionUser,
  target: ReportContext,
  action: 'approve' | 'return',
  reason?: string,
): Promise<WorkflowResult> {
  if (!target.access.decide) {
    throw forbidden(`Chỉ lãnh đạo đơn vị nhận báo cáo mới ${action === 'approve' ? 'duyệt' : 'trả lại'} được báo cáo của ${target.unit.name}.`);
  }
  return transition(deps, user, target, action, reason);
}

async function transition(
  deps: AppDeps,
  user: SessionUser,
  target: ReportContext,
  action: WorkflowAction,
  reason?: string,
): Promise<WorkflowResult> {
  const now = deps.clock().toISOString();
  return deps.store.write(async (tx) => {
    const row = await findReport(tx, target.template.file.id, target.period.id, target.unit.id, target.round);
    const status = row?.status ?? 'draft';
    const next = nextStatus(status, action);
    if (!row || !next) {
      throw conflict('wrong-state', `Không thể ${ACTION_VI[action]} báo cáo đang ở trạng thái "${STATUS_VI[status]}".`);
    }
    await assertNotLocked(tx, target.template.file.id, target.period.id, target.unit, target.tree, target.round);
    const revision = row.revision + 1;
    const set =
      action === 'submit'
        ? { status: next, revision, submittedAt: now, updatedAt: now, returnReason: null }
        : action === 'approve'
          ? { status: next, revision, decidedAt: now, updatedAt: now }
          : { status: next, revision, decidedAt: now, updatedAt: now, returnReason: reason ?? null };
    await tx.update(reports).set(set).where(eq(reports.id, row.id));
    await applyReportChange(tx, deps, { row }, { row: { ...row, ...set } });
    // Returning an approved report reopens it: the audit trail says which it was.
    const logged = action === 'return' && status === 'approved' ? 'reopen' : action;
    await audit(tx, row.id, now, user, { action: logged, oldValue: JSON.stringify(status), newValue: JSON.stringify(next), reason: reason ?? null });
    if (action === 'submit') await snapshot(tx, row.id, now, user, revision);
    if (action === 'approve') await enqueueApproved(tx, deps, target, row.id, now);
    return { status: next, revision, submittedAt: action === 'submit' ? now : row.submittedAt };
  });
}

/** Keeps the stored inputs as submitted (report_submissions), for "what changed since". */
async function snapshot(tx: Tx, reportId: number, at: string, user: SessionUser, revision: number) {
  const values = (await loadValues(tx, [reportId])).get(reportId) ?? new Map();
  const cells = [...values].map(([key, value]) => {
    const { row, col } = parseCellKey(key);
    return [row, col, value];
  });
  await tx.insert(reportSubmissions).values({ reportId, at, username: user.username, revision, values: JSON.stringify(cells) });
}

const ACTION_VI: Record<WorkflowAction, string> = { submit: 'gửi', approve: 'duyệt', return: 'trả lại' };
