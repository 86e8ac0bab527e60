// The one roll-up computation the API, the Excel package and the roll-up tab all show: partial
// aggregates of each period in, the full grid out, computed cells recomputed from the combined
// inputs so a ratio is the ratio of sums, never a mean of ratios.
import type { PeriodSteps } from '../periods';
import type { CellValues } from '../template/cell-key';
import { computeReport } from '../template/evaluator';
import type { CompiledTemplate } from '../template/types';

/**
 * `inputsOf(periodId)`: the aggregated inputs of the subtree in that period (the period rolled up,
 * or another period a formula reads: previous, same period last year, year to date), undefined when
 * nothing was counted then.
 */
export function rollupGrid(ct: CompiledTemplate, steps: PeriodSteps, inputsOf: (periodId: string) => CellValues | undefined): CellValues {
  const current = inputsOf(steps.periodId) ?? new Map();
  return computeReport(ct, { ...steps, inputs: (id) => (id === steps.periodId ? current : inputsOf(id)) });
}
