// The bulk variant of the report save for imports (ADX, QCVN 125 report data): the values of many
// units' reports for one template and period, checked cell by cell with the same validation as a save,
// then written in one transaction, or, on a dry run, only compared with what is stored.
import { eq } from 'drizzle-orm';
import type { CellInput, CellValue, Issue, PutValuesBody } from '../../schema/api';
import { reports } from '../../schema/db';
import type { SessionUser } from '../auth/sessions';
import { findReport, loadSections, loadValues } from '../db/reports';
import type { Period } from '../../domain/periods';
import type { TreeUnit, UnitTree } from '../../domain/unit-tree';
import { isDerivedKey } from '../../domain/template/lists';
import { type ListedTemplate, listedFor, withOpenRows } from '../templates/expand';
import type { LoadedTemplate } from '../templates/registry';
import { grantsInForce } from '../../domain/access';
import { isReportingUnit } from '../../domain/reporting-levels';
import { vnDate } from '../../domain/vn-time';
import { cellKey, parseCellKey } from '../../domain/template/cell-key';
import { validateInputs } from '../../domain/template/validate-inputs';
import { isEditable } from '../../domain/workflow';
import type { AppDeps } from '../env';
import { conflict, forbidden, unprocessable } from '../errors';
import { requirePeriod, requireTemplate, routingOf } from '../services/report-context';
import { mayImportFor } from './sender-scope';
import { audit, storeFigures, writeSections } from '../services/report-save';

export interface BulkReport {
  templateId: string;
  periodId: string;
  unitCode: string;
  /** The cells to write; undefined leaves the figures alone (an outline submission only). */
  values?: CellInput[];
  /** The import is this report's figures in full: stored inputs it does not list are cleared. */
  replace?: boolean;
  sections?: { key: string; text: string }[];
}

export interface ImportChange {
  row: string;
  col: string;
  oldValue: CellValue;
  newValue: CellValue;
}

export interface ImportReportResult {
  template: string;
  templateVersion: number;
  period: string;
  unitCode: string;
  unitName: string;
  /** No report existed: the import starts one. */
  created: boolean;
  /** The revision after the import (on a dry run, the one it would have). */
  revision: number;
  changes: ImportChange[];
  sections: { key: string; oldText: string; newText: string }[];
}

export interface ImportResult {
  dryRun: boolean;
  reports: ImportReportResult[];
  /** Cells the import does not write: computed cells are the system's (recomputed from the inputs). */
  skippedComputed: number;
}

export interface BulkOptions {
  dryRun: boolean;
  /** Named in the audit trail: 'ADX', 'QCVN 125'. */
  source: string;
}

