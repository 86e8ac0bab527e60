// The browser-facing defences every response gets: security headers with a Content-Security-Policy that
// allows no inline script and no framing, no caching of API answers, and a CSRF check that refuses any
// state-changing API request another site's page made (bodyless ones included).
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';

export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    // AG Grid and Solid set element styles at run time; no script runs from a style.
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'"],
    manifestSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  xFrameOptions: 'DENY',
  xContentTypeOptions: 'nosniff',
  referrerPolicy: 'strict-origin-when-cross-origin',
  crossOriginResourcePolicy: 'same-origin',
  crossOriginOpenerPolicy: 'same-origin',
});

/** API answers are per user and change with every save: never kept by a browser or a proxy. */
export const noStore = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
});

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request a browser made from another site: by Sec-Fetch-Site when the
 * browser sends it, else by Origin. Scripts and integrations send neither and are judged by their
 * session like everyone else.
 */
export const sameOriginOnly = createMiddleware<AppEnv>(async (c, next) => {
  if (!SAFE.has(c.req.method)) {
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const refused = site ? site !== 'same-origin' && site !== 'none' : origin !== undefined && !isOwnOrigin(origin, c);
    if (refused) throw new ApiError(403, 'cross-site', 'Yêu cầu từ trang web khác bị từ chối (CSRF) / cross-site request refused.');
  }
  await next();
});

function isOwnOrigin(origin: string, c: Context<AppEnv>): boolean {
  const url = new URL(c.req.url);
  const own = new Set([url.origin]);
  const host = c.req.header('host');
  if (host) own.add(`${url.protocol}//${host}`);
  if (c.var.deps.trustProxy) {
    const proto = c.req.header('x-forwarded-proto');
    const fwdHost = c.req.header('x-forwarded-host') ?? host;
    if (proto && fwdHost) own.add(`${proto}://${fwdHost}`);
  }
  for (const extra of c.var.deps.allowedOrigins ?? []) own.add(extra);
  return own.has(origin);
}
