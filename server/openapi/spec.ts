// Builds the OpenAPI 3.1 description of the API from the app itself: every route Hono has registered
// (app.routes), the valibot schemas its validators check (server/validate.ts keeps them on the
// middleware) turned into JSON Schema by @valibot/to-json-schema, and the summaries of
// descriptions.ts. Nothing is described twice, so the description cannot drift from the validation.
import { toJsonSchema } from '@valibot/to-json-schema';
import type { Hono } from 'hono';
import { COMPOSED_HANDLER } from 'hono/utils/constants';
import * as v from 'valibot';
import { requireAdmin, requireUser } from '../auth/middleware';
import { SESSION_COOKIE } from '../auth/sessions';
import { VALIDATES, type Validates } from '../validate';
import { ROUTE_DESCRIPTIONS } from './descriptions';

const ErrorSchema = v.object({
  error: v.object({
    code: v.string(),
    message: v.string(),
    issues: v.optional(v.array(v.object({ row: v.string(), col: v.string(), code: v.string(), message: v.string() }))),
  }),
});

type JsonObject = Record<string, unknown>;

/** A sub-app mounted with its own error handler has its handlers wrapped; Hono keeps the original on them. */
function unwrap(handler: unknown): unknown {
  let h = handler;
  while (typeof h === 'function' && COMPOSED_HANDLER in h) h = (h as unknown as Record<string, unknown>)[COMPOSED_HANDLER];
  return h;
}

/** 'METHOD /path' of every route a client can call (middleware-only entries and the UI excluded). */
export function registeredRoutes(app: Pick<Hono, 'routes'>): string[] {
  const keys = new Set<string>();
  for (const r of app.routes) if (r.method !== 'ALL' && r.path.startsWith('/api/')) keys.add(`${r.method} ${r.path}`);
  return [...keys];
}

const schemaOf = (schema: v.GenericSchema): JsonObject => {
  const { $schema: _drop, ...rest } = toJsonSchema(schema, { errorMode: 'ignore', typeMode: 'input' }) as JsonObject;
  return rest;
};

/** '/api/reports/:template/:period/:unit' → '/api/reports/{template}/{period}/{unit}' */
const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?\??/g, '{$1}');
const pathParams = (path: string) => [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);

export function buildOpenApi(app: Pick<Hono, 'routes'>): JsonObject {
  const byRoute = new Map<string, { method: string; path: string; handlers: unknown[] }>();
  // Middleware registered with use('*') for a sub-app (requireUser) covers every route under its prefix.
  const guarded: string[] = [];
  for (const route of app.routes) {
    const r = { ...route, handler: unwrap(route.handler) };
    if (r.method === 'ALL') {
      if (r.handler === requireUser || r.handler === requireAdmin) guarded.push(r.path.replace(/\/?\*$/, ''));
      continue;
    }
    if (!r.path.startsWith('/api/')) continue;
    const key = `${r.method} ${r.path}`;
    const entry = byRoute.get(key) ?? { method: r.method, path: r.path, handlers: [] };
    entry.handlers.push(r.handler);
    byRoute.set(key, entry);
  }

  const paths: Record<string, JsonObject> = {};
  for (const [key, { method, path, handlers }] of byRoute) {
    const described = ROUTE_DESCRIPTIONS[key];
    const validators = handlers.flatMap((h) => {
      const meta = (h as { [VALIDATES]?: Validates })[VALIDATES];
      return meta ? [meta] : [];
    });
    const isGuarded = handlers.some((h) => h === requireUser || h === requireAdmin) || guarded.some((prefix) => path.startsWith(`${prefix}/`) || path === prefix);
    const parameters: JsonObject[] = pathParams(path).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
    let requestBody: JsonObject | undefined;
    for (const { target, schema } of validators) {
      const json = schemaOf(schema);
      if (target === 'json') {
        requestBody = { required: true, content: { 'application/json': { schema: json } } };
        continue;
      }
      const where = target === 'param' ? 'path' : target === 'header' ? 'header' : target === 'cookie' ? 'cookie' : 'query';
      const properties = (json.properties ?? {}) as Record<string, JsonObject>;
      const required = new Set((json.required ?? []) as string[]);
      for (const [name, prop] of Object.entries(properties)) {
        const existing = parameters.findIndex((p) => p.name === name && p.in === where);
        const parameter = { name, in: where, required: where === 'path' || required.has(name), schema: prop };
        if (existing >= 0) parameters[existing] = parameter;
        else parameters.push(parameter);
      }
    }
    if (!requestBody && described?.body) {
      requestBody = { required: true, content: Object.fromEntries(Object.entries(described.body).map(([type, description]) => [type, { schema: { type: 'string', description } }])) };
    }
    const ok = described?.ok;
    const operation: JsonObject = {
      operationId: `${method.toLowerCase()}${openApiPath(path).replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      summary: described?.summary ?? '',
      ...(described?.description ? { description: described.description } : {}),
      tags: [described?.tag ?? 'other'],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses: {
        [String(ok?.status ?? 200)]: {
          description: ok?.description ?? 'OK',
          ...(ok?.type ? { content: { [ok.type]: ok.schema ? { schema: schemaOf(ok.schema) } : {} } } : {}),
        },
        default: { description: 'An error in the API’s one shape (400, 401, 403, 404, 409, 422 …)', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
      ...(isGuarded && !described?.public ? { security: [{ session: [] }] } : {}),
    };
    const item = (paths[openApiPath(path)] ??= {});
    item[method.toLowerCase()] = operation;
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Hệ thống thông tin báo cáo tỉnh Lạng Sơn — API',
      version: '1.0',
      description:
        'The HTTP API of the provincial reporting system (Decree 09/2019/NĐ-CP): reports, workflow, roll-ups, and the packages for ' +
        'the Government’s reporting system (QCVN 125:2021/BTTTT, ADX, SDMX-CSV). Errors are { error: { code, message, issues? } }.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Error: schemaOf(ErrorSchema) },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Set by POST /api/auth/login' } },
    },
  };
}

/** Routes the app registers that descriptions.ts does not describe (the OpenAPI test fails on any). */
export function undescribedRoutes(app: Pick<Hono, 'routes'>): string[] {
  return registeredRoutes(app).filter((key) => !(key in ROUTE_DESCRIPTIONS));
}
