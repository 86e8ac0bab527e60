// Loading and error states, so no view is ever a blank screen on a slow or broken connection.
import { type Accessor, type JSX, Show } from 'solid-js';
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

/** A list a view fetches: the error with a retry, a spinner while loading, a sentence when it is empty. */
export function LoadedList<T>(props: {
  items: T[] | undefined;
  error: unknown;
  onRetry: () => void;
  empty: string;
  children: (items: Accessor<T[]>) => JSX.Element;
}) {
  return (
    <Show when={!props.error} fallback={<ErrorBox error={props.error} onRetry={props.onRetry} />}>
      <Show when={props.items} fallback={<Loading />}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="empty">{props.empty}</p>}>
            {props.children(list)}
          </Show>
        )}
      </Show>
    </Show>
  );
}
