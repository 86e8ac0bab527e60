// GET /api/openapi.json describes every route the app registers, with parameters and bodies taken from
// the valibot schemas that validate them; /api/docs shows it without any outside resource.
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_DESCRIPTIONS } from '../../server/openapi/descriptions';
import { registeredRoutes, undescribedRoutes } from '../../server/openapi/spec';
import { valid } from '../../server/validate';
import { PeriodsQuery } from '../../schema/api';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
let doc: { openapi: string; paths: Record<string, Record<string, { summary: string; parameters?: { name: string; in: string; required: boolean; schema: { type?: string } }[]; requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }> }; security?: unknown[] }>> };
beforeAll(async () => {
  t = await createTestApp();
  const res = await t.request('/api/openapi.json');
  expect(res.status).toBe(200);
  doc = await res.json();
});
afterAll(() => t.close());

const op = (method: string, path: string) => doc.paths[path]?.[method];
const toOpenApi = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

describe('GET /api/openapi.json', () => {
  it('describes every route registered on the app (add a missing one to server/openapi/descriptions.ts)', () => {
    expect(undescribedRoutes(t.app)).toEqual([]);
    const routes = registeredRoutes(t.app);
    expect(routes.length).toBeGreaterThan(40);
    for (const key of routes) {
      const [method, path] = key.split(' ') as [string, string];
      const operation = op(method.toLowerCase(), toOpenApi(path));
      expect(operation, key).toBeDefined();
      expect(operation!.summary, key).toBe(ROUTE_DESCRIPTIONS[key]!.summary);
    }
  });

  it('keeps no description of a route that is gone', () => {
    const routes = new Set(registeredRoutes(t.app));
    expect(Object.keys(ROUTE_DESCRIPTIONS).filter((key) => !routes.has(key))).toEqual([]);
  });

  it('is OpenAPI 3.1 with query parameters and JSON bodies from the same valibot schemas the routes validate with', () => {
    expect(doc.openapi).toBe('3.1.0');
    const periods = op('get', '/api/periods')!;
    expect(periods.parameters?.map((p) => [p.name, p.in, p.required])).toEqual([
      ['template', 'query', true],
      ['year', 'query', true],
    ]);
    const put = op('put', '/api/reports/{template}/{period}/{unit}/values')!;
    // ?round= (issue 11) beside the path's three.
    expect(put.parameters?.map((p) => p.name)).toEqual(['template', 'period', 'unit', 'round']);
    const body = put.requestBody!.content['application/json']!.schema;
    expect(Object.keys(body.properties ?? {})).toEqual(expect.arrayContaining(['revision', 'values']));
    expect(body.required).toEqual(expect.arrayContaining(['revision', 'values']));
    expect(op('post', '/api/imports/adx')!.parameters?.map((p) => p.name)).toEqual(['dryRun']);
    expect(Object.keys(op('post', '/api/imports/adx')!.requestBody!.content)).toEqual(['application/adx+xml']);
  });

  it('marks routes that need a session, and leaves health, login and the description open', () => {
    expect(op('get', '/api/reports/{template}/{period}/{unit}')!.security).toEqual([{ session: [] }]);
    expect(op('get', '/api/outbox')!.security).toEqual([{ session: [] }]);
    expect(op('get', '/api/health')!.security).toBeUndefined();
    expect(op('post', '/api/auth/login')!.security).toBeUndefined();
    expect(op('get', '/api/openapi.json')!.security).toBeUndefined();
  });

  it('catches a route added without a description', () => {
    const app = new Hono().get('/api/something-new', valid('query', PeriodsQuery), (c) => c.text('x'));
    expect(undescribedRoutes(app)).toEqual(['GET /api/something-new']);
  });
});

describe('GET /api/docs', () => {
  it('shows every operation on one page that loads nothing from outside', async () => {
    const res = await t.request('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();
    for (const key of registeredRoutes(t.app)) expect(page, key).toContain(toOpenApi(key.split(' ')[1]!));
    expect(page).not.toMatch(/<script|<link|src="http|href="http/);
  });
});
