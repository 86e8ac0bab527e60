// Pure helpers of the dashboard page: which period, unit and indicator it opens on, the units above the
// one shown (the way back up the drill-down), and which lines a count card picks out of the table.
import type { Me, PeriodInfo, TemplateVersion, UnitNode } from '../../../schema/api';
import type { DashboardStatusUnit } from '../../../schema/dashboard';

/** The newest period whose data window has closed (its reports are due or sent), else the newest. */
export function defaultPeriod(periods: readonly PeriodInfo[] | undefined, today: string): string | undefined {
  if (!periods || periods.length === 0) return undefined;
  const closed = periods.filter((p) => p.end < today).sort((a, b) => (a.end < b.end ? 1 : -1));
  return (closed[0] ?? periods[periods.length - 1])!.id;
}

/** The unit a user's dashboard opens on: the unit or agency of their first role that has one. */
export function homeUnit(me: Me): string | undefined {
  return me.roles.find((r) => r.unit)?.unit?.code ?? me.unit?.code ?? undefined;
}

/** The units above `code` in the tree, top first, up to (and from) the first one the user holds a role on. */
export function unitsAbove(code: string, units: readonly UnitNode[] | undefined, me: Me): UnitNode[] {
  if (!units) return [];
  const byCode = new Map(units.map((u) => [u.code, u]));
  const mine = new Set(me.roles.map((r) => r.unit?.code).filter((c): c is string => !!c));
  const isAdmin = me.roles.some((r) => r.role === 'admin');
  const out: UnitNode[] = [];
  for (let at = byCode.get(byCode.get(code)?.parentCode ?? ''); at; at = byCode.get(at.parentCode ?? '')) {
    out.unshift(at);
    if (!isAdmin && mine.has(at.code)) break;
  }
  // A user who holds no role above sees no way up beyond their own unit.
  return isAdmin || out.some((u) => mine.has(u.code)) ? out : [];
}

export type CountFilter = 'all' | 'submitted' | 'approved' | 'returned' | 'late' | 'missing' | 'onTime';

export function matchesFilter(line: DashboardStatusUnit, filter: CountFilter): boolean {
  const sent = line.status === 'submitted' || line.status === 'approved';
  switch (filter) {
    case 'all':
      return true;
    case 'submitted':
      return sent;
    case 'approved':
      return line.status === 'approved';
    case 'returned':
      return line.status === 'returned';
    case 'late':
      return line.isLate;
    case 'missing':
      return !sent && line.status !== 'returned';
    case 'onTime':
      return sent && !line.isLate;
  }
}

/** Not sent yet and not late: by working days left, soonest first. */
export const dueLines = (units: readonly DashboardStatusUnit[]) =>
  units.filter((u) => u.daysLeft !== undefined).sort((a, b) => a.daysLeft! - b.daysLeft! || a.unitCode.localeCompare(b.unitCode));

/** Not sent and past the deadline: the longest overdue first. */
export const overdueLines = (units: readonly DashboardStatusUnit[]) =>
  units
    .filter((u) => u.isLate && u.status !== 'submitted' && u.status !== 'approved')
    .sort((a, b) => (b.daysLate ?? 0) - (a.daysLate ?? 0) || a.unitCode.localeCompare(b.unitCode));

export interface IndicatorOption {
  row: string;
  label: string;
}

/** The rows a chart can show: data rows with figures (no headers, no text rows). */
export function indicatorRows(template: TemplateVersion | undefined): IndicatorOption[] {
  if (!template) return [];
  return template.rows.filter((r) => !r.header && r.valueType !== 'text').map((r) => ({ row: r.code, label: `${r.code}. ${r.label}` }));
}
