// The login form: errors are shown by their API error code, in the UI language.
import { createSignal, Show } from 'solid-js';
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
        <Show when={props.session.isDemo()}>
          <p class="muted small">{t('login.demoUsers')}</p>
        </Show>
      </form>
    </main>
  );
}
