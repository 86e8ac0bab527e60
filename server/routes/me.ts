// GET /api/me: who is logged in, the roles they hold today and the unit of the first (api.md's single
// role and unit); POST /api/me/password: a user changes their own password.
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { ChangePasswordBody, type Me } from '../../schema/api';
import { users } from '../../schema/db';
import { grantsInForce } from '../../domain/access';
import { vnDate } from '../../domain/vn-time';
import { requireUser } from '../auth/middleware';
import { hashPassword, verifyPassword } from '../auth/passwords';
import type { SessionUser } from '../auth/sessions';
import type { AppDeps, AppEnv } from '../env';
import { ApiError } from '../errors';
import { describeGrants } from '../services/users';
import { valid } from '../validate';

export const meRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get('/', async (c) => c.json(await describeMe(c.var.deps, c.var.user)))
  .post('/password', valid('json', ChangePasswordBody), async (c) => {
    const { current, next } = c.req.valid('json');
    const { user, deps } = c.var;
    const [row] = await deps.store.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id)).limit(1);
    if (!row || !(await verifyPassword(current, row.hash))) {
      throw new ApiError(403, 'bad-credentials', 'Mật khẩu hiện tại không đúng.');
    }
    const passwordHash = await hashPassword(next);
    await deps.store.write((tx) => tx.update(users).set({ passwordHash }).where(eq(users.id, user.id)));
    return c.json({ ok: true });
  });

/** The body of GET /api/me, also part of GET /api/session. */
export async function describeMe(deps: AppDeps, user: SessionUser): Promise<Me> {
  const roles = await describeGrants(deps.store.db, grantsInForce(user.grants, vnDate(deps.clock())));
  const first = roles[0];
  return {
    username: user.username,
    name: user.name,
    role: first?.role ?? 'viewer',
    unit: first?.unit ? { code: first.unit.code, name: first.unit.name, level: first.unit.level } : null,
    roles,
  };
}
