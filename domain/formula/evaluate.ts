// Evaluates a formula tree against a host that supplies cell values; knows nothing of templates.
import type { BinaryOp, Expr, TemporalFunction } from './ast';
import { isEmpty, isTruthy, nearlyEqual, roundHalfAway, toNumber, type Value } from './values';

/** Where an expression is evaluated: a view (a period, or a year-to-date span) and the current cell. */
export interface Scope<V> {
  readonly view: V;
  readonly row: string | undefined;
  readonly col: string | undefined;
}

export interface EvalHost<V> {
  /** The value of a cell in a view; empty (null) for cells that do not exist or are disabled. */
  read(row: string, col: string, view: V): Value;
  /** The rows sumRows(from, to) adds up, in template order. */
  rowsBetween(from: string, to: string): readonly string[];
  /** The view prev/lastYear/ytd move to; undefined when there is no such period (the result is empty). */
  shift(view: V, fn: TemporalFunction): V | undefined;
}

export function evaluate<V>(e: Expr, host: EvalHost<V>, scope: Scope<V>): Value {
  // Plain recursion without helper closures: this runs for every cell of every view of a report.
  switch (e.type) {
    case 'number':
    case 'string':
    case 'boolean':
      return e.value;
    case 'null':
      return null;
    case 'cell':
      return host.read(e.row, e.col, scope.view);
    case 'col':
      return scope.row === undefined ? null : host.read(scope.row, e.col, scope.view);
    case 'row':
      return scope.col === undefined ? null : host.read(e.row, scope.col, scope.view);
    case 'sumRows': {
      const col = e.col ?? scope.col;
      if (col === undefined) return null;
      let sum: number | null = null;
      for (const row of host.rowsBetween(e.from, e.to)) {
        const n = toNumber(host.read(row, col, scope.view));
        if (n !== null) sum = (sum ?? 0) + n;
      }
      return sum;
    }
    case 'unary': {
      const v = evaluate(e.operand, host, scope);
      if (e.op === 'not') return isEmpty(v) ? null : !isTruthy(v);
      const n = toNumber(v);
      return n === null ? null : -n;
    }
    case 'binary':
      if (e.op === 'and') return isTruthy(evaluate(e.left, host, scope)) && isTruthy(evaluate(e.right, host, scope));
      if (e.op === 'or') return isTruthy(evaluate(e.left, host, scope)) || isTruthy(evaluate(e.right, host, scope));
      return binary(e.op, evaluate(e.left, host, scope), evaluate(e.right, host, scope));
    case 'call':
      return call(e, host, scope);
  }
}

function call<V>(e: Extract<Expr, { type: 'call' }>, host: EvalHost<V>, scope: Scope<V>): Value {
  switch (e.fn) {
    case 'sum':
    case 'avg':
    case 'min':
    case 'max':
      return aggregate(
        e.args.map((a) => evaluate(a, host, scope)),
        e.fn,
      );
    case 'if':
      return evaluate(arg(e.args, isTruthy(evaluate(arg(e.args, 0), host, scope)) ? 1 : 2), host, scope);
    case 'round': {
      const x = toNumber(evaluate(arg(e.args, 0), host, scope));
      const digits = toNumber(evaluate(arg(e.args, 1), host, scope));
      if (x === null || digits === null || !Number.isInteger(digits) || Math.abs(digits) > 10) return null;
      return roundHalfAway(x, digits);
    }
    case 'abs': {
      const x = toNumber(evaluate(arg(e.args, 0), host, scope));
      return x === null ? null : Math.abs(x);
    }
    case 'coalesce':
      for (const a of e.args) {
        const v = evaluate(a, host, scope);
        if (!isEmpty(v)) return v;
      }
      return null;
    case 'isBlank':
      return isEmpty(evaluate(arg(e.args, 0), host, scope));
    case 'prev':
    case 'lastYear':
    case 'ytd': {
      const view = host.shift(scope.view, e.fn);
      return view === undefined ? null : evaluate(arg(e.args, 0), host, { view, row: scope.row, col: scope.col });
    }
  }
}

function arg(args: readonly Expr[], i: number): Expr {
  // The parser checked the arity; an absent argument can only come from a hand-built tree.
  return args[i] ?? { type: 'null', offset: 0 };
}

/** sum/avg/min/max skip empty and text values; all empty → empty. */
function aggregate(values: readonly Value[], fn: 'sum' | 'avg' | 'min' | 'max'): number | null {
  const numbers = values.map(toNumber).filter((n): n is number => n !== null);
  if (numbers.length === 0) return null;
  switch (fn) {
    case 'sum':
      return numbers.reduce((a, b) => a + b, 0);
    case 'avg':
      return numbers.reduce((a, b) => a + b, 0) / numbers.length;
    case 'min':
      return Math.min(...numbers);
    case 'max':
      return Math.max(...numbers);
  }
}

function binary(op: Exclude<BinaryOp, 'and' | 'or'>, l: Value, r: Value): Value {
  if (op === '+' || op === '-' || op === '*' || op === '/') {
    const a = toNumber(l);
    const b = toNumber(r);
    if (a === null || b === null) return null;
    if (op === '/' && b === 0) return null;
    const result = op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : a / b;
    return Number.isFinite(result) ? result : null;
  }
  if (isEmpty(l) || isEmpty(r)) return null;
  const a = typeof l === 'string' ? l : toNumber(l);
  const b = typeof r === 'string' ? r : toNumber(r);
  if (a === null || b === null) return null;
  if (typeof a !== typeof b) {
    // A number is never equal to a text, and the two have no order.
    return op === '=' ? false : op === '<>' ? true : null;
  }
  const equal = typeof a === 'number' && typeof b === 'number' ? nearlyEqual(a, b) : a === b;
  switch (op) {
    case '=':
      return equal;
    case '<>':
      return !equal;
    case '<':
      return !equal && a < b;
    case '<=':
      return equal || a < b;
    case '>':
      return !equal && a > b;
    case '>=':
      return equal || a > b;
  }
}
