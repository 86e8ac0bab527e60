// Log in and out: an httpOnly session cookie, 401 on bad credentials.
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { LoginBody } from '../../schema/api';
import { users } from '../../schema/db';
import { verifyPassword } from '../auth/passwords';
import { createSession, deleteSession, SESSION_COOKIE, SESSION_HOURS } from '../auth/sessions';
import { ApiError } from '../errors';
import type { AppEnv } from '../env';
import { valid } from '../validate';

export const authRoutes = new Hono<AppEnv>()
  .post('/login', valid('json', LoginBody), async (c) => {
    const { username, password } = c.req.valid('json');
    const { store, clock, secureCookies } = c.var.deps;
    const [user] = await store.db.select().from(users).where(eq(users.username, username)).limit(1);
    if (!user || !(await verifyPassword(password, user.passwordHash))) {
      throw new ApiError(401, 'bad-credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    const token = await createSession(store.db, user.id, clock());
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: secureCookies ?? false,
      path: '/',
      maxAge: SESSION_HOURS * 3600,
    });
    return c.json({ username: user.username, name: user.name, role: user.role });
  })
  .post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await deleteSession(c.var.deps.store.db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  });
