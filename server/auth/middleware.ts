// Reads the session cookie into c.var.user; requireUser() answers 401 for everyone else.
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { notLoggedIn } from '../errors';
import type { AppEnv } from '../env';
import { findSessionUser, SESSION_COOKIE } from './sessions';

export const loadUser = createMiddleware<AppEnv>(async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  c.set('user', token ? await findSessionUser(c.var.deps.store.db, token, c.var.deps.clock()) : undefined);
  await next();
});

export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.var.user) throw notLoggedIn();
  await next();
});
