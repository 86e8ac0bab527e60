// Mergeable partial aggregates of input cells (sum, count, min, max per cell): the database sums a
// province's reports per group of units in one query, and groups merge into their parents here, with
// the same result as aggregateInputs over every unit's values.
import { cellKey, type CellValues } from './cell-key';
import { overUnits } from './combine';
import type { CompiledTemplate } from './types';

export interface CellPartial {
  sum: number;
  count: number;
  min: number;
  max: number;
}

export type Partials = Map<string, CellPartial>;

/** The partials of some units' stored inputs (numbers only: texts never aggregate). */
export function partialsOf(perUnit: readonly CellValues[]): Partials {
  const out: Partials = new Map();
  for (const values of perUnit) {
    for (const [key, value] of values) {
      const n = typeof value === 'number' ? value : Number.NaN;
      if (!Number.isFinite(n)) continue;
      addValue(out, key, { sum: n, count: 1, min: n, max: n });
    }
  }
  return out;
}

/** Adds one partial into `into` (mutating it), as when a district's groups roll into the province. */
export function addValue(into: Partials, key: string, p: CellPartial): void {
  const at = into.get(key);
  if (!at) {
    into.set(key, { ...p });
    return;
  }
  at.sum += p.sum;
  at.count += p.count;
  at.min = Math.min(at.min, p.min);
  at.max = Math.max(at.max, p.max);
}

export function mergePartials(parts: readonly Partials[]): Partials {
  const out: Partials = new Map();
  for (const part of parts) for (const [key, p] of part) addValue(out, key, p);
  return out;
}

/**
 * The aggregated inputs the partials stand for, each cell by its row's aggregation across units (see
 * aggregateInputs): sum and stocks from the sum, average = sum / count, min, max.
 */
export function valuesOfPartials(ct: CompiledTemplate, partials: Partials): CellValues {
  const out: CellValues = new Map();
  for (const spec of ct.inputCells) {
    if (spec.valueType === 'text') continue;
    const mode = overUnits(spec.aggregation);
    const p = partials.get(cellKey(spec.row, spec.col));
    if (mode === undefined || !p || p.count === 0) continue;
    const value = mode === 'average' ? p.sum / p.count : mode === 'min' ? p.min : mode === 'max' ? p.max : p.sum;
    out.set(spec.key, value);
  }
  return out;
}
