// Pieces of the report store that need no signals: map merging, the PUT body, other periods' inputs.
import type { CellValue, PutValuesBody } from '../../schema/api';
import { cellKey } from '../../server/domain/template/cell-key';
import type { Api } from '../api';
import type { OtherPeriods } from '../engine';

export function splitKey(key: string): [string, string] {
  const at = key.lastIndexOf('|');
  return [key.slice(0, at), key.slice(at + 1)];
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
 * The same unit's values in other periods, as the server shows them; a period without a report, or one
 * the caller may not read, counts as having no report, as on the server.
 */
export async function fetchOtherPeriods(api: Api, key: { template: string; unit: string }, ids: readonly string[]): Promise<OtherPeriods> {
  const others = new Map<string, Map<string, number | string>>();
  await Promise.all(
    ids.map(async (id) => {
      try {
        const other = await api.report(key.template, id, key.unit);
        if (other.revision === 0 && other.values.length === 0) return;
        const values = new Map<string, number | string>();
        for (const v of other.values) if (v.value !== null) values.set(cellKey(v.row, v.col), v.value);
        others.set(id, values);
      } catch {
        // Not there or not visible.
      }
    }),
  );
  return others;
}
