// A fresh app on a fresh temp-file database for each test: migrated, templates loaded, demo units and
// users seeded, and a fixed clock. Tests call app.request() with no port (Hono's own test style).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app';
import { openStore } from '../../server/db/client';
import { createUnitTrees } from '../../server/db/units';
import type { AppDeps } from '../../server/env';
import { createHolidaySource } from '../../server/holidays';
import { markDemo, seedDemoUnits, seedDemoUsers } from '../../server/seed/demo';
import { loadTemplateRegistry, TEMPLATES_DIR } from '../../server/templates/registry';

export const PASSWORD = 'mat-khau-thu';
/** 2025-04-20 10:00 in Hà Nội: Q1 2025 (15/12/2024–14/03/2025) is closed, before the 2025 reform. */
export const DEFAULT_NOW = new Date('2025-04-20T03:00:00Z');

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  now: { value: Date };
  /** Logs in and returns the cookie header to send. */
  login(username: string, password?: string): Promise<string>;
  request(path: string, init?: RequestInit & { cookie?: string; json?: unknown }): Promise<Response>;
  close(): void;
}

export async function createTestApp(options: { now?: Date; templatesDir?: string; seed?: boolean } = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'bc-test-'));
  const store = await openStore(`file:${join(dir, 'test.db')}`);
  const now = { value: options.now ?? DEFAULT_NOW };
  const clock = () => now.value;
  const holidays = createHolidaySource(store.db);
  const templates = await loadTemplateRegistry(store, options.templatesDir ?? TEMPLATES_DIR, await holidays.calendar(), clock());
  const deps: AppDeps = { store, templates, unitTrees: createUnitTrees(store.db), holidays, clock, demo: true };
  if (options.seed !== false) {
    await seedDemoUnits(store);
    await seedDemoUsers(store, PASSWORD, clock());
    await markDemo(store);
  }
  const app = createApp(deps);

  const request: TestApp['request'] = (path, init = {}) => {
    const { cookie, json, headers, ...rest } = init;
    const h = new Headers(headers);
    if (cookie) h.set('Cookie', cookie);
    if (json !== undefined) h.set('Content-Type', 'application/json');
    return Promise.resolve(app.request(path, { ...rest, headers: h, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) }));
  };
  return {
    app,
    deps,
    now,
    request,
    async login(username, password = PASSWORD) {
      const res = await request('/api/auth/login', { method: 'POST', json: { username, password } });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
      const cookie = res.headers.get('set-cookie')?.split(';')[0];
      if (!cookie) throw new Error('no session cookie');
      return cookie;
    },
    close() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
