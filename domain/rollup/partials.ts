// Exact, mergeable partial aggregates of input cells: a sum kept as an integer count of the cell's
// smallest step (10^-decimals), a count, and min/max for cells that aggregate by them. Adding a
// report and taking it away again leaves the partials exactly as they were, so roll-ups maintained
// report by report equal a full recompute bit for bit (issue 8).
import { roundHalfAway } from '../formula/values';
import { cellKey, parseCellKey, type CellValues } from '../template/cell-key';
import { overUnits } from '../template/combine';
import type { CellSpec, CompiledTemplate } from '../template/types';

export interface CellPartial {
  /** The sum in steps of 10^-decimals of the cell: an integer. */
  sum: number;
  count: number;
  /** Only for cells aggregating by min or max; null otherwise. */
  min: number | null;
  max: number | null;
}

export type Partials = Map<string, CellPartial>;

/** Input cells that aggregate across units: numbers whose aggregation is not 'formula' or 'none'. */
export function aggregatedCells(ct: CompiledTemplate): CellSpec[] {
  return ct.inputCells.filter((c) => c.valueType !== 'text' && overUnits(c.aggregation) !== undefined);
}

/**
 * The cells of generated lists' rows that `ct` does not write out (one row per unit in force, whatever
 * tree `ct` was written out for), as a row code prefix ("B3.") and a column with the cell each such row
 * has: what contributionOf carries by listSpecOf, for the full recompute's SQL to match by prefix.
 */
export function aggregatedListCells(ct: CompiledTemplate): { prefix: string; spec: CellSpec }[] {
  if (!ct.hasGeneratedLists) return [];
  return ct.file.rows
    .filter((r) => r.list)
    .flatMap((r) =>
      ct.columns.flatMap((c) => {
        // Any unit code names the same cell; this one is never a row of the template.
        const spec = ct.listCell(`${r.code}.\u0000`, c.key);
        return spec && overUnits(spec.aggregation) !== undefined ? [{ prefix: `${r.code}.`, spec }] : [];
      }),
    );
}

export const scaleOf = (spec: Pick<CellSpec, 'decimals'>): number => 10 ** spec.decimals;

/** Whether min/max are kept for the cell. */
export const keepsExtremes = (spec: Pick<CellSpec, 'aggregation'>): boolean => spec.aggregation === 'min' || spec.aggregation === 'max';

/**
 * value × scale rounded half away from zero, with exactly SQLite's arithmetic for ROUND(x) (add 0.5
 * to |x| and truncate), so the database's recompute and this code give the same integer.
 */
export function toSteps(value: number, scale: number): number {
  const x = value * scale;
  return x >= 0 ? Math.trunc(x + 0.5) : -Math.trunc(-x + 0.5);
}

/** The partials of one report's inputs (in ct's codes): what the report adds to every unit above it. */
export function contributionOf(ct: CompiledTemplate, values: CellValues): Partials {
  const out: Partials = new Map();
  const add = (spec: CellSpec, v: number) => {
    const extreme = keepsExtremes(spec);
    out.set(spec.key, { sum: toSteps(v, scaleOf(spec)), count: 1, min: extreme ? v : null, max: extreme ? v : null });
  };
  for (const spec of aggregatedCells(ct)) {
    const v = values.get(spec.key);
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    add(spec, v);
  }
  // Rows of generated lists (one per unit in force) are carried whatever tree `ct` was written out for.
  if (ct.hasGeneratedLists) {
    for (const [key, v] of values) {
      if (out.has(key) || typeof v !== 'number' || !Number.isFinite(v)) continue;
      const spec = listSpecOf(ct, key);
      if (spec) add(spec, v);
    }
  }
  return out;
}

function listSpecOf(ct: CompiledTemplate, key: string): CellSpec | undefined {
  const { row, col } = parseCellKey(key);
  if (ct.cell(row, col)) return undefined;
  const spec = ct.listCell(row, col);
  return spec && overUnits(spec.aggregation) !== undefined ? spec : undefined;
}

/** Adds `from` into `into` (mutating it). */
export function addPartials(into: Partials, from: Partials): Partials {
  for (const [key, p] of from) {
    const at = into.get(key);
    if (!at) {
      into.set(key, { ...p });
      continue;
    }
    at.sum += p.sum;
    at.count += p.count;
    at.min = at.min === null ? p.min : p.min === null ? at.min : Math.min(at.min, p.min);
    at.max = at.max === null ? p.max : p.max === null ? at.max : Math.max(at.max, p.max);
  }
  return into;
}

export function mergeAll(parts: Iterable<Partials | undefined>): Partials {
  const out: Partials = new Map();
  for (const p of parts) if (p) addPartials(out, p);
  return out;
}

/**
 * The aggregated inputs the partials stand for, each cell by its row's aggregation across units:
 * sum (and stocks) from the sum, average = sum / count at the cell's decimals, min, max. Cells nobody
 * filled stay empty.
 */
export function valuesOfPartials(ct: CompiledTemplate, partials: Partials): CellValues {
  const out: CellValues = new Map();
  for (const spec of aggregatedCells(ct)) {
    const p = partials.get(cellKey(spec.row, spec.col));
    if (!p || p.count <= 0) continue;
    const mode = overUnits(spec.aggregation);
    const sum = p.sum / scaleOf(spec);
    // An average is shown, exported and used by formulas at the row's decimals, as computed cells are.
    const value = mode === 'average' ? roundHalfAway(sum / p.count, spec.decimals) : mode === 'min' ? p.min : mode === 'max' ? p.max : sum;
    if (value !== null) out.set(spec.key, value);
  }
  if (ct.hasGeneratedLists) {
    for (const [key, p] of partials) {
      if (out.has(key) || p.count <= 0) continue;
      const spec = listSpecOf(ct, key);
      if (spec) out.set(key, valueOf(spec, p));
    }
  }
  return out;
}

function valueOf(spec: CellSpec, p: CellPartial): number {
  const mode = overUnits(spec.aggregation);
  const sum = p.sum / scaleOf(spec);
  return mode === 'average' ? roundHalfAway(sum / p.count, spec.decimals) : mode === 'min' ? (p.min ?? sum) : mode === 'max' ? (p.max ?? sum) : sum;
}
