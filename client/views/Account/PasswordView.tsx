// A user changes their own password: the current one, then the new one twice.
import { createSignal, Show } from 'solid-js';
import type { Api } from '../../api';
import { notify } from '../../components/Toasts';
import { errorMessage } from '../../errors';
import { t } from '../../i18n';

export default function PasswordView(props: { api: Api }) {
  const [current, setCurrent] = createSignal('');
  const [next, setNext] = createSignal('');
  const [again, setAgain] = createSignal('');
  const [error, setError] = createSignal<string>();
  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    if (next() !== again()) return setError(t('account.mismatch'));
    setError(undefined);
    try {
      await props.api.changePassword(current(), next());
      notify(t('account.changed'), 'success');
      setCurrent('');
      setNext('');
      setAgain('');
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <main class="page narrow">
      <h1 class="page-title">{t('account.title')}</h1>
      <form class="card" onSubmit={(e) => void save(e)}>
        <label class="field">
          <span>{t('account.current')}</span>
          <input type="password" autocomplete="current-password" required value={current()} onInput={(e) => setCurrent(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t('account.next')}</span>
          <input type="password" autocomplete="new-password" required minLength={8} value={next()} onInput={(e) => setNext(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t('account.again')}</span>
          <input type="password" autocomplete="new-password" required minLength={8} value={again()} onInput={(e) => setAgain(e.currentTarget.value)} />
        </label>
        <Show when={error()}>
          <p class="error-box" role="alert">
            {error()}
          </p>
        </Show>
        <button type="submit" class="btn btn-primary">
          {t('account.save')}
        </button>
      </form>
    </main>
  );
}
