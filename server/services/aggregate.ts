// The live roll-up of a unit's subtree for a period, on the hierarchy in force on the period's last
// day: inputs combined by each row's aggregation, computed cells recomputed from the combined inputs
// (so ratios are ratios of sums), with completeness and each child's own roll-up.
import type { Aggregate, CellValueOut, Completeness } from '../../schema/api';
import type { Period } from '../../domain/periods';
import { isReportingUnit, unitsThatMustReport } from '../../domain/reporting-levels';
import { type CellValues, parseCellKey } from '../../domain/template/cell-key';
import { isAgency, type TreeUnit, type UnitTree } from '../../domain/unit-tree';
import { isOnOrBefore } from '../../domain/vn-time';
import type { AppDeps } from '../env';
import type { LoadedTemplate } from '../templates/registry';
import { deadlineOf, type Scope } from './report-context';
import { createRollup, type Include, ownRow, type PeriodData } from './rollup';

export type { Include };

export async function aggregateUnit(deps: AppDeps, scope: Scope, include: Include): Promise<Aggregate> {
  const { template, period, tree, unit } = scope;
  const rollup = createRollup(deps, template, period, include, unit.code);
  const data = await rollup.data(period);
  const children = [];
  // An agency is a child of its unit only where it fills the form itself (Biểu 06's sở, ban, ngành).
  for (const child of tree.childrenOf(unit).filter((c) => !isAgency(c) || isReportingUnit(template.file, c, tree))) {
    children.push({
      unitCode: child.code,
      unitName: child.name,
      status: ownRow(data, child)?.status ?? ('draft' as const),
      values: toWire(await rollup.subtree(child.code)),
    });
  }
  return {
    template: template.file.id,
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
  const result: Completeness = { expected: 0, submitted: 0, approved: 0, onTime: 0 };
  for (const u of unitsThatMustReport(template.file, tree, unit)) {
    result.expected++;
    const row = ownRow(data, u);
    if (!row || (row.status !== 'submitted' && row.status !== 'approved')) continue;
    result.submitted++;
    if (row.status === 'approved') result.approved++;
    const deadline = await deadlineOf(deps, template, period, u, tree);
    if (row.submittedAt && (!deadline || isOnOrBefore(new Date(row.submittedAt), deadline))) result.onTime++;
  }
  return result;
}

export function toWire(values: CellValues): CellValueOut[] {
  return [...values].map(([key, value]) => ({ ...parseCellKey(key), value }));
}
