// The administrative hierarchy in force on one date, as plain data with the walks the workflow and
// the roll-up need. Built from effective-dated rows; a code is unique within one date's tree.
import type { Level } from '../schema/template';

export interface TreeUnit {
  id: number;
  code: string;
  name: string;
  kind: string;
  level: Level;
  parentId: number | null;
}

export interface UnitTree {
  date: string;
  units: TreeUnit[];
  byCode(code: string): TreeUnit | undefined;
  byId(id: number): TreeUnit | undefined;
  parentOf(unit: TreeUnit): TreeUnit | undefined;
  childrenOf(unit: TreeUnit): TreeUnit[];
  /** The unit and everything below it, parents before children. */
  subtree(unit: TreeUnit): TreeUnit[];
  isWithin(unit: TreeUnit, ancestor: TreeUnit): boolean;
}

const LEVEL_ORDER: Record<Level, number> = { nation: 0, province: 1, district: 2, commune: 3 };

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
    byCode: (code) => byCode.get(code),
    byId: (id) => byId.get(id),
    parentOf,
    childrenOf,
    subtree(unit) {
      // Breadth first with a read index rather than shift(): a nation's subtree has 10,000 units.
      const out: TreeUnit[] = [unit];
      for (let i = 0; i < out.length; i++) for (const child of childrenOf(out[i]!)) out.push(child);
      return out;
    },
    isWithin(unit, ancestor) {
      for (let at: TreeUnit | undefined = unit; at; at = parentOf(at)) if (at.id === ancestor.id) return true;
      return false;
    },
  };
}
