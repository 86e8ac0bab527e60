// The report workflow (draft → submitted → approved, or back to returned) and who may do what, as
// pure functions over a unit tree. Heads approve the units directly below them; the top unit's own
// head approves the top unit's report (api.md).
import type { ReportStatus, Role } from '../schema/api';
import type { TreeUnit, UnitTree } from './unit-tree';

export type WorkflowAction = 'submit' | 'approve' | 'return';

const TRANSITIONS: Record<WorkflowAction, { from: readonly ReportStatus[]; to: ReportStatus }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted', 'approved'], to: 'returned' },
};

/** The status after the action, or undefined when the action is not allowed from this status. */
export function nextStatus(status: ReportStatus, action: WorkflowAction): ReportStatus | undefined {
  const transition = TRANSITIONS[action];
  return transition.from.includes(status) ? transition.to : undefined;
}

export const isEditable = (status: ReportStatus) => status === 'draft' || status === 'returned';

export interface Actor {
  role: Role;
  /** The actor's unit in the tree of the report's period; undefined for admins or a unit not in force. */
  unit: TreeUnit | undefined;
}

export interface Permissions {
  view: boolean;
  /** Enter values and submit: the unit's own officer or head. */
  write: boolean;
  /** Approve or return: the head of the parent unit, or the top unit's own head. */
  decide: boolean;
}

export function permissionsFor(actor: Actor, target: TreeUnit, tree: UnitTree): Permissions {
  if (actor.role === 'admin') return { view: true, write: false, decide: false };
  const own = actor.unit;
  if (!own) return { view: false, write: false, decide: false };
  const isOwn = own.id === target.id;
  if (actor.role === 'officer') return { view: isOwn, write: isOwn, decide: false };
  const parent = tree.parentOf(target);
  const decide = parent ? parent.id === own.id : isOwn;
  return { view: tree.isWithin(target, own), write: isOwn, decide };
}

/** The units whose reports the actor may see in a period: its subtree for heads, its unit for officers. */
export function visibleUnits(actor: Actor, tree: UnitTree): TreeUnit[] {
  if (actor.role === 'admin') return tree.units;
  if (!actor.unit) return [];
  return actor.role === 'head' ? tree.subtree(actor.unit) : [actor.unit];
}

/** The actor as the tree of a period sees it: its unit is whichever unit holds its code on that day. */
export function actorIn(user: { role: Role; unitCode: string | null }, tree: UnitTree): Actor {
  return { role: user.role, unit: user.unitCode ? tree.byCode(user.unitCode) : undefined };
}
