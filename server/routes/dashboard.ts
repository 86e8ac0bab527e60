// GET /api/dashboard/*: where the reports stand below a unit and what its figures say over time
// (issue 12). Each handler validates its query, resolves the scope through report-context (which decides
// access) and asks a dashboard service; everything a chart on the dashboard page shows comes from here.
// `?round=preliminary` (issue 11): the same for the preliminary round (số ước) where the form has one.
import { Hono } from 'hono';
import { DashboardCompareQuery, DashboardSeriesQuery, DashboardStatusQuery, DashboardTimelinessQuery } from '../../schema/dashboard';
import { requireUser } from '../auth/middleware';
import type { AppEnv } from '../env';
import { dashboardCompare, dashboardSeries } from '../services/dashboard-figures';
import { dashboardStatus } from '../services/dashboard-status';
import { dashboardTimeliness } from '../services/dashboard-timeliness';
import { requireRound, resolveScope } from '../services/report-context';
import { valid } from '../validate';

export const dashboardRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get('/status', valid('query', DashboardStatusQuery), async (c) => {
    const { template, period, under, round } = c.req.valid('query');
    const scope = await resolveScope(c.var.deps, c.var.user, { template, period, unit: under });
    return c.json(await dashboardStatus(c.var.deps, scope, requireRound(scope.template, scope.period, round)));
  })
  .get('/timeliness', valid('query', DashboardTimelinessQuery), async (c) => {
    return c.json(await dashboardTimeliness(c.var.deps, c.var.user, c.req.valid('query')));
  })
  .get('/series', valid('query', DashboardSeriesQuery), async (c) => {
    return c.json(await dashboardSeries(c.var.deps, c.var.user, c.req.valid('query')));
  })
  .get('/compare', valid('query', DashboardCompareQuery), async (c) => {
    return c.json(await dashboardCompare(c.var.deps, c.var.user, c.req.valid('query')));
  });
