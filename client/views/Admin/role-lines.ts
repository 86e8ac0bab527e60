// How a user's roles read in the admin's table, and the editor's rows turned back into role inputs.
import type { RoleInput, RoleOut } from '../../../schema/api';
import { formatDate } from '../../format';
import { t } from '../../i18n';

export function roleLine(r: RoleOut): string {
  const unit = r.unit ? `${r.unit.name} (${r.unit.code})` : '';
  const dates = r.to ? t('admin.roles.fromTo', { from: formatDate(r.from), to: formatDate(r.to) }) : t('admin.roles.from', { from: formatDate(r.from) });
  return [t(`role.${r.role}`), unit, dates].filter(Boolean).join(' · ');
}

/** One row of the role editor, as the admin types it. */
export interface RoleDraft {
  role: RoleInput['role'];
  unitCode: string;
  from: string;
  to: string;
}

export const draftOf = (r: RoleOut): RoleDraft => ({ role: r.role, unitCode: r.unitCode ?? '', from: r.from, to: r.to ?? '' });

export function inputsOf(drafts: readonly RoleDraft[]): RoleInput[] {
  return drafts.map((d) => ({
    role: d.role,
    ...(d.role !== 'admin' && d.unitCode.trim() ? { unitCode: d.unitCode.trim() } : {}),
    ...(d.from ? { from: d.from } : {}),
    ...(d.to ? { to: d.to } : {}),
  }));
}
