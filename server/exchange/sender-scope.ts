// Who may send what into an import, from the caller's roles in force (domain/access.ts decides access
// to one report; an import adds the head's reach over its whole subtree, as ADX bulk loads need).
import { accessTo, type Grant, grantUnits, type Routing } from '../../domain/access';
import { isAgency, type TreeUnit, type UnitTree } from '../../domain/unit-tree';

export const isAdmin = (grants: readonly Grant[]) => grants.some((g) => g.role === 'admin');

/** An admin any unit; anyone who may enter the unit's report; a head of an administrative unit above it. */
export function mayImportFor(grants: readonly Grant[], unit: TreeUnit, tree: UnitTree, routing: Routing): boolean {
  if (isAdmin(grants) || accessTo(grants, unit, tree, routing).write) return true;
  return grants.some((g) => {
    const held = g.role === 'head' && g.unitId !== null ? tree.byId(g.unitId) : undefined;
    return held !== undefined && !isAgency(held) && tree.isWithin(unit, held);
  });
}

/** Whether the caller holds a role on the unit with this code in `tree` (a packet speaks for its sender). */
export const speaksFor = (grants: readonly Grant[], code: string, tree: UnitTree) => grantUnits(grants, tree).some((u) => u.code === code);

/** The head of the province (the top administrative unit below the nation), or an admin. */
export function isProvinceHead(grants: readonly Grant[], tree: UnitTree): boolean {
  if (isAdmin(grants)) return true;
  return grants.some((g) => {
    const held = g.role === 'head' && g.unitId !== null ? tree.byId(g.unitId) : undefined;
    return held?.level === 'province';
  });
}
