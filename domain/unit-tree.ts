// The hierarchy in force on one date, as plain data with the walks the workflow and the roll-up need:
// administrative units (nation, province, district, commune) and the agencies attached to them. Built
// from effective-dated rows; a code is unique within one date's tree.
import type { UnitLevel } from '../schema/api';
import type { Level } from '../schema/template';

export type { UnitLevel };

export interface TreeUnit {
  /** The unit version's identity: codes are reused across the 2025 reform, ids never are. */
  id: number;
  code: string;
  name: string;
  kind: string;
  level: UnitLevel;
  /** An agency's sector, which templates name to route reports to it; null for administrative units. */
  sector: string | null;
  parentId: number | null;
}

export interface UnitTree {
  date: string;
  units: TreeUnit[];
  /** The levels present in this tree (no district after the 2025 reform). */
  levels: ReadonlySet<UnitLevel>;
  byCode(code: string): TreeUnit | undefined;
  byId(id: number): TreeUnit | undefined;
  parentOf(unit: TreeUnit): TreeUnit | undefined;
  childrenOf(unit: TreeUnit): TreeUnit[];
  /** The unit and everything below it, parents before children. */
  subtree(unit: TreeUnit): TreeUnit[];
  isWithin(unit: TreeUnit, ancestor: TreeUnit): boolean;
}

const LEVEL_ORDER: Record<UnitLevel, number> = { nation: 0, province: 1, district: 2, commune: 3, agency: 4 };

export const isAgency = (unit: Pick<TreeUnit, 'level'>) => unit.level === 'agency';

/**
 * The administrative level a unit stands at: its own, or for an agency that of the unit it belongs to
 * (a sở stands at the province, a phòng at its district or commune). Undefined for the nation.
 */
export function tierOf(unit: TreeUnit, tree: Pick<UnitTree, 'parentOf'>): Level | undefined {
  if (unit.level === 'nation') return undefined;
  if (unit.level !== 'agency') return unit.level;
  const parent = tree.parentOf(unit);
  return parent && parent.level !== 'agency' && parent.level !== 'nation' ? parent.level : undefined;
}

export function buildUnitTree(date: string, rows: TreeUnit[]): UnitTree {
  const units = [...rows].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.code.localeCompare(b.code));
  const byCode = new Map(units.map((u) => [u.code, u]));
  const byId = new Map(units.map((u) => [u.id, u]));
  const children = new Map<number, TreeUnit[]>();
  for (const unit of units) {
    if (unit.parentId === null) continue;
    const list = children.get(unit.parentId) ?? [];
    list.push(unit);
    children.set(unit.parentId, list);
  }
  const childrenOf = (unit: TreeUnit) => children.get(unit.id) ?? [];
  const parentOf = (unit: TreeUnit) => (unit.parentId === null ? undefined : byId.get(unit.parentId));
  return {
    date,
    units,
    levels: new Set(units.map((u) => u.level)),
    byCode: (code) => byCode.get(code),
    byId: (id) => byId.get(id),
    parentOf,
    childrenOf,
    subtree(unit) {
      const out: TreeUnit[] = [];
      for (let i = 0, queue = [unit]; i < queue.length; i++) {
        const next = queue[i]!;
        out.push(next);
        queue.push(...childrenOf(next));
      }
      return out;
    },
    isWithin(unit, ancestor) {
      for (let at: TreeUnit | undefined = unit; at; at = parentOf(at)) if (at.id === ancestor.id) return true;
      return false;
    },
  };
}
