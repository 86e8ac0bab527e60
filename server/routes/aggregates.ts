// GET /api/aggregates/:template/:period/:unit?include=approved|submitted[&round=preliminary]: the subtree rolled up from the maintained roll-ups;
// the period may be a span the form's periods tile (a quarter, half-year or year of a monthly form).
import { Hono } from 'hono';
import { AggregateQuery } from '../../schema/api';
import { requireUser } from '../auth/middleware';
import type { AppEnv } from '../env';
import { aggregateUnit, resolveRollupScope } from '../services/aggregate';
import { requireRound } from '../services/report-context';
import { valid } from '../validate';

export const aggregatesRoutes = new Hono<AppEnv>().get('/:template/:period/:unit', requireUser, valid('query', AggregateQuery), async (c) => {
  const { include, round } = c.req.valid('query');
  const scope = await resolveRollupScope(c.var.deps, c.var.user, c.req.param());
  return c.json(await aggregateUnit(c.var.deps, scope, include, requireRound(scope.template, scope.span.members.at(-1)!, round)));
});
