// The service worker (built to /sw.js by scripts/service-worker.ts, which writes the file list in):
// keeps the app shell, so an officer who opened a form can reload it with no connection, and the last
// answer of each GET /api call the form needs, so the reloaded form has its report and template.
// Hand-written rather than workbox (vite-plugin-pwa): seventy lines the team can read whole, no
// dependency tree in the browser or the build, and exactly three rules: a navigation gets the kept page
// at once and the network's copy is kept for the next one (on a 150 ms link that is a round trip before
// any script runs, on every open); API reads try the network first and fall back to the kept copy (also
// when the network stalls); hashed assets come from the cache. A kept page of the previous release whose
// chunks are gone reloads once into the current one (client/stale-build.ts).

interface ExtendableEventLike extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
  readonly request: Request;
  respondWith(r: Promise<Response>): void;
}
interface ServiceWorkerScopeLike {
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEventLike) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
}

const sw = self as unknown as ServiceWorkerScopeLike;
// Both placeholders are replaced at build time; the version changes with any file of the build.
const VERSION = '__SW_VERSION__';
const PRECACHE = '__SW_PRECACHE__'.split(',').filter((p) => p !== '');
const SHELL = `shell-${VERSION}`;
/** Also named in client/offline/register-sw.ts, which deletes it on logout. */
const DATA = 'api-data-v1';
/** API reads worth keeping for offline work: not the exports or workbooks (large, asked for on purpose). */
const KEPT_API = /^\/api\/(session|me|worklist|periods|templates|units|holidays|reports)(\/|$|\?)/;

sw.addEventListener('install', (e) => {
  e.waitUntil(
    caches
      .open(SHELL)
      .then((c) => c.addAll(['/', ...PRECACHE]))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('shell-') && k !== SHELL).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (e) => {
  const request = e.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  if (url.pathname.startsWith('/api/')) {
    if (KEPT_API.test(url.pathname)) e.respondWith(networkFirst(request, DATA, request));
    return;
  }
  if (request.mode === 'navigate') e.respondWith(keptPageFirst(request, e));
  else if (url.pathname.startsWith('/assets/')) e.respondWith(cacheFirst(request));
});

/**
 * A network this slow to answer is treated as down for the request, when a kept copy exists (an older
 * report only costs a conflict check when saving; see report-store).
 */
const PATIENCE_MS = 10_000;

async function networkFirst(request: Request, cacheName: string, key: Request | string): Promise<Response> {
  const network = fetch(request).then((response) => {
    if (response.status === 200) {
      const copy = response.clone();
      void caches.open(cacheName).then((c) => c.put(key, copy));
    }
    return response;
  });
  const kept = () => caches.match(key, { cacheName });
  // A stalled line (packets lost rather than refused) waits for the network no longer than `patience`
  // when there is a copy to show; the late answer still refreshes the copy.
  const late = new Promise<Response | undefined>((resolve) => setTimeout(() => void kept().then(resolve), PATIENCE_MS));
  network.catch(() => undefined);
  try {
    const first = await Promise.race([network, late]);
    if (first) return first;
    return await network;
  } catch (error) {
    const copy = await kept();
    if (copy) return copy;
    throw error;
  }
}

/** The kept page now, the network's for next time; the network's now when none is kept yet. */
async function keptPageFirst(request: Request, e: ExtendableEventLike): Promise<Response> {
  const kept = await caches.match('/', { cacheName: SHELL });
  const network = fetch(request).then((response) => {
    if (response.status === 200 && (response.headers.get('Content-Type') ?? '').startsWith('text/html')) {
      const copy = response.clone();
      void caches.open(SHELL).then((c) => c.put('/', copy));
    }
    return response;
  });
  if (!kept) return network;
  e.waitUntil(network.catch(() => undefined));
  return kept;
}

async function cacheFirst(request: Request): Promise<Response> {
  const kept = await caches.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.status === 200) {
    const copy = response.clone();
    void caches.open(SHELL).then((c) => c.put(request, copy));
  }
  return response;
}
