// Short notices at the bottom of the screen (saved, approved, a refused edit), read out to screen readers.
import { createSignal, For } from 'solid-js';

export type ToastKind = 'info' | 'success' | 'error';
interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
}

const [toasts, setToasts] = createSignal<Toast[]>([]);
let nextId = 1;

export function notify(text: string, kind: ToastKind = 'info', ms = kind === 'error' ? 8000 : 4000): void {
  const id = nextId++;
  setToasts((list) => [...list.filter((x) => x.text !== text), { id, kind, text }].slice(-4));
  setTimeout(() => setToasts((list) => list.filter((x) => x.id !== id)), ms);
}

export function Toasts() {
  return (
    <div class="toasts" role="status" aria-live="polite">
      <For each={toasts()}>
        {(toast) => (
          <div class={`toast toast-${toast.kind}`} onClick={() => setToasts((l) => l.filter((x) => x.id !== toast.id))}>
            {toast.text}
          </div>
        )}
      </For>
    </div>
  );
}
