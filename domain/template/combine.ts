// Combines several values of one cell (over units or over periods) the way its aggregation says.
import type { Aggregation } from '../../schema/template';
import { isEmpty, toNumber } from '../formula/values';

export type CombineMode = 'sum' | 'average' | 'min' | 'max' | 'last';

/** Over the periods of a year (ytd): a stock ('last') is its latest value; 'none' and 'formula' give nothing. */
export function overPeriods(aggregation: Aggregation): CombineMode | undefined {
  return aggregation === 'none' || aggregation === 'formula' ? undefined : aggregation;
}

/** Over units: a stock is summed (the province's population is the sum of its communes'). */
export function overUnits(aggregation: Aggregation): CombineMode | undefined {
  return aggregation === 'last' ? 'sum' : overPeriods(aggregation);
}

/** `values` oldest first; empty values are skipped, and all empty gives undefined. */
export function combine(values: readonly (number | string | undefined)[], mode: CombineMode): number | undefined {
  const numbers = values.map((v) => (isEmpty(v) ? null : toNumber(v))).filter((n): n is number => n !== null);
  if (numbers.length === 0) return undefined;
  switch (mode) {
    case 'sum':
      return numbers.reduce((a, b) => a + b, 0);
    case 'average':
      return numbers.reduce((a, b) => a + b, 0) / numbers.length;
    case 'min':
      return Math.min(...numbers);
    case 'max':
      return Math.max(...numbers);
    case 'last':
      return numbers[numbers.length - 1];
  }
}
