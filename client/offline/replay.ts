// Edits kept on the computer go to the server by themselves when the link comes back: on the browser's
// `online` event, right after the page opens with a restored draft, and every few seconds while the last
// save failed for want of a network (navigator.onLine says "online" on a LAN whose uplink is down, and a
// page reloaded offline may never see an `online` event). A save the server refuses as stale shows the
// conflict (report store) instead of overwriting anything.
import { ApiError } from '../api';
import type { ReportStore } from '../stores/report-store';

const RETRY_MS = 5000;

const failedForNetwork = (e: unknown) => e instanceof ApiError && e.status === 0;

/** Starts replaying once `loaded` settles; returns the function that stops it. */
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
  const timer = setInterval(() => {
    if (failedForNetwork(store.saveError()) && (typeof navigator === 'undefined' || navigator.onLine)) replay();
  }, RETRY_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
    globalThis.removeEventListener?.('online', online);
  };
}
