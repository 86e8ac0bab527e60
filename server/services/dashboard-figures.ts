// What the figures say (issue 12): one indicator (row × column) of a unit's roll-up over periods, read
// from the maintained roll-ups in the codes of the latest template version (older versions carried
// over through their row lineage), continued across the 2025 reform through the units a unit continues
// (incomplete where one was absorbed only in part), with the same period a year before and the
// completeness behind each point; and the units below compared for one period, where a computed cell
// (a ratio) is recomputed from each unit's sums, never averaged.
import type { CellRef, DashboardCompare, DashboardSeries, SeriesPointOut } from '../../schema/dashboard';
import type { Completeness } from '../../schema/api';
import type { Round } from '../../schema/template';
import { comparePeriodIds, type Period, samePeriodLastYear } from '../../domain/periods';
import { cellKey } from '../../domain/template/cell-key';
import { pastOn } from '../../domain/unit-succession';
import type { TreeUnit } from '../../domain/unit-tree';
import type { SessionUser } from '../auth/sessions';
import type { AppDeps } from '../env';
import { badRequest, notFound } from '../errors';
import type { LoadedTemplate } from '../templates/registry';
import { aggregateUnit, completenessOf, type Include, resolveRollupScope } from './aggregate';
import { lastClosedPeriod, periodHasRound, periodsBack } from './dashboard-timeliness';
import { requirePeriod, requireRound, requireTemplate, resolveScope } from './report-context';
import { subtreeGrids } from './rollup-read';

/** A series is read point by point from the roll-ups: five years of months at most. */
export const MAX_SERIES_POINTS = 60;

export function cellRefOf(template: LoadedTemplate, row: string, col: string | undefined): CellRef {
  const ct = template.compiled;
  const column = col ?? ct.columns.find((c) => ct.cell(row, c.key)?.kind !== 'disabled')?.key ?? ct.columns[0]!.key;
  const cell = ct.cell(row, column);
  if (!cell || cell.kind === 'disabled') {
    throw notFound('not-found', `Biểu mẫu ${template.file.formNumber} (phiên bản ${template.file.version}) không có ô (${row}, ${column}).`);
  }
  if (cell.valueType === 'text') throw badRequest('invalid-query', `Ô (${row}, ${column}) là ô chữ, không vẽ được biểu đồ (a text cell has no figure).`);
  const r = ct.row(row)!;
  return { row, col: column, rowLabel: r.label, colLabel: ct.column(column)!.label, measure: r.unit ?? null, isComputed: cell.kind === 'computed' };
}

const numberOf = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export interface SeriesRequest {
  template: string;
  unit: string;
  row: string;
  col?: string;
  from?: string;
  to?: string;
  include: Include;
  round?: Round;
}

