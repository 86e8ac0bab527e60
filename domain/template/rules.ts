// checkRules: a template's consistency rules over a report, as Vietnamese issues on the cells to fix.
import type { Issue } from '../../schema/api';
import { isEmpty, toNumber, type Value } from '../formula/values';
import type { CellValues } from './cell-key';
import { describeExpr, firstCell } from './describe';
import { computeReport, createReportEvaluator, type EvalContext, type ReportEvaluator } from './evaluator';
import { formatNumberVi, formatValueVi } from './format-vi';
import { columnLabel, rowLabel } from './labels';
import type { CompiledRule, CompiledTemplate, RuleScope } from './types';

export const VERBS = {
  '=': 'phải bằng',
  '<>': 'phải khác',
  '<': 'phải nhỏ hơn',
  '<=': 'phải nhỏ hơn hoặc bằng',
  '>': 'phải lớn hơn',
  '>=': 'phải lớn hơn hoặc bằng',
} as const;

/** `full` is the grid of ctx.periodId as computeReport returns it; computed when absent. */
export function checkRules(ct: CompiledTemplate, ctx: EvalContext, full?: CellValues): Issue[] {
  const evaluator = createReportEvaluator(ct, ctx, full ?? computeReport(ct, ctx));
  const issues: Issue[] = [];
  for (const rule of ct.rules) {
    for (const scope of rule.scopes) {
      const issue = check(ct, rule, scope, evaluator);
      if (issue) issues.push(issue);
    }
  }
  return issues;
}

interface Outcome {
  /** The generated sentence, without the row/column prefix. */
  sentence: string;
  left: string;
  right: string;
}

function check(ct: CompiledTemplate, compiled: CompiledRule, scope: RuleScope, ev: ReportEvaluator): Issue | undefined {
  const { rule } = compiled;
  const left = ev.evaluateAt(compiled.left, scope);
  const describe = (): string => describeExpr(ct, compiled.left, scope);
  let outcome: Outcome | undefined;
  if (rule.type === 'compare' && compiled.right) {
    const right = ev.evaluateAt(compiled.right, scope);
    if (isEmpty(left) && isEmpty(right)) return undefined;
    if (holds(left, rule.op, right, rule.tolerance ?? 0)) return undefined;
    const tolerance = rule.tolerance ? ` (sai số cho phép ${formatNumberVi(rule.tolerance)})` : '';
    const [l, r] = [formatValueVi(left), formatValueVi(right)];
    outcome = { sentence: `${describe()} (${l}) ${VERBS[rule.op]} ${describeExpr(ct, compiled.right, scope)} (${r})${tolerance}`, left: l, right: r };
  } else if (rule.type === 'range') {
    const n = isEmpty(left) ? null : toNumber(left);
    // An empty target is the business of a required rule, not of a range.
    if (n === null) return undefined;
    const below = rule.min !== undefined && n < rule.min - epsilon(n, rule.min);
    const above = rule.max !== undefined && n > rule.max + epsilon(n, rule.max);
    if (!below && !above) return undefined;
    const bound =
      rule.min !== undefined && rule.max !== undefined
        ? `phải nằm trong khoảng từ ${formatNumberVi(rule.min)} đến ${formatNumberVi(rule.max)}`
        : below
          ? `phải lớn hơn hoặc bằng ${formatNumberVi(rule.min ?? 0)}`
          : `phải nhỏ hơn hoặc bằng ${formatNumberVi(rule.max ?? 0)}`;
    const l = formatNumberVi(n);
    outcome = { sentence: `${describe()} (${l}) ${bound}`, left: l, right: formatNumberVi((below ? rule.min : rule.max) ?? 0) };
  } else if (rule.type === 'required') {
    if (!isEmpty(left)) return undefined;
    outcome = { sentence: `${describe()} không được để trống`, left: '', right: '' };
  }
  if (outcome === undefined) return undefined;
  const marked = firstCell(ct, compiled.left, scope) ?? (compiled.right && firstCell(ct, compiled.right, scope)) ?? { row: scope.row ?? '', col: scope.col ?? '' };
  const message =
    rule.message !== undefined
      ? rule.message
          .replaceAll('{row}', rowLabel(ct, marked.row))
          .replaceAll('{col}', columnLabel(ct, marked.col))
          .replaceAll('{left}', outcome.left)
          .replaceAll('{right}', outcome.right)
      : sentence(prefix(ct, scope), outcome.sentence);
  return { row: marked.row, col: marked.col, code: rule.id, message, severity: rule.severity };
}

/**
 * Compare with tolerance. One empty side counts as 0, so "total 10, parts empty" is caught; texts can
 * only be equal or not.
 */
export function holds(left: Value, op: keyof typeof VERBS, right: Value, tolerance: number): boolean {
  if (typeof left === 'string' && typeof right === 'string' && !isEmpty(left) && !isEmpty(right)) {
    if (op === '=') return left === right;
    if (op === '<>') return left !== right;
    return true;
  }
  const l = isEmpty(left) ? 0 : toNumber(left);
  const r = isEmpty(right) ? 0 : toNumber(right);
  if (l === null || r === null) return true; // a text against a number: nothing to compare
  const d = l - r;
  const e = epsilon(l, r);
  switch (op) {
    case '=':
      return Math.abs(d) <= tolerance + e;
    case '<>':
      return Math.abs(d) > tolerance + e;
    case '<':
      return d < tolerance - e;
    case '<=':
      return d <= tolerance + e;
    case '>':
      return d > -tolerance + e;
    case '>=':
      return d >= -tolerance - e;
  }
}

/** Sums of decimals are inexact in binary (0.1 + 0.2): differences below a billionth do not count. */
function epsilon(a: number, b: number): number {
  return 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function prefix(ct: CompiledTemplate, scope: RuleScope): string {
  if (scope.row !== undefined && scope.col !== undefined) return `Dòng "${rowLabel(ct, scope.row)}", cột "${columnLabel(ct, scope.col)}": `;
  if (scope.row !== undefined) return `Dòng "${rowLabel(ct, scope.row)}": `;
  if (scope.col !== undefined) return `Cột "${columnLabel(ct, scope.col)}": `;
  return '';
}

function sentence(start: string, body: string): string {
  const text = start === '' ? body.charAt(0).toLocaleUpperCase('vi') + body.slice(1) : body;
  return `${start}${text}.`;
}
