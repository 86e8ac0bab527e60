// Where a period's reports stand below a unit (issue 12): the units that must report for its roll-up
// (unitsThatMustReport, the one definition the roll-up's completeness counts with) and, below an agency,
// the reports the template routes to it; each with its state, its deadline and the working days left or
// late, counted as the deadlines are (domain/periods); and the same counts for each unit directly below,
// to drill down the hierarchy in force for the period. Access is the caller's, unit by unit (domain/access).
import { sql } from 'drizzle-orm';
import type { ReportStatus } from '../../schema/api';
import type { DashboardChild, DashboardStatus, DashboardStatusUnit, StatusCounts } from '../../schema/dashboard';
import type { Level, Round } from '../../schema/template';
import { accessTo } from '../../domain/access';
import { deadlineRulesForPeriod, deadlinesFor, type HolidayCalendar, type Period, roundsOfPeriod, workingDaysBetween } from '../../domain/periods';
import { deadlineLevelOf, unitsThatMustReport } from '../../domain/reporting-levels';
import { isAgency, type TreeUnit, type UnitTree } from '../../domain/unit-tree';
import { isLate, vnDate } from '../../domain/vn-time';
import type { AppDeps } from '../env';
import type { LoadedTemplate } from '../templates/registry';
import { sendersTo } from './incoming';
import type { PeriodScope, Scope } from './report-context';

interface Sent {
  status: ReportStatus;
  submittedAt: string | null;
}

/** The units whose reports a dashboard of `root` follows: its roll-up's reporters, and what is routed to it. */
export function followedUnits(scope: PeriodScope, root: TreeUnit): TreeUnit[] {
  const { template, tree, grants, routing } = scope;
  const units = unitsThatMustReport(template.file, tree, root);
  if (isAgency(root)) {
    const seen = new Set(units.map((u) => u.id));
    for (const u of sendersTo(scope, root)) if (!seen.has(u.id)) units.push(u);
  }
  return units.filter((u) => accessTo(grants, u, tree, routing).view);
}

/** The stored state of the reports of some units' subtrees in a period and round: one query over unit_closure. */
export async function reportStates(deps: AppDeps, templateId: string, periodId: string, rootIds: readonly number[], round: Round = 'official'): Promise<Map<number, Sent>> {
  if (rootIds.length === 0) return new Map();
  const [row] = await deps.store.db.all<{ j: string | null }>(sql`
    SELECT json_group_array(json_array(r.unit_id, r.status, r.submitted_at)) AS j
    FROM reports r WHERE r.template_id = ${templateId} AND r.period_id = ${periodId} AND r.round = ${round}
      AND r.unit_id IN (SELECT DISTINCT c.unit_id FROM unit_closure c WHERE c.ancestor_id IN (SELECT value FROM json_each(${JSON.stringify(rootIds)})))`);
  const rows = JSON.parse(row?.j ?? '[]') as [number, ReportStatus, string | null][];
  return new Map(rows.map(([id, status, submittedAt]) => [id, { status, submittedAt }]));
}

/** The deadline of each unit's report in a round, the deadlines of the period worked out once. */
export function deadlineFinder(template: LoadedTemplate, period: Period, tree: UnitTree, calendar: HolidayCalendar, round: Round = 'official') {
  const deadlines = deadlinesFor(period, deadlineRulesForPeriod(template.file, period.id, round), calendar);
  const withDeadline = (Object.keys(deadlines) as Level[]).filter((l) => tree.levels.has(l));
  return (unit: TreeUnit): string | null => {
    const level = deadlineLevelOf(unit, tree, withDeadline);
    return (level && deadlines[level]) ?? null;
  };
}

/** One unit's line: state, lateness, and the working days left or late. */
export function statusLine(unit: TreeUnit, tree: UnitTree, report: Sent | undefined, deadline: string | null, now: Date, calendar: HolidayCalendar): DashboardStatusUnit {
  const status = report?.status ?? 'draft';
  const isSent = status === 'submitted' || status === 'approved';
  const sentAt = isSent ? (report?.submittedAt ?? null) : null;
  const late = isLate(deadline, sentAt, now);
  const line: DashboardStatusUnit = {
    unitCode: unit.code,
    unitName: unit.name,
    level: unit.level,
    parentCode: unit.parentId === null ? null : (tree.byId(unit.parentId)?.code ?? null),
    status,
    isLate: late,
    deadline,
    submittedAt: report?.submittedAt ?? null,
  };
  if (deadline && late) {
    // Late from the day after the deadline day, even when that day is off: at least one day.
    const until = sentAt ? vnDate(new Date(sentAt)) : vnDate(now);
    line.daysLate = Math.max(1, workingDaysBetween(deadline, until, calendar));
  } else if (deadline && !isSent) {
    line.daysLeft = workingDaysBetween(vnDate(now), deadline, calendar);
  }
  return line;
}

export const emptyCounts = (): StatusCounts => ({ expected: 0, submitted: 0, approved: 0, returned: 0, late: 0, missing: 0, onTime: 0 });

export function addLine(counts: StatusCounts, line: DashboardStatusUnit): void {
  counts.expected++;
  if (line.status === 'submitted' || line.status === 'approved') {
    counts.submitted++;
    if (line.status === 'approved') counts.approved++;
    if (!line.isLate) counts.onTime++;
  } else if (line.status === 'returned') counts.returned++;
  else counts.missing++;
  if (line.isLate) counts.late++;
}

/** `round`: the round counted (already checked against the template, requireRound), official by default. */
export async function dashboardStatus(deps: AppDeps, scope: Scope, round: Round = 'official'): Promise<DashboardStatus> {
  const { template, period, tree, unit } = scope;
  const units = followedUnits(scope, unit);
  const calendar = await deps.holidays.calendar();
  const deadlineOf = deadlineFinder(template, period, tree, calendar, round);
  const states = await reportStates(deps, template.file.id, period.id, [unit.id, ...units.filter((u) => !tree.isWithin(u, unit)).map((u) => u.id)], round);
  const now = deps.clock();
  const lines = units.map((u) => statusLine(u, tree, states.get(u.id), deadlineOf(u), now, calendar));
  const counts = emptyCounts();
  for (const line of lines) addLine(counts, line);

  // Drill-down: each unit directly below whose subtree holds some of the lines.
  const children: DashboardChild[] = [];
  const lineOf = new Map(units.map((u, i) => [u.id, lines[i]!]));
  for (const child of tree.childrenOf(unit)) {
    const below = tree.subtree(child).filter((u) => lineOf.has(u.id));
    if (below.length === 0) continue;
    const c: DashboardChild = { unitCode: child.code, unitName: child.name, level: child.level, ...emptyCounts() };
    for (const u of below) addLine(c, lineOf.get(u.id)!);
    children.push(c);
  }
  return {
    template: template.file.id,
    templateVersion: template.file.version,
    period: { id: period.id, label: period.label, start: period.start, end: period.end },
    under: { code: unit.code, name: unit.name, level: unit.level, parentCode: unit.parentId === null ? null : (tree.byId(unit.parentId)?.code ?? null) },
    ...counts,
    units: lines,
    children,
    round,
    rounds: roundsOfPeriod(template.file, period.id),
  };
}
