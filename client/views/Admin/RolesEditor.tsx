// The rows of roles an admin gives a user: role, the unit's code, and the dates it holds (the code is
// resolved on the first day, so 05977 from 2025-07-01 is Đông Kinh and before it Vĩnh Trại).
import { For } from 'solid-js';
import { ROLES } from '../../../schema/api';
import { t } from '../../i18n';
import type { RoleDraft } from './role-lines';

export function RolesEditor(props: { roles: RoleDraft[]; onChange: (roles: RoleDraft[]) => void }) {
  const update = (i: number, patch: Partial<RoleDraft>) => props.onChange(props.roles.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset class="roles-editor">
      <legend>{t('admin.roles.title')}</legend>
      <For each={props.roles}>
        {(r, i) => (
          <div class="roles-row">
            <label class="field">
              <span>{t('admin.roles.role')}</span>
              <select value={r.role} onChange={(e) => update(i(), { role: e.currentTarget.value as RoleDraft['role'] })}>
                <For each={ROLES}>{(name) => <option value={name}>{t(`role.${name}`)}</option>}</For>
              </select>
            </label>
            <label class="field">
              <span>{t('admin.roles.unit')}</span>
              <input value={r.unitCode} disabled={r.role === 'admin'} placeholder="05977, 20-TTR" onInput={(e) => update(i(), { unitCode: e.currentTarget.value })} />
            </label>
            <label class="field">
              <span>{t('admin.roles.fromLabel')}</span>
              <input type="date" value={r.from} onInput={(e) => update(i(), { from: e.currentTarget.value })} />
            </label>
            <label class="field">
              <span>{t('admin.roles.toLabel')}</span>
              <input type="date" value={r.to} onInput={(e) => update(i(), { to: e.currentTarget.value })} />
            </label>
            <button type="button" class="btn btn-small btn-danger" onClick={() => props.onChange(props.roles.filter((_, j) => j !== i()))}>
              {t('admin.roles.remove')}
            </button>
          </div>
        )}
      </For>
      <button type="button" class="btn btn-small" onClick={() => props.onChange([...props.roles, { role: 'officer', unitCode: '', from: '', to: '' }])}>
        {t('admin.roles.add')}
      </button>
    </fieldset>
  );
}
