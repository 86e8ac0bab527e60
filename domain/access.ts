// Who may do what with a unit's report in a period: one pure decision from the caller's roles, the
// unit tree of the period and the template's routing (which agency receives and compiles the report at
// each level). Every route asks this one function; nothing else decides.
import type { Level } from '../schema/template';
import { isAgency, type TreeUnit, type UnitTree } from './unit-tree';

export const ROLE_NAMES = ['officer', 'head', 'viewer', 'admin'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

/** A role held on one unit version (its id: codes were reused by the 2025 reform), over some dates. */
export interface Grant {
  role: RoleName;
  /** Null for admin. */
  unitId: number | null;
  validFrom: string;
  /** Inclusive; null while in force. */
  validTo: string | null;
}

/**
 * Per administrative level, the sector of the agency that receives and compiles the template's reports
 * there (đơn vị chủ trì tổng hợp). A level the template says nothing of: the unit itself receives.
 */
export type Routing = Partial<Record<Level, string>>;

export type Relation = 'own' | 'compiler' | 'receiver' | 'scope' | 'admin' | 'none';

export interface Access {
  /** Read the report, its history, comments and roll-up. */
  view: boolean;
  /** Enter values and submit it: its own unit's officers and head, or the agency compiling it. */
  write: boolean;
  /** Approve, return or reopen it: the head of the unit or agency that receives it. */
  decide: boolean;
  /** The closest relation that gave the access, for messages and the table test. */
  relation: Relation;
}

const NONE: Access = { view: false, write: false, decide: false, relation: 'none' };

/** The grants in force on a day (Viet Nam date), for a user who is active. */
export function grantsInForce(grants: readonly Grant[], day: string): Grant[] {
  return grants.filter((g) => g.validFrom <= day && (g.validTo === null || day <= g.validTo));
}

/** The agency under `unit` in `sector`, if the tree has one. */
export function agencyOf(unit: TreeUnit, sector: string, tree: UnitTree): TreeUnit | undefined {
  return tree.childrenOf(unit).find((u) => isAgency(u) && u.sector === sector);
}

/**
 * Who receives a unit's report: the agency the template routes to at the level above, else the unit
 * above. A unit with nothing above it but the nation receives its own report (its head signs it off
 * before it leaves the province, api.md).
 */
export function receiverOf(unit: TreeUnit, tree: UnitTree, routing: Routing): TreeUnit {
  const parent = tree.parentOf(unit);
  if (!parent || parent.level === 'nation' || isAgency(parent)) return unit;
  const sector = routing[parent.level as Level];
  return (sector && agencyOf(parent, sector, tree)) || parent;
}

/** The agency that compiles an administrative unit's own report at its level, when the template routes one. */
export function compilerOf(unit: TreeUnit, tree: UnitTree, routing: Routing): TreeUnit | undefined {
  if (isAgency(unit) || unit.level === 'nation') return undefined;
  const sector = routing[unit.level as Level];
  const agency = sector ? agencyOf(unit, sector, tree) : undefined;
  return agency && agency.id !== unit.id ? agency : undefined;
}

/** What the holder of `grants` (already in force) may do with `target`'s report in `tree`'s period. */
export function accessTo(grants: readonly Grant[], target: TreeUnit, tree: UnitTree, routing: Routing): Access {
  let view = false;
  let write = false;
  let decide = false;
  let relation: Relation = 'none';
  const note = (r: Relation) => {
    if (RANK[r] < RANK[relation]) relation = r;
  };
  const receiver = receiverOf(target, tree, routing);
  const compiler = compilerOf(target, tree, routing);
  for (const grant of grants) {
    if (grant.role === 'admin') {
      view = true;
      note('admin');
      continue;
    }
    const held = grant.unitId === null ? undefined : tree.byId(grant.unitId);
    // A role on a unit version not in force in this period's tree reaches nothing in it.
    if (!held) continue;
    const isEntering = grant.role === 'officer' || grant.role === 'head';
    if (isEntering && held.id === target.id) {
      write = view = true;
      note('own');
    }
    if (isEntering && compiler && held.id === compiler.id) {
      write = view = true;
      note('compiler');
    }
    // The receiver's head decides; a receiving agency's officers read what arrives (they compile
    // from it), while an administrative unit's officers keep to their own unit's report.
    if (held.id === receiver.id && (grant.role === 'head' || (grant.role === 'officer' && isAgency(held)))) {
      view = true;
      if (grant.role === 'head') decide = true;
      note(held.id === target.id ? 'own' : 'receiver');
    }
    if (compiler && held.id === compiler.id && grant.role === 'viewer') {
      view = true;
      note('scope');
    }
    if ((grant.role === 'head' || grant.role === 'viewer') && !isAgency(held) && tree.isWithin(target, held)) {
      view = true;
      note('scope');
    }
  }
  return view ? { view, write, decide, relation } : NONE;
}

const RANK: Record<Relation, number> = { own: 0, compiler: 1, receiver: 2, scope: 3, admin: 4, none: 5 };

/** The units of a tree whose reports the holder of `grants` may read (for lists). */
export function visibleUnits(grants: readonly Grant[], tree: UnitTree, routing: Routing): TreeUnit[] {
  if (grants.some((g) => g.role === 'admin')) return tree.units;
  if (grants.length === 0) return [];
  return tree.units.filter((u) => accessTo(grants, u, tree, routing).view);
}

/** The unit a grant is held on in a tree, for "my unit" in lists and the worklist. */
export function grantUnits(grants: readonly Grant[], tree: UnitTree): TreeUnit[] {
  const out = new Map<number, TreeUnit>();
  for (const g of grants) {
    const unit = g.unitId === null ? undefined : tree.byId(g.unitId);
    if (unit) out.set(unit.id, unit);
  }
  return [...out.values()];
}

