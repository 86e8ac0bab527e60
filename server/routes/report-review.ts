// Reviewing reports: comments on a report or a cell, what changed since the last submission, and the
// head's bulk approval of a period (api.md "Routes that later work adds").
import { Hono } from 'hono';
import { ApproveAllQuery, CommentBody, RoundQuery } from '../../schema/api';
import type { Round } from '../../schema/template';
import { requireUser } from '../auth/middleware';
import type { AppEnv } from '../env';
import { forbidden } from '../errors';
import { type ReportKey, requireRound, resolveReport, resolveScope } from '../services/report-context';
import { addComment, approveAll, changesSinceSubmission, listComments } from '../services/report-review';
import { valid } from '../validate';

/** The report a request names, in the round `?round=` asks for (official by default). */
const keyOf = (c: { req: { param(name: 'template' | 'period' | 'unit'): string; valid(target: 'query'): { round: Round } } }): ReportKey => ({
  template: c.req.param('template'),
  period: c.req.param('period'),
  unit: c.req.param('unit'),
  round: c.req.valid('query').round,
});

export const reportReviewRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get('/:template/:period/:unit/comments', valid('query', RoundQuery), async (c) => {
    const t = await resolveReport(c.var.deps, c.var.user, keyOf(c));
    return c.json(await listComments(c.var.deps, t));
  })
  .post('/:template/:period/:unit/comments', valid('query', RoundQuery), valid('json', CommentBody), async (c) => {
    const t = await resolveReport(c.var.deps, c.var.user, keyOf(c));
    // Those who fill or decide on a report discuss it; a viewer reads and changes nothing.
    if (!t.access.write && !t.access.decide) throw forbidden(`Bạn chỉ được xem báo cáo của ${t.unit.name}, không được góp ý.`);
    return c.json(await addComment(c.var.deps, c.var.user, t, c.req.valid('json')), 201);
  })
  .get('/:template/:period/:unit/changes', valid('query', RoundQuery), async (c) => {
    const t = await resolveReport(c.var.deps, c.var.user, keyOf(c));
    return c.json(await changesSinceSubmission(c.var.deps, t));
  })
  .post('/:template/:period/approve-all', valid('query', ApproveAllQuery), async (c) => {
    const key = { template: c.req.param('template'), period: c.req.param('period'), unit: c.req.valid('query').under };
    const scope = await resolveScope(c.var.deps, c.var.user, key);
    // `?round=preliminary`: the submitted preliminary reports (số ước) below; official by default.
    return c.json(await approveAll(c.var.deps, c.var.user, scope, requireRound(scope.template, scope.period, c.req.valid('query').round)));
  });
