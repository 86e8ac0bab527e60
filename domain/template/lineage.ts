// Version lineage: carries stored inputs of an older template version into a newer one, row by row.
import { didYouMean } from '../formula/nearest';
import { isEmpty } from '../formula/values';
import { cellKey, type CellValues } from './cell-key';
import { combine, overUnits } from './combine';
import type { CompiledTemplate, TemplateProblem } from './types';

export type LineageHow = 'same' | 'renamed' | 'merged' | 'split';

export interface Predecessor {
  readonly code: string;
  readonly how: LineageHow;
}

/**
 * The data rows of `from` that row `code` of `to` continues: its `was` list, or the row with the same
 * code when it has none. A code that some `was` names elsewhere was reused for a different row, so the
 * same-code row does not inherit it.
 */
export function predecessorsOf(from: CompiledTemplate, to: CompiledTemplate, code: string): Predecessor[] {
  const row = to.row(code);
  if (row === undefined || row.header) return [];
  const isOldDataRow = (c: string): boolean => from.row(c) !== undefined && from.row(c)?.header !== true;
  if (row.was !== undefined && row.was.length > 0) {
    return row.was.filter((w) => isOldDataRow(w.code)).map((w) => ({ code: w.code, how: w.how }));
  }
  const claimed = to.file.rows.some((r) => r.was?.some((w) => w.code === code));
  return !claimed && isOldDataRow(code) ? [{ code, how: 'same' }] : [];
}

/**
 * The codes in `from` whose values, added up, are this row's value in `from`: one code when renamed or
 * unchanged, several when merged, none when split (the old row's figure covered more than this part).
 * Use it to continue a row's time series across versions.
 */
export function rowSeriesCodes(from: CompiledTemplate, to: CompiledTemplate, code: string): string[] {
  const preds = predecessorsOf(from, to, code);
  return preds.some((p) => p.how === 'split') ? [] : preds.map((p) => p.code);
}

/**
 * Stored inputs of version `from` in the rows and columns of `to`: renamed → same value; merged → the
 * old rows combined by the new row's aggregation (a sum, for counts); split → empty, since the parts are
 * unknown. Columns match by key. Only `to`'s input cells are filled: computed cells are recomputed.
 */
export function translateValues(from: CompiledTemplate, to: CompiledTemplate, values: CellValues): CellValues {
  const out: CellValues = new Map();
  const codesByRow = new Map<string, string[]>();
  for (const spec of to.inputCells) {
    if (from.column(spec.col) === undefined) continue;
    let codes = codesByRow.get(spec.row);
    if (codes === undefined) codesByRow.set(spec.row, (codes = rowSeriesCodes(from, to, spec.row)));
    const olds = codes.map((c) => values.get(cellKey(c, spec.col))).filter((v) => !isEmpty(v));
    const [only] = olds;
    if (only === undefined) continue;
    if (spec.valueType === 'text') {
      // Texts cannot be merged; a renamed row keeps its text.
      if (codes.length === 1 && typeof only === 'string') out.set(spec.key, only);
      continue;
    }
    const mode = overUnits(spec.aggregation) ?? (codes.length === 1 ? 'sum' : undefined);
    const value = mode === undefined ? undefined : combine(olds, mode);
    if (value !== undefined) out.set(spec.key, value);
  }
  return out;
}

/** `was` codes of `to` that are not data rows of `from`, the version before it (for the template loader). */
export function lineageProblems(from: CompiledTemplate, to: CompiledTemplate): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const oldCodes = from.dataRows.map((r) => r.code);
  to.file.rows.forEach((row, i) => {
    row.was?.forEach((step, k) => {
      if (oldCodes.includes(step.code)) return;
      problems.push({
        path: `rows[${i}].was[${k}].code`,
        message: `row '${row.code}' continues '${step.code}', which is not a data row of version ${from.file.version}${didYouMean(step.code, oldCodes)}`,
        fix: `name a data row code of version ${from.file.version}`,
      });
    });
  });
  return problems;
}
