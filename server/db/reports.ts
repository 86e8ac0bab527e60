// Queries over reports and their stored input values, sections, explanations and audit trail.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { auditEntries, reportExplanations, reports, reportSections } from '../../schema/db';
import type { Round } from '../../schema/template';
import type { CellValues } from '../../domain/template/cell-key';
import type { Db, Tx } from './client';
import { valuesOfReports } from './rollups';

export type ReportRow = typeof reports.$inferSelect;

type Reader = Db | Tx;

/** One report of a unit in a period, in one round (official or preliminary). */
export async function findReport(db: Reader, templateId: string, periodId: string, unitId: number, round: Round) {
  const [row] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.templateId, templateId), eq(reports.periodId, periodId), eq(reports.unitId, unitId), eq(reports.round, round)))
    .limit(1);
  return row;
}

export async function listReports(db: Reader, templateId: string, periodId: string, round: Round, unitIds?: number[]) {
  const where = and(eq(reports.templateId, templateId), eq(reports.periodId, periodId), eq(reports.round, round));
  if (unitIds === undefined) return db.select().from(reports).where(where);
  const out: ReportRow[] = [];
  for (const chunk of chunks(unitIds, 500)) {
    out.push(...(await db.select().from(reports).where(and(where, inArray(reports.unitId, chunk)))));
  }
  return out;
}

/** The reports of a template in any of some periods and units (the caller pairs them up). */
export async function findReportsOfPeriods(db: Reader, templateId: string, periodIds: string[], unitIds: number[], round: Round) {
  if (periodIds.length === 0 || unitIds.length === 0) return [];
  return db
    .select()
    .from(reports)
    .where(and(eq(reports.templateId, templateId), inArray(reports.periodId, periodIds), inArray(reports.unitId, unitIds), eq(reports.round, round)));
}

/** The stored inputs of each report, by report id; computed cells are never stored. */
export async function loadValues(db: Reader, reportIds: number[]): Promise<Map<number, CellValues>> {
  return valuesOfReports(db, reportIds);
}

/**
 * Writes a save's changed cells and their audit entries in three statements whatever their number:
 * each list travels as one JSON parameter (issue 8: fewer statements and parameters per save).
 */
export async function writeCellChanges(
  tx: Tx,
  reportId: number,
  upserts: { row: string; col: string; num: number | null; text: string | null }[],
  cleared: { row: string; col: string }[],
  audits: (typeof auditEntries.$inferInsert)[],
) {
  if (upserts.length > 0) {
    await tx.run(sql`
      INSERT INTO cell_values (report_id, row_code, col_key, num_value, text_value)
      SELECT ${reportId}, value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(${JSON.stringify(upserts.map((u) => [u.row, u.col, u.num, u.text]))}) WHERE true
      ON CONFLICT (report_id, row_code, col_key) DO UPDATE SET num_value = excluded.num_value, text_value = excluded.text_value`);
  }
  if (cleared.length > 0) {
    await tx.run(sql`
      DELETE FROM cell_values WHERE report_id = ${reportId}
        AND (row_code, col_key) IN (SELECT value ->> 0, value ->> 1 FROM json_each(${JSON.stringify(cleared.map((c) => [c.row, c.col]))}))`);
  }
  if (audits.length > 0) {
    const list = audits.map((a) => [a.reportId, a.at, a.username, a.action, a.rowCode ?? null, a.colKey ?? null, a.oldValue ?? null, a.newValue ?? null, a.reason ?? null]);
    await tx.run(sql`
      INSERT INTO audit_entries (report_id, at, username, action, row_code, col_key, old_value, new_value, reason)
      SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8
      FROM json_each(${JSON.stringify(list)}) ORDER BY key`);
  }
}

export async function loadSections(db: Reader, reportId: number) {
  return db
    .select({ key: reportSections.key, text: reportSections.text })
    .from(reportSections)
    .where(eq(reportSections.reportId, reportId));
}

export async function loadExplanations(db: Reader, reportId: number) {
  return db
    .select({
      rule: reportExplanations.ruleId,
      row: reportExplanations.rowCode,
      col: reportExplanations.colKey,
      text: reportExplanations.text,
    })
    .from(reportExplanations)
    .where(eq(reportExplanations.reportId, reportId));
}

export async function loadHistory(db: Reader, reportId: number) {
  return db.select().from(auditEntries).where(eq(auditEntries.reportId, reportId)).orderBy(asc(auditEntries.id));
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
