// The roll-up of a unit's subtree for a period, on the hierarchy in force on the period's last day:
// maintained partial aggregates looked up for the unit and each child (rollup-read.ts), computed cells
// recomputed from the combined inputs (so ratios are ratios of sums), with completeness read over the
// subtree relation. A period may also be a span the form's periods tile (a quarter of a monthly form).
import { sql } from 'drizzle-orm';
import type { Aggregate, CellValueOut, Completeness, ReportStatus } from '../../schema/api';
import type { Level, Round } from '../../schema/template';
import { deadlineRulesForPeriod, deadlinesFor } from '../../domain/periods';
import { deadlineLevelOf, isReportingUnit, unitsThatMustReport } from '../../domain/reporting-levels';
import { type CellValues, parseCellKey } from '../../domain/template/cell-key';
import { isAgency, type TreeUnit, type UnitTree } from '../../domain/unit-tree';
import type { SessionUser } from '../auth/sessions';
import { countsInRollup, reportsOfUnits } from '../db/rollups';
import type { AppDeps } from '../env';
import type { LoadedTemplate } from '../templates/registry';
import { type ReportKey, requirePeriod, requireTemplate, resolveScope, type Scope } from './report-context';
import type { Include } from './rollup';
import { type Span, spanOf, subtreeGrids } from './rollup-read';

export type { Include };

/** A request's scope with the span of the form's periods it covers. */
export interface RollupScope extends Scope {
  span: Span;
}

/**
 * The scope of a roll-up (resolveScope: who may see what), for one of the form's periods or a coarser
 * period they tile; for a span, the tree, template version and access are those of its last period.
 */
export async function resolveRollupScope(deps: AppDeps, user: SessionUser, key: ReportKey): Promise<RollupScope> {
  const latest = requireTemplate(deps, key.template);
  const span = spanOf(latest, key.period);
  if (!span) requirePeriod(deps, latest, key.period);
  const last = span!.members.at(-1)!;
  const scope = await resolveScope(deps, user, { ...key, period: last.id });
  if (span!.members.length === 1) return { ...scope, span: { ...span!, period: scope.period, members: [scope.period] } };
  return { ...scope, period: span!.period, span: spanOf(scope.template, key.period)! };
}

/**
 * The roll-up of a round: official (each unit's official report once submitted, its preliminary one
 * until then) or preliminary (the estimates alone); completeness and children's statuses are the round's.
 */
export async function aggregateUnit(deps: AppDeps, scope: RollupScope, include: Include, round: Round = 'official'): Promise<Aggregate> {
  const { template, span, tree, unit } = scope;
  // An agency is a child of its unit only where it fills the form itself (Biểu 06's sở, ban, ngành).
  const children = tree.childrenOf(unit).filter((c) => !isAgency(c) || isReportingUnit(template.file, c, tree));
  const grids = await subtreeGrids(deps, template, span, include, [unit, ...children], round);
  const last = span.members.at(-1)!;
  const statuses = new Map(
    (await reportsOfUnits(deps.store.db, template.file.id, last.id, ['draft', 'submitted', 'approved', 'returned'], children.map((c) => c.id), round)).map((r) => [
      r.unitId,
      r.status as ReportStatus,
    ]),
  );
  const own = grids.get(unit.id)!;
  return {
    template: template.file.id,
    templateVersion: template.file.version,
    period: span.period.id,
    unit: { code: unit.code, name: unit.name, level: unit.level },
    include,
    round,
    values: toWire(own.values),
    completeness: await completenessOf(deps, template, span, tree, unit, round),
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
 * The reports that must come in for the roll-up (unitsThatMustReport, the one definition), and how
 * many were submitted, approved and sent by their deadline: the subtree's reports are read over the
 * subtree relation as one JSON string (CROSS JOIN: from the subtree to its reports by key, never the
 * country's reports of the period), so a nation's 10,000 cost one query. A span counts each of its
 * periods; a span in the preliminary round counts each period's counted report, on time by its round's deadline.
 */
export async function completenessOf(deps: AppDeps, template: LoadedTemplate, span: Span, tree: UnitTree, unit: TreeUnit, round: Round = 'official'): Promise<Completeness> {
  const result: Completeness = { expected: 0, submitted: 0, approved: 0, onTime: 0 };
  const calendar = await deps.holidays.calendar();
  for (const period of span.members) {
    const periodTree = period.end === tree.date ? tree : await deps.unitTrees.at(period.end);
    const root = periodTree.byId(unit.id);
    if (!root) continue;
    const must = unitsThatMustReport(template.file, periodTree, root);
    if (must.length === 0) continue;
    // A span's estimate counts, like its figures, each period's counted report (official once sent, else the estimate).
    const which = round === 'preliminary' && span.members.length > 1 ? countsInRollup('r') : sql`r.round = ${round}`;
    const [row] = await deps.store.db.all<{ j: string | null }>(sql`
      SELECT json_group_array(json_array(r.unit_id, r.status, r.submitted_at, r.round)) AS j
      FROM unit_closure c CROSS JOIN reports r ON r.unit_id = c.unit_id AND r.template_id = ${template.file.id} AND r.period_id = ${period.id}
      WHERE c.ancestor_id = ${unit.id} AND +r.status IN ('submitted', 'approved') AND ${which}`);
    const sent = new Map((JSON.parse(row?.j ?? '[]') as [number, string, string | null, Round][]).map(([id, status, at, r]) => [id, { status, at, round: r }]));
    const deadlinesOf = new Map<Round, ReturnType<typeof deadlinesFor>>();
    const deadlineOfRound = (r: Round) => {
      if (!deadlinesOf.has(r)) deadlinesOf.set(r, deadlinesFor(period, deadlineRulesForPeriod(template.file, period.id, r), calendar));
      return deadlinesOf.get(r)!;
    };
    for (const u of must) {
      result.expected++;
      const report = sent.get(u.id);
      if (!report) continue;
      result.submitted++;
      if (report.status === 'approved') result.approved++;
      const deadlines = deadlineOfRound(report.round);
      const withDeadline = (Object.keys(deadlines) as Level[]).filter((l) => periodTree.levels.has(l));
      const level = deadlineLevelOf(u, periodTree, withDeadline);
      const deadline = level && deadlines[level];
      // A deadline day ends at 24:00 in Hà Nội (UTC+7): sent before 17:00 UTC that day is on time.
      if (report.at && (!deadline || new Date(report.at).getTime() < Date.parse(`${deadline}T17:00:00.000Z`))) result.onTime++;
    }
  }
  return result;
}

export function toWire(values: CellValues): CellValueOut[] {
  return [...values].map(([key, value]) => ({ ...parseCellKey(key), value }));
}
