// The Excel round trip of a form (api.md /api/forms/…xlsx): the workbook of a unit, or of every unit
// below a head's unit, and its upload: checked against the form it claims to be, compared cell by cell
// with what is stored, and either previewed (nothing saved) or saved as PUT …/values saves.
import type { FormChange, FormIssue, FormUploadPreview, FormUploadSaved, Issue, SaveResult } from '../../schema/api';
import { cellKey, type CellValues } from '../../domain/template/cell-key';
import { computeReport } from '../../domain/template/evaluator';
import { validateInputs } from '../../domain/template/validate-inputs';
import { hasOpenLists, openRowsToOffer } from '../../domain/template/lists';
import { unitsThatMustReport } from '../../domain/reporting-levels';
import type { SessionUser } from '../auth/sessions';
import { findReport, loadValues } from '../db/reports';
import type { AppDeps } from '../env';
import { conflict, forbidden, unprocessable } from '../errors';
import { isEditable } from '../../domain/workflow';
import { ROUND_LABELS } from '../export/xlsx-rounds';
import { currentIssues } from '../services/report-check';
import { reportContextOf, requireRound, resolveReport, resolveScope, type ReportContext, type ReportKey } from '../services/report-context';
import { saveReport } from '../services/report-save';
import { buildEvalContext, inVersion, unitInputLoader } from '../services/report-values';
import { withOpenRowCounts } from '../templates/expand';
import type { LoadedTemplate } from '../templates/registry';
import { writeFormWorkbook, type FormSheetData } from './form-workbook';
import { identify, openWorkbook, readSheets, type UploadedSheet, type WorkbookIdentity } from './read-workbook';

export type FormScope = 'unit' | 'below';

/** The reports a workbook covers: the unit's own, or each unit below the head's unit that must report. */
async function targetsOf(deps: AppDeps, user: SessionUser, key: ReportKey, scope: FormScope, need: 'view' | 'write'): Promise<ReportContext[]> {
  if (scope === 'unit') return [await resolveReport(deps, user, key, need)];
  const root = await resolveScope(deps, user, key, 'view');
  const round = requireRound(root.template, root.period, key.round);
  const units = unitsThatMustReport(root.template.file, root.tree, root.unit).filter((u) => u.id !== root.unit.id);
  const targets: ReportContext[] = [];
  for (const unit of units) {
    const row = await findReport(deps.store.db, root.template.file.id, root.period.id, unit.id, round);
    const t = await reportContextOf(deps, root, unit, row, round);
    // The head's workbook carries every unit in the period's version; a report kept in an older one is translated.
    targets.push({ ...t, template: root.template });
  }
  if (need === 'write') {
    const refused = targets.filter((t) => !t.access.write);
    if (refused.length > 0) {
      throw forbidden(`Bạn không có quyền nhập số liệu cho ${refused.map((t) => t.unit.name).join(', ')}; chỉ xem trước được. (You may not enter figures for these units.)`);
    }
  }
  return targets;
}

async function storedInputs(deps: AppDeps, t: ReportContext): Promise<CellValues> {
  if (!t.row) return new Map();
  const stored = (await loadValues(deps.store.db, [t.row.id])).get(t.row.id) ?? new Map<string, number | string>();
  return t.row.templateVersion === t.template.file.version ? stored : inVersion(deps, t.template, t.row.templateVersion, stored);
}

/**
 * The unit's own workbook lays its open lists out as the grid does: the items the report holds plus
 * blank rows (openRowsToOffer). A head's workbook of the units below keeps the roll-up's shape, where
 * a unit's list is its total.
 */
