// The one test that starts the real server on a port, as `npm start` does, with the demo seeded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, WorklistItem } from '../../schema/api';
import { type RunningServer, startServer } from '../../server/start';

let server: RunningServer;
let dir: string;

/** The real server on a free port, on a database file in this test's folder. */
const start = (database: string, demo: boolean, clock?: () => Date) =>
  startServer({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: `file:${join(dir, database)}`,
    demo,
    seedPassword: 'demo',
    clientDir: join(dir, 'no-client'),
    clock,
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bc-start-'));
  server = await start('reporting.db', true, () => new Date('2026-11-27T03:00:00Z'));
}, 60_000);
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const login = async (username: string) => {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
};

describe('startServer with the demo', () => {
  it('answers health over HTTP and says it holds demo data', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(await res.json()).toEqual({ ok: true, demo: true });
  });

  it('seeds demo reports in every workflow state through the real services', async () => {
    const cookie = await login('lanhdao-20');
    const res = await fetch(`${server.url}/api/reports?template=kinh-te-xa-hoi-xa&period=202611`, { headers: { Cookie: cookie } });
    const statuses = ((await res.json()) as { unitCode: string; status: string }[]).map((r) => `${r.unitCode}:${r.status}`);
    expect(statuses.sort()).toEqual(['05977:approved', '05983:approved', '05986:submitted', '06001:draft', '06187:returned']);
  });

  it("fills a commune officer's worklist with the current period and the ones before, with deadlines", async () => {
    const cookie = await login('canbo-06187');
    const items = (await (await fetch(`${server.url}/api/worklist`, { headers: { Cookie: cookie } })).json()) as WorklistItem[];
    const monthly = items.filter((i) => i.template.id === 'kinh-te-xa-hoi-xa');
    expect(monthly.map((i) => i.period.id).sort()).toEqual(['202609', '202610', '202611', '202612']);
    const returned = monthly.find((i) => i.period.id === '202611');
    expect(returned).toMatchObject({ status: 'returned', unit: { name: 'Phường Kỳ Lừa' }, isReporter: true });
    expect(returned!.deadline).toMatch(/^2026-11-1\d$/);
  });

  it('tells the login page the demo password, since it is the default one', async () => {
    const session = (await (await fetch(`${server.url}/api/session`)).json()) as Session;
    expect(session).toMatchObject({ signedIn: false, demo: { password: 'demo' } });
    expect(session.demo!.users.length).toBeGreaterThan(3);
  });

  it('does not seed twice: a second start on the same database keeps the data as it is', async () => {
    const before = await server.deps.store.client.execute('select count(*) as n from reports');
    await server.close();
    server = await start('reporting.db', true);
    const after = await server.deps.store.client.execute('select count(*) as n from reports');
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
    expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ ok: true, demo: true });
  });

  it('outside demo mode creates no users and no data on an empty database', async () => {
    const empty = await start('production.db', false);
    try {
      const users = await empty.deps.store.client.execute('select count(*) as n from users');
      const units = await empty.deps.store.client.execute('select count(*) as n from units');
      expect([users.rows[0]!.n, units.rows[0]!.n]).toEqual([0, 0]);
      expect(await (await fetch(`${empty.url}/api/health`)).json()).toEqual({ ok: true, demo: false });
      const login = await fetch(`${empty.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'demo' }),
      });
      expect(login.status).toBe(401);
    } finally {
      await empty.close();
    }
  });
});
