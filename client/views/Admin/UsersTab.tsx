// Users: the list with their roles; create one, deactivate or reactivate, reset a password, change roles.
import { createResource, createSignal, For, Show, untrack } from 'solid-js';
import type { UserOut } from '../../../schema/api';
import type { Api } from '../../api';
import { LoadedList } from '../../components/LoadState';
import { notify } from '../../components/Toasts';
import { errorMessage } from '../../errors';
import { t } from '../../i18n';
import { draftOf, inputsOf, type RoleDraft, roleLine } from './role-lines';
import { RolesEditor } from './RolesEditor';

export function UsersTab(props: { api: Api }) {
  const [users, { refetch, mutate }] = createResource(() => props.api.users());
  const [editing, setEditing] = createSignal<string | 'new' | undefined>();
  const replace = (user: UserOut) => mutate((list) => list?.map((u) => (u.username === user.username ? user : u)));

  const toggle = async (user: UserOut) => {
    try {
      replace(await props.api.patchUser(user.username, { active: !user.active }));
      notify(user.active ? t('admin.users.deactivated', { username: user.username }) : t('admin.users.activated', { username: user.username }));
    } catch (e) {
      notify(errorMessage(e), 'error');
    }
  };

  return (
    <section class="admin-section">
      <div class="section-bar">
        <h2 class="section-heading">{t('admin.users.title')}</h2>
        <button type="button" class="btn btn-primary" onClick={() => setEditing('new')}>
          {t('admin.users.create')}
        </button>
      </div>
      <Show when={editing() === 'new'}>
        <UserForm
          api={props.api}
          onDone={(created) => {
            setEditing(undefined);
            if (created) void refetch();
          }}
        />
      </Show>
      <LoadedList items={users()} error={users.error} onRetry={() => void refetch()} empty={t('admin.users.empty')}>
        {(list) => (
          <div class="table-wrap">
            <table class="table users-table">
              <thead>
                <tr>
                  <th>{t('admin.users.username')}</th>
                  <th>{t('admin.users.name')}</th>
                  <th>{t('admin.users.roles')}</th>
                  <th>{t('admin.users.state')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                <For each={list()}>
                  {(user) => (
                    <>
                      <tr classList={{ 'is-inactive': !user.active }}>
                        <td class="nowrap">{user.username}</td>
                        <td>{user.name}</td>
                        <td class="small">
                          <For each={user.roles} fallback={<span class="muted">{t('admin.users.noRoles')}</span>}>
                            {(r) => <div>{roleLine(r)}</div>}
                          </For>
                        </td>
                        <td>{user.active ? t('admin.users.active') : t('admin.users.inactive')}</td>
                        <td class="actions nowrap">
                          <button type="button" class="btn btn-small" onClick={() => setEditing(user.username)}>
                            {t('admin.users.edit')}
                          </button>
                          <button type="button" class="btn btn-small" onClick={() => void toggle(user)}>
                            {user.active ? t('admin.users.deactivate') : t('admin.users.activate')}
                          </button>
                        </td>
                      </tr>
                      <Show when={editing() === user.username}>
                        <tr>
                          <td colSpan={5}>
                            <UserForm
                              api={props.api}
                              user={user}
                              onDone={(updated) => {
                                setEditing(undefined);
                                if (updated) replace(updated);
                              }}
                            />
                          </td>
                        </tr>
                      </Show>
                    </>
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

/** Creates a user (no `user`) or edits one: name, a new password (a reset), roles. */
function UserForm(props: { api: Api; user?: UserOut; onDone: (user?: UserOut) => void }) {
  // The form starts from the user as it was when opened; later changes to the list do not overwrite typing.
  const initial = untrack(() => props.user);
  const [username, setUsername] = createSignal(initial?.username ?? '');
  const [name, setName] = createSignal(initial?.name ?? '');
  const [password, setPassword] = createSignal('');
  const [roles, setRoles] = createSignal<RoleDraft[]>(initial?.roles.map(draftOf) ?? [{ role: 'officer', unitCode: '', from: '', to: '' }]);
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);

  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const saved = props.user
        ? await props.api.patchUser(props.user.username, { name: name(), roles: inputsOf(roles()), ...(password() ? { password: password() } : {}) })
        : await props.api.createUser({ username: username().trim(), name: name(), password: password(), roles: inputsOf(roles()) });
      notify(props.user ? t('admin.users.saved', { username: saved.username }) : t('admin.users.created', { username: saved.username }));
      props.onDone(saved);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card user-form" onSubmit={(e) => void save(e)} aria-label={props.user ? t('admin.users.editTitle', { username: props.user.username }) : t('admin.users.create')}>
      <div class="form-grid">
        <label class="field">
          <span>{t('admin.users.username')}</span>
          <input value={username()} disabled={!!props.user} required autocomplete="off" onInput={(e) => setUsername(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t('admin.users.name')}</span>
          <input value={name()} required onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{props.user ? t('admin.users.resetPassword') : t('admin.users.password')}</span>
          <input type="password" value={password()} required={!props.user} minLength={8} autocomplete="new-password" onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
      </div>
      <RolesEditor roles={roles()} onChange={setRoles} />
      <Show when={error()}>
        <p class="error-box" role="alert">
          {error()}
        </p>
      </Show>
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy()}>
          {t('admin.users.save')}
        </button>
        <button type="button" class="btn" onClick={() => props.onDone()}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}
