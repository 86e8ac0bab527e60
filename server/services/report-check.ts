// The template's rules on a report's stored values: shown after every save, enforced on submit
// (errors block; a warning needs the officer's explanation; required narrative sections need text).
import type { Issue } from '../../schema/api';
import { loadExplanations, loadSections } from '../db/reports';
import type { CellValues } from '../../domain/template/cell-key';
import { checkRules } from '../../domain/template/rules';
import { computeReport } from '../../domain/template/evaluator';
import { withOpenRows } from '../templates/expand';
import { crossIssues } from './cross-rules';
import type { AppDeps } from '../env';
import { unprocessable } from '../errors';
import { buildEvalContext, unitInputLoader } from './report-values';
import type { ReportContext } from './report-context';

export async function currentIssues(deps: AppDeps, given: Pick<ReportContext, 'template' | 'period' | 'unit'>, values: CellValues): Promise<Issue[]> {
  const target = { ...given, template: withOpenRows(given.template, values.keys()) };
  const ctx = await buildEvalContext(target.template, target.period, values, unitInputLoader(deps, target.template, target.unit));
  const issues = checkRules(target.template.compiled, ctx);
  if (!target.template.file.crossRules?.length) return issues;
  return [...issues, ...(await crossIssues(deps, target, computeReport(target.template.compiled, ctx)))];
}

/** Throws 422 with every reason the report cannot be submitted yet. */
export async function assertSubmittable(deps: AppDeps, target: Pick<ReportContext, 'template' | 'period' | 'unit'>, reportId: number, values: CellValues) {
  const issues = await currentIssues(deps, target, values);
  const explained = new Set(
    (await loadExplanations(deps.store.db, reportId)).map((e) => `${e.rule}\u0000${e.row}\u0000${e.col}`),
  );
  const errors = issues.filter((i) => i.severity !== 'warning');
  const unexplained = issues.filter((i) => i.severity === 'warning' && !explained.has(`${i.code}\u0000${i.row}\u0000${i.col}`));
  const texts = new Map((await loadSections(deps.store.db, reportId)).map((s) => [s.key, s.text.trim()]));
  const missing: Issue[] = (target.template.file.sections ?? [])
    .filter((s) => s.required && !texts.get(s.key))
    .map((s) => ({ row: '', col: s.key, code: 'section-required', message: `Chưa viết mục "${s.title}".`, severity: 'error' }));
  if (errors.length > 0 || missing.length > 0) {
    throw unprocessable('rule-violations', `Báo cáo còn ${errors.length + missing.length} lỗi cần sửa trước khi gửi.`, [...errors, ...missing]);
  }
  if (unexplained.length > 0) {
    throw unprocessable(
      'explanation-required',
      `Báo cáo có ${unexplained.length} cảnh báo chưa được giải trình; hãy ghi giải trình rồi gửi lại.`,
      unexplained,
    );
  }
}
