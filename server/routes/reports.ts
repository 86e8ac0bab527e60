// Reports: the list of a period, one report with its values and history, saving cells, and the
// workflow (submit, approve, return or reopen). Each handler resolves the report through
// report-context (which decides access), calls a service and answers.
import { Hono } from 'hono';
import { PutValuesBody, ReportsQuery, ReturnBody, RoundQuery } from '../../schema/api';
import { requireUser } from '../auth/middleware';
import type { Round } from '../../schema/template';
import type { AppEnv } from '../env';
import { type Need, type ReportKey, requireRound, resolvePeriodScope, resolveReport } from '../services/report-context';
import { reportHistory } from '../services/report-review';
import { saveReport } from '../services/report-save';
import { buildReport, listVisibleReports } from '../services/report-view';
import { decideReport, submitReport } from '../services/report-workflow';
import { valid } from '../validate';

/** The report a request names: the path, and the round (`?round=`, validated by RoundQuery; official by default). */
const keyOf = (c: { req: { param(name: 'template' | 'period' | 'unit'): string; valid(target: 'query'): { round: Round } } }): ReportKey => ({
  template: c.req.param('template'),
  period: c.req.param('period'),
  unit: c.req.param('unit'),
  round: c.req.valid('query').round,
});

export const reportsRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get('/', valid('query', ReportsQuery), async (c) => {
    const { template, period, under, round } = c.req.valid('query');
    const scope = await resolvePeriodScope(c.var.deps, c.var.user, template, period);
    return c.json(await listVisibleReports(c.var.deps, scope, under, requireRound(scope.template, scope.period, round)));
  })
  .get('/:template/:period/:unit', valid('query', RoundQuery), async (c) => {
    const t = await resolveReport(c.var.deps, c.var.user, keyOf(c));
    return c.json(await buildReport(c.var.deps, t));
  })
  .get('/:template/:period/:unit/history', valid('query', RoundQuery), async (c) => {
    const t = await resolveReport(c.var.deps, c.var.user, keyOf(c));
    return c.json(await reportHistory(c.var.deps, t));
  })
  .put('/:template/:period/:unit/values', valid('query', RoundQuery), valid('json', PutValuesBody), async (c) => {
    const t = await resolveReport(c.var.deps, c.var.user, keyOf(c), 'write');
    return c.json(await saveReport(c.var.deps, c.var.user, t, c.req.valid('json')));
  })
  .post('/:template/:period/:unit/submit', valid('query', RoundQuery), async (c) => {
    const t = await resolveReport(c.var.deps, c.var.user, keyOf(c), 'write');
    return c.json(await submitReport(c.var.deps, c.var.user, t));
  })
  .post('/:template/:period/:unit/approve', valid('query', RoundQuery), async (c) => {
    const t = await resolveReport(c.var.deps, c.var.user, keyOf(c), 'decide' satisfies Need);
    return c.json(await decideReport(c.var.deps, c.var.user, t, 'approve'));
  })
  .post('/:template/:period/:unit/return', valid('query', RoundQuery), valid('json', ReturnBody), async (c) => {
    const t = await resolveReport(c.var.deps, c.var.user, keyOf(c), 'decide');
    return c.json(await decideReport(c.var.deps, c.var.user, t, 'return', c.req.valid('json').reason));
  });
