import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

describe('POST /api/auth/login', () => {
  it('sets an httpOnly session cookie for a demo officer and answers who logged in', async () => {
    const res = await t.request('/api/auth/login', { method: 'POST', json: { username: 'canbo-05971', password: 'mat-khau-thu' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/bc_session=[^;]+;.*HttpOnly/i);
    expect(await res.json()).toMatchObject({ username: 'canbo-05971', name: 'Cán bộ Phường Hoàng Văn Thụ' });
  });

  it('answers 401 bad-credentials for a wrong password and for an unknown user alike', async () => {
    for (const body of [
      { username: 'canbo-05971', password: 'sai' },
      { username: 'khong-co', password: 'mat-khau-thu' },
    ]) {
      const res = await t.request('/api/auth/login', { method: 'POST', json: body });
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('bad-credentials');
    }
  });

  it.each([
    ['an empty object', {}],
    ['a number for a username', { username: 5, password: 'x' }],
    ['an empty password', { username: 'admin', password: '' }],
  ])('answers 400 invalid-body for %s', async (_name, body) => {
    const res = await t.request('/api/auth/login', { method: 'POST', json: body });
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error.code).toBe('invalid-body');
    expect(json.error.issues.length).toBeGreaterThan(0);
  });

  it('answers 400, not 500, for a body that is not JSON', async () => {
    const res = await t.request('/api/auth/login', {
      method: 'POST',
      body: '{"username": ',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBeTypeOf('string');
  });
});

describe('GET /api/me and POST /api/auth/logout', () => {
  it('answers 401 without a session', async () => {
    const res = await t.request('/api/me');
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('not-logged-in');
  });

  it('names the user, role and unit, and every role in force with the unit version it is held on', async () => {
    const cookie = await t.login('lanhdao-178');
    const res = await t.request('/api/me', { cookie });
    const district = { code: '178', name: 'Thành phố Lạng Sơn', level: 'district' } as const;
    expect(await res.json()).toEqual({
      username: 'lanhdao-178',
      name: 'Lãnh đạo Thành phố Lạng Sơn',
      role: 'head',
      unit: district,
      roles: [{ role: 'head', unitCode: '178', unit: { ...district, validFrom: '2020-01-01', validTo: '2025-06-30' }, from: '2020-01-01', to: '2025-06-30' }],
    });
    t.now.value = new Date('2025-08-01T03:00:00Z');
    const officer = await t.login('canbo-05977');
    expect((await (await t.request('/api/me', { cookie: officer })).json()).unit).toEqual({
      code: '05977',
      name: 'Phường Đông Kinh',
      level: 'commune',
    });
  });

  it('ends the session on logout, after which the cookie no longer works', async () => {
    const cookie = await t.login('admin');
    expect((await t.request('/api/auth/logout', { method: 'POST', cookie })).status).toBe(200);
    expect((await t.request('/api/me', { cookie })).status).toBe(401);
  });

  it('refuses a session once it has expired', async () => {
    const cookie = await t.login('admin');
    t.now.value = new Date(t.now.value.getTime() + 13 * 3600_000);
    expect((await t.request('/api/me', { cookie })).status).toBe(401);
  });
});
