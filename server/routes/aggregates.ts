// GET /api/aggregates/:template/:period/:unit?include=approved|submitted: the subtree rolled up from the maintained roll-ups;
// the period may be a span the form's periods tile (a quarter, half-year or year of a monthly form).
import { Hono } from 'hono';
import { AggregateQuery } from '../../schema/api';
import { requireUser } from '../auth/middleware';
import type { AppEnv } from '../env';
import { aggregateUnit, resolveRollupScope } from '../services/aggregate';
import { valid } from '../validate';

export const aggregatesRoutes = new Hono<AppEnv>().get('/:template/:period/:unit', requireUser, valid('query', AggregateQuery), async (c) => {
  const scope = await resolveRollupScope(c.var.deps, c.var.user, c.req.param());
  return c.json(await aggregateUnit(c.var.deps, scope, c.req.valid('query').include));
});
