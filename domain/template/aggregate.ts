// aggregateInputs: combines units' inputs into their parent's; computed cells are then recomputed from them.
import { cellKey, parseCellKey, type CellValues } from './cell-key';
import { combine, overUnits } from './combine';
import type { CompiledTemplate } from './types';

/**
 * Input cells only, each by its row's aggregation across units: sum; average of the units that have a
 * value; min; max; a stock ('last') summed. 'formula', 'none' and text cells are not carried. Computed
 * cells are left to computeReport, which is what makes a province's ratio the ratio of summed parts
 * (communes 97/100 and districts 50/50 give 147/150 = 98%, never the mean of 97% and 100%).
 */
export function aggregateInputs(ct: CompiledTemplate, perUnit: readonly CellValues[]): CellValues {
  const out: CellValues = new Map();
  for (const spec of ct.inputCells) {
    const mode = overUnits(spec.aggregation);
    if (mode === undefined) continue;
    const key = cellKey(spec.row, spec.col);
    const value = combine(
      perUnit.map((values) => values.get(key)),
      mode,
    );
    if (value !== undefined) out.set(key, value);
  }
  // Rows of generated lists that `ct` does not write out are carried too (see CompiledTemplate.listCell).
  if (ct.hasGeneratedLists) {
    const keys = new Set(perUnit.flatMap((values) => [...values.keys()]));
    for (const key of keys) {
      const { row, col } = parseCellKey(key);
      const spec = ct.cell(row, col) ? undefined : ct.listCell(row, col);
      const mode = spec && overUnits(spec.aggregation);
      if (!mode) continue;
      const value = combine(perUnit.map((values) => values.get(key)), mode);
      if (value !== undefined) out.set(key, value);
    }
  }
  return out;
}
