// The fuzz test: thousands of random and malformed requests over every route the app registers (read
// from the app itself, so a new route is fuzzed without a change here), as every kind of user. It ends
// with no 5xx, every error in the one shape, and the stored data unchanged wherever the answer was no.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app';

let t: TestApp;
let users: Record<string, string>;

const NOW = new Date('2026-06-16T03:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  users = { anonymous: '' };
  for (const u of ['canbo-05977', 'lanhdao-20', 'lanhdao-20-ttr', 'xem-20', 'admin']) users[u] = await t.login(u);
  // Some data to protect: a submitted commune report with a comment.
  const officer = users['canbo-05977']!;
  await t.request('/api/reports/tiep-cong-dan-xa/2026Q2/05977/values', { method: 'PUT', cookie: officer, json: { revision: 0, values: [{ row: '1', col: 'ky_nay', value: 4 }] } });
  await t.request('/api/reports/tiep-cong-dan-xa/2026Q2/05977/submit', { method: 'POST', cookie: officer });
  await t.request('/api/reports/tiep-cong-dan-xa/2026Q2/05977/comments', { method: 'POST', cookie: officer, json: { text: 'Đã gửi.' } });
}, 60_000);
afterAll(() => t.close());

/** Everything a refused request must leave as it was, as one string. */
async function fingerprint(): Promise<string> {
  const q = async (sql: string) => JSON.stringify((await t.deps.store.client.execute(sql)).rows);
  return [
    await q('SELECT id, template_id, period_id, unit_id, status, revision, return_reason, submitted_at FROM reports ORDER BY id'),
    await q('SELECT report_id, row_code, col_key, num_value, text_value FROM cell_values ORDER BY 1, 2, 3'),
    await q('SELECT * FROM report_sections ORDER BY 1, 2'),
    await q('SELECT * FROM report_explanations ORDER BY 1, 2, 3, 4'),
    await q('SELECT * FROM report_comments ORDER BY id'),
    await q('SELECT COUNT(*) AS n FROM audit_entries'),
    await q('SELECT username, name, active, password_hash FROM users ORDER BY id'),
    await q('SELECT * FROM user_roles ORDER BY id'),
    await q('SELECT date, name, kind FROM holidays ORDER BY date'),
    await q('SELECT * FROM units ORDER BY id'),
  ].join('\n');
}

const routes = () =>
  t.app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
    .map((r) => ({ method: r.method, path: r.path }))
    .filter((r, i, all) => all.findIndex((x) => x.method === r.method && x.path === r.path) === i);

const segment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('tiep-cong-dan-xa', 'bieu-06-vpcp-kstt', 'kinh-te-xa-hoi-xa', '2026Q2', '2025Q1', '202605', '2026S1', '05977', '20', '20-TTR', '178', 'canbo-05977', 'admin') },
  { weight: 1, arbitrary: fc.constantFrom('%00', '..', '%2e%2e', 'Quý%20I', '%F0%9F%98%80', '9'.repeat(300), 'null', '-1', '1e308', '2026-02-30') },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 10 }).map(encodeURIComponent) },
);

const value = fc.oneof(fc.double(), fc.integer(), fc.constant(1e308), fc.constant(-0), fc.string({ maxLength: 8 }), fc.constant(null), fc.boolean());
const body = fc.oneof(
  fc.jsonValue(),
  fc.record({ revision: fc.oneof(fc.nat(5), fc.double(), fc.string()), values: fc.array(fc.record({ row: fc.constantFrom('1', '1.1', '2', '99', ''), col: fc.constantFrom('ky_nay', 'cung_ky', 'x'), value }), { maxLength: 4 }) }, { requiredKeys: [] }),
  fc.record({ reason: fc.oneof(fc.string({ maxLength: 30 }), fc.constant('')), text: fc.string({ maxLength: 30 }), row: fc.constantFrom('1', '99'), col: fc.constantFrom('ky_nay', 'x') }, { requiredKeys: [] }),
  fc.record({ username: fc.string({ maxLength: 12 }), name: fc.string({ maxLength: 12 }), password: fc.string({ maxLength: 12 }), active: fc.boolean(), roles: fc.array(fc.record({ role: fc.constantFrom('officer', 'head', 'viewer', 'admin', 'boss'), unitCode: segment, from: fc.constantFrom('2026-02-30', '2025-07-01', 'x') }), { maxLength: 2 }) }, { requiredKeys: [] }),
  fc.record({ date: fc.constantFrom('2026-02-30', '2026-12-31', '31/12/2026'), name: fc.string({ maxLength: 10 }), kind: fc.constantFrom('off', 'workday', 'x') }, { requiredKeys: [] }),
);
const query = fc.dictionary(fc.constantFrom('include', 'template', 'period', 'year', 'at', 'kind', 'under', 'from', 'to', 'col', 'dryRun', 'validFrom', 'preview'), segment, { maxKeys: 3 });

it('thousands of random requests over every route: no 5xx, one error shape, nothing changed when refused', async () => {
  const all = routes();
  expect(all.length).toBeGreaterThan(20);
  const seen = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...all),
      fc.array(segment, { minLength: 4, maxLength: 4 }),
      query,
      fc.option(body, { nil: undefined }),
      fc.constantFrom(...Object.keys(users)),
      fc.constantFrom<Record<string, string>>({}, {}, {}, { Origin: 'https://evil.example' }, { 'Content-Type': 'text/plain' }),
      async (route, parts, params, json, user, headers) => {
        let i = 0;
        const path = route.path.replace(/:[a-z]+\{?[^/]*\}?/gi, () => parts[i++ % parts.length]!);
        const url = `${path}?${new URLSearchParams(params).toString()}`;
        const before = await fingerprint();
        const res = await t.request(url, { method: route.method, cookie: users[user], headers, ...(json !== undefined && route.method !== 'GET' ? { json } : {}) });
        const text = await res.text();
        seen.set(String(res.status), (seen.get(String(res.status)) ?? 0) + 1);
        expect(res.status, `${route.method} ${url} as ${user}: ${text.slice(0, 300)}`).toBeLessThan(500);
        if (res.status >= 400 && new URL(url, 'http://localhost').pathname.startsWith('/api')) {
          const error = JSON.parse(text).error;
          expect(error.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
          expect(typeof error.message).toBe('string');
          expect(await fingerprint(), `${route.method} ${url} as ${user} answered ${res.status} but changed data`).toBe(before);
        }
      },
    ),
    { numRuns: 2000, seed: 20261203 },
  );
  // The run reached deep into the routes, not only their front doors.
  expect(seen.get('200') ?? 0).toBeGreaterThan(100);
}, 600_000);
