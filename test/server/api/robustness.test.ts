// Whatever a client sends, the answer is a 4xx in the one error shape, never a 500.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app';

let t: TestApp;
let officer: string;
let head: string;
beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('canbo-05971');
  head = await t.login('lanhdao-178');
});
afterAll(() => t.close());

const segment = fc.oneof(
  fc.constantFrom('bieu-06-vpcp-kstt', 'kinh-te-xa-hoi-xa', '2025Q1', '202501', '05971', '178', '%00', '..', 'Quý%20I', '%F0%9F%98%80'),
  fc.string({ minLength: 1, maxLength: 12 }).map(encodeURIComponent),
);

async function expectClientError(res: Response, path = '/api') {
  expect(res.status, `${res.status} ${await res.clone().text()}`).toBeLessThan(500);
  // "/api/x/../.." resolves outside the API, where the static client answers.
  if (res.status >= 400 && new URL(path, 'http://localhost').pathname.startsWith('/api')) {
    const body = await res.json();
    expect(body.error.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(typeof body.error.message).toBe('string');
  }
}

describe('no 500 for anything a client sends', () => {
  it('for any JSON body on every writing route', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          ['PUT', '/api/reports/bieu-06-vpcp-kstt/2025Q1/05971/values', officer],
          ['POST', '/api/reports/bieu-06-vpcp-kstt/2025Q1/05971/return', head],
          ['POST', '/api/auth/login', ''],
          ['POST', '/api/holidays', officer],
        ),
        fc.jsonValue(),
        async ([method, path, cookie], body) => {
          await expectClientError(await t.request(path, { method, cookie, json: body }));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('for values of any shape inside a well-formed save', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ row: fc.string({ maxLength: 6 }), col: fc.string({ maxLength: 12 }), value: fc.oneof(fc.double(), fc.string(), fc.constant(null), fc.integer()) }), { maxLength: 5 }),
        async (values) => {
          const res = await t.request('/api/reports/bieu-06-vpcp-kstt/2025Q1/05971/values', { method: 'PUT', cookie: officer, json: { revision: 0, values } });
          await expectClientError(res);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('for any path and query on every reading route', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/api/reports', '/api/aggregates', '/api/exports', '/api/series', '/api/templates', '/api/periods'),
        fc.array(segment, { maxLength: 4 }),
        fc.string({ maxLength: 20 }),
        async (base, parts, query) => {
          const path = `${base}/${parts.join('/')}?${encodeURIComponent(query)}=${encodeURIComponent(query)}`;
          await expectClientError(await t.request(path, { cookie: head }), path);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('for a body that is not JSON, or too large', async () => {
    const bad = await t.request('/api/reports/bieu-06-vpcp-kstt/2025Q1/05971/values', {
      method: 'PUT',
      cookie: officer,
      body: 'revision=0',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    await expectClientError(bad);
    expect(bad.status).toBe(400);
    const huge = await t.request('/api/reports/bieu-06-vpcp-kstt/2025Q1/05971/values', {
      method: 'PUT',
      cookie: officer,
      body: JSON.stringify({ revision: 0, values: [], pad: 'x'.repeat(9 * 1024 * 1024) }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe('payload-too-large');
  });
});
