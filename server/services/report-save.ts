// Saving cells, narrative sections and explanations of a report: validated cell by cell first, then
// written in one transaction that checks the revision, so a stale or bad save changes nothing. With
// `partial: true` the valid part of a batch is saved and the rest listed in `rejected`.
import { and, eq, sql } from 'drizzle-orm';
import type { Issue, PutValuesBody, SaveResult } from '../../schema/api';
import { auditEntries, reportExplanations, reports, reportSections } from '../../schema/db';
import type { SessionUser } from '../auth/sessions';
import type { Tx } from '../db/client';
import { findReport, loadValues, writeCellChanges } from '../db/reports';
import { cellKey, parseCellKey, type CellValues } from '../../domain/template/cell-key';
import { computeReport } from '../../domain/template/evaluator';
import { derivedCells, isDerivedKey, listMembersIn } from '../../domain/template/lists';
import { periodSteps } from '../../domain/periods';
import { type ListedTemplate, withOpenRows } from '../templates/expand';
import { validateInputs } from '../../domain/template/validate-inputs';
import { isEditable } from '../../domain/workflow';
import type { AppDeps } from '../env';
import { conflict, forbidden, unprocessable } from '../errors';
import { currentIssues } from './report-check';
import type { ReportContext } from './report-context';
import { assertNotLocked } from './report-lock';
import { applyReportChange, type ReportState } from './rollup';

type CellValue = number | string;

export async function saveReport(
  deps: AppDeps,
  user: SessionUser,
  given: ReportContext,
  body: PutValuesBody,
): Promise<SaveResult> {
  let target = given;
  if (!target.access.write) throw forbidden(`Bạn không có quyền nhập số liệu cho ${target.unit.name}.`);
  if (!target.isReporter) throw forbidden(`${target.unit.name} không thuộc đối tượng thực hiện báo cáo này trong kỳ.`);
  if (target.row && !isEditable(target.row.status)) {
    throw conflict('wrong-state', 'Báo cáo đã gửi hoặc đã được duyệt nên không thể sửa; cần được trả lại trước.');
  }
  // Open lists hold the rows this save names (up to their maxRows; a row beyond is an unknown cell).
  target = { ...target, template: withOpenRows(target.template, body.values.map((x) => cellKey(x.row, x.col))) };
  const refused = [...validateInputs(target.template.compiled, body.values), ...checkDuplicates(body), ...checkTexts(target, body)];
  // All or nothing unless the client asked for a partial save; then 422 only when nothing valid is left.
  const valid = refused.length > 0 && body.partial ? withoutRefused(target, body, refused) : body;
  if (refused.length > 0 && (!body.partial || isEmptySave(valid))) {
    throw unprocessable('invalid-values', refusedMessage(refused), refused);
  }
  const saved = await store(deps, user, target, valid);
  return refused.length > 0 ? { ...saved, rejected: refused } : saved;
}

async function store(deps: AppDeps, user: SessionUser, target: ReportContext, body: PutValuesBody): Promise<SaveResult> {
  const now = deps.clock().toISOString();
  const { templateId, version } = { templateId: target.template.file.id, version: target.template.file.version };
  const saved = await deps.store.write(async (tx) => {
    // Re-read inside the transaction: the revision is only compared against what is stored now.
    let row = await findReport(tx, templateId, target.period.id, target.unit.id, target.round);
    const current = row?.revision ?? 0;
    if (body.revision !== current) {
      throw conflict('stale-revision', `Báo cáo đã được thay đổi (phiên bản ${current}, bạn gửi ${body.revision}); hãy tải lại rồi lưu lại.`);
    }
    if (row && !isEditable(row.status)) throw conflict('wrong-state', 'Báo cáo vừa được gửi; không thể sửa.');
    await assertNotLocked(tx, templateId, target.period.id, target.unit, target.tree, target.round);
    if (!row) {
      [row] = await tx
        .insert(reports)
        .values({ templateId, templateVersion: version, periodId: target.period.id, unitId: target.unit.id, round: target.round, status: 'draft', revision: 0, createdAt: now, updatedAt: now })
        .returning();
      await audit(tx, row!.id, now, user, { action: 'create' });
    }
    const reportId = row!.id;
    const stored = (await loadValues(tx, [reportId])).get(reportId) ?? new Map<string, CellValue>();
    const cells = await storeFigures(tx, deps, target, row!, stored, body, now, user);
    let changes = cells.changes;
    changes += await writeSections(tx, reportId, body, now, user);
    changes += await writeExplanations(tx, reportId, body, now, user);
    const revision = changes > 0 ? current + 1 : current;
    if (changes > 0) await tx.run(sql`UPDATE reports SET revision = ${revision}, updated_at = ${now} WHERE id = ${reportId}`);
    return { revision, values: cells.after };
  });
  return { revision: saved.revision, issues: await currentIssues(deps, target, saved.values) };
}