export async function formWorkbook(deps: AppDeps, user: SessionUser, key: ReportKey, scope: FormScope): Promise<Buffer> {
  const targets = await targetsOf(deps, user, key, scope, 'view');
  let template = targets[0]?.template ?? (await resolveScope(deps, user, key)).template;
  const period = targets[0]?.period ?? (await resolveScope(deps, user, key)).period;
  let openRows: Map<string, number> | undefined;
  const sheets: FormSheetData[] = [];
  for (const given of targets) {
    const inputs = await storedInputs(deps, given);
    let t = given;
    if (scope === 'unit' && hasOpenLists(t.template.file)) {
      openRows = openRowsToOffer(t.template.file, inputs.keys());
      t = { ...t, template: withOpenRowCounts(t.template, openRows) };
      template = t.template;
    }
    const ctx = await buildEvalContext(t.template, t.period, inputs, unitInputLoader(deps, t.template, t.unit));
    sheets.push({ unit: { code: t.unit.code, name: t.unit.name }, revision: t.row?.revision ?? 0, values: computeReport(t.template.compiled, ctx) });
  }
  // targetsOf has checked the round against the template (requireRound).
  return writeFormWorkbook({ compiled: template.compiled, period, unitCode: key.unit, scope, round: key.round ?? 'official', sheets, ...(openRows ? { openRows } : {}), now: deps.clock() });
}

/**
 * The template as the workbook wrote it out: its open lists with the rows its hidden sheet names. A list
 * the template lacks, or more rows than it allows, is not a workbook of ours.
 */
function asWrittenOut(template: LoadedTemplate, id: WorkbookIdentity): LoadedTemplate {
  if (id.openRows.size === 0) return template;
  for (const [code, rows] of id.openRows) {
    const list = template.file.rows.find((r) => r.code === code)?.openList;
    if (id.scope !== 'unit' || !list || rows > list.maxRows) {
      throw unprocessable('foreign-workbook', `Trang ẩn của tệp ghi danh sách "${code}" với ${rows} dòng, biểu mẫu không có danh sách như vậy; không nhận. (The workbook's hidden sheet names a list the form does not have.)`, []);
    }
  }
  return withOpenRowCounts(template, id.openRows);
}

interface Compared {
  target: ReportContext;
  sheet: UploadedSheet;
  changes: FormChange[];
  /** The changed cells the form refuses (not a number, too many decimals…). */
  refused: FormIssue[];
  issues: FormIssue[];
}

/** Opens the upload, refuses a workbook of another form, and compares each sheet with the stored report. */
async function compare(deps: AppDeps, user: SessionUser, key: ReportKey, bytes: ArrayBuffer, need: 'view' | 'write'): Promise<Compared[]> {
  // The address first: a round the form has not in the period is 404 whatever the file is.
  if (key.round && key.round !== 'official') {
    const scope = await resolveScope(deps, user, key);
    requireRound(scope.template, scope.period, key.round);
  }
  const workbook = await openWorkbook(bytes);
  const id = identify(workbook);
  const wrong = (what: string) =>
    unprocessable('wrong-workbook', `Tệp này là biểu mẫu của ${what}, không phải của báo cáo đang mở; không nhận. Hãy tải đúng biểu mẫu của báo cáo này. (The workbook is for another form.)`, []);
  if (id.template !== key.template) throw wrong(`mẫu "${id.template}"`);
  if (id.period !== key.period) throw wrong(`kỳ ${id.period}`);
  if (id.unit !== key.unit) throw wrong(`đơn vị mã ${id.unit}`);
  const targets = await targetsOf(deps, user, key, id.scope, need);
  const round = key.round ?? 'official';
  if (id.round !== round) {
    throw unprocessable(
      'wrong-workbook',
      `Tệp này là biểu mẫu ${ROUND_LABELS[id.round].toLowerCase()}, còn đang mở ${ROUND_LABELS[round].toLowerCase()} của báo cáo; không nhận. Hãy tải lên ở đúng lần gửi (${ROUND_LABELS[id.round]}), hoặc tải biểu mẫu ${ROUND_LABELS[round].toLowerCase()}. (The workbook is for the ${id.round} round, not the ${round} one.)`,
      [],
    );
  }
  const template = targets[0]?.template ?? (await resolveScope(deps, user, key)).template;
  if (id.version !== template.file.version) {
    throw unprocessable(
      'wrong-workbook',
      `Tệp được tải cho phiên bản ${id.version} của biểu mẫu, còn kỳ này dùng phiên bản ${template.file.version}; hãy tải biểu mẫu mới rồi nhập lại. (The workbook is for version ${id.version}; this period uses version ${template.file.version}.)`,
      [],
    );
  }
  const written = asWrittenOut(template, id);
  const sheets = readSheets(workbook, id, written.compiled);
  const byUnit = new Map(targets.map((t) => [t.unit.code, t]));
  const out: Compared[] = [];
  for (const sheet of sheets) {
    const found = byUnit.get(sheet.unit);
    if (!found) throw wrong(`đơn vị mã ${sheet.unit}`);
    // The sheet's list rows, blank ones included, are cells of the form for this upload.
    const target = written === template ? found : { ...found, template: withOpenRowCounts(found.template, id.openRows) };
    const stored = await storedInputs(deps, target);
    const unit = id.scope === 'below' ? { unit: sheet.unit } : {};
    const changes: FormChange[] = sheet.inputs
      .filter((c) => (stored.get(cellKey(c.row, c.col)) ?? null) !== c.value)
      .map((c) => ({ ...unit, row: c.row, col: c.col, oldValue: stored.get(cellKey(c.row, c.col)) ?? null, newValue: c.value }));
    const refused = validateInputs(target.template.compiled, changes.map((c) => ({ row: c.row, col: c.col, value: c.newValue })));
    const after = new Map(stored);
    for (const c of changes) {
      if (c.newValue === null) after.delete(cellKey(c.row, c.col));
      else after.set(cellKey(c.row, c.col), c.newValue);
    }
    const rules = await currentIssues(deps, target, after);
    const mark = (i: Issue): FormIssue => ({ ...unit, ...i });
    out.push({ target, sheet, changes, refused: refused.map(mark), issues: [...refused, ...rules].map(mark) });
  }
  return out;
}

