// No input breaks it, nobody gets in: real calendar dates, bounded figures, periods in force, login
// throttling, CSRF, security headers, the session cookie's Secure flag, and invalid stored data.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cellValues, holidays } from '../../../schema/db';
import { createApp } from '../../../server/app';
import { createTestApp, type TestApp } from '../../helpers/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

describe('dates are real calendar days', () => {
  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-04-31'])('GET /api/units?at=%s is a 400 naming the field', async (day) => {
    const cookie = await t.login('lanhdao-20');
    const res = await t.request(`/api/units?at=${day}`, { cookie });
    expect(res.status).toBe(400);
    expect((await res.json()).error.issues[0].col).toBe('at');
  });

  it('POST /api/holidays with 2026-02-30 is a 400 and stores nothing', async () => {
    const cookie = await t.login('admin');
    const res = await t.request('/api/holidays', { method: 'POST', cookie, json: { date: '2026-02-30', name: 'Ngày không có' } });
    expect(res.status).toBe(400);
    expect(await t.deps.store.db.select().from(holidays)).toEqual([]);
  });

  it('an invalid holiday already stored stops nothing: every route answers and a new app starts on the database', async () => {
    await t.deps.store.db.insert(holidays).values({ date: '2026-02-30', name: 'Ghi sai từ trước', kind: 'off', createdBy: 'admin' });
    t.deps.holidays.invalidate();
    const cookie = await t.login('canbo-05971');
    expect((await t.request('/api/periods?template=bieu-06-vpcp-kstt&year=2025', { cookie })).status).toBe(200);
    expect((await t.request('/api/reports/bieu-06-vpcp-kstt/2025Q1/05971', { cookie })).status).toBe(200);
    expect((await t.request('/api/holidays', { cookie })).status).toBe(200);
    const again = createApp(t.deps);
    expect((await again.request('/api/health')).status).toBe(200);
  });
});

describe('figures are finite, bounded and exact', () => {
  const put = async (value: number, row = '01', col = 'nhan_truc_tuyen') => {
    const cookie = await t.login('canbo-05971');
    return t.request('/api/reports/bieu-06-vpcp-kstt/2025Q1/05971/values', { method: 'PUT', cookie, json: { revision: 0, values: [{ row, col, value }] } });
  };

  it.each([
    [1e308, 'out-of-range'],
    [-1e16, 'out-of-range'],
    [2 ** 53 + 2, 'out-of-range'],
    [1.5, 'not-an-integer'],
  ])('%d is refused with the cell named, and nothing is saved', async (value, code) => {
    const res = await put(value);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.issues[0]).toMatchObject({ row: '01', col: 'nhan_truc_tuyen', code });
    expect(body.error.issues[0].message).toMatch(/Trực tuyến/);
    expect(await t.deps.store.db.select().from(cellValues)).toEqual([]);
  });

  it('a number too large for JSON (1e400 becomes Infinity) is a 400, not Infinity in the totals', async () => {
    const cookie = await t.login('canbo-05971');
    const res = await t.request('/api/reports/bieu-06-vpcp-kstt/2025Q1/05971/values', {
      method: 'PUT',
      cookie,
      headers: { 'Content-Type': 'application/json' },
      body: '{"revision":0,"values":[{"row":"01","col":"nhan_truc_tuyen","value":1e400}]}',
    });
    expect(res.status).toBe(400);
    expect(await t.deps.store.db.select().from(cellValues)).toEqual([]);
  });

  it('the largest figure allowed, 10^15, is kept exactly', async () => {
    expect((await put(1e15)).status).toBe(200);
    const [stored] = await t.deps.store.db.select().from(cellValues);
    expect(stored!.numValue).toBe(1e15);
  });
});

describe('periods are those a template version is in force for, and not far ahead', () => {
  it('a period before the first version of a template is a 404 naming where it starts', async () => {
    t.now.value = new Date('2025-09-20T03:00:00Z');
    const cookie = await t.login('lanhdao-20');
    const res = await t.request('/api/reports/tiep-cong-dan-xa/2025Q2/20', { cookie });
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ code: 'unknown-period' });
  });

  it('the period after the current one is open; the one after that is a 404', async () => {
    // 2025-04-20: the current quarter is 2025Q2; 2025Q3 may be prepared, 2025Q4 cannot exist yet.
    const cookie = await t.login('canbo-05971');
    expect((await t.request('/api/reports/bieu-06-vpcp-kstt/2025Q2/05971', { cookie })).status).toBe(200);
    const next = await t.request('/api/reports/bieu-06-vpcp-kstt/2025Q3/05977', { cookie });
    expect((await next.json()).error?.code).not.toBe('unknown-period');
    const far = await t.request('/api/reports/bieu-06-vpcp-kstt/2025Q4/05971', { cookie });
    expect(far.status).toBe(404);
    expect((await far.json()).error.message).toContain('2025Q3');
  });
});

