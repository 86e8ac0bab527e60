// The figures of a grid as every exchange format writes them: non-empty cells of data rows in template
// order (rows top to bottom, columns left to right), numbers as finite numbers, text as text. QCVN 125,
// ADX and SDMX-CSV all list the same cells from here, so the formats agree by construction.
import { cellKey, type CellValues } from '../../domain/template/cell-key';
import type { CompiledTemplate } from '../../domain/template/types';
import type { ValueType } from '../../schema/template';

export interface Figure {
  row: string;
  col: string;
  value: number | string;
  valueType: ValueType;
  /** Computed by the system from other cells (totals, ratios); importers never write it. */
  computed: boolean;
}

export function figuresOf(ct: CompiledTemplate, grid: CellValues): Figure[] {
  const out: Figure[] = [];
  for (const row of ct.dataRows) {
    for (const column of ct.columns) {
      const spec = ct.cell(row.code, column.key);
      if (spec === undefined || spec.kind === 'disabled') continue;
      const stored = grid.get(cellKey(row.code, column.key));
      if (stored === undefined || stored === '') continue;
      const value = spec.valueType === 'text' ? String(stored) : asNumber(stored);
      // A cell that evaluated to NaN or an infinity has no figure to send.
      if (typeof value === 'number' && !Number.isFinite(value)) continue;
      out.push({ row: row.code, col: column.key, value, valueType: spec.valueType, computed: spec.kind === 'computed' });
    }
  }
  return out;
}

function asNumber(value: number | string): number | string {
  if (typeof value === 'number') return value;
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) ? n : value;
}

const DURATIONS: Record<string, string> = { monthly: 'P1M', quarterly: 'P3M', 'six-monthly': 'P6M', 'nine-month': 'P9M', annual: 'P1Y' };

/**
 * The period as ADX and SDMX write it: ISO 8601 start/duration ('2024-12-15/P3M' is Q1 2025 under
 * Decree 09 Art. 12), or start/end for ad hoc windows, which have no fixed length.
 */
export function isoPeriodOf(period: { start: string; end: string; frequency: string }): string {
  const duration = DURATIONS[period.frequency];
  return duration ? `${period.start}/${duration}` : `${period.start}/${period.end}`;
}