export async function previewUpload(deps: AppDeps, user: SessionUser, key: ReportKey, bytes: ArrayBuffer): Promise<FormUploadPreview> {
  const compared = await compare(deps, user, key, bytes, 'view');
  return { changes: compared.flatMap((c) => c.changes), issues: compared.flatMap((c) => c.issues) };
}

/**
 * Saves the changed cells of each sheet with the revision it is based on: `If-Match` for a unit's own
 * workbook, else the revision the workbook was made from. A refused cell refuses the upload (422, all
 * or nothing, as PUT …/values without `partial`); every sheet is checked before any is saved.
 */
export async function saveUpload(deps: AppDeps, user: SessionUser, key: ReportKey, bytes: ArrayBuffer, ifMatch: number | undefined): Promise<FormUploadSaved> {
  const compared = await compare(deps, user, key, bytes, 'write');
  const refused = compared.flatMap((c) => c.refused);
  if (refused.length > 0) {
    throw unprocessable('invalid-values', `Có ${refused.length} ô không hợp lệ trong tệp, đầu tiên là ${refused[0]!.message.replace(/\.$/, '')}; chưa lưu gì.`, refused);
  }
  const closed = compared.filter((c) => c.changes.length > 0 && c.target.row && !isEditable(c.target.row.status));
  if (closed.length > 0) {
    throw conflict('wrong-state', `Báo cáo của ${closed.map((c) => c.target.unit.name).join(', ')} đã gửi hoặc đã được duyệt nên không thể sửa; chưa lưu gì.`);
  }
  const units: ({ unit: string } & SaveResult)[] = [];
  for (const c of compared) {
    const revision = compared.length === 1 && ifMatch !== undefined ? ifMatch : c.sheet.revision;
    const values = c.changes.map((x) => ({ row: x.row, col: x.col, value: x.newValue }));
    const result = await saveReport(deps, user, c.target, { revision, values });
    units.push({ unit: c.target.unit.code, ...result });
  }
  const single = units.length === 1 ? units[0]! : undefined;
  return {
    revision: single?.revision ?? 0,
    issues: units.flatMap((u) => u.issues),
    changes: compared.flatMap((c) => c.changes),
    ...(single ? {} : { units }),
  };
}
