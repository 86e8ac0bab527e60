// The delivery outbox: when a report is approved, its QCVN 125 packets (report data, report status,
// and the outline submission when it has narrative text) are queued inside the approval's own
// transaction, so an approval and its packets are stored together or not at all.
import { asc, desc, eq } from 'drizzle-orm';
import type { OutboxItem, OutboxStatus } from '../../schema/api';
import { outbox } from '../../schema/db';
import { computeReport } from '../../domain/template/evaluator';
import { isLate } from '../../domain/vn-time';
import type { Db, Tx } from '../db/client';
import { findReport, loadSections, loadValues } from '../db/reports';
import type { AppDeps } from '../env';
import type { ExportUnit } from '../export/export-data';
import type { ReportContext } from '../services/report-context';
import { buildEvalContext, unitInputLoader } from '../services/report-values';
import { withOpenRows } from '../templates/expand';
import { type PacketKind, toWire } from './qcvn125-mapping';
import { envelope, outlineSubmissionBody, ownReportDataBody, reportStatusBody } from './qcvn125-packets';

export async function enqueueApproved(tx: Tx, deps: AppDeps, target: ReportContext, reportId: number, now: string): Promise<void> {
  const row = await findReport(tx, target.template.file.id, target.period.id, target.unit.id, target.round);
  if (!row || row.id !== reportId) return;
  const { period } = target;
  const unit: ExportUnit = { code: target.unit.code, name: target.unit.name, level: target.unit.level, parentCode: null };
  const stored = (await loadValues(tx, [reportId])).get(reportId) ?? new Map();
  // The report's open lists hold its items: they go out with its figures.
  const template = withOpenRows(target.template, stored.keys());
  const ctx = await buildEvalContext(template, period, stored, unitInputLoader(deps, template, target.unit));
  const grid = computeReport(template.compiled, ctx);
  const packets: [PacketKind, unknown][] = [
    ['reportData', ownReportDataBody(template.compiled, period, unit, row.status, row.submittedAt, grid, row.round)],
    [
      'reportStatus',
      reportStatusBody(template.file, period, unit, {
        status: row.status,
        revision: row.revision,
        submittedAt: row.submittedAt,
        decidedAt: row.decidedAt,
        deadline: target.deadline,
        isLate: isLate(target.deadline, row.submittedAt, new Date(now)),
        returnReason: null,
      }),
    ],
  ];
  const texts = (await loadSections(tx, reportId)).filter((s) => s.text.trim() !== '');
  if (texts.length > 0 && template.file.sections?.length) packets.push(['outlineSubmission', outlineSubmissionBody(template.file, period, unit, texts)]);
  const at = new Date(now);
  for (const [kind, body] of packets) {
    const packet = envelope(kind, unit, body, at);
    const text = JSON.stringify(toWire(packet));
    await tx
      .insert(outbox)
      .values({
        idempotencyKey: packet.packetId,
        packetType: packet.packetType,
        reportId,
        templateId: template.file.id,
        periodId: period.id,
        unitCode: unit.code,
        body: text,
        signature: deps.signer ? deps.signer.sign(new TextEncoder().encode(text)) : null,
        status: 'waiting',
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
      })
      // The same content approved again (approve, return, approve unchanged) is the same packet.
      .onConflictDoNothing({ target: outbox.idempotencyKey });
  }
}

export async function listOutbox(db: Db, options: { status?: OutboxStatus; limit: number }): Promise<OutboxItem[]> {
  const where = options.status ? eq(outbox.status, options.status) : undefined;
  const rows = await db.select().from(outbox).where(where).orderBy(desc(outbox.id)).limit(options.limit);
  return rows.reverse().map(toItem);
}

/** Every packet in approval order (tests and the sender's start-up report). */
export async function allOutbox(db: Db): Promise<OutboxItem[]> {
  return (await db.select().from(outbox).orderBy(asc(outbox.id))).map(toItem);
}

function toItem(r: typeof outbox.$inferSelect): OutboxItem {
  return {
    id: r.id,
    packetType: r.packetType,
    idempotencyKey: r.idempotencyKey,
    template: r.templateId,
    period: r.periodId,
    unitCode: r.unitCode,
    status: r.status,
    attempts: r.attempts,
    createdAt: r.createdAt,
    sentAt: r.sentAt,
    decidedAt: r.decidedAt,
    nextAttemptAt: r.status === 'waiting' ? r.nextAttemptAt : null,
    lastError: r.lastError,
    refusalReason: r.refusalReason,
  };
}
