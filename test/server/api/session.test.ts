// GET /api/session: the app's first question, answered without an error whether or not anyone is signed
// in, with the demo's users (in demo mode only) for the login page. GET /api/me keeps its 401.
import { afterEach, describe, expect, it } from 'vitest';
import type { Me, Session } from '../../../schema/api';
import { createApp } from '../../../server/app';
import { createTestApp, type TestApp } from '../../helpers/test-app';

let t: TestApp;
afterEach(() => t?.close());

describe('GET /api/session', () => {
  it('answers 200 signed out, while GET /api/me still answers 401 to API clients', async () => {
    t = await createTestApp();
    const res = await t.request('/api/session');
    expect(res.status).toBe(200);
    expect(((await res.json()) as Session).signedIn).toBe(false);
    expect((await t.request('/api/me')).status).toBe(401);
  });

  it('answers who is signed in with the same body as GET /api/me', async () => {
    t = await createTestApp();
    const cookie = await t.login('lanhdao-20');
    const session = (await (await t.request('/api/session', { cookie })).json()) as Session;
    const me = (await (await t.request('/api/me', { cookie })).json()) as Me;
    expect(session).toMatchObject({ signedIn: true, me });
    expect(me).toMatchObject({ username: 'lanhdao-20', role: 'head', unit: { code: '20' } });
  });

  it('names the demo users with their unit and what they show, but not a password that is not the default', async () => {
    t = await createTestApp();
    const session = (await (await t.request('/api/session')).json()) as Session;
    expect(session.demo?.password).toBeNull();
    const names = session.demo!.users.map((u) => u.username);
    expect(names).toEqual(expect.arrayContaining(['lanhdao-20', 'canbo-05986', 'canbo-06187', 'canbo-06001']));
    // Every user named exists and signs in with the seed password.
    for (const name of names) await t.login(name);
    expect(session.demo!.users.find((u) => u.username === 'canbo-06187')).toMatchObject({ role: 'officer', unitName: 'Phường Kỳ Lừa' });
  });

  it('says nothing of demo users outside demo mode', async () => {
    t = await createTestApp({ seed: false });
    const production = createApp({ ...t.deps, demo: false });
    const session = (await (await production.request('/api/session')).json()) as Session;
    expect(session).toEqual({ signedIn: false, demo: null });
  });
});
