// Pieces of the report store that need no signals: map merging, the PUT body, other periods' inputs.
import type { CellValue, PutValuesBody, Report } from '../../schema/api';
import { cellKey, parseCellKey } from '../../domain/template/cell-key';
import type { OtherPeriods } from '../engine';

export function splitKey(key: string): [string, string] {
  const { row, col } = parseCellKey(key);
  return [row, col];
}

/** Later maps win. */
export function merged<V>(...maps: ReadonlyMap<string, V>[]): Map<string, V> {
  const out = new Map<string, V>();
  for (const m of maps) for (const [k, v] of m) out.set(k, v);
  return out;
}

/** Only what changed: cells by cellKey, sections by key, explanations by "rule|row|col". */
export function putValuesBody(
  revision: number,
  cells: ReadonlyMap<string, CellValue>,
  sections: ReadonlyMap<string, string>,
  explanations: ReadonlyMap<string, string>,
): PutValuesBody {
  const body: PutValuesBody = {
    revision,
    values: [...cells].map(([k, value]) => {
      const [row, col] = splitKey(k);
      return { row, col, value };
    }),
  };
  if (sections.size > 0) body.sections = [...sections].map(([key, text]) => ({ key, text }));
  if (explanations.size > 0) {
    body.explanations = [...explanations].map(([id, text]) => {
      const [rule = '', row = '', col = ''] = id.split('|');
      return { rule, row, col, text };
    });
  }
  return body;
}

/**
 * The inputs of the other periods the formulas and rules read, as the report carries them (already in this
 * version's row codes); a period the server left out has no report, and reads as empty, as on the server.
 */
export function otherPeriodsOf(report: Pick<Report, 'otherPeriods'>): OtherPeriods {
  const others = new Map<string, Map<string, number | string>>();
  for (const { period, values } of report.otherPeriods ?? []) {
    const cells = new Map<string, number | string>();
    for (const v of values) if (v.value !== null && v.value !== '') cells.set(cellKey(v.row, v.col), v.value);
    others.set(period, cells);
  }
  return others;
}

/** Whether two reports read the same other periods' inputs, so the engine built for one serves the other. */
export function sameOtherPeriods(a: Pick<Report, 'otherPeriods'>, b: Pick<Report, 'otherPeriods'>): boolean {
  return JSON.stringify(a.otherPeriods ?? []) === JSON.stringify(b.otherPeriods ?? []);
}
