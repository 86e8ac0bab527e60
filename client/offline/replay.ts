// Edits kept on the computer go to the server by themselves when the link comes back: on the browser's
// `online` event, and right after the page opens with a restored draft while online. A save the server
// refuses as stale shows the conflict (report store) instead of overwriting anything.
import type { ReportStore } from '../stores/report-store';

/** Starts replaying once `loaded` settles; returns the function that stops listening. */
export function replayWhenOnline(store: ReportStore, loaded: Promise<void>): () => void {
  let stopped = false;
  const replay = () => {
    if (stopped || !store.isDirty() || !store.canEdit() || store.saving() || store.conflict() || store.conflictCells().length > 0) return;
    void store.save();
  };
  const online = () => replay();
  void loaded.then(() => {
    if (typeof navigator === 'undefined' || navigator.onLine) replay();
  });
  globalThis.addEventListener?.('online', online);
  return () => {
    stopped = true;
    globalThis.removeEventListener?.('online', online);
  };
}
