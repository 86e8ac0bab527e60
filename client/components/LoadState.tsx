// Loading and error states, so no view is ever a blank screen on a slow or broken connection.
import { Show } from 'solid-js';
import { errorMessage } from '../errors';
import { t } from '../i18n';

export function Loading(props: { label?: string }) {
  return (
    <div class="loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {props.label ?? t('app.loading')}
    </div>
  );
}

export function ErrorBox(props: { error: unknown; onRetry?: () => void }) {
  return (
    <div class="error-box" role="alert">
      <p>{errorMessage(props.error)}</p>
      <Show when={props.onRetry}>
        <button type="button" class="btn" onClick={() => props.onRetry?.()}>
          {t('app.retry')}
        </button>
      </Show>
    </div>
  );
}