describe('login is throttled per user and per address', () => {
  const login = (username: string, password: string) => t.request('/api/auth/login', { method: 'POST', json: { username, password } });

  it('after five wrong passwords for a user the sixth try is a 429 with Retry-After, even with the right one', async () => {
    for (let i = 0; i < 5; i++) expect((await login('canbo-05971', 'sai-mat-khau')).status).toBe(401);
    const res = await login('canbo-05971', 'mat-khau-thu');
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await res.json()).error.code).toBe('too-many-requests');
    // Another user is not held back by it.
    expect((await login('canbo-05974', 'mat-khau-thu')).status).toBe(200);
    // The window passes.
    t.now.value = new Date(t.now.value.getTime() + 16 * 60_000);
    expect((await login('canbo-05971', 'mat-khau-thu')).status).toBe(200);
  });

  it('an unknown user fails like a wrong password, and made-up names from one address are throttled too', async () => {
    const res = await login('khong-ton-tai', 'mat-khau-thu');
    expect(res.status).toBe(401);
    expect((await res.json()).error).toMatchObject({ code: 'bad-credentials', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
    for (let i = 0; i < 29; i++) await login(`ai-do-${i}`, 'x');
    expect((await login('canbo-05974', 'mat-khau-thu')).status).toBe(429);
  }, 60_000);

  it('a deactivated user cannot log in', async () => {
    const admin = await t.login('admin');
    await t.request('/api/users/canbo-05974', { method: 'PATCH', cookie: admin, json: { active: false } });
    expect((await login('canbo-05974', 'mat-khau-thu')).status).toBe(401);
  });
});

describe('CSRF: a state-changing request from another site is refused', () => {
  it.each([
    ['Origin', { Origin: 'https://evil.example' }],
    ['Sec-Fetch-Site', { 'Sec-Fetch-Site': 'cross-site' }],
    ['Sec-Fetch-Site same-site', { 'Sec-Fetch-Site': 'same-site' }],
  ])('by %s: PUT values is a 403 and saves nothing; a bodyless submit too', async (_name, headers) => {
    const cookie = await t.login('canbo-05971');
    const put = await t.request('/api/reports/bieu-06-vpcp-kstt/2025Q1/05971/values', {
      method: 'PUT',
      cookie,
      headers,
      json: { revision: 0, values: [{ row: '01', col: 'nhan_truc_tuyen', value: 1 }] },
    });
    expect(put.status).toBe(403);
    expect((await put.json()).error.code).toBe('cross-site');
    expect(await t.deps.store.db.select().from(cellValues)).toEqual([]);
    const submit = await t.request('/api/reports/bieu-06-vpcp-kstt/2025Q1/05971/submit', { method: 'POST', cookie, headers });
    expect(submit.status).toBe(403);
    const logout = await t.request('/api/auth/logout', { method: 'POST', cookie, headers });
    expect(logout.status).toBe(403);
    expect((await t.request('/api/me', { cookie })).status).toBe(200);
  });

  it('the app itself (same origin) and scripts without Origin go through', async () => {
    const cookie = await t.login('canbo-05971');
    const body = { revision: 0, values: [{ row: '01', col: 'nhan_truc_tuyen', value: 1 }] };
    const same = await t.request('http://localhost/api/reports/bieu-06-vpcp-kstt/2025Q1/05971/values', {
      method: 'PUT',
      cookie,
      headers: { Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' },
      json: body,
    });
    expect(same.status).toBe(200);
  });
});

describe('headers', () => {
  it('every API answer has a CSP with no inline script and no framing, nosniff, a referrer policy and no-store', async () => {
    const res = await t.request('/api/health');
    const csp = res.headers.get('Content-Security-Policy')!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
  });

  it('an unknown API path is a JSON 404 with the same headers', async () => {
    const res = await t.request('/api/khong-co');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not-found');
    expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
  });

  it('the session cookie is Secure over HTTPS, and not over plain HTTP', async () => {
    const over = async (url: string) =>
      (await t.request(url, { method: 'POST', json: { username: 'canbo-05971', password: 'mat-khau-thu' } })).headers.get('set-cookie')!;
    expect(await over('https://baocao.langson.gov.vn/api/auth/login')).toMatch(/;\s*Secure/i);
    expect(await over('http://localhost/api/auth/login')).not.toMatch(/;\s*Secure/i);
    expect(await over('http://localhost/api/auth/login')).toMatch(/HttpOnly/i);
  });
});
