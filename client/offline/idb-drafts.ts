// Unsaved edits kept in IndexedDB, behind the synchronous DraftStorage the report store writes to on
// every keystroke: all kept drafts are read into memory once when the page opens, and each write goes to
// memory at once and to IndexedDB right after. IndexedDB rather than localStorage because it is the
// browser's durable store for an offline app (localStorage may be cleared with the cache, is capped at
// a few MB per site, and blocks the page on every write). Drafts left in localStorage by the previous
// version are moved over on first open.
import type { DraftStorage } from '../stores/draft';

const DB_NAME = 'bao-cao-offline';
const STORE = 'drafts';
const LEGACY_PREFIX = 'report-draft:';

export interface OpenedDraftStorage extends DraftStorage {
  /** Resolves when every write so far is in IndexedDB. */
  flushed(): Promise<void>;
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function openDb(): Promise<IDBDatabase> {
  const open = indexedDB.open(DB_NAME, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE);
  return request(open);
}

/**
 * The draft storage of this browser profile: IndexedDB when there is one, else localStorage (a private
 * window of an old browser), else memory only. The returned storage is usable at once; `ready` says
 * when what was kept has been read.
 */
export function openDraftStorage(): { storage: OpenedDraftStorage; ready: Promise<void> } {
  const memory = new Map<string, string>();
  let db: IDBDatabase | undefined;
  let pending: Promise<unknown> = Promise.resolve();
  const legacy = (() => {
    try {
      return globalThis.localStorage;
    } catch {
      return undefined;
    }
  })();

  const write = (key: string, value: string | undefined) => {
    if (!db) {
      // No IndexedDB: the old store is still better than memory alone.
      try {
        if (value === undefined) legacy?.removeItem(key);
        else legacy?.setItem(key, value);
      } catch {
        // full or disabled: the edit lives in memory until saved
      }
      return;
    }
    const tx = db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    if (value === undefined) store.delete(key);
    else store.put(value, key);
    pending = pending.then(
      () =>
        new Promise<void>((resolve) => {
          tx.oncomplete = () => resolve();
          tx.onerror = tx.onabort = () => resolve();
        }),
    );
  };

  const ready = (async () => {
    if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
    db = await openDb();
    const tx = db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
    keys.forEach((k, i) => {
      if (typeof k === 'string' && typeof values[i] === 'string' && !memory.has(k)) memory.set(k, values[i] as string);
    });
    // Move drafts the localStorage version kept.
    for (let i = (legacy?.length ?? 0) - 1; i >= 0; i--) {
      const k = legacy!.key(i);
      if (!k?.startsWith(LEGACY_PREFIX)) continue;
      const v = legacy!.getItem(k);
      if (v !== null && !memory.has(k)) {
        memory.set(k, v);
        store.put(v, k);
      }
      legacy!.removeItem(k);
    }
  })().catch(() => {
    db = undefined;
    for (let i = 0; i < (legacy?.length ?? 0); i++) {
      const k = legacy!.key(i);
      const v = k ? legacy!.getItem(k) : null;
      if (k?.startsWith(LEGACY_PREFIX) && v !== null && !memory.has(k)) memory.set(k, v);
    }
  });

  const storage: OpenedDraftStorage = {
    getItem: (key) => memory.get(key) ?? null,
    setItem(key, value) {
      memory.set(key, value);
      void ready.then(() => write(key, value));
    },
    removeItem(key) {
      memory.delete(key);
      void ready.then(() => write(key, undefined));
    },
    flushed: () => ready.then(() => pending).then(() => undefined),
  };
  return { storage, ready };
}

let shared: ReturnType<typeof openDraftStorage> | undefined;

/** One storage per page: every report store of the page shares the memory mirror. */
export function draftStorage(): ReturnType<typeof openDraftStorage> {
  shared ??= openDraftStorage();
  return shared;
}
