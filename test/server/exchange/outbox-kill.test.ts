// The outbox survives a kill -9 of the real server mid-delivery: the server runs as a child process
// on a temp database, delivering to a test receiver that fails, times out, then counts a packet whose
// answer is lost when the process is killed. After a restart everything arrives, in approval order,
// each packet counted once.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../schema/api';
import { createApp } from '../../../server/app';
import { openStore } from '../../../server/db/client';
import { createUnitTrees } from '../../../server/db/units';
import type { AppDeps } from '../../../server/env';
import { createHolidaySource } from '../../../server/holidays';
import { seedDemoUnits, seedDemoUsers } from '../../../server/seed/demo';
import { loadTemplateRegistry, TEMPLATES_DIR } from '../../../server/templates/registry';
import { FILL_NOW, P, sectorValues, T } from './exchange-fixtures';
import { type Receiver, startReceiver } from './test-receiver';

const ROOT = resolve(import.meta.dirname, '../../..');
let dir: string;
let database: string;
let receiver: Receiver;
const children: ChildProcess[] = [];

/** Two approved reports (three packets each) on a database file, made in-process before any server runs. */
async function prepare(): Promise<void> {
  const store = await openStore(database);
  const holidays = createHolidaySource(store.db);
  const clock = () => FILL_NOW;
  const templates = await loadTemplateRegistry(store, TEMPLATES_DIR, await holidays.calendar(), clock());
  const deps: AppDeps = { store, templates, unitTrees: createUnitTrees(store.db), holidays, clock, demo: false };
  await seedDemoUnits(store);
  await seedDemoUsers(store, 'demo', clock());
  const app = createApp(deps);
  const login = async (username: string) => {
    const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) });
    return res.headers.get('set-cookie')!.split(';')[0]!;
  };
  const send = (path: string, cookie: string, body?: unknown) =>
    app.request(path, { method: body === undefined ? 'POST' : 'PUT', headers: { Cookie: cookie, 'Content-Type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  const head = await login('lanhdao-178');
  for (const [unit, k] of [['05971', 1], ['05974', 2]] as const) {
    const cookie = await login(`canbo-${unit}`);
    await send(`/api/reports/${T}/${P}/${unit}/values`, cookie, { revision: 0, values: sectorValues(k), sections: [{ key: 'danh_gia_chung', text: 'Ổn định.' }] });
    await send(`/api/reports/${T}/${P}/${unit}/submit`, cookie);
    expect((await send(`/api/reports/${T}/${P}/${unit}/approve`, head)).status).toBe(200);
  }
  store.close();
}

/** `node server/index.ts` as `npm start` runs it, delivering to the receiver; resolves with its URL. */
function startChild(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: database,
      DEMO: '0',
      GOV_ENDPOINT: receiver.url,
      GOV_TIMEOUT_MS: '400',
      GOV_RETRY_BASE_MS: '100',
      GOV_RETRY_MAX_MS: '400',
      OUTBOX_POLL_MS: '50',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolveStart, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /(http:\/\/[^\s]+:\d+)/.exec(out)?.[1];
      if (url) resolveStart({ child, url: url.replace('localhost', '127.0.0.1') });
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${out}`)));
  });
}

const exited = (child: ChildProcess) => new Promise<void>((done) => (child.exitCode !== null || child.signalCode !== null ? done() : child.once('exit', () => done())));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bc-outbox-kill-'));
  database = `file:${join(dir, 'reporting.db')}`;
  await prepare();
  const script = ['fail', 'hang', 'accept', 'accept', 'lost'] as const;
  receiver = await startReceiver((d) => script[d.n - 1] ?? 'accept');
}, 60_000);
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await Promise.all(children.map(exited));
  await receiver.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the outbox across a kill -9', () => {
  it('loses nothing and doubles nothing: after a restart every packet is accepted once, in approval order', async () => {
    const first = await startChild();
    // The fifth delivery is counted by the receiver, but the process dies before it hears back.
    await receiver.arrived(5);
    first.child.kill('SIGKILL');
    await exited(first.child);
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(receiver.counted.length).toBe(3);

    const second = await startChild();
    const cookie = await (async () => {
      const res = await fetch(`${second.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'lanhdao-20', password: 'demo' }) });
      return res.headers.get('set-cookie')!.split(';')[0]!;
    })();
    let items: OutboxItem[] = [];
    for (let i = 0; i < 300 && !(items.length === 6 && items.every((x) => x.status === 'accepted')); i++) {
      await new Promise((r) => setTimeout(r, 100));
      items = (await (await fetch(`${second.url}/api/outbox`, { headers: { Cookie: cookie } })).json()) as OutboxItem[];
    }
    expect(items.map((x) => x.status)).toEqual(Array(6).fill('accepted'));
    // In approval order, each counted exactly once by the receiver.
    expect(receiver.counted).toEqual(items.map((x) => x.idempotencyKey));
    // The packet in flight at the kill was sent again after the restart, under the same key.
    const inFlight = receiver.deliveries[4]!.key;
    expect(receiver.deliveries.filter((d) => d.key === inFlight).map((d) => d.n)).toEqual([5, 6]);
    expect(items.find((x) => x.idempotencyKey === inFlight)?.attempts).toBe(2);
    expect(receiver.deliveries.length).toBe(9);
    second.child.kill('SIGTERM');
    await exited(second.child);
  }, 120_000);
});
