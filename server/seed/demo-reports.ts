// Demo figures, so a first look shows reports in every state: the post-reform communes' monthly and
// six-monthly reports of recent periods, filled in, submitted, approved or returned through the same
// services users call (so every rule holds), each at a plausible time: the services run with a clock set
// on the deadline day or before it for a report on time, a few days after it for a late one.
import type { CellInput } from '../../schema/api';
import { findSessionUserByName, type SessionUser } from '../auth/sessions';
import { ApiError } from '../errors';
import { addDays, deadlineRulesForPeriod, deadlinesFor, type Period, periodContaining, previousPeriod } from '../../domain/periods';
import { vnDate } from '../../domain/vn-time';
import type { AppDeps } from '../env';
import { resolveReport } from '../services/report-context';
import { saveReport } from '../services/report-save';
import type { LoadedTemplate } from '../templates/registry';
import { decideReport, submitReport } from '../services/report-workflow';
import { CITIZENS_BASE, CQS_BASE, KTXH_BASE } from './demo-figures';
import { CITIZENS, EARLIER_MONTH, HEAD, LAST_DUE_MONTH, LAST_DUE_QUARTER_CITIZENS, LAST_HALF_YEAR, OPEN_MONTH, type Plan, POST_REFORM_COMMUNES, RETURN_REASON } from './demo-plan';

/** A small deterministic spread, so units and periods differ without randomness. */
function jitter(seed: string, spread: number): number {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return 1 + (((h >>> 0) % 2001) / 1000 - 1) * spread;
}

const SECTIONS = [{ key: 'danh_gia_chung', text: 'Số liệu minh họa: tình hình trong kỳ ổn định, các chỉ tiêu cơ bản đạt kế hoạch.' }];

