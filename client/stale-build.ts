// The service worker serves the page it kept at once and keeps the network's copy for the next open
// (client/offline/sw.ts), so after a release one open may run the previous build, whose lazy chunks (the
// report page, admin) the server no longer has. Vite then fires `vite:preloadError`: reload once, which
// takes the current page and build. Never twice in a minute: a chunk missing for another reason shows
// its error instead of reloading forever.
const KEY = 'stale-build-reload-at';
const AGAIN_AFTER_MS = 60_000;

export interface StaleBuildHost {
  addEventListener(type: 'vite:preloadError', listener: (e: Event) => void): void;
  reload(): void;
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined;
  now(): number;
}

export function reloadOnMissingChunk(host: StaleBuildHost): void {
  host.addEventListener('vite:preloadError', (event) => {
    const last = Number(host.storage?.getItem(KEY) ?? 0);
    if (host.now() - last < AGAIN_AFTER_MS) return;
    host.storage?.setItem(KEY, String(host.now()));
    event.preventDefault();
    host.reload();
  });
}

/** The browser's window as the host. */
export function browserHost(): StaleBuildHost {
  let storage: Storage | undefined;
  try {
    storage = sessionStorage;
  } catch {
    storage = undefined;
  }
  return {
    addEventListener: (type, listener) => window.addEventListener(type, listener),
    reload: () => location.reload(),
    storage,
    now: () => Date.now(),
  };
}
