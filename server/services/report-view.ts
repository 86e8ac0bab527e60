// A report as the API shows it (api.md GET /api/reports/:t/:p/:u): the full grid with computed cells,
// the other periods its formulas read, the rule results, texts, and what the caller may do now; and the
// list of a period's reports the caller may see.
import type { Round } from '../../schema/template';
import type { Report, ReportListItem, RoundState } from '../../schema/api';
import { roundsOfPeriod } from '../../domain/periods';
import { accessTo, visibleUnits } from '../../domain/access';
import { isReportingUnit, unitsThatMustReport } from '../../domain/reporting-levels';
import { computeReport, requiredPeriodIds } from '../../domain/template/evaluator';
import { checkRules } from '../../domain/template/rules';
import { isLate } from '../../domain/vn-time';
import { isEditable } from '../../domain/workflow';
import { findReport, listReports, loadExplanations, loadSections, loadValues } from '../db/reports';
import type { AppDeps } from '../env';
import { notFound } from '../errors';
import { toWire } from './aggregate';
import { deadlineOf, type PeriodScope, type ReportContext } from './report-context';
import { crossIssues } from './cross-rules';
import { lockingUnit } from './report-lock';
import { withOpenRows } from '../templates/expand';
import { buildEvalContext, unitInputLoader } from './report-values';

export async function buildReport(deps: AppDeps, given: ReportContext): Promise<Report> {
  const stored = given.row ? ((await loadValues(deps.store.db, [given.row.id])).get(given.row.id) ?? new Map()) : new Map();
  // Open lists hold the rows the report has.
  const t = { ...given, template: withOpenRows(given.template, stored.keys()) };
  const loader = unitInputLoader(deps, t.template, t.unit);
  const ctx = await buildEvalContext(t.template, t.period, stored, loader);
  const status = t.row?.status ?? 'draft';
  const others = requiredPeriodIds(t.template.compiled, ctx).flatMap((period) => {
    const values = ctx.inputs(period);
    // A period read from units this one continues, one absorbed only in part, is flagged (issue 8).
    return values ? [{ period, values: toWire(values), ...(loader.incomplete.has(period) ? { incomplete: true as const } : {}) }] : [];
  });
  const sent = status === 'submitted' || status === 'approved' ? t.row?.submittedAt : null;
  const lockedBy = await lockingUnit(deps.store.db, t.template.file.id, t.period.id, t.unit, t.tree, t.round);
  const canWrite = t.access.write && t.isReporter && isEditable(status) && !lockedBy;
  const canDecide = t.access.decide && !lockedBy;
  return {
    template: t.template.file.id,
    templateVersion: t.template.file.version,
    period: t.period.id,
    periodStart: t.period.start,
    periodEnd: t.period.end,
    unit: { code: t.unit.code, name: t.unit.name, level: t.unit.level },
    round: t.round,
    rounds: await roundStates(deps, t),
    status,
    revision: t.row?.revision ?? 0,
    submittedAt: t.row?.submittedAt ?? null,
    deadline: t.deadline,
    isLate: t.isReporter && isLate(t.deadline, sent ?? null, deps.clock()),
    returnReason: status === 'returned' ? (t.row?.returnReason ?? null) : null,
    lockedBy: lockedBy ? { code: lockedBy.code, name: lockedBy.name, level: lockedBy.level } : null,
    relation: t.access.relation,
    values: toWire(computeReport(t.template.compiled, ctx)),
    otherPeriods: others,
    issues: [...checkRules(t.template.compiled, ctx), ...(await crossIssues(deps, t, computeReport(t.template.compiled, ctx)))],
    sections: t.row ? await loadSections(deps.store.db, t.row.id) : [],
    explanations: t.row ? await loadExplanations(deps.store.db, t.row.id) : [],
    can: {
      edit: canWrite,
      submit: canWrite,
      approve: canDecide && status === 'submitted',
      return: canDecide && (status === 'submitted' || status === 'approved'),
      comment: t.access.write || t.access.decide,
    },
  };
}

/** Each round the period has (preliminary first), with its own status and deadline (issue 11). */
async function roundStates(deps: AppDeps, t: ReportContext): Promise<RoundState[]> {
  const out: RoundState[] = [];
  for (const round of roundsOfPeriod(t.template.file, t.period.id)) {
    const row = round === t.round ? t.row : await findReport(deps.store.db, t.template.file.id, t.period.id, t.unit.id, round);
    const deadline = round === t.round ? t.deadline : await deadlineOf(deps, t.template, t.period, t.unit, t.tree, round);
    const status = row?.status ?? 'draft';
    const sent = status === 'submitted' || status === 'approved' ? (row?.submittedAt ?? null) : null;
    out.push({ round, status, submittedAt: row?.submittedAt ?? null, deadline, isLate: t.isReporter && isLate(deadline, sent, deps.clock()) });
  }
  return out;
}

/**
 * The reports of a period the caller may see, one per unit that fills the form (api.md GET /api/reports);
 * with `under`, only the units that must report for that unit's roll-up.
 */
export async function listVisibleReports(deps: AppDeps, scope: PeriodScope, under?: string, round: Round = 'official'): Promise<ReportListItem[]> {
  const { template, period, tree, grants, routing } = scope;
  let units = visibleUnits(grants, tree, routing).filter((u) => isReportingUnit(template.file, u, tree));
  if (under !== undefined) {
    const root = tree.byCode(under);
    if (!root) throw notFound('unknown-unit', `Không có đơn vị mã "${under}" vào ngày ${period.end}.`);
    const expected = new Set(unitsThatMustReport(template.file, tree, root).map((u) => u.id));
    units = units.filter((u) => expected.has(u.id));
  }
  const rows = new Map((await listReports(deps.store.db, template.file.id, period.id, round, units.map((u) => u.id))).map((r) => [r.unitId, r]));
  const items: ReportListItem[] = [];
  for (const unit of units) {
    const row = rows.get(unit.id);
    const deadline = await deadlineOf(deps, template, period, unit, tree, round);
    const sent = row?.status === 'submitted' || row?.status === 'approved' ? row.submittedAt : null;
    items.push({
      unitCode: unit.code,
      unitName: unit.name,
      level: unit.level,
      parentCode: unit.parentId === null ? null : (tree.byId(unit.parentId)?.code ?? null),
      status: row?.status ?? 'draft',
      revision: row?.revision ?? 0,
      submittedAt: row?.submittedAt ?? null,
      deadline,
      isLate: isLate(deadline, sent ?? null, deps.clock()),
      canDecide: accessTo(grants, unit, tree, routing).decide,
    });
  }
  return items;
}
