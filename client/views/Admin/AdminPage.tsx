// The admin's screens: users and their roles, the unit and agency trees of any date, the templates in
// force. Each tab loads its own data when opened.
import { For, Match, Switch } from 'solid-js';
import type { Api } from '../../api';
import { t } from '../../i18n';
import { ADMIN_TABS, type AdminTab, hrefFor, type Route } from '../../router';
import { TemplatesTab } from './TemplatesTab';
import { UnitsTab } from './UnitsTab';
import { UsersTab } from './UsersTab';

export default function AdminPage(props: { api: Api; tab: AdminTab | undefined; navigate: (to: Route, options?: { replace?: boolean }) => void }) {
  const tab = () => props.tab ?? 'users';
  return (
    <main class="page admin-page">
      <h1 class="page-title">{t('admin.title')}</h1>
      <div class="tabs" role="tablist">
        <For each={ADMIN_TABS}>
          {(name) => (
            <a
              role="tab"
              class="tab"
              classList={{ active: tab() === name }}
              aria-selected={tab() === name}
              href={hrefFor({ name: 'admin', tab: name })}
              onClick={(e) => {
                e.preventDefault();
                props.navigate({ name: 'admin', tab: name }, { replace: true });
              }}
            >
              {t(`admin.tab.${name}`)}
            </a>
          )}
        </For>
      </div>
      <Switch>
        <Match when={tab() === 'users'}>
          <UsersTab api={props.api} />
        </Match>
        <Match when={tab() === 'units'}>
          <UnitsTab api={props.api} />
        </Match>
        <Match when={tab() === 'templates'}>
          <TemplatesTab api={props.api} />
        </Match>
      </Switch>
    </main>
  );
}
