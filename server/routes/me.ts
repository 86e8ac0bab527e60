// GET /api/me: who is logged in and the unit they act for today.
import { Hono } from 'hono';
import type { Me } from '../../schema/api';
import { requireUser } from '../auth/middleware';
import { findUnitAtOrBefore } from '../db/units';
import { vnDate } from '../../domain/vn-time';
import type { SessionUser } from '../auth/sessions';
import type { AppDeps, AppEnv } from '../env';

export const meRoutes = new Hono<AppEnv>().get('/', requireUser, async (c) => c.json(await describeMe(c.var.deps, c.var.user!)));

/** The body of GET /api/me, also part of GET /api/session. */
export async function describeMe(deps: AppDeps, user: SessionUser): Promise<Me> {
  const unit = user.unitCode ? await findUnitAtOrBefore(deps.store.db, user.unitCode, vnDate(deps.clock())) : undefined;
  return {
    username: user.username,
    name: user.name,
    role: user.role,
    unit: unit ? { code: unit.code, name: unit.name, level: unit.level } : null,
  };
}
