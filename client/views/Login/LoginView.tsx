// The login form: errors are shown by their API error code, in the UI language. On demo data, the users
// to try and what each one's figures show, and the password when it is the default one.
import { createSignal, For, Show } from 'solid-js';
import type { DemoState, DemoUser } from '../../../schema/api';
import { errorMessage } from '../../errors';
import { t } from '../../i18n';
import type { Session } from '../../session';

export default function LoginView(props: { session: Session; onLoggedIn: () => void }) {
  const [username, setUsername] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();

  async function onSubmit(e: SubmitEvent) {
    e.preventDefault();
    if (busy()) return;
    setBusy(true);
    setError(undefined);
    try {
      await props.session.login(username().trim(), password());
      props.onLoggedIn();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="login-page">
      <form class="login-card" onSubmit={onSubmit} aria-labelledby="login-title">
        <h1 id="login-title">{t('login.title')}</h1>
        <p class="muted">{t('app.title')}</p>
        <label class="field">
          <span>{t('login.username')}</span>
          <input
            name="username"
            autocomplete="username"
            required
            autofocus
            value={username()}
            onInput={(e) => setUsername(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>{t('login.password')}</span>
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password()}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <Show when={error()}>
          <p class="form-error" role="alert">
            {errorMessage(error())}
          </p>
        </Show>
        <button type="submit" class="btn btn-primary btn-block" disabled={busy()}>
          {busy() ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      <Show when={props.session.demo()}>
        {(demo) => <DemoGuide users={demo().users} password={demo().password} onPick={setUsername} />}
      </Show>
    </main>
  );
}

const STATE_LABEL: Record<DemoState, () => string> = {
  draft: () => t('status.draft'),
  submitted: () => t('status.submitted'),
  approved: () => t('status.approved'),
  returned: () => t('status.returned'),
  late: () => t('late'),
  'on-time': () => t('onTime'),
  missing: () => t('first.state.missing'),
};

function DemoGuide(props: { users: DemoUser[]; password: string | null; onPick: (username: string) => void }) {
  return (
    <section class="login-card demo-guide" aria-labelledby="demo-title">
      <h2 id="demo-title">{t('first.demoTitle')}</h2>
      <p class="muted small">
        {t('first.demoIntro')}{' '}
        <Show when={props.password} fallback={t('first.demoPasswordEnv')}>
          {(password) => <span class="demo-password">{t('first.demoPassword', { password: password() })}</span>}
        </Show>
      </p>
      <table class="table demo-users">
        <thead>
          <tr>
            <th>{t('first.demoUser')}</th>
            <th>{t('first.demoShows')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.users}>
            {(u) => (
              <tr>
                <td>
                  <button type="button" class="btn-link" onClick={() => props.onPick(u.username)}>
                    {u.username}
                  </button>
                  <div class="muted small">
                    {t(`first.role.${u.role}`)}
                    {u.unitName ? ` · ${u.unitName}` : ''}
                  </div>
                </td>
                <td class="small">{u.states.map((s) => STATE_LABEL[s]()).join(', ')}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </section>
  );
}
