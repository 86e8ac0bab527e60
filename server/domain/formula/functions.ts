// The catalogue of formula functions: names, arity and argument kinds, checked at parse time.
import type { CallFunction } from './ast';

export type ReferenceFunction = 'cell' | 'col' | 'row' | 'sumRows';
export type FunctionName = CallFunction | ReferenceFunction;

interface Signature {
  /** Written form for messages, e.g. "sumRows('from', 'to'[, 'colKey'])". */
  usage: string;
  min: number;
  max: number;
  /** Reference functions take string literals only, so the cells read are known statically. */
  literals: boolean;
}

const MANY = Number.POSITIVE_INFINITY;

export const FUNCTIONS: Readonly<Record<FunctionName, Signature>> = {
  cell: { usage: "cell('rowCode', 'colKey')", min: 2, max: 2, literals: true },
  col: { usage: "col('colKey')", min: 1, max: 1, literals: true },
  row: { usage: "row('rowCode')", min: 1, max: 1, literals: true },
  sumRows: { usage: "sumRows('fromRow', 'toRow'[, 'colKey'])", min: 2, max: 3, literals: true },
  sum: { usage: 'sum(e, …)', min: 1, max: MANY, literals: false },
  avg: { usage: 'avg(e, …)', min: 1, max: MANY, literals: false },
  min: { usage: 'min(e, …)', min: 1, max: MANY, literals: false },
  max: { usage: 'max(e, …)', min: 1, max: MANY, literals: false },
  if: { usage: 'if(condition, then, else)', min: 3, max: 3, literals: false },
  round: { usage: 'round(e, digits)', min: 2, max: 2, literals: false },
  abs: { usage: 'abs(e)', min: 1, max: 1, literals: false },
  coalesce: { usage: 'coalesce(e, fallback, …)', min: 2, max: MANY, literals: false },
  isBlank: { usage: 'isBlank(e)', min: 1, max: 1, literals: false },
  prev: { usage: 'prev(e)', min: 1, max: 1, literals: false },
  lastYear: { usage: 'lastYear(e)', min: 1, max: 1, literals: false },
  ytd: { usage: 'ytd(e)', min: 1, max: 1, literals: false },
};

export const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];

export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(FUNCTIONS, name);
}
