// Builds the evaluation context of a report: its own inputs plus those of the other periods its
// formulas read (previous period, same period last year, the year so far), loaded in one pass and
// carried into the report's template version.
import type { Period } from '../../domain/periods';
import { collectionOfPeriod, periodFromId, periodSteps } from '../../domain/periods';
import type { CellValues } from '../../domain/template/cell-key';
import { type EvalContext, requiredPeriodIds } from '../../domain/template/evaluator';
import { aggregateInputs } from '../../domain/template/aggregate';
import { translateValues } from '../../domain/template/lineage';
import { pastOn } from '../../domain/unit-succession';
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
  // prev(), lastYear(), ytd() step within the period's own collection (a six-monthly report's prev is a half-year).
  const spec = collectionOfPeriod(template.file, period.id)?.collection ?? template.spec;
  const ops = periodSteps(spec, period.id);
  const at = (id: string) => periodFromId(spec, id);
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
export function inVersion(deps: Pick<AppDeps, 'templates'>, to: LoadedTemplate, fromVersion: number, values: CellValues): CellValues {
  let current = values;
  for (let v = fromVersion; v < to.file.version; v++) {
    const from = deps.templates.get(to.file.id, v);
    const next = deps.templates.get(to.file.id, v + 1);
    if (!from || !next) return new Map();
    current = translateValues(from.compiled, next.compiled, current);
  }
  return fromVersion > to.file.version ? new Map() : current;
}

/** A loader of one unit's inputs, telling which periods came from predecessors absorbed only in part. */
export interface UnitInputLoader extends InputLoader {
  readonly incomplete: ReadonlySet<string>;
}

/**
 * The inputs of one unit in other periods. A period before the unit existed is read from the units it
 * continues (unit_successions: 05977 Phường Đông Kinh of 2025-07-01 is the sum of the old 05977 Vĩnh
 * Trại, 05980 Đông Kinh, 05992 Mai Pha and 06247 Yên Trạch), not from whatever held its code then.
 * Several predecessors combine as a roll-up does; one absorbed only in part is left out, and the
 * period is flagged incomplete.
 */
export function unitInputLoader(deps: AppDeps, template: LoadedTemplate, unit: { id: number }): UnitInputLoader {
  const incomplete = new Set<string>();
  const load = async (periods: Period[]) => {
    const past = await pastInputs(deps, template, [unit.id], periods);
    for (const id of past.incomplete.get(unit.id) ?? []) incomplete.add(id);
    return past.values.get(unit.id) ?? new Map<string, CellValues>();
  };
  return Object.assign(load, { incomplete });
}

/** The periods other than `period` that a report's formulas and rules read. */
export function otherPeriodsOf(template: LoadedTemplate, period: Period): Period[] {
  return requiredPeriodIds(template.compiled, periodSteps(template.spec, period.id))
    .map((id) => periodFromId(template.spec, id))
    .filter((p): p is Period => p !== undefined);
}

/**
 * unitInputLoader for many units at once, in two queries whatever their number (the Excel package
 * reads a chunk of units' previous periods together rather than two queries per sheet).
 */
export async function pastInputs(deps: AppDeps, template: LoadedTemplate, unitIds: readonly number[], periods: Period[]) {
  const values = new Map<number, Map<string, CellValues>>();
  const incomplete = new Map<number, Set<string>>();
  if (periods.length === 0 || unitIds.length === 0) return { values, incomplete };
  const history = await deps.unitTrees.history();
  const pasts = new Map(unitIds.map((id) => [id, new Map(periods.map((p) => [p.id, pastOn(history, id, p.end)]))]));
  const sourceIds = [...new Set([...pasts.values()].flatMap((byPeriod) => [...byPeriod.values()].flatMap((p) => p.sources)))];
  const rows = await findReportsOfPeriods(deps.store.db, template.file.id, periods.map((p) => p.id), sourceIds, 'official');
  const stored = await loadValues(deps.store.db, rows.map((r) => r.id));
  const byKey = new Map(rows.map((r) => [`${r.periodId}\u0000${r.unitId}`, r]));
  for (const [unitId, byPeriod] of pasts) {
    const out = new Map<string, CellValues>();
    for (const [periodId, past] of byPeriod) {
      if (past.incomplete) {
        let set = incomplete.get(unitId);
        if (!set) incomplete.set(unitId, (set = new Set()));
        set.add(periodId);
      }
      const mine = past.sources.map((src) => byKey.get(`${periodId}\u0000${src}`)).filter((r) => r !== undefined);
      if (mine.length === 0) continue;
      const inputs = mine.map((r) => inVersion(deps, template, r.templateVersion, stored.get(r.id) ?? new Map()));
      out.set(periodId, inputs.length === 1 && past.sources.length === 1 ? inputs[0]! : aggregateInputs(template.compiled, inputs));
    }
    values.set(unitId, out);
  }
  return { values, incomplete };
}
