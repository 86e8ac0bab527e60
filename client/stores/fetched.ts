// Data a page shows once it arrives, without holding the page back. A createResource read under the
// route's <Suspense> keeps the whole page on its spinner until it resolves; the comments and the cells
// changed since the last submission are side information, so the form opens without waiting for them.
import { createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';

/**
 * Fetches whenever `key` changes (compared as a string, so a new object with the same report and
 * revision does not fetch again); an answer for a key that has since changed is dropped.
 */
export function createFetched<T>(key: Accessor<string | undefined>, fetch: () => Promise<T>) {
  const [value, setValue] = createSignal<T>();
  createEffect(
    on(key, (k) => {
      if (k === undefined) return;
      let current = true;
      onCleanup(() => (current = false));
      fetch().then(
        (v) => current && setValue(() => v),
        () => undefined, // side information: the page goes on without it
      );
    }),
  );
  return [value, { mutate: (update: (prev: T | undefined) => T | undefined) => setValue((prev) => update(prev)) }] as const;
}
