// The roll-up of a unit's subtree for a period, on the hierarchy in force on the period's last day:
// maintained partial aggregates looked up for the unit and each child (rollup-read.ts), computed cells
// recomputed from the combined inputs (so ratios are ratios of sums), with completeness counted in SQL
// over the subtree.
import { sql } from 'drizzle-orm';
import type { Aggregate, CellValueOut, Completeness, ReportStatus } from '../../schema/api';
import type { Level } from '../../schema/template';
import type { SessionUser } from '../auth/sessions';
import { deadlinesFor, type Period } from '../../domain/periods';
import { reportingLevelsOn } from '../../domain/reporting-levels';
import { type CellValues, parseCellKey } from '../../domain/template/cell-key';
import type { TreeUnit, UnitTree } from '../../domain/unit-tree';
import { actorIn, permissionsFor } from '../../domain/workflow';
import { reportsOfUnits } from '../db/rollups';
import type { AppDeps } from '../env';
import { forbidden, notFound } from '../errors';
import type { LoadedTemplate } from '../templates/registry';
import { requirePeriod, requireTemplate } from './report-target';
import type { Include } from './rollup';
import { type Span, spanOf, subtreeGrids } from './rollup-read';

export type { Include };

export interface RollupScope {
  template: LoadedTemplate;
  /** The period asked for; for a span of several of the form's periods, the span. */
  period: Period;
  span: Span;
  tree: UnitTree;
  unit: TreeUnit;
}

/**
 * The template version, period, tree and unit of a roll-up, once the caller may see that unit. The
 * period is one of the form's, or a coarser one they tile (a monthly form's quarter, half or year).
 */
export async function resolveRollupScope(
  deps: AppDeps,
  user: SessionUser,
  templateId: string,
  periodId: string,
  unitCode: string,
): Promise<RollupScope> {
  const latest = requireTemplate(deps, templateId);
  const found = spanOf(latest, periodId);
  if (!found) requirePeriod(latest, periodId);
  const template = deps.templates.forPeriod(templateId, found!.members.at(-1)!.id)!;
  const span = spanOf(template, periodId)!;
  const period = span.period;
  const tree = await deps.unitTrees.at(period.end);
  const unit = tree.byCode(unitCode);
  if (!unit) throw notFound('unknown-unit', `Không có đơn vị mã "${unitCode}" vào ngày ${period.end}.`);
  if (!permissionsFor(actorIn(user, tree), unit, tree).view) {
    throw forbidden(`Bạn không có quyền xem số liệu tổng hợp của ${unit.name}.`);
  }
  return { template, period, span, tree, unit };
}

export async function aggregateUnit(
  deps: AppDeps,
  user: SessionUser,
  templateId: string,
  periodId: string,
  unitCode: string,
  include: Include,
): Promise<Aggregate> {
  const scope = await resolveRollupScope(deps, user, templateId, periodId, unitCode);
  const { template, span, tree, unit } = scope;
  const children = tree.childrenOf(unit);
  const grids = await subtreeGrids(deps, template, span, include, [unit, ...children]);
  const last = span.members.at(-1)!;
  const statuses = new Map(
    (await reportsOfUnits(deps.store.db, templateId, last.id, ['draft', 'submitted', 'approved', 'returned'], children.map((c) => c.id))).map((r) => [
      r.unitId,
      r.status as ReportStatus,
    ]),
  );
  const own = grids.get(unit.id)!;
  return {
    template: templateId,
    templateVersion: template.file.version,
    period: span.period.id,
    unit: { code: unit.code, name: unit.name, level: unit.level },
    include,
    values: toWire(own.values),
    completeness: await completenessOf(deps, template, span, tree, unit),
    children: children.map((child) => ({
      unitCode: child.code,
      unitName: child.name,
      status: statuses.get(child.id) ?? 'draft',
      values: toWire(grids.get(child.id)!.values),
    })),
    incompletePast: own.incompletePast,
  };
}

/**
 * Reports expected from the subtree (units of the levels that fill the form), and how many were
 * submitted, approved and sent on time, counted by the database over the subtree relation. A span of
 * several periods counts each of its periods.
 */
export async function completenessOf(
  deps: AppDeps,
  template: LoadedTemplate,
  span: Span,
  tree: UnitTree,
  unit: TreeUnit,
  options: { below?: boolean } = {},
): Promise<Completeness> {
  const minDepth = options.below ? 1 : 0;
  const result: Completeness = { expected: 0, submitted: 0, approved: 0, onTime: 0 };
  const calendar = await deps.holidays.calendar();
  for (const period of span.members) {
    const periodTree = period.end === tree.date ? tree : await deps.unitTrees.at(period.end);
    const root = periodTree.byId(unit.id);
    if (!root) continue;
    const levels = reportingLevelsOn(template.file, period.end);
    if (levels.length === 0) continue;
    result.expected += periodTree.subtree(root).filter((u) => levels.includes(u.level) && (minDepth === 0 || u.id !== root.id)).length;
    const deadlines = deadlinesFor(period, template.file.regime.deadlineWorkingDays, calendar);
    // A deadline day ends at 24:00 in Hà Nội (UTC+7): sent before 17:00 UTC that day is on time.
    const cutoff = (level: Level) => (deadlines[level] ? `${deadlines[level]}T17:00:00.000Z` : '9999');
    const [row] = await deps.store.db.all<{ submitted: number | null; approved: number | null; on_time: number | null }>(sql`
      SELECT SUM(r.status IN ('submitted', 'approved')) AS submitted, SUM(r.status = 'approved') AS approved,
             SUM(r.status IN ('submitted', 'approved') AND r.submitted_at IS NOT NULL AND r.submitted_at < CASE u.level
               WHEN 'nation' THEN ${cutoff('nation')} WHEN 'province' THEN ${cutoff('province')}
               WHEN 'district' THEN ${cutoff('district')} ELSE ${cutoff('commune')} END) AS on_time
      FROM unit_closure c
      JOIN reports r ON r.unit_id = c.unit_id AND r.template_id = ${template.file.id} AND r.period_id = ${period.id}
      JOIN units u ON u.id = r.unit_id
      WHERE c.ancestor_id = ${unit.id} AND c.depth >= ${minDepth} AND u.level IN (SELECT value FROM json_each(${JSON.stringify(levels)}))`);
    result.submitted += row?.submitted ?? 0;
    result.approved += row?.approved ?? 0;
    result.onTime += row?.on_time ?? 0;
  }
  return result;
}

export function toWire(values: CellValues): CellValueOut[] {
  return [...values].map(([key, value]) => ({ ...parseCellKey(key), value }));
}