/** What storing a report's figures needs to know of it: its template (written out for the unit), period, unit and hierarchy. */
export type FiguresTarget = Pick<ReportContext, 'template' | 'period' | 'unit' | 'tree'>;

/**
 * Stores a report's figures and everything that follows from them, in the caller's transaction: the
 * changed cells with their audit entries, the derived list cells (an open list's total, a unit's own
 * row of a list copying a row) and the report's move in the maintained roll-ups. Every path that writes
 * figures goes through here: PUT …/values and the Excel upload (saveReport), ADX and QCVN 125 imports
 * (bulkSave), so a roll-up never waits for a later save to see them. `stored`: the inputs as stored now.
 */
export async function storeFigures(tx: Tx, deps: AppDeps, target: FiguresTarget, row: ReportState['row'], stored: CellValues, body: PutValuesBody, now: string, user: SessionUser) {
  const cells = await writeCells(tx, row.id, stored, body, now, user);
  if (cells.changes > 0) await writeDerivedCells(tx, target, row.id, cells.after);
  await applyReportChange(tx, deps, { row, values: stored }, { row, values: cells.after });
  return cells;
}

/**
 * Writes the changed cells and their audit entries in at most three statements whatever their number
 * (writeCellChanges: each list is one JSON parameter), and returns the stored inputs as they are now,
 * worked out from `stored` rather than read back.
 */
async function writeCells(tx: Tx, reportId: number, stored: CellValues, body: PutValuesBody, now: string, user: SessionUser) {
  const upserts: { row: string; col: string; num: number | null; text: string | null }[] = [];
  const cleared: { row: string; col: string }[] = [];
  const entries: (typeof auditEntries.$inferInsert)[] = [];
  const after: CellValues = new Map(stored);
  for (const { row, col, value } of body.values) {
    const key = cellKey(row, col);
    const before = stored.get(key) ?? null;
    const next = value === '' ? null : value;
    if (before === next) continue;
    if (next === null) {
      cleared.push({ row, col });
      after.delete(key);
    } else {
      upserts.push({ row, col, num: typeof next === 'number' ? next : null, text: typeof next === 'string' ? next : null });
      after.set(key, next);
    }
    entries.push({ reportId, at: now, username: user.username, action: 'set-value', rowCode: row, colKey: col, oldValue: json(before), newValue: json(next) });
  }
  await writeCellChanges(tx, reportId, upserts, cleared, entries);
  return { changes: entries.length, after };
}

/**
 * Stores the cells the roll-up needs but nobody types (a unit's own row of a list copying its total, an
 * open list's total; domain/template/lists.ts), recomputed from the report's cells as saved, and
 * updates `values` (the stored inputs) to match. Not audited: they follow from audited cells. Figures
 * that read other periods are not derived here.
 */
async function writeDerivedCells(tx: Tx, target: FiguresTarget, reportId: number, values: CellValues) {
  const base = (target.template as ListedTemplate).listing;
  if (!base) return;
  const file = base.base.file;
  const template = withOpenRows(target.template, values.keys());
  const steps = periodSteps(template.spec, target.period.id);
  const full = computeReport(template.compiled, { ...steps, inputs: (id) => (id === target.period.id ? values : undefined) });
  const derived = derivedCells(file, target.unit.code, full, listMembersIn(file, target.tree));
  const cleared: { row: string; col: string }[] = [];
  for (const [key, value] of values) {
    const { row, col } = parseCellKey(key);
    if (isDerivedKey(file, row) && !derived.has(key)) cleared.push({ row, col });
    else if (derived.get(key) === value) derived.delete(key);
  }
  const upserts = [...derived].map(([key, num]) => ({ ...parseCellKey(key), num, text: null }));
  await writeCellChanges(tx, reportId, upserts, cleared, []);
  for (const { row, col } of cleared) values.delete(cellKey(row, col));
  for (const [key, num] of derived) values.set(key, num);
}

export async function writeSections(tx: Tx, reportId: number, body: PutValuesBody, now: string, user: SessionUser) {
  let changes = 0;
  if (!body.sections?.length) return changes;
  const existing = new Map(
    (await tx.select().from(reportSections).where(eq(reportSections.reportId, reportId))).map((s) => [s.key, s.text]),
  );
  for (const { key, text } of body.sections ?? []) {
    const before = existing.get(key) ?? '';
    if (before === text) continue;
    changes++;
    await tx
      .insert(reportSections)
      .values({ reportId, key, text })
      .onConflictDoUpdate({ target: [reportSections.reportId, reportSections.key], set: { text } });
    await audit(tx, reportId, now, user, { action: 'set-section', colKey: key, oldValue: json(before), newValue: json(text) });
  }
  return changes;
}

