// Timeliness over the last periods below a unit (issue 12): per period, how many of the reports that had
// to come in went in on time, late, or not at all, and the units most often late. Each period is read on
// its own hierarchy: before the unit existed (the 2025 reform), below the units it continues.
import type { DashboardTimeliness, OftenLateUnit, TimelinessPeriod } from '../../schema/dashboard';
import type { Round } from '../../schema/template';
import { comparePeriodIds, type Period, periodContaining, previousPeriod, roundsOfPeriod } from '../../domain/periods';
import { pastOn } from '../../domain/unit-succession';
import type { TreeUnit } from '../../domain/unit-tree';
import { vnDate } from '../../domain/vn-time';
import type { SessionUser } from '../auth/sessions';
import type { AppDeps } from '../env';
import { badRequest } from '../errors';
import { deadlineFinder, followedUnits, reportStates, statusLine } from './dashboard-status';
import { requirePeriod, requireRound, requireTemplate, resolvePeriodScope, resolveScope } from './report-context';

export interface TimelinessRequest {
  template: string;
  under: string;
  to?: string;
  periods: number;
  round?: Round;
}

/** Whether the version in force for a period declares the round: a preliminary series or trend skips the periods without one. */
export function periodHasRound(deps: AppDeps, templateId: string, period: Period, round: Round): boolean {
  const version = deps.templates.forPeriod(templateId, period.id);
  return version !== undefined && roundsOfPeriod(version.file, period.id).includes(round);
}

/** The last period whose deadline can have passed: the one before the period in progress today. */
export function lastClosedPeriod(deps: AppDeps, templateId: string): Period | undefined {
  const latest = requireTemplate(deps, templateId);
  const first = deps.templates.versions(templateId)[0]!;
  const current = periodContaining(latest.spec, vnDate(deps.clock()));
  const previous = current && previousPeriod(latest.spec, current);
  // A template whose first version is in force only from the period under way: that period.
  return previous && comparePeriodIds(first.spec, first.file.effectiveFrom, previous.id) <= 0 ? previous : current;
}

/** `count` periods ending with `to`, oldest first, none before the template's first version. */
export function periodsBack(deps: AppDeps, templateId: string, to: Period, count: number): Period[] {
  const first = deps.templates.versions(templateId)[0]!;
  const out: Period[] = [];
  for (let p: Period | undefined = to; p && out.length < count; p = previousPeriod(first.spec, p)) {
    if (comparePeriodIds(first.spec, first.file.effectiveFrom, p.id) > 0) break;
    out.push(p);
  }
  return out.reverse();
}

export async function dashboardTimeliness(deps: AppDeps, user: SessionUser, req: TimelinessRequest): Promise<DashboardTimeliness> {
  const latest = requireTemplate(deps, req.template);
  const to = req.to ? requirePeriod(deps, latest, req.to) : lastClosedPeriod(deps, req.template);
  // The caller must see the unit in the last period; earlier ones show only what they may see there.
  if (!to) throw badRequest('invalid-query', 'Tham số truy vấn không hợp lệ: cần chọn kỳ "to" cho biểu mẫu này (to is required).');
  const scope = await resolveScope(deps, user, { template: req.template, period: to.id, unit: req.under });
  const round = requireRound(scope.template, scope.period, req.round);
  const history = await deps.unitTrees.history();
  const calendar = await deps.holidays.calendar();
  const now = deps.clock();
  const periods: TimelinessPeriod[] = [];
  const late = new Map<number, OftenLateUnit>();
  for (const period of periodsBack(deps, req.template, scope.period, req.periods)) {
    if (!periodHasRound(deps, req.template, period, round)) continue;
    const ps = period.id === scope.period.id ? scope : await resolvePeriodScope(deps, user, req.template, period.id);
    const { tree } = ps;
    const own = tree.byId(scope.unit.id);
    const roots = own ? [own] : pastOn(history, scope.unit.id, period.end).sources.map((id) => tree.byId(id)).filter((u): u is TreeUnit => u !== undefined);
    const units = [...new Map(roots.flatMap((r) => followedUnits(ps, r)).map((u) => [u.id, u])).values()];
    const states = await reportStates(deps, req.template, period.id, [...new Set([...roots.map((r) => r.id), ...units.map((u) => u.id)])], round);
    const deadlineOf = deadlineFinder(ps.template, period, tree, calendar, round);
    const row: TimelinessPeriod = { id: period.id, label: period.label, start: period.start, end: period.end, expected: 0, onTime: 0, late: 0, missing: 0, overdue: 0 };
    for (const u of units) {
      const line = statusLine(u, tree, states.get(u.id), deadlineOf(u), now, calendar);
      const sent = line.status === 'submitted' || line.status === 'approved';
      row.expected++;
      if (sent) row[line.isLate ? 'late' : 'onTime']++;
      else {
        row.missing++;
        if (line.isLate) row.overdue++;
      }
      const entry = late.get(u.id) ?? { unitCode: u.code, unitName: u.name, late: 0, of: 0, periods: [] };
      entry.of++;
      if (line.isLate) {
        entry.late++;
        entry.periods.push(period.id);
      }
      late.set(u.id, entry);
    }
    periods.push(row);
  }
  const oftenLate = [...late.values()]
    .filter((u) => u.late > 0)
    .sort((a, b) => b.late - a.late || b.late / b.of - a.late / a.of || a.unitCode.localeCompare(b.unitCode))
    .slice(0, 10);
  return { template: req.template, under: { code: scope.unit.code, name: scope.unit.name, level: scope.unit.level }, round, periods, oftenLate };
}
