// Submit, approve and return: the workflow transitions, each checked against who may act and the
// report's state, written with its audit entry in one transaction.
import { eq } from 'drizzle-orm';
import type { WorkflowResult } from '../../schema/api';
import { reports } from '../../schema/db';
import type { SessionUser } from '../auth/sessions';
import { findReport, loadValues } from '../db/reports';
import { nextStatus, type WorkflowAction } from '../../domain/workflow';
import type { AppDeps } from '../env';
import { conflict, forbidden } from '../errors';
import { assertSubmittable } from './report-check';
import { audit } from './report-save';
import type { ReportTarget } from './report-target';
import { applyReportChange } from './rollup';

const STATUS_VI = { draft: 'đang soạn', submitted: 'đã gửi', approved: 'đã duyệt', returned: 'bị trả lại' } as const;

export async function submitReport(deps: AppDeps, user: SessionUser, target: ReportTarget): Promise<WorkflowResult> {
  if (!target.perms.write) throw forbidden(`Bạn không có quyền gửi báo cáo của ${target.unit.name}.`);
  if (!target.isReporter) throw forbidden(`${target.unit.name} không thuộc đối tượng thực hiện báo cáo này trong kỳ.`);
  let reportId = target.row?.id;
  if (reportId === undefined) {
    // Submitting a report never saved: nothing to report is still a report (all cells empty).
    const now = deps.clock().toISOString();
    reportId = await deps.store.write(async (tx) => {
      const existing = await findReport(tx, target.template.file.id, target.period.id, target.unit.id);
      if (existing) return existing.id;
      const [row] = await tx
        .insert(reports)
        .values({
          templateId: target.template.file.id,
          templateVersion: target.template.file.version,
          periodId: target.period.id,
          unitId: target.unit.id,
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
  const values = (await loadValues(deps.store.db, [reportId])).get(reportId) ?? new Map();
  await assertSubmittable(deps, target, reportId, values);
  return transition(deps, user, target, 'submit');
}

export async function decideReport(
  deps: AppDeps,
  user: SessionUser,
  target: ReportTarget,
  action: 'approve' | 'return',
  reason?: string,
): Promise<WorkflowResult> {
  if (!target.perms.decide) {
    throw forbidden(
      action === 'approve'
        ? `Chỉ lãnh đạo đơn vị cấp trên trực tiếp mới duyệt được báo cáo của ${target.unit.name}.`
        : `Chỉ lãnh đạo đơn vị cấp trên trực tiếp mới trả lại được báo cáo của ${target.unit.name}.`,
    );
  }
  return transition(deps, user, target, action, reason);
}

async function transition(
  deps: AppDeps,
  user: SessionUser,
  target: ReportTarget,
  action: WorkflowAction,
  reason?: string,
): Promise<WorkflowResult> {
  const now = deps.clock().toISOString();
  return deps.store.write(async (tx) => {
    const row = await findReport(tx, target.template.file.id, target.period.id, target.unit.id);
    const status = row?.status ?? 'draft';
    const next = nextStatus(status, action);
    if (!row || !next) {
      throw conflict('wrong-state', `Không thể ${ACTION_VI[action]} báo cáo đang ở trạng thái "${STATUS_VI[status]}".`);
    }
    const revision = row.revision + 1;
    const set =
      action === 'submit'
        ? { status: next, revision, submittedAt: now, updatedAt: now, returnReason: null }
        : action === 'approve'
          ? { status: next, revision, decidedAt: now, updatedAt: now }
          : { status: next, revision, decidedAt: now, updatedAt: now, returnReason: reason ?? null };
    await tx.update(reports).set(set).where(eq(reports.id, row.id));
    await applyReportChange(tx, deps, { row }, { row: { ...row, ...set } });
    await audit(tx, row.id, now, user, { action, oldValue: JSON.stringify(status), newValue: JSON.stringify(next), reason: reason ?? null });
    return { status: next, revision, submittedAt: action === 'submit' ? now : row.submittedAt };
  });
}

const ACTION_VI: Record<WorkflowAction, string> = { submit: 'gửi', approve: 'duyệt', return: 'trả lại' };
