// Registers the service worker (client/offline/sw.ts) in the built app, and keeps its copies of API
// answers to the signed-in user: they are deleted on logout.
const DATA = 'api-data-v1';

/** The API reads of the page so far that the worker keeps, fetched again once it controls the page. */
const WARM = /^\/api\/(session|me|worklist|periods|templates|reports)(\/|$|\?)/;

export function registerServiceWorker(): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const hadController = !!navigator.serviceWorker.controller;
  // On the first visit the page loaded before the worker ran: read what it loaded once more through the
  // worker, so the form opened right now can be reloaded offline.
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (hadController) return;
    const seen = new Set<string>();
    for (const entry of performance.getEntriesByType('resource')) {
      const url = new URL(entry.name);
      if (url.origin !== location.origin || !WARM.test(url.pathname) || seen.has(url.href)) continue;
      seen.add(url.href);
      void fetch(url.href, { credentials: 'same-origin' }).catch(() => undefined);
    }
  });
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { type: 'module', scope: '/' }).catch((e: unknown) => console.warn('service worker not registered', e));
  });
}

/** Deletes the kept API answers (logout): the next user of this computer must not read them offline. */
export async function forgetOfflineData(): Promise<void> {
  try {
    if (typeof caches !== 'undefined') await caches.delete(DATA);
  } catch {
    // no Cache Storage: nothing kept
  }
}

/** After a login: the worker's copy of GET /api/session says who is signed in now, for a reload offline. */
export function rememberSession(): void {
  if (typeof navigator === 'undefined' || !navigator.serviceWorker?.controller) return;
  void fetch('/api/session', { credentials: 'same-origin' }).catch(() => undefined);
}
