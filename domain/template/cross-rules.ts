// Rules across templates: a figure of one report against a figure of another template's report of the
// same unit and period (cases received in one form ≥ cases resolved in another), with the same
// severities, tolerance and Vietnamese explanations as a template's own rules.
import type { Issue } from '../../schema/api';
import type { CrossRule, TemplateFile } from '../../schema/template';
import type { Expr } from '../formula/ast';
import { parseFormula } from '../formula/parser';
import { isEmpty, type Value } from '../formula/values';
import type { CellValues } from './cell-key';
import { compileTemplate } from './compile';
import { describeExpr, firstCell } from './describe';
import { createReportEvaluator } from './evaluator';
import { formatNumberVi, formatValueVi } from './format-vi';
import { holds, VERBS } from './rules';
import type { CompiledTemplate, TemplateProblem } from './types';

/** One side's value: the formula over a report's full grid (cell() reads; no current row or column). */
export function valueOn(ct: CompiledTemplate, full: CellValues, expr: Expr): Value {
  const ev = createReportEvaluator(ct, { periodId: '', inputs: () => undefined, previousPeriodId: () => undefined, samePeriodLastYearId: () => undefined, periodsOfYearUpTo: () => [] }, full);
  return ev.evaluateAt(expr, {});
}

export interface CrossSide {
  ct: CompiledTemplate;
  full: CellValues;
  /** The form's number for messages, e.g. "Biểu số 02/TCD-X". */
  formNumber: string;
}

/** The issue a cross rule raises on this report, or undefined when it holds (or both sides are empty). */
export function checkCrossRule(rule: CrossRule, mine: CrossSide, other: CrossSide): Issue | undefined {
  const left = parseFormula(rule.left);
  const right = parseFormula(rule.right);
  if (!left.ok || !right.ok) return undefined;
  const l = valueOn(mine.ct, mine.full, left.expr);
  const r = valueOn(other.ct, other.full, right.expr);
  if (isEmpty(l) && isEmpty(r)) return undefined;
  if (holds(l, rule.op, r, rule.tolerance ?? 0)) return undefined;
  const [ls, rs] = [formatValueVi(l), formatValueVi(r)];
  const tolerance = rule.tolerance ? ` (sai số cho phép ${formatNumberVi(rule.tolerance)})` : '';
  const generated = `${describeExpr(mine.ct, left.expr, {})} (${ls}) ${VERBS[rule.op]} ${describeExpr(other.ct, right.expr, {})} của ${other.formNumber} cùng kỳ (${rs})${tolerance}.`;
  const message = rule.message !== undefined ? rule.message.replaceAll('{left}', ls).replaceAll('{right}', rs) : generated.charAt(0).toLocaleUpperCase('vi') + generated.slice(1);
  const marked = firstCell(mine.ct, left.expr, {}) ?? { row: '', col: '' };
  return { row: marked.row, col: marked.col, code: rule.id, message, severity: rule.severity };
}

/**
 * Checks a template's cross rules against the set of templates: the other template exists and has the
 * same frequency and calendar (same period ids), and each side is a formula of cell() reads that
 * compiles against its own template.
 */
export function crossRuleProblems(file: TemplateFile, others: (id: string) => TemplateFile | undefined): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const ids = new Set((file.rules ?? []).map((r) => r.id));
  (file.crossRules ?? []).forEach((rule, i) => {
    const path = `crossRules[${i}]`;
    if (ids.has(rule.id)) problems.push({ path: `${path}.id`, message: `rule id '${rule.id}' is used twice`, fix: 'give every rule its own id' });
    ids.add(rule.id);
    const other = others(rule.template);
    if (!other) {
      problems.push({ path: `${path}.template`, message: `unknown template '${rule.template}'`, fix: 'name the id (folder) of a template in report-templates/' });
      return;
    }
    if (other.frequency !== file.frequency || other.calendar !== file.calendar) {
      problems.push({ path: `${path}.template`, message: `template '${rule.template}' is ${other.frequency} (${other.calendar}), this one ${file.frequency} (${file.calendar}): their periods differ`, fix: 'compare with a template of the same frequency and calendar' });
      return;
    }
    problems.push(...sideProblems(file, rule.left, `${path}.left`), ...sideProblems(other, rule.right, `${path}.right`));
  });
  return problems;
}

function sideProblems(file: TemplateFile, formula: string, path: string): TemplateProblem[] {
  const probe = compileTemplate({ ...file, crossRules: undefined, rules: [{ id: 'cross-side', severity: 'error', type: 'range', target: formula }] });
  if (!probe.ok) {
    return probe.problems.filter((p) => p.path.startsWith('rules[0]')).map((p) => ({ ...p, path, message: `${p.message} (in template '${file.id}')` }));
  }
  const scoped = probe.template.rules[0]?.scopes.some((s) => s.row !== undefined || s.col !== undefined);
  return scoped ? [{ path, message: 'a cross-template rule reads col() or row(), but it has no current row or column', fix: "name each cell with cell('row', 'col'), or sum them with sumRows('from', 'to', 'col')" }] : [];
}