export async function bulkSave(
  deps: AppDeps,
  user: SessionUser,
  batch: BulkReport[],
  options: BulkOptions,
): Promise<ImportResult> {
  const issues: Issue[] = [];
  let skippedComputed = 0;
  const grants = grantsInForce(user.grants, vnDate(deps.clock()));

  const planned: Planned[] = [];
  const seenUnits = new Set<string>();
  for (const entry of batch) {
    const { templateId } = entry;
    const latest = requireTemplate(deps, templateId);
    const period = requirePeriod(deps, latest, entry.periodId);
    const tree = await deps.unitTrees.at(period.end);
    const unit = tree.byCode(entry.unitCode);
    if (!unit) {
      issues.push(issue(entry.unitCode, 'unknown-unit', `Không có đơn vị mã "${entry.unitCode}" vào ngày ${period.end} (ngày chốt số liệu của kỳ).`));
      continue;
    }
    // Units the sender does not own: an officer its own unit, a head its subtree, an admin any.
    if (!mayImportFor(grants, unit, tree, routingOf(latest))) throw forbidden(`Bạn không được nhập số liệu cho ${unit.name} (${unit.code}); không nhập gì.`);
    const reportKey = `${templateId}|${period.id}|${unit.id}`;
    if (seenUnits.has(reportKey)) {
      issues.push(issue(unit.code, 'duplicate-unit', `Báo cáo của đơn vị ${unit.code} kỳ ${period.id} có hai lần trong dữ liệu nhập.`));
      continue;
    }
    seenUnits.add(reportKey);
    const row = await findReport(deps.store.db, templateId, period.id, unit.id, 'official');
    const version = (row && deps.templates.get(templateId, row.templateVersion)) || deps.templates.forPeriod(templateId, period.id)!;
    // The unit's own report, as a save sees it: its lists written out for it, its open lists holding the
    // rows the import names (so an item is an input, a list's total and a copied row are computed).
    const own = listedFor(version, tree, { ownUnit: unit.code, periodId: period.id });
    const template = withOpenRows(own, (entry.values ?? []).map((c) => cellKey(c.row, c.col)));
    if (!isReportingUnit(template.file, unit, tree)) {
      issues.push(issue(unit.code, 'not-a-reporter', `${unit.name} không thuộc đối tượng thực hiện báo cáo này trong kỳ ${period.id}.`));
      continue;
    }
    const ct = template.compiled;
    const values = (entry.values ?? []).filter((cell) => {
      const computed = ct.cell(cell.row, cell.col)?.kind === 'computed';
      if (computed) skippedComputed++;
      return !computed;
    });
    const seen = new Set<string>();
    for (const cell of values) {
      const key = cellKey(cell.row, cell.col);
      if (seen.has(key)) issues.push({ row: cell.row, col: cell.col, code: 'duplicate-cell', message: `${unit.code}: ô (${cell.row}, ${cell.col}) có hai lần.`, severity: 'error' });
      seen.add(key);
    }
    for (const found of validateInputs(ct, values)) issues.push({ ...found, message: `${unit.code}: ${found.message}` });
    const sectionKeys = new Set((template.file.sections ?? []).map((s) => s.key));
    for (const s of entry.sections ?? []) {
      if (!sectionKeys.has(s.key)) issues.push({ row: '', col: s.key, code: 'unknown-section', message: `${unit.code}: biểu mẫu không có mục "${s.key}".`, severity: 'error' });
    }
    planned.push({ templateId, period, unit, tree, template, values, replace: entry.values !== undefined && (entry.replace ?? false), sections: entry.sections ?? [] });
  }
  if (issues.length > 0) throw unprocessable('invalid-values', `Có ${issues.length} lỗi trong dữ liệu nhập; chưa nhập gì.`, issues);

  const now = deps.clock().toISOString();
  const results = await deps.store.write(async (tx) => {
    const out: ImportReportResult[] = [];
    for (const target of planned) {
      const { templateId, period, unit, template, values, replace, sections } = target;
      const base = ((template as ListedTemplate).listing?.base ?? template).file;
      let row = await findReport(tx, templateId, period.id, unit.id, 'official');
      if (row && !isEditable(row.status)) {
        throw conflict('wrong-state', `Báo cáo của ${unit.name} (${unit.code}) đã gửi hoặc đã duyệt nên không nhập đè được; không nhập gì.`);
      }
      const stored = row ? ((await loadValues(tx, [row.id])).get(row.id) ?? new Map()) : new Map<string, number | string>();
      const listed = new Set(values.map((c) => cellKey(c.row, c.col)));
      // Derived list cells are not the import's to clear: they follow from the inputs (storeFigures).
      const cleared: CellInput[] = replace
        ? [...stored.keys()]
            .filter((k) => !listed.has(k))
            .map((k) => ({ ...parseCellKey(k), value: null }))
            .filter((c) => !isDerivedKey(base, c.row))
        : [];
      const all = [...values, ...cleared];
      const changes: ImportChange[] = all.flatMap(({ row: r, col, value }) => {
        const before = stored.get(cellKey(r, col)) ?? null;
        const after = value === '' ? null : value;
        return before === after ? [] : [{ row: r, col, oldValue: before, newValue: after }];
      });
      const existingTexts = row ? new Map((await loadSections(tx, row.id)).map((s) => [s.key, s.text])) : new Map<string, string>();
      const sectionChanges = sections
        .map((s) => ({ key: s.key, oldText: existingTexts.get(s.key) ?? '', newText: s.text }))
        .filter((s) => s.oldText !== s.newText);
      const current = row?.revision ?? 0;
      const revision = changes.length + sectionChanges.length > 0 ? current + 1 : current;
      out.push({ template: templateId, templateVersion: template.file.version, period: period.id, unitCode: unit.code, unitName: unit.name, created: !row, revision, changes, sections: sectionChanges });
      if (options.dryRun || (changes.length === 0 && sectionChanges.length === 0)) continue;
      if (!row) {
        [row] = await tx
          .insert(reports)
          .values({ templateId, templateVersion: template.file.version, periodId: period.id, unitId: unit.id, status: 'draft', revision: 0, createdAt: now, updatedAt: now })
          .returning();
        await audit(tx, row!.id, now, user, { action: 'create' });
      }
      const reportId = row!.id;
      await audit(tx, reportId, now, user, { action: 'import', reason: options.source });
      const body: PutValuesBody = { revision: current, values: all, sections };
      await storeFigures(tx, deps, target, row!, stored, body, now, user);
      await writeSections(tx, reportId, body, now, user);
      await tx.update(reports).set({ revision, updatedAt: now }).where(eq(reports.id, reportId));
    }
    return out;
  });
  return { dryRun: options.dryRun, reports: results, skippedComputed };
}

interface Planned {
  templateId: string;
  period: Period;
  unit: TreeUnit;
  tree: UnitTree;
  template: LoadedTemplate;
  values: CellInput[];
  replace: boolean;
  sections: { key: string; text: string }[];
}

function issue(unitCode: string, code: string, message: string): Issue {
  return { row: '', col: unitCode, code, message, severity: 'error' };
}
