// The catalogue of formula functions, and the parse-time check of a call's arity and arguments.
import { CALL_FUNCTIONS, type CallFunction, type Expr } from './ast';
import { FormulaSyntaxError } from './lexer';

export type ReferenceFunction = 'cell' | 'col' | 'row' | 'sumRows';
export type FunctionName = CallFunction | ReferenceFunction;

interface Signature {
  /** Written form for messages, e.g. "sumRows('from', 'to'[, 'colKey'])". */
  usage: string;
  min: number;
  max: number;
}

const MANY = Number.POSITIVE_INFINITY;

export const FUNCTIONS: Readonly<Record<FunctionName, Signature>> = {
  cell: { usage: "cell('rowCode', 'colKey')", min: 2, max: 2 },
  col: { usage: "col('colKey')", min: 1, max: 1 },
  row: { usage: "row('rowCode')", min: 1, max: 1 },
  sumRows: { usage: "sumRows('fromRow', 'toRow'[, 'colKey'])", min: 2, max: 3 },
  sum: { usage: 'sum(e, …)', min: 1, max: MANY },
  avg: { usage: 'avg(e, …)', min: 1, max: MANY },
  min: { usage: 'min(e, …)', min: 1, max: MANY },
  max: { usage: 'max(e, …)', min: 1, max: MANY },
  if: { usage: 'if(condition, then, else)', min: 3, max: 3 },
  round: { usage: 'round(e, digits)', min: 2, max: 2 },
  abs: { usage: 'abs(e)', min: 1, max: 1 },
  coalesce: { usage: 'coalesce(e, fallback, …)', min: 2, max: MANY },
  isBlank: { usage: 'isBlank(e)', min: 1, max: 1 },
  prev: { usage: 'prev(e)', min: 1, max: 1 },
  lastYear: { usage: 'lastYear(e)', min: 1, max: 1 },
  ytd: { usage: 'ytd(e)', min: 1, max: 1 },
};

const REFERENCE_FUNCTIONS: readonly ReferenceFunction[] = ['cell', 'col', 'row', 'sumRows'];
export const FUNCTION_NAMES: readonly FunctionName[] = [...REFERENCE_FUNCTIONS, ...CALL_FUNCTIONS];

export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(FUNCTIONS, name);
}

function isCallFunction(name: FunctionName): name is CallFunction {
  return (CALL_FUNCTIONS as readonly string[]).includes(name);
}

/** Where an expression begins (a binary node's own offset is its operator's). */
function startOf(e: Expr): number {
  return e.type === 'binary' ? startOf(e.left) : e.offset;
}

/** Checks arity and literal arguments, and builds the node of a call (the parser calls it). */
export function buildCall(fn: FunctionName, args: Expr[], offset: number): Expr {
  const sig = FUNCTIONS[fn];
  if (args.length < sig.min || args.length > sig.max) {
    const expected = sig.min === sig.max ? `${sig.min}` : sig.max === MANY ? `at least ${sig.min}` : `${sig.min} or ${sig.max}`;
    throw new FormulaSyntaxError(
      `${fn}() takes ${expected} argument${expected === '1' ? '' : 's'}, got ${args.length}, at ${offset}: write ${sig.usage}`,
      offset,
    );
  }
  if (isCallFunction(fn)) return { type: 'call', fn, args, offset };
  const text = args.map((a) => {
    if (a.type === 'string') return a.value;
    const at = startOf(a);
    throw new FormulaSyntaxError(`${fn}() takes quoted codes at ${at}: write ${sig.usage}`, at);
  });
  const [a = '', b = '', c] = text;
  switch (fn) {
    case 'cell':
      return { type: 'cell', row: a, col: b, offset };
    case 'col':
      return { type: 'col', col: a, offset };
    case 'row':
      return { type: 'row', row: a, offset };
    case 'sumRows':
      return c === undefined ? { type: 'sumRows', from: a, to: b, offset } : { type: 'sumRows', from: a, to: b, col: c, offset };
  }
}
