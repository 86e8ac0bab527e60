// Evaluates a compiled template for a period: computed cells, and prev/lastYear/ytd views of other periods.
import type { Expr, TemporalFunction } from '../formula/ast';
import { evaluate, type EvalHost } from '../formula/evaluate';
import { roundHalfAway, type Value } from '../formula/values';
import type { CellValues } from './cell-key';
import { combine, overPeriods } from './combine';
import type { CellSpec, CompiledTemplate, RuleScope } from './types';

export interface EvalContext {
  periodId: string;
  /** Stored inputs of a period, already in this version's row codes; undefined = no report. */
  inputs(periodId: string): CellValues | undefined;
  previousPeriodId(id: string): string | undefined;
  samePeriodLastYearId(id: string): string | undefined;
  /** First period of the year .. id, inclusive. */
  periodsOfYearUpTo(id: string): string[];
}

/** A view is (kind, period): a period's own values, or the year-to-date span ending at that period. */
interface View {
  readonly ytd: boolean;
  readonly period: string;
  readonly key: string;
  /** Values computed in this view, by cell key (memoised per view and cell). */
  readonly cache: Map<string, Value>;
  /** Whether any report backs this view; decided on first read. */
  hasData?: boolean;
}

export interface ReportEvaluator {
  read(row: string, col: string): Value;
  evaluateAt(expr: Expr, scope: RuleScope): Value;
}

/** With `full`, the values of ctx.periodId are taken as given (the grid's current state) and not recomputed. */
export function createReportEvaluator(ct: CompiledTemplate, ctx: EvalContext, full?: CellValues): ReportEvaluator {
  const views = new Map<string, View>();
  const viewOf = (ytd: boolean, period: string): View => {
    const key = `${ytd ? 'ytd' : 'at'}:${period}`;
    let view = views.get(key);
    if (view === undefined) views.set(key, (view = { ytd, period, key, cache: new Map() }));
    return view;
  };
  const root = viewOf(false, ctx.periodId);
  const stored = new Map<string, CellValues | undefined>();
  const inputsOf = (period: string): CellValues | undefined => {
    if (period === root.period && full) return full;
    if (!stored.has(period)) stored.set(period, ctx.inputs(period));
    return stored.get(period);
  };
  const years = new Map<string, string[]>();
  const yearOf = (period: string): string[] => {
    let list = years.get(period);
    if (list === undefined) years.set(period, (list = ctx.periodsOfYearUpTo(period)));
    return list;
  };
  // A period without a report has no values at all, computed ones included; the period being
  // evaluated always counts as reported, so a new report still shows prev() values.
  const has = (p: string): boolean => p === root.period || inputsOf(p) !== undefined;
  const hasData = (view: View): boolean => (view.hasData ??= view.ytd ? yearOf(view.period).some(has) : has(view.period));

  const host: EvalHost<View> = {
    read(row, col, view) {
      const spec = ct.cell(row, col);
      if (spec === undefined || spec.kind === 'disabled') return null;
      // A stored input needs no memo; everything else is computed once per view.
      if (spec.kind === 'input' && !view.ytd && !(view === root && full)) {
        return hasData(view) ? (inputsOf(view.period)?.get(spec.key) ?? null) : null;
      }
      const hit = view.cache.get(spec.key);
      if (hit !== undefined) return hit;
      view.cache.set(spec.key, null); // a guard: the compiler forbids cycles, so only a broken tree gets here
      const value = compute(spec, view);
      view.cache.set(spec.key, value);
      return value;
    },
    rowsBetween: (from, to) => ct.rowsBetween(from, to),
    shift(view, fn: TemporalFunction) {
      if (fn === 'ytd') return viewOf(true, view.period);
      const period = fn === 'prev' ? ctx.previousPeriodId(view.period) : ctx.samePeriodLastYearId(view.period);
      return period === undefined ? undefined : viewOf(view.ytd, period);
    },
  };

  function compute(spec: CellSpec, view: View): Value {
    if (view === root && full) return full.get(spec.key) ?? null;
    if (!hasData(view)) return null;
    if (spec.kind === 'input') {
      if (!view.ytd) return inputsOf(view.period)?.get(spec.key) ?? null;
      // ytd of an input: its values over the year combined by the row's aggregation (flows add up,
      // stocks take the latest value).
      const mode = overPeriods(spec.aggregation);
      return mode === undefined ? null : (combine(yearOf(view.period).map((p) => inputsOf(p)?.get(spec.key)), mode) ?? null);
    }
    // ytd of a computed cell: its formula over ytd values, so a ratio's ytd is the ratio of ytd sums.
    const ast = ct.formulaOf(spec.key);
    return ast === undefined ? null : normalise(evaluate(ast, host, { view, row: spec.row, col: spec.col }), spec);
  }

  return {
    read: (row, col) => host.read(row, col, root),
    evaluateAt: (expr, scope) => evaluate(expr, host, { view: root, row: scope.row, col: scope.col }),
  };
}

/**
 * A computed value as stored: numbers rounded to the cell's decimals, so what the officer sees is what
 * the next formula, the roll-up and the export use; a true/false result becomes 1/0.
 */
function normalise(v: Value, spec: CellSpec): Value {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return !Number.isFinite(v) ? null : spec.valueType === 'text' ? v : roundHalfAway(v, spec.decimals);
  return v;
}

/** The full grid of ctx.periodId: stored inputs plus every computed cell; empty cells are absent. */
export function computeReport(ct: CompiledTemplate, ctx: EvalContext): CellValues {
  const evaluator = createReportEvaluator(ct, ctx);
  const inputs = ctx.inputs(ctx.periodId);
  const out: CellValues = new Map();
  for (const spec of ct.inputCells) {
    const v = inputs?.get(spec.key);
    if (v !== undefined && v !== '') out.set(spec.key, v);
  }
  for (const spec of ct.computedCells) {
    const v = evaluator.read(spec.row, spec.col);
    if (v !== null && typeof v !== 'boolean' && v !== '') out.set(spec.key, v);
  }
  return out;
}

/** Every other period whose inputs the evaluation (and the rules) of ctx.periodId reads, sorted. */
export function requiredPeriodIds(ct: CompiledTemplate, ctx: Omit<EvalContext, 'inputs'>): string[] {
  const ids = new Set<string>();
  for (const t of ct.temporal.transforms) {
    let period: string | undefined = ctx.periodId;
    for (const shift of t.shifts) {
      if (period === undefined) break;
      period = shift === 'prev' ? ctx.previousPeriodId(period) : ctx.samePeriodLastYearId(period);
    }
    if (period === undefined) continue;
    for (const p of t.ytd ? ctx.periodsOfYearUpTo(period) : [period]) ids.add(p);
  }
  ids.delete(ctx.periodId);
  return [...ids].sort();
}
