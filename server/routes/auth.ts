// Log in and out: an httpOnly session cookie, 401 on bad credentials, 429 with Retry-After once a
// username or an address has failed too often; an unknown user takes as long as a wrong password.
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { LoginBody } from '../../schema/api';
import { users } from '../../schema/db';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { createSession, deleteSession, SESSION_COOKIE, SESSION_HOURS } from '../auth/sessions';
import { clientAddress, isSecureRequest } from '../http/request-info';
import { ApiError } from '../errors';
import type { AppEnv } from '../env';
import { valid } from '../validate';

/** A hash to verify against when the user does not exist, so both failures cost one scrypt. */
let dummyHash: Promise<string> | undefined;

export const authRoutes = new Hono<AppEnv>()
  .post('/login', valid('json', LoginBody), async (c) => {
    const { username, password } = c.req.valid('json');
    const { store, clock, loginThrottle } = c.var.deps;
    const address = clientAddress(c);
    const now = clock().getTime();
    const wait = loginThrottle.retryAfter(username, address, now);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      throw new ApiError(429, 'too-many-requests', `Đăng nhập sai quá nhiều lần; hãy thử lại sau ${Math.ceil(wait / 60)} phút.`);
    }
    const [user] = await store.db.select().from(users).where(eq(users.username, username)).limit(1);
    const hash = user?.passwordHash ?? (await (dummyHash ??= hashPassword('not-a-password-of-anyone')));
    const matches = await verifyPassword(password, hash);
    if (!user || !matches || !user.active) {
      loginThrottle.fail(username, address, now);
      throw new ApiError(401, 'bad-credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    loginThrottle.succeed(username);
    const token = await createSession(store.db, user.id, clock());
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: isSecureRequest(c),
      path: '/',
      maxAge: SESSION_HOURS * 3600,
    });
    return c.json({ username: user.username, name: user.name });
  })
  .post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await deleteSession(c.var.deps.store.db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isSecureRequest(c) });
    return c.json({ ok: true });
  });
