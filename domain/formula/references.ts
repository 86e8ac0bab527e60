// Walks a formula for the cells it reads and the period shifts around each read (static analysis).
import type { Expr, RefExpr } from './ast';

export type Shift = 'prev' | 'lastYear';

/**
 * How a read moves away from the period being evaluated. Views are (kind, period): ytd() sets the kind,
 * prev()/lastYear() move the period, so ytd(prev(x)) and prev(ytd(x)) read the same view.
 */
export interface ViewTransform {
  readonly ytd: boolean;
  readonly shifts: readonly Shift[];
}

export const IDENTITY: ViewTransform = { ytd: false, shifts: [] };

export function composeTransforms(outer: ViewTransform, inner: ViewTransform): ViewTransform {
  return { ytd: outer.ytd || inner.ytd, shifts: [...outer.shifts, ...inner.shifts] };
}

export function transformKey(t: ViewTransform): string {
  return `${t.ytd ? 'ytd' : 'at'}:${t.shifts.join(',')}`;
}

/** Visits every reference in source order with the transform it is read under. */
export function forEachRef(e: Expr, visit: (ref: RefExpr, transform: ViewTransform) => void, t: ViewTransform = IDENTITY): void {
  switch (e.type) {
    case 'cell':
    case 'col':
    case 'row':
    case 'sumRows':
      visit(e, t);
      return;
    case 'unary':
      forEachRef(e.operand, visit, t);
      return;
    case 'binary':
      forEachRef(e.left, visit, t);
      forEachRef(e.right, visit, t);
      return;
    case 'call': {
      const inner =
        e.fn === 'ytd' ? { ytd: true, shifts: t.shifts } : e.fn === 'prev' || e.fn === 'lastYear' ? { ytd: t.ytd, shifts: [...t.shifts, e.fn] } : t;
      for (const a of e.args) forEachRef(a, visit, inner);
      return;
    }
    default:
      return;
  }
}

/** Which current cell a formula needs: col() needs a current row; row() and sumRows without a column need a current column. */
export function contextNeeds(e: Expr): { row: boolean; col: boolean } {
  const needs = { row: false, col: false };
  forEachRef(e, (ref) => {
    if (ref.type === 'col') needs.row = true;
    if (ref.type === 'row' || (ref.type === 'sumRows' && ref.col === undefined)) needs.col = true;
  });
  return needs;
}

/** Whether a tree uses any function of the given names (for the template's `temporal` summary). */
export function usesFunction(e: Expr, fn: string): boolean {
  switch (e.type) {
    case 'unary':
      return usesFunction(e.operand, fn);
    case 'binary':
      return usesFunction(e.left, fn) || usesFunction(e.right, fn);
    case 'call':
      return e.fn === fn || e.args.some((a) => usesFunction(a, fn));
    default:
      return e.type === fn;
  }
}
