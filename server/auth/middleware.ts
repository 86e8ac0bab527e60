// Reads the session cookie into c.var.user; requireUser answers 401 for everyone else and types the
// user for the handlers after it, so no handler needs `c.var.user!`.
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { grantsInForce } from '../../domain/access';
import { vnDate } from '../../domain/vn-time';
import { forbidden, notLoggedIn } from '../errors';
import type { AppEnv } from '../env';
import { findSessionUser, SESSION_COOKIE, type SessionUser } from './sessions';

export const loadUser = createMiddleware<AppEnv>(async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  c.set('user', token ? await findSessionUser(c.var.deps.store.db, token, c.var.deps.clock()) : undefined);
  await next();
});

/** The signed-in user, typed for every handler after this middleware. */
export interface SignedInEnv {
  Variables: { user: SessionUser };
}

export const requireUser = createMiddleware<SignedInEnv>(async (c, next) => {
  if (!c.get('user')) throw notLoggedIn();
  await next();
});

/** Whether the user holds an admin role in force today. */
export function isAdmin(user: SessionUser, now: Date): boolean {
  return grantsInForce(user.grants, vnDate(now)).some((g) => g.role === 'admin');
}

export const requireAdmin = createMiddleware<AppEnv & SignedInEnv>(async (c, next) => {
  const user = c.get('user');
  if (!user) throw notLoggedIn();
  if (!isAdmin(user, c.var.deps.clock())) throw forbidden('Chỉ quản trị hệ thống mới làm được việc này.');
  await next();
});
