// Queries over reports and their stored input values, sections, explanations and audit trail.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { auditEntries, cellValues, reportExplanations, reports, reportSections } from '../../schema/db';
import { cellKey, type CellValues } from '../domain/template/cell-key';
import type { Db, Tx } from './client';

export type ReportRow = typeof reports.$inferSelect;

type Reader = Db | Tx;

export async function findReport(db: Reader, templateId: string, periodId: string, unitId: number) {
  const [row] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.templateId, templateId), eq(reports.periodId, periodId), eq(reports.unitId, unitId)))
    .limit(1);
  return row;
}

export async function listReports(db: Reader, templateId: string, periodId: string, unitIds?: number[]) {
  const where = and(eq(reports.templateId, templateId), eq(reports.periodId, periodId));
  if (unitIds === undefined) return db.select().from(reports).where(where);
  const out: ReportRow[] = [];
  for (const chunk of chunks(unitIds, 500)) {
    out.push(...(await db.select().from(reports).where(and(where, inArray(reports.unitId, chunk)))));
  }
  return out;
}

/** The reports of a template in any of some periods and units (the caller pairs them up). */
export async function findReportsOfPeriods(db: Reader, templateId: string, periodIds: string[], unitIds: number[]) {
  if (periodIds.length === 0 || unitIds.length === 0) return [];
  return db
    .select()
    .from(reports)
    .where(and(eq(reports.templateId, templateId), inArray(reports.periodId, periodIds), inArray(reports.unitId, unitIds)));
}

/** The stored inputs of each report, by report id; computed cells are never stored. */
export async function loadValues(db: Reader, reportIds: number[]): Promise<Map<number, CellValues>> {
  const out = new Map<number, CellValues>(reportIds.map((id) => [id, new Map()]));
  for (const chunk of chunks(reportIds, 500)) {
    const rows = await db.select().from(cellValues).where(inArray(cellValues.reportId, chunk));
    for (const r of rows) {
      const value = r.numValue ?? r.textValue;
      if (value !== null) out.get(r.reportId)?.set(cellKey(r.rowCode, r.colKey), value);
    }
  }
  return out;
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
