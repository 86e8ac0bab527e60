// Builds the evaluation context of a report from an in-memory store of entered values, for template tests.
import type { TemplateFile } from '../../schema/template';
import { periodFromId, periodsOfYearUpTo, previousPeriod, samePeriodLastYear } from '../../domain/periods';
import { cellKey, compileTemplate, type CellValues, type CompiledTemplate, type EvalContext } from '../../domain/template';

/** Entered values of one report: row code → column key → value. */
export type Entries = Record<string, Record<string, number>>;

export function cellValues(entries: Entries): CellValues {
  const out: CellValues = new Map();
  for (const [row, cols] of Object.entries(entries)) for (const [col, value] of Object.entries(cols)) out.set(cellKey(row, col), value);
  return out;
}

export function compiled(file: TemplateFile): CompiledTemplate {
  const result = compileTemplate(file);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.template;
}

/** The context of `periodId`, reading each period's inputs from `stored` (absent = no report). */
export function contextFor(file: TemplateFile, periodId: string, stored: ReadonlyMap<string, CellValues>): EvalContext {
  const period = (id: string) => {
    const p = periodFromId(file, id);
    if (p === undefined) throw new Error(`${id} is not a ${file.frequency} period`);
    return p;
  };
  return {
    periodId,
    inputs: (id) => stored.get(id),
    previousPeriodId: (id) => previousPeriod(file, period(id))?.id,
    samePeriodLastYearId: (id) => samePeriodLastYear(file, period(id))?.id,
    periodsOfYearUpTo: (id) => periodsOfYearUpTo(file, period(id)).map((p) => p.id),
  };
}

/** Reads a cell of a computed grid, undefined when empty. */
export function at(values: CellValues, row: string, col: string): number | string | undefined {
  return values.get(cellKey(row, col));
}