/** Upserts or clears explanations; an unchanged one is not a change (and bumps no revision). */
async function writeExplanations(tx: Tx, reportId: number, body: PutValuesBody, now: string, user: SessionUser) {
  if (!body.explanations?.length) return 0;
  const id = (rule: string, row: string, col: string) => `${rule}\u0000${row}\u0000${col}`;
  const existing = new Map(
    (await tx.select().from(reportExplanations).where(eq(reportExplanations.reportId, reportId))).map((e) => [
      id(e.ruleId, e.rowCode, e.colKey),
      e.text,
    ]),
  );
  let changes = 0;
  for (const e of body.explanations ?? []) {
    const text = e.text.trim();
    const before = existing.get(id(e.rule, e.row, e.col)) ?? '';
    if (before === text) continue;
    changes++;
    await audit(tx, reportId, now, user, {
      action: 'set-explanation',
      rowCode: e.row,
      colKey: e.col,
      oldValue: json(before || null),
      newValue: json(text || null),
      reason: e.rule,
    });
    const key = and(
      eq(reportExplanations.reportId, reportId),
      eq(reportExplanations.ruleId, e.rule),
      eq(reportExplanations.rowCode, e.row),
      eq(reportExplanations.colKey, e.col),
    );
    if (text === '') {
      await tx.delete(reportExplanations).where(key);
      continue;
    }
    await tx
      .insert(reportExplanations)
      .values({ reportId, ruleId: e.rule, rowCode: e.row, colKey: e.col, text })
      .onConflictDoUpdate({
        target: [reportExplanations.reportId, reportExplanations.ruleId, reportExplanations.rowCode, reportExplanations.colKey],
        set: { text },
      });
  }
  return changes;
}

export async function audit(
  tx: Tx,
  reportId: number,
  at: string,
  user: SessionUser,
  entry: Omit<typeof auditEntries.$inferInsert, 'reportId' | 'at' | 'username'>,
) {
  await tx.insert(auditEntries).values({ reportId, at, username: user.username, ...entry });
}

const json = (value: CellValue | null) => (value === null ? null : JSON.stringify(value));

/** "Hộ tịch × Tổng số: không được nhỏ hơn 0 (đã nhập -3); chưa lưu gì.": the first refused cell by its label. */
function refusedMessage(refused: Issue[]): string {
  const first = refused[0]!.message.replace(/\.$/, '');
  return refused.length === 1 ? `${first}; chưa lưu gì.` : `Có ${refused.length} ô hoặc mục không hợp lệ, đầu tiên là ${first}; chưa lưu gì.`;
}

const SECTION_CODES = new Set(['unknown-section', 'text-too-long']);

/** The body less every cell and section an issue names, and every explanation of a rule the template lacks. */
function withoutRefused(target: ReportContext, body: PutValuesBody, refused: Issue[]): PutValuesBody {
  const cells = new Set(refused.filter((i) => !SECTION_CODES.has(i.code) && i.code !== 'unknown-rule').map((i) => cellKey(i.row, i.col)));
  const sections = new Set(refused.filter((i) => SECTION_CODES.has(i.code)).map((i) => i.col));
  const rules = ruleIdsOf(target);
  return {
    ...body,
    values: body.values.filter((v) => !cells.has(cellKey(v.row, v.col))),
    sections: body.sections?.filter((x) => !sections.has(x.key)),
    explanations: body.explanations?.filter((e) => rules.has(e.rule)),
  };
}

const isEmptySave = (body: PutValuesBody) => body.values.length === 0 && !body.sections?.length && !body.explanations?.length;

/** The rules an explanation may answer: the template's own and its cross-template rules. */
const ruleIdsOf = (target: ReportContext) => new Set([...(target.template.file.rules ?? []), ...(target.template.file.crossRules ?? [])].map((r) => r.id));

function checkDuplicates(body: PutValuesBody): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const { row, col } of body.values) {
    const key = cellKey(row, col);
    if (seen.has(key)) issues.push({ row, col, code: 'duplicate-cell', message: `Ô (${row}, ${col}) được gửi hai lần trong một lần lưu.` });
    seen.add(key);
  }
  return issues;
}

function checkTexts(target: ReportContext, body: PutValuesBody): Issue[] {
  const sections = new Map((target.template.file.sections ?? []).map((s) => [s.key, s]));
  const issues: Issue[] = [];
  for (const { key, text } of body.sections ?? []) {
    const section = sections.get(key);
    if (!section) issues.push({ row: '', col: key, code: 'unknown-section', message: `Biểu mẫu không có mục "${key}".` });
    else if (section.maxLength && text.length > section.maxLength) {
      issues.push({ row: '', col: key, code: 'text-too-long', message: `Mục "${section.title}" dài quá ${section.maxLength} ký tự.` });
    }
  }
  const ruleIds = ruleIdsOf(target);
  for (const e of body.explanations ?? []) {
    if (!ruleIds.has(e.rule)) issues.push({ row: e.row, col: e.col, code: 'unknown-rule', message: `Biểu mẫu không có quy tắc "${e.rule}".` });
  }
  return issues;
}
