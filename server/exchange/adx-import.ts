// ADX import: each group is one unit's report for one template and period; groups marked
// scope="subtree" are roll-ups (what our export adds for the sender) and are not stored, since the
// system recomputes them from the units' own reports.
import type { CellInput, Issue } from '../../schema/api';
import { periodContaining } from '../../domain/periods';
import type { SessionUser } from '../auth/sessions';
import type { AppDeps } from '../env';
import { badRequest, unprocessable } from '../errors';
import { toIssues } from '../validate';
import { parseAdx } from './adx';
import { type BulkReport, bulkSave, type ImportResult } from './bulk-save';
import { isoPeriodOf } from './figures';

export interface AdxImportResult extends ImportResult {
  /** Roll-up groups read and not stored. */
  skippedRollups: number;
}

export async function importAdx(deps: AppDeps, user: SessionUser, xml: string, dryRun: boolean): Promise<AdxImportResult> {
  const parsed = parseAdx(xml);
  if (!parsed.ok) throw badRequest('invalid-body', parsed.message, parsed.issues ? toIssues(parsed.issues) : undefined);
  const issues: Issue[] = [];
  const batch: BulkReport[] = [];
  let skippedRollups = 0;
  for (const [i, group] of parsed.groups.entries()) {
    if (group.scope === 'subtree') {
      skippedRollups++;
      continue;
    }
    const template = deps.templates.latest(group.dataSet);
    if (!template) {
      issues.push({ row: '', col: `group[${i}]`, code: 'unknown-template', message: `Nhóm ${i + 1}: không có biểu mẫu "${group.dataSet}".` });
      continue;
    }
    const start = group.period.split('/')[0] ?? '';
    const period = periodContaining(template.spec, start);
    if (!period || period.start !== start || isoPeriodOf(period) !== group.period) {
      issues.push({ row: '', col: `group[${i}]`, code: 'unknown-period', message: `Nhóm ${i + 1}: kỳ "${group.period}" không phải một kỳ của biểu mẫu ${template.file.formNumber}.` });
      continue;
    }
    const version = deps.templates.forPeriod(template.file.id, period.id) ?? template;
    const onlyColumn = version.compiled.columns.length === 1 ? version.compiled.columns[0]?.key : undefined;
    const values: CellInput[] = [];
    for (const dv of group.dataValue) {
      const col = dv.column ?? onlyColumn;
      if (col === undefined) {
        issues.push({ row: dv.dataElement, col: '', code: 'missing-column', message: `${group.orgUnit}: giá trị dòng "${dv.dataElement}" thiếu thuộc tính column.` });
        continue;
      }
      const spec = version.compiled.cell(dv.dataElement, col);
      // Values arrive as text; a number cell reads a number (validateInputs then checks type and bounds).
      const isText = spec?.valueType === 'text';
      const number = Number(dv.value);
      const value = dv.value === '' ? null : isText || dv.value.trim() === '' || !Number.isFinite(number) ? dv.value : number;
      values.push({ row: dv.dataElement, col, value });
    }
    batch.push({ templateId: template.file.id, periodId: period.id, unitCode: group.orgUnit, values });
  }
  if (issues.length > 0) throw unprocessable('invalid-values', `Có ${issues.length} lỗi trong tài liệu ADX; chưa nhập gì.`, issues);
  const result = await bulkSave(deps, user, batch, { dryRun, source: 'ADX' });
  return { ...result, skippedRollups };
}
