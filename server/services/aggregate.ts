// The live roll-up of a unit's subtree for a period, on the hierarchy in force on the period's last
// day: inputs combined by each row's aggregation, computed cells recomputed from the combined inputs
// (so ratios are ratios of sums), with completeness and each child's own roll-up.
import type { Aggregate, CellValueOut, Completeness } from '../../schema/api';
import type { SessionUser } from '../auth/sessions';
import { deadlinesFor, type Period } from '../../domain/periods';
import { reportingLevelsOn, unitsThatMustReport } from '../../domain/reporting-levels';
import { type CellValues, parseCellKey } from '../../domain/template/cell-key';
import type { TreeUnit, UnitTree } from '../../domain/unit-tree';
import { isOnOrBefore } from '../../domain/vn-time';
import { actorIn, permissionsFor } from '../../domain/workflow';
import type { AppDeps } from '../env';
import { forbidden, notFound } from '../errors';
import type { LoadedTemplate } from '../templates/registry';
import { requirePeriod, requireTemplate } from './report-target';
import { createRollup, type Include, ownRow, type PeriodData } from './rollup';

export type { Include };

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
  if (!permissionsFor(actorIn(user, tree), unit, tree).view) {
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
  const rollup = createRollup(deps, template, period, include, unit.code);
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
  for (const u of unitsThatMustReport(tree, unit, levels)) {
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
