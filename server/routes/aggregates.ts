// GET /api/aggregates/:template/:period/:unit?include=approved|submitted: the subtree rolled up live.
import { Hono } from 'hono';
import { AggregateQuery } from '../../schema/api';
import { requireUser } from '../auth/middleware';
import type { AppEnv } from '../env';
import { aggregateUnit } from '../services/aggregate';
import { resolveScope } from '../services/report-context';
import { valid } from '../validate';

export const aggregatesRoutes = new Hono<AppEnv>().get('/:template/:period/:unit', requireUser, valid('query', AggregateQuery), async (c) => {
  const scope = await resolveScope(c.var.deps, c.var.user, c.req.param());
  return c.json(await aggregateUnit(c.var.deps, scope, c.req.valid('query').include));
});
