// The unit and agency trees in force on a chosen day, as an indented list: the hierarchy changes with
// the 2025 reform, so the admin reads it by date.
import { createResource, createSignal, For, Show, untrack } from 'solid-js';
import type { UnitNode } from '../../../schema/api';
import type { Api } from '../../api';
import { LoadedList } from '../../components/LoadState';
import { t } from '../../i18n';

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** Parents before children, each with its depth; agencies right under the unit they belong to. */
export function treeRows(units: readonly UnitNode[]): { unit: UnitNode; depth: number }[] {
  const children = new Map<string | null, UnitNode[]>();
  const codes = new Set(units.map((u) => u.code));
  for (const u of units) {
    const parent = u.parentCode !== null && codes.has(u.parentCode) ? u.parentCode : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: { unit: UnitNode; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => Number(a.kind === 'agency') - Number(b.kind === 'agency') || a.code.localeCompare(b.code));
    for (const u of list) {
      out.push({ unit: u, depth });
      walk(u.code, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export function UnitsTab(props: { api: Api }) {
  const [at, setAt] = createSignal(today());
  // The api is fixed for the page's life.
  const api = untrack(() => props.api);
  const [units] = createResource(at, async (day) => {
    const [admin, agencies] = await Promise.all([api.units(day), api.agencies(day)]);
    return treeRows([...admin, ...agencies]);
  });
  return (
    <section class="admin-section">
      <div class="section-bar">
        <h2 class="section-heading">{t('admin.units.title')}</h2>
        <label class="field inline">
          <span>{t('admin.units.at')}</span>
          <input type="date" value={at()} onChange={(e) => e.currentTarget.value && setAt(e.currentTarget.value)} />
        </label>
      </div>
      <LoadedList items={units()} error={units.error} onRetry={() => setAt(at())} empty={t('admin.units.empty')}>
        {(rows) => (
          <div class="table-wrap">
            <table class="table units-table">
              <thead>
                <tr>
                  <th>{t('admin.units.name')}</th>
                  <th>{t('admin.units.code')}</th>
                  <th>{t('admin.units.kind')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={rows()}>
                  {(r) => (
                    <tr classList={{ 'is-agency': r.unit.kind === 'agency' }}>
                      <td style={{ 'padding-left': `${12 + r.depth * 20}px` }}>{r.unit.name}</td>
                      <td class="nowrap">{r.unit.code}</td>
                      <td class="small">
                        {r.unit.type}
                        <Show when={r.unit.sector}>{(s) => <span class="muted"> · {t('admin.units.sector', { sector: s() })}</span>}</Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        )}
      </LoadedList>
    </section>
  );
}
