// GET /api/me: who is logged in and the unit they act for today.
import { Hono } from 'hono';
import type { Me } from '../../schema/api';
import { requireUser } from '../auth/middleware';
import { findUnitAtOrBefore } from '../db/units';
import { vnDate } from '../../domain/vn-time';
import type { AppEnv } from '../env';

export const meRoutes = new Hono<AppEnv>().get('/', requireUser, async (c) => {
  const user = c.var.user!;
  const { store, clock } = c.var.deps;
  const unit = user.unitCode ? await findUnitAtOrBefore(store.db, user.unitCode, vnDate(clock())) : undefined;
  return c.json({
    username: user.username,
    name: user.name,
    role: user.role,
    unit: unit ? { code: unit.code, name: unit.name, level: unit.level } : null,
  } satisfies Me);
});
