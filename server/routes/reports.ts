// Reports: the list of a period, one report with its values, saving cells, and the workflow.
import { Hono } from 'hono';
import { PutValuesBody, ReportsQuery, ReturnBody, type AuditEntry, type Report, type ReportListItem } from '../../schema/api';
import { requireUser } from '../auth/middleware';
import { listReports, loadExplanations, loadHistory, loadSections, loadValues } from '../db/reports';
import { reportingLevelsOn } from '../../domain/reporting-levels';
import { computeReport, requiredPeriodIds } from '../../domain/template/evaluator';
import { checkRules } from '../../domain/template/rules';
import { isLate } from '../../domain/vn-time';
import { actorIn, isEditable, visibleUnits } from '../../domain/workflow';
import type { AppEnv } from '../env';
import { toWire } from '../services/aggregate';
import { saveReport } from '../services/report-save';
import { deadlineOf, requirePeriod, requireTemplate, resolveTarget } from '../services/report-target';
import { buildEvalContext, unitInputLoader } from '../services/report-values';
import { decideReport, submitReport } from '../services/report-workflow';
import { valid } from '../validate';

const target = (c: { var: AppEnv['Variables']; req: { param(name: string): string } }) =>
  resolveTarget(c.var.deps, c.var.user!, c.req.param('template'), c.req.param('period'), c.req.param('unit'));

export const reportsRoutes = new Hono<AppEnv>()
  .use('*', requireUser)
  .get('/', valid('query', ReportsQuery), async (c) => {
    const { template: id, period: periodId } = c.req.valid('query');
    const { deps, user } = c.var;
    const latest = requireTemplate(deps, id);
    const period = requirePeriod(latest, periodId);
    const template = deps.templates.forPeriod(id, period.id) ?? latest;
    const tree = await deps.unitTrees.at(period.end);
    const levels = reportingLevelsOn(template.file, period.end);
    const units = visibleUnits(actorIn(user!, tree), tree).filter((u) => levels.includes(u.level));
    const rows = new Map((await listReports(deps.store.db, id, period.id, units.map((u) => u.id))).map((r) => [r.unitId, r]));
    const items: ReportListItem[] = [];
    for (const unit of units) {
      const row = rows.get(unit.id);
      const deadline = await deadlineOf(deps, template, period, unit.level);
      const submittedAt = row?.status === 'submitted' || row?.status === 'approved' ? row.submittedAt : null;
      items.push({
        unitCode: unit.code,
        unitName: unit.name,
        level: unit.level,
        parentCode: unit.parentId === null ? null : (tree.byId(unit.parentId)?.code ?? null),
        status: row?.status ?? 'draft',
        revision: row?.revision ?? 0,
        submittedAt: row?.submittedAt ?? null,
        deadline,
        isLate: isLate(deadline, submittedAt, deps.clock()),
      });
    }
    return c.json(items);
  })
  .get('/:template/:period/:unit', async (c) => {
    const { deps } = c.var;
    const t = await target(c);
    const stored = t.row ? ((await loadValues(deps.store.db, [t.row.id])).get(t.row.id) ?? new Map()) : new Map();
    const loader = unitInputLoader(deps, t.template, t.unit);
    const ctx = await buildEvalContext(t.template, t.period, stored, loader);
    const status = t.row?.status ?? 'draft';
    const others = requiredPeriodIds(t.template.compiled, ctx).flatMap((period) => {
      const values = ctx.inputs(period);
      return values ? [{ period, values: toWire(values), ...(loader.incomplete.has(period) ? { incomplete: true as const } : {}) }] : [];
    });
    const sent = status === 'submitted' || status === 'approved' ? t.row?.submittedAt : null;
    const canWrite = t.perms.write && t.isReporter && isEditable(status);
    return c.json({
      template: t.template.file.id,
      templateVersion: t.template.file.version,
      period: t.period.id,
      periodStart: t.period.start,
      periodEnd: t.period.end,
      unit: { code: t.unit.code, name: t.unit.name, level: t.unit.level },
      status,
      revision: t.row?.revision ?? 0,
      submittedAt: t.row?.submittedAt ?? null,
      deadline: t.deadline,
      isLate: t.isReporter && isLate(t.deadline, sent ?? null, deps.clock()),
      returnReason: status === 'returned' ? (t.row?.returnReason ?? null) : null,
      values: toWire(computeReport(t.template.compiled, ctx)),
      otherPeriods: others,
      issues: checkRules(t.template.compiled, ctx),
      sections: t.row ? await loadSections(deps.store.db, t.row.id) : [],
      explanations: t.row ? await loadExplanations(deps.store.db, t.row.id) : [],
      can: {
        edit: canWrite,
        submit: canWrite,
        approve: t.perms.decide && status === 'submitted',
        return: t.perms.decide && (status === 'submitted' || status === 'approved'),
      },
    } satisfies Report);
  })
  .get('/:template/:period/:unit/history', async (c) => {
    const t = await target(c);
    const entries = t.row ? await loadHistory(c.var.deps.store.db, t.row.id) : [];
    return c.json(
      entries.map(
        (e): AuditEntry => ({
          at: e.at,
          username: e.username,
          action: e.action,
          ...(e.rowCode !== null ? { row: e.rowCode } : {}),
          ...(e.colKey !== null ? { col: e.colKey } : {}),
          ...(e.oldValue !== null ? { oldValue: JSON.parse(e.oldValue) } : {}),
          ...(e.newValue !== null ? { newValue: JSON.parse(e.newValue) } : {}),
          ...(e.reason !== null ? { reason: e.reason } : {}),
        }),
      ),
    );
  })
  .put('/:template/:period/:unit/values', valid('json', PutValuesBody), async (c) => {
    const t = await target(c);
    return c.json(await saveReport(c.var.deps, c.var.user!, t, c.req.valid('json')));
  })
  .post('/:template/:period/:unit/submit', async (c) => {
    const t = await target(c);
    return c.json(await submitReport(c.var.deps, c.var.user!, t));
  })
  .post('/:template/:period/:unit/approve', async (c) => {
    const t = await target(c);
    return c.json(await decideReport(c.var.deps, c.var.user!, t, 'approve'));
  })
  .post('/:template/:period/:unit/return', valid('json', ReturnBody), async (c) => {
    const t = await target(c);
    return c.json(await decideReport(c.var.deps, c.var.user!, t, 'return', c.req.valid('json').reason));
  });
