// The template engine in the browser: the same compile, compute and check code the server runs
// (domain/template, pure and browser-safe), so officers see totals and rule breaches as they type.
import type { CellInput, CellValue, Issue } from '../schema/api';
import type { TemplateFile } from '../schema/template';
import { parseFormula } from '../domain/formula/parser';
import { forEachRef } from '../domain/formula/references';
import { describeExpr } from '../domain/template/describe';
import { periodSteps } from '../domain/periods/periods';
import { checkRules, compileTemplate, computeReport, parseCellKey, validateInputs, type CellValues, type CompiledTemplate, type EvalContext } from '../domain/template';
import type { CellInfo, GridModel } from './grid/template-columns';

export interface Engine extends GridModel {
  compiled: CompiledTemplate;
  periodId: string;
  /** Inputs in, the whole grid out: inputs as given plus every computed cell. */
  compute(inputs: ReadonlyMap<string, CellValue>): ReadonlyMap<string, CellValue>;
  /** Input validation and the template's rules on the current values. */
  check(inputs: ReadonlyMap<string, CellValue>, full: ReadonlyMap<string, CellValue>): Issue[];
  /** Whether check() covers issues of this code, so a server's older verdict on it can be dropped. */
  checksLocally(code: string): boolean;
}

const INPUT_CODES = new Set(['unknown-cell', 'computed-cell', 'disabled-cell', 'not-a-number', 'not-an-integer', 'too-many-decimals', 'not-text', 'below-min', 'above-max', 'out-of-range', 'too-long']);

export class TemplateCompileError extends Error {}

/** Inputs of other periods by period id; a period without a report is absent. */
export type OtherPeriods = ReadonlyMap<string, CellValues>;

/** Only numbers and non-empty texts are values to the engine; null clears a cell. */
function toCellValues(values: ReadonlyMap<string, CellValue>): CellValues {
  const out: CellValues = new Map();
  for (const [k, v] of values) if (v !== null && v !== '') out.set(k, v);
  return out;
}

function readsOtherPeriods(ct: CompiledTemplate): Set<string> {
  const ids = new Set<string>();
  for (const r of ct.rules) {
    for (const e of [r.left, r.right]) {
      if (e) forEachRef(e, (_ref, t) => (t.ytd || t.shifts.length > 0) && ids.add(r.rule.id));
    }
  }
  return ids;
}

/**
 * `others`: the inputs of the other periods the formulas read, as the report carries them. Undefined means
 * they are unknown: rules that read them are then left to the server rather than shown wrong.
 */
export function createEngine(file: TemplateFile, periodId: string, others?: OtherPeriods): Engine {
  const result = compileTemplate(file);
  if (!result.ok) {
    throw new TemplateCompileError(result.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  }
  const ct = result.template;
  const ops = periodSteps({ frequency: file.frequency, calendar: file.calendar, adhocPeriods: file.adhocPeriods }, periodId);
  const temporalRules = others === undefined ? readsOtherPeriods(ct) : new Set<string>();
  const ruleIds = new Set(ct.rules.map((r) => r.rule.id));
  // A computed cell's formula in words, as the rules' messages name cells ("Thực hiện kỳ này cùng kỳ năm
  // trước"), not as the template's author wrote it ("lastYear(col('thuc_hien'))").
  const described = new Map<string, string>();
  const describeFormula = (source: string, row: string, col: string): string => {
    const key = `${row}|${col}`;
    let text = described.get(key);
    if (text === undefined) {
      const parsed = parseFormula(source);
      text = parsed.ok ? describeExpr(ct, parsed.expr, { row, col }) : source;
      described.set(key, text);
    }
    return text;
  };
  const context = (current: CellValues): EvalContext => ({
    ...ops,
    inputs: (id) => (id === periodId ? current : others?.get(id)),
  });
  return {
    file,
    compiled: ct,
    periodId,
    cell: (row, col): CellInfo | undefined => {
      const spec = ct.cell(row, col);
      return spec?.formula ? { ...spec, formula: describeFormula(spec.formula, row, col) } : spec;
    },
    compute: (inputs) => computeReport(ct, context(toCellValues(inputs))),
    check: (inputs, full) => {
      const cells: CellInput[] = [];
      for (const [k, value] of inputs) {
        const { row, col } = parseCellKey(k);
        const spec = ct.cell(row, col);
        if (spec?.kind === 'input' && value !== null) cells.push({ row: spec.row, col: spec.col, value });
      }
      const rules = checkRules(ct, context(toCellValues(inputs)), toCellValues(full)).filter((i) => !temporalRules.has(i.code));
      return [...validateInputs(ct, cells), ...rules];
    },
    checksLocally: (code) => INPUT_CODES.has(code) || (ruleIds.has(code) && !temporalRules.has(code)),
  };
}
