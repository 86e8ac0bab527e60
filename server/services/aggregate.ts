// The live roll-up of a unit's subtree for a period, on the hierarchy in force on the period's last
// day: inputs combined by each row's aggregation, computed cells recomputed from the combined inputs
// (so ratios are ratios of sums), with completeness and each child's own roll-up.
import type { Aggregate, CellValueOut, Completeness, ReportStatus } from '../../schema/api';
import type { SessionUser } from '../auth/sessions';
import { listReports, loadValues, type ReportRow } from '../db/reports';
import { deadlinesFor, type Period } from '../domain/periods';
import { reportingLevelsOn } from '../domain/reporting-levels';
import { aggregateInputs } from '../domain/template/aggregate';
import { type CellValues, parseCellKey } from '../domain/template/cell-key';
import { computeReport } from '../domain/template/evaluator';
import type { TreeUnit, UnitTree } from '../domain/unit-tree';
import { isOnOrBefore } from '../domain/vn-time';
import { permissionsFor } from '../domain/workflow';
import type { AppDeps } from '../env';
import { forbidden, notFound } from '../errors';
import type { LoadedTemplate } from '../templates/registry';
import { requirePeriod, requireTemplate } from './report-target';
import { buildEvalContext, inVersion } from './report-values';

export type Include = 'approved' | 'submitted';
const COUNTED: Record<Include, ReportStatus[]> = { approved: ['approved'], submitted: ['submitted', 'approved'] };

/** One period's reports in a tree, loaded once and shared by every unit rolled up from them. */
export interface PeriodData {
  tree: UnitTree;
  rows: Map<number, ReportRow>;
  values: Map<number, CellValues>;
}

export interface RollupScope {
  template: LoadedTemplate;
  period: Period;
  tree: UnitTree;
  unit: TreeUnit;
}

/** The template version, period, tree and unit of a roll-up, once the caller may see that unit. */
export async function resolveRollupScope(
  deps: AppDeps,
  user: SessionUser,
  templateId: string,
  periodId: string,
  unitCode: string,
): Promise<RollupScope> {
  const period = requirePeriod(requireTemplate(deps, templateId), periodId);
  const template = deps.templates.forPeriod(templateId, period.id)!;
  const tree = await deps.unitTrees.at(period.end);
  const unit = tree.byCode(unitCode);
  if (!unit) throw notFound('unknown-unit', `Không có đơn vị mã "${unitCode}" vào ngày ${period.end}.`);
  const actorUnit = user.unitCode ? tree.byCode(user.unitCode) : undefined;
  if (!permissionsFor({ role: user.role, unit: actorUnit }, unit, tree).view) {
    throw forbidden(`Bạn không có quyền xem số liệu tổng hợp của ${unit.name}.`);
  }
  return { template, period, tree, unit };
}

export async function aggregateUnit(
  deps: AppDeps,
  user: SessionUser,
  templateId: string,
  periodId: string,
  unitCode: string,
  include: Include,
): Promise<Aggregate> {
  const { template, period, tree, unit } = await resolveRollupScope(deps, user, templateId, periodId, unitCode);
  const rollup = createRollup(deps, template, period, include);
  const data = await rollup.data(period);
  const children = [];
  for (const child of tree.childrenOf(unit)) {
    children.push({
      unitCode: child.code,
      unitName: child.name,
      status: ownRow(data, child)?.status ?? ('draft' as const),
      values: toWire(await rollup.subtree(child.code)),
    });
  }
  return {
    template: templateId,
    templateVersion: template.file.version,
    period: period.id,
    unit: { code: unit.code, name: unit.name, level: unit.level },
    include,
    values: toWire(await rollup.subtree(unit.code)),
    completeness: await completenessOf(deps, template, period, tree, unit, data),
    children,
  };
}

