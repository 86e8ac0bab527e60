// The example files of docs/examples, taken from the demo: the demo seeded on a fresh database at a
// fixed date, then each exchange format exported through the API as the province head would. The same
// code writes them (npm run docs:examples) and checks them (test/scripts/exchange-examples.test.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../server/app';
import { openStore } from '../server/db/client';
import { createUnitTrees } from '../server/db/units';
import type { AppDeps } from '../server/env';
import { createHolidaySource } from '../server/holidays';
import { markDemo, seedDemoUnits, seedDemoUsers } from '../server/seed/demo';
import { seedDemoReports } from '../server/seed/demo-reports';
import { loadTemplateRegistry, TEMPLATES_DIR } from '../server/templates/registry';

/** 20/07/2026: the first half of 2026 (15/12/2025–14/06/2026) is closed and the demo has filed it. */
export const EXAMPLES_NOW = new Date('2026-07-20T03:00:00Z');
const T = 'chinh-quyen-so';
const P = '2026S1';
const UNIT = '06187';

/** File name in docs/examples → its text. */
export async function exchangeExamples(): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'bc-examples-'));
  const store = await openStore(`file:${join(dir, 'demo.db')}`);
  try {
    const clock = () => EXAMPLES_NOW;
    const holidays = createHolidaySource(store.db);
    const templates = await loadTemplateRegistry(store, TEMPLATES_DIR, await holidays.calendar(), clock());
    const deps: AppDeps = { store, templates, unitTrees: createUnitTrees(store.db), holidays, clock, demo: true };
    await seedDemoUnits(store);
    await seedDemoUsers(store, 'demo', clock());
    await markDemo(store);
    await seedDemoReports(deps);
    const app = createApp(deps);
    const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'lanhdao-20', password: 'demo' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const get = async (path: string) => {
      const res = await app.request(path, { headers: { Cookie: cookie } });
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.text();
    };
    const pretty = (text: string) => `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
    return {
      'qcvn125-report-data.json': pretty(await get(`/api/exports/${T}/${P}/${UNIT}.qcvn125.json`)),
      'qcvn125-report-status.json': pretty(await get(`/api/exchange/${T}/${P}/${UNIT}/status.json`)),
      'qcvn125-outline-submission.json': pretty(await get(`/api/exchange/${T}/${P}/${UNIT}/outline.json`)),
      'qcvn125-regime.json': pretty(await get(`/api/exchange/${T}/regime.json`)),
      'qcvn125-form.json': pretty(await get(`/api/exchange/${T}/form.json`)),
      'qcvn125-outline-form.json': pretty(await get(`/api/exchange/${T}/outline.json`)),
      'qcvn125-period-catalogue.json': pretty(await get(`/api/exchange/${T}/periods.json?year=2026`)),
      'adx.xml': await get(`/api/exports/${T}/${P}/${UNIT}.adx.xml`),
      'sdmx.csv': await get(`/api/exports/${T}/${P}/${UNIT}.sdmx.csv`),
    };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
