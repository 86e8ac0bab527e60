// Facts about the request that depend on how the server is deployed: the client's address (for login
// throttling) and whether it came over HTTPS (for the cookie's Secure flag). Behind a reverse proxy,
// TRUST_PROXY=1 makes the proxy's X-Forwarded-For and X-Forwarded-Proto count.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../env';

export function clientAddress(c: Context<AppEnv>): string {
  if (c.var.deps.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'local';
  }
}

export function isSecureRequest(c: Context<AppEnv>): boolean {
  const { secureCookies, trustProxy } = c.var.deps;
  if (secureCookies !== undefined) return secureCookies;
  if (new URL(c.req.url).protocol === 'https:') return true;
  return !!trustProxy && c.req.header('x-forwarded-proto') === 'https';
}