export interface Rollup {
  data(p: Period): Promise<PeriodData>;
  /** The full grid of a unit's subtree rolled up (inputs combined, computed cells recomputed). */
  subtree(code: string): Promise<CellValues>;
  /** The full grid of a unit's own report, as counted (undefined when it has none counted). */
  own(code: string): Promise<CellValues | undefined>;
}

/** Loads each period's reports once and rolls up any unit of the period's tree from them. */
export function createRollup(deps: AppDeps, template: LoadedTemplate, period: Period, include: Include): Rollup {
  const cache = new Map<string, Promise<PeriodData>>();
  const data = (p: Period) => {
    let loaded = cache.get(p.id);
    if (!loaded) cache.set(p.id, (loaded = loadPeriodData(deps, template, p, include)));
    return loaded;
  };
  const evaluate = async (code: string, pick: (d: PeriodData, unit: TreeUnit) => CellValues | undefined) => {
    const current = await data(period);
    const at = current.tree.byCode(code);
    const mine = at ? pick(current, at) : undefined;
    const ctx = await buildEvalContext(template, period, mine ?? new Map(), async (periods) => {
      const out = new Map<string, CellValues>();
      for (const p of periods) {
        const d = await data(p);
        const there = d.tree.byCode(code);
        const values = there ? pick(d, there) : undefined;
        if (values) out.set(p.id, values);
      }
      return out;
    });
    return { values: computeReport(template.compiled, ctx), found: mine !== undefined };
  };
  return {
    data,
    subtree: async (code) => (await evaluate(code, (d, u) => combine(template, d, u))).values,
    async own(code) {
      const result = await evaluate(code, (d, u) => d.values.get(u.id));
      return result.found ? result.values : undefined;
    },
  };
}

async function loadPeriodData(deps: AppDeps, template: LoadedTemplate, period: Period, include: Include): Promise<PeriodData> {
  const tree = await deps.unitTrees.at(period.end);
  const all = await listReports(deps.store.db, template.file.id, period.id);
  const rows = new Map(all.map((r) => [r.unitId, r]));
  const counted = all.filter((r) => COUNTED[include].includes(r.status));
  const stored = await loadValues(deps.store.db, counted.map((r) => r.id));
  const values = new Map<number, CellValues>();
  for (const r of counted) values.set(r.unitId, inVersion(deps, template, r.templateVersion, stored.get(r.id) ?? new Map()));
  return { tree, rows, values };
}

export const ownRow = (data: PeriodData, unit: TreeUnit) => data.rows.get(unit.id);

function combine(template: LoadedTemplate, data: PeriodData, unit: TreeUnit): CellValues {
  const parts = data.tree.subtree(unit).flatMap((u) => {
    const values = data.values.get(u.id);
    return values ? [values] : [];
  });
  return aggregateInputs(template.compiled, parts);
}

export async function completenessOf(
  deps: AppDeps,
  template: LoadedTemplate,
  period: Period,
  tree: UnitTree,
  unit: TreeUnit,
  data: PeriodData,
): Promise<Completeness> {
  const levels = reportingLevelsOn(template.file, period.end);
  const deadlines = deadlinesFor(period, template.file.regime.deadlineWorkingDays, await deps.holidays.calendar());
  const result: Completeness = { expected: 0, submitted: 0, approved: 0, onTime: 0 };
  for (const u of tree.subtree(unit)) {
    if (!levels.includes(u.level)) continue;
    result.expected++;
    const row = ownRow(data, u);
    if (!row || (row.status !== 'submitted' && row.status !== 'approved')) continue;
    result.submitted++;
    if (row.status === 'approved') result.approved++;
    const deadline = deadlines[u.level];
    if (row.submittedAt && (!deadline || isOnOrBefore(new Date(row.submittedAt), deadline))) result.onTime++;
  }
  return result;
}

export function toWire(values: CellValues): CellValueOut[] {
  return [...values].map(([key, value]) => ({ ...parseCellKey(key), value }));
}
