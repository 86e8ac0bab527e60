// Builds the evaluation context of a report: its own inputs plus those of the other periods its
// formulas read (previous period, same period last year, the year so far), loaded in one pass and
// carried into the report's template version.
import type { Period } from '../../domain/periods';
import { periodFromId, periodSteps } from '../../domain/periods';
import type { CellValues } from '../../domain/template/cell-key';
import { type EvalContext, requiredPeriodIds } from '../../domain/template/evaluator';
import { translateValues } from '../../domain/template/lineage';
import { findReportsOfPeriods, loadValues } from '../db/reports';
import type { AppDeps } from '../env';
import type { LoadedTemplate } from '../templates/registry';

/** Loads the inputs of some periods, keyed by period id; a period with no data is left out. */
export type InputLoader = (periods: Period[]) => Promise<Map<string, CellValues>>;

export async function buildEvalContext(
  template: LoadedTemplate,
  period: Period,
  current: CellValues,
  loadOthers: InputLoader,
): Promise<EvalContext> {
  const ops = periodSteps(template.spec, period.id);
  const at = (id: string) => periodFromId(template.spec, id);
  const others = requiredPeriodIds(template.compiled, ops)
    .map(at)
    .filter((p): p is Period => p !== undefined);
  const loaded = others.length > 0 ? await loadOthers(others) : new Map<string, CellValues>();
  loaded.set(period.id, current);
  return { ...ops, inputs: (id) => loaded.get(id) };
}

/**
 * Carries stored inputs of the version a report was made with into `to`'s row codes, one version at a
 * time, since each version declares its lineage (`was`) against the one before it.
 */
export function inVersion(deps: AppDeps, to: LoadedTemplate, fromVersion: number, values: CellValues): CellValues {
  let current = values;
  for (let v = fromVersion; v < to.file.version; v++) {
    const from = deps.templates.get(to.file.id, v);
    const next = deps.templates.get(to.file.id, v + 1);
    if (!from || !next) return new Map();
    current = translateValues(from.compiled, next.compiled, current);
  }
  return fromVersion > to.file.version ? new Map() : current;
}

/**
 * The inputs of the unit holding `unitCode` in each period. The code is resolved in each period's
 * own tree: across the 2025 reform it may name another unit, and that unit's figures are the ones
 * on record for it.
 */
export function unitInputLoader(deps: AppDeps, template: LoadedTemplate, unitCode: string): InputLoader {
  return async (periods) => {
    const wanted = new Map<string, number>();
    for (const p of periods) {
      const unit = (await deps.unitTrees.at(p.end)).byCode(unitCode);
      if (unit) wanted.set(p.id, unit.id);
    }
    const rows = (await findReportsOfPeriods(deps.store.db, template.file.id, [...wanted.keys()], [...new Set(wanted.values())]))
      .filter((r) => wanted.get(r.periodId) === r.unitId);
    const stored = await loadValues(deps.store.db, rows.map((r) => r.id));
    return new Map(rows.map((r) => [r.periodId, inVersion(deps, template, r.templateVersion, stored.get(r.id) ?? new Map())]));
  };
}
