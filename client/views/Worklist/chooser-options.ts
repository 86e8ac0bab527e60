// What the report chooser offers: the years of a template, the period to preselect, and the units a user
// may open in a period: their own and, for heads, the units below it in the hierarchy of that period.
import type { Me, PeriodInfo, TemplateSummary, UnitNode } from '../../../schema/api';

/** From the year the template first took effect to this year, newest first. */
export function yearsOf(template: Pick<TemplateSummary, 'versions'>, today: string): number[] {
  const thisYear = Number(today.slice(0, 4));
  const starts = template.versions.map((v) => Number(v.effectiveFrom.slice(0, 4))).filter((y) => Number.isInteger(y) && y > 1900);
  const first = starts.length > 0 ? Math.min(...starts) : thisYear;
  const years: number[] = [];
  for (let y = Math.max(thisYear, first); y >= first; y--) years.push(y);
  return years;
}

/** The latest period already begun (the one being reported or just closed), else the first of the year. */
export function defaultPeriod(periods: readonly PeriodInfo[], today: string): PeriodInfo | undefined {
  const begun = periods.filter((p) => p.start <= today);
  return begun.at(-1) ?? periods[0];
}

export interface UnitChoice {
  code: string;
  name: string;
  level: UnitNode['level'];
  /** 0 for the user's own unit, 1 for the units directly below, and so on. */
  depth: number;
}

/**
 * The units `me` may open in a hierarchy (the one in force on a period's last day): an officer their own
 * unit, a head their unit and its whole subtree, an administrator every unit. Empty when the user's unit
 * did not exist that day (a commune merged in the 2025 reform, asked about a later period).
 */
export function unitChoices(me: Pick<Me, 'role' | 'unit'>, tree: readonly UnitNode[]): UnitChoice[] {
  const children = new Map<string | null, UnitNode[]>();
  for (const u of tree) {
    const list = children.get(u.parentCode);
    if (list) list.push(u);
    else children.set(u.parentCode, [u]);
  }
  for (const list of children.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  const out: UnitChoice[] = [];
  const walk = (u: UnitNode, depth: number, deep: boolean) => {
    out.push({ code: u.code, name: u.name, level: u.level, depth });
    if (deep) for (const c of children.get(u.code) ?? []) walk(c, depth + 1, true);
  };
  if (!me.unit) {
    if (me.role === 'admin') for (const root of children.get(null) ?? []) walk(root, 0, true);
    return out;
  }
  const own = tree.find((u) => u.code === me.unit!.code);
  if (own) walk(own, 0, me.role !== 'officer');
  return out;
}