export async function dashboardSeries(deps: AppDeps, user: SessionUser, req: SeriesRequest): Promise<DashboardSeries> {
  const latest = requireTemplate(deps, req.template);
  const to = req.to ? requirePeriod(deps, latest, req.to) : lastClosedPeriod(deps, req.template);
  if (!to) throw badRequest('invalid-query', 'Tham số truy vấn không hợp lệ: cần chọn kỳ "to" cho biểu mẫu này (to is required).');
  const from = req.from ? requirePeriod(deps, latest, req.from) : periodsBack(deps, req.template, to, 13)[0]!;
  if (comparePeriodIds(latest.spec, from.id, to.id) > 0) throw badRequest('invalid-query', 'Tham số truy vấn không hợp lệ: "from" phải là kỳ trước hoặc bằng "to" (from must not be after to).');
  const periods = periodsBack(deps, req.template, to, MAX_SERIES_POINTS + 1).filter((p) => comparePeriodIds(latest.spec, from.id, p.id) <= 0);
  if (periods.length > MAX_SERIES_POINTS) throw badRequest('invalid-query', `Tham số truy vấn không hợp lệ: chuỗi số liệu dài tối đa ${MAX_SERIES_POINTS} kỳ (at most ${MAX_SERIES_POINTS} periods).`);
  // The unit holding the code at the end of the series, which the caller must be allowed to see.
  const scope = await resolveScope(deps, user, { template: req.template, period: to.id, unit: req.unit });
  const round = requireRound(scope.template, scope.period, req.round);
  const target = scope.template;
  const cell = cellRefOf(target, req.row, req.col);
  const key = cellKey(cell.row, cell.col);
  const first = deps.templates.versions(req.template)[0]!;
  const lastYearOf = new Map(
    periods.map((p) => {
      const ly = samePeriodLastYear(latest.spec, p);
      return [p.id, ly && comparePeriodIds(first.spec, first.file.effectiveFrom, ly.id) <= 0 ? ly : undefined] as const;
    }),
  );
  // The figures of the round; the same period last year is compared with its official figures.
  const values = new Map<string, number | null>();
  const read = async (p: Period, r: Round) => {
    const at = `${p.id}/${r}`;
    if (values.has(at)) return values.get(at)!;
    const grids = await subtreeGrids(deps, target, { period: p, members: [p], spec: target.spec }, req.include, [scope.unit], r);
    const value = numberOf(grids.get(scope.unit.id)?.values.get(key));
    values.set(at, value);
    return value;
  };
  const history = await deps.unitTrees.history();
  const points: SeriesPointOut[] = [];
  // The preliminary round's series: only the periods whose version declares that round.
  for (const p of periods.filter((x) => round === 'official' || periodHasRound(deps, req.template, x, round))) {
    const tree = await deps.unitTrees.at(p.end);
    const own = tree.byId(scope.unit.id);
    const past = pastOn(history, scope.unit.id, p.end);
    const roots = own ? [own] : past.sources.map((id) => tree.byId(id)).filter((u): u is TreeUnit => u !== undefined);
    const version = deps.templates.forPeriod(req.template, p.id) ?? target;
    const completeness: Completeness = { expected: 0, submitted: 0, approved: 0, onTime: 0 };
    for (const root of roots) {
      const c = await completenessOf(deps, version, { period: p, members: [p], spec: version.spec }, tree, root, round);
      completeness.expected += c.expected;
      completeness.submitted += c.submitted;
      completeness.approved += c.approved;
      completeness.onTime += c.onTime;
    }
    const ly = lastYearOf.get(p.id);
    points.push({
      id: p.id,
      label: p.label,
      start: p.start,
      end: p.end,
      templateVersion: version.file.version,
      value: await read(p, round),
      lastYear: ly ? { period: ly.id, value: await read(ly, 'official') } : null,
      completeness,
      incomplete: !own && past.incomplete,
      from: own ? null : roots.map((r) => r.name),
    });
  }
  return {
    template: req.template,
    templateVersion: target.file.version,
    unit: { code: scope.unit.code, name: scope.unit.name, level: scope.unit.level },
    include: req.include,
    round,
    cell,
    points,
  };
}

export interface CompareRequest {
  template: string;
  period: string;
  under: string;
  row: string;
  col?: string;
  include: Include;
  round?: Round;
}

export async function dashboardCompare(deps: AppDeps, user: SessionUser, req: CompareRequest): Promise<DashboardCompare> {
  const scope = await resolveRollupScope(deps, user, { template: req.template, period: req.period, unit: req.under });
  const cell = cellRefOf(scope.template, req.row, req.col);
  const round = requireRound(scope.template, scope.span.members.at(-1)!, req.round);
  const aggregate = await aggregateUnit(deps, scope, req.include, round);
  const pick = (values: { row: string; col: string; value: unknown }[]) => numberOf(values.find((v) => v.row === cell.row && v.col === cell.col)?.value);
  const units = aggregate.children
    .map((c) => ({ unitCode: c.unitCode, unitName: c.unitName, level: scope.tree.byCode(c.unitCode)?.level ?? 'commune', status: c.status, value: pick(c.values) }))
    .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.unitCode.localeCompare(b.unitCode));
  const { period } = scope;
  return {
    template: req.template,
    templateVersion: scope.template.file.version,
    period: { id: period.id, label: period.label, start: period.start, end: period.end },
    under: aggregate.unit,
    include: req.include,
    round,
    cell,
    total: pick(aggregate.values),
    units,
  };
}