/** An instant on a Viet Nam calendar day, at a working hour. */
const vnTime = (date: string, hour: number, minute = 0) =>
  new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+07:00`);

export async function seedDemoReports(deps: AppDeps): Promise<void> {
  const now = deps.clock();
  const today = vnDate(now);
  // Never after the clock: a seed run on the deadline day itself must not date anything in the future.
  const at = (instant: Date) => (instant > now ? now : instant);
  const user = async (username: string): Promise<SessionUser> => (await findSessionUserByName(deps.store.db, username))!;
  const calendar = await deps.holidays.calendar();

  /** Files one unit's report of one period as its plan says, each step with the clock at its own time. */
  // The official deadlines of the version in force for the period (a later version may set others).
  const rulesOf = (template: LoadedTemplate, p: Period) => deadlineRulesForPeriod((deps.templates.forPeriod(template.file.id, p.id) ?? template).file, p.id);
  const file = async (
    template: LoadedTemplate,
    period: Period,
    unit: string,
    values: CellInput[],
    plan: Plan,
    order: number,
    people: { actor?: string; decider?: string } = {},
  ) => {
    if (plan.outcome === 'missing') return;
    const actor = await user(people.actor ?? (unit.length === 5 ? `canbo-${unit}` : `lanhdao-${unit}`));
    const level = unit.length === 5 ? 'commune' : 'province';
    const deadline = deadlinesFor(period, rulesOf(template, period), calendar)[level] ?? addDays(period.end, 3);
    const isDue = deadline < today;
    // On time: on the deadline day, in the morning, units one after another; late: two to four days after.
    const sent = isDue && plan.late ? vnTime(addDays(deadline, 2 + (order % 3)), 9 + (order % 7), 10 * order) : vnTime(deadline, 8 + (order % 3), 7 * order);
    const saved = plan.outcome === 'draft' || !isDue ? new Date(Math.min(sent.getTime(), now.getTime()) - 3 * 3600_000) : new Date(sent.getTime() - 3600_000);
    const decided = new Date(sent.getTime() + 26 * 3600_000);
    const as = (instant: Date): AppDeps => ({ ...deps, clock: () => at(instant) });
    try {
      const key = { template: template.file.id, period: period.id, unit };
      const target = await resolveReport(deps, actor, key, 'write');
      await saveReport(as(saved), actor, target, { revision: 0, values, sections: SECTIONS });
      // A report not yet due is still being worked on, whatever its plan for later says.
      if (plan.outcome === 'draft' || (!isDue && sent > now)) return;
      await submitReport(as(sent), actor, await resolveReport(deps, actor, key, 'write'));
      if (plan.outcome === 'submitted' || decided > now) return;
      const head = await user(people.decider ?? HEAD);
      const again = await resolveReport(deps, head, key, 'decide');
      if (plan.outcome === 'approved') await decideReport(as(decided), head, again, 'approve');
      else await decideReport(as(decided), head, again, 'return', RETURN_REASON);
    } catch (error) {
      // A demo figure a rule refuses stays a draft; the demo must never stop start-up.
      if (!(error instanceof ApiError)) throw error;
    }
  };

  // Biểu 06 is left empty on purpose: it is the form people try first, and a demo that had already
  // filled or approved it would greet them with "already submitted" instead of an empty grid.

  // The commune's monthly socio-economic report: thirteen months, so "cùng kỳ" and "lũy kế" fill. The
  // last month whose deadline has passed shows one state per commune; later ones have drafts under way.
  const ktxh = deps.templates.latest('kinh-te-xa-hoi-xa');
  if (ktxh) {
    const deadlineOf = (p: Period) => deadlinesFor(p, rulesOf(ktxh, p), calendar).commune ?? p.end;
    const months = recentPeriods(ktxh.spec, today, 14).filter((p) => p.start >= '2025-07-01').reverse();
    const lastDue = months.filter((m) => deadlineOf(m) < today).at(-1);
    for (const m of months) {
      for (const [order, unit] of POST_REFORM_COMMUNES.entries()) {
        const plan = m === lastDue ? LAST_DUE_MONTH[unit] : lastDue && m.start > lastDue.start ? OPEN_MONTH[unit] : EARLIER_MONTH(unit, m.id);
        if (plan) await file(ktxh, m, unit, scaled(ktxh, KTXH_BASE, unit, m.id), plan, order);
      }
    }
  }

  // Digital government, the last closed half-year: communes and the province's own figures.
  const cqs = deps.templates.latest('chinh-quyen-so');
  if (cqs) {
    for (const half of closedPeriods(cqs.spec, today, 1).filter((p) => p.start >= '2025-07-01')) {
      for (const [order, unit] of [...POST_REFORM_COMMUNES, '20'].entries()) {
        const plan = LAST_HALF_YEAR[unit];
        if (plan) await file(cqs, half, unit, scaled(cqs, CQS_BASE, unit, half.id, unit === '20' ? 6 : 1), plan, order);
      }
    }
  }

  // Citizen reception, routed to Thanh tra tỉnh from version 2: the last quarter whose deadline passed.
  const citizens = deps.templates.latest(CITIZENS.template);
  if (citizens) {
    const commune = (p: Period) => deadlinesFor(p, rulesOf(citizens, p), calendar).commune ?? p.end;
    const quarter = closedPeriods(citizens.spec, today, 2).find((p) => commune(p) < today);
    // Only where the version in force routes the report (a demo started before 2026 seeds none).
    if (quarter && deps.templates.forPeriod(CITIZENS.template, quarter.id)?.file.regime.leadAgencies) {
      for (const [order, unit] of [...POST_REFORM_COMMUNES, '20'].entries()) {
        const plan = LAST_DUE_QUARTER_CITIZENS[unit];
        const people = unit === '20' ? { actor: CITIZENS.compiler, decider: HEAD } : { decider: CITIZENS.decider };
        if (plan) await file(citizens, quarter, unit, scaled(citizens, CITIZENS_BASE, unit, quarter.id, unit === '20' ? 5 : 1), plan, order, people);
      }
    }
  }
}

/** The period in progress today and the n - 1 before it, newest first. */
function recentPeriods(spec: Parameters<typeof periodContaining>[0], today: string, n: number): Period[] {
  const out: Period[] = [];
  for (let p = periodContaining(spec, today); p && out.length < n; p = previousPeriod(spec, p)) out.push(p);
  return out;
}

/** The n periods that ended before today, newest first. */
function closedPeriods(spec: Parameters<typeof periodContaining>[0], today: string, n: number): Period[] {
  let p = periodContaining(spec, today);
  while (p && p.end >= today) p = previousPeriod(spec, p);
  const out: Period[] = [];
  for (; p && out.length < n; p = previousPeriod(spec, p)) out.push(p);
  return out;
}

/**
 * Input cells of the template's first column from base figures: stocks drift a little, flows more;
 * a "trong đó" part keeps its base share of its whole, so parts never exceed it.
 */
function scaled(template: LoadedTemplate, base: Record<string, number>, unit: string, period: string, factor = 1): CellInput[] {
  const col = template.compiled.columns[0]!.key;
  const unitFactor = factor * jitter(unit, 0.3);
  const out = new Map<string, number>();
  for (const row of template.compiled.dataRows) {
    const value = base[row.code];
    const spec = template.compiled.cell(row.code, col);
    if (value === undefined || spec?.kind !== 'input') continue;
    const whole = row.partOf ? out.get(row.partOf) : undefined;
    const wholeBase = row.partOf ? base[row.partOf] : undefined;
    const v =
      whole !== undefined && wholeBase
        ? (whole * value) / wholeBase
        : value * unitFactor * jitter(`${unit}/${period}/${row.code}`, spec.aggregation === 'last' ? 0.02 : 0.1);
    // Parts round down, so that rounding never lifts them above their whole.
    const round = whole !== undefined ? Math.floor : Math.round;
    out.set(row.code, spec.valueType === 'integer' ? round(v) : round(v * 100) / 100);
  }
  return [...out].map(([row, value]) => ({ row, col, value }));
}
