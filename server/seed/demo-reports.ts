// Demo figures, so a first look shows reports in every state: the post-reform communes' monthly and
// six-monthly reports of recent closed periods, filled in, submitted, approved or returned through the
// same services users call, so every rule holds.
import type { CellInput } from '../../schema/api';
import type { SessionUser } from '../auth/sessions';
import { ApiError } from '../errors';
import { type Period, periodContaining, previousPeriod } from '../../domain/periods';
import { vnDate } from '../../domain/vn-time';
import type { AppDeps } from '../env';
import { saveReport } from '../services/report-save';
import { resolveReport } from '../services/report-context';
import { findSessionUserByName } from '../auth/sessions';
import type { LoadedTemplate } from '../templates/registry';
import { decideReport, submitReport } from '../services/report-workflow';
import { CQS_BASE, KTXH_BASE } from './demo-figures';

type Outcome = 'approved' | 'submitted' | 'returned' | 'draft';

/** A small deterministic spread, so units and periods differ without randomness. */
function jitter(seed: string, spread: number): number {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return 1 + (((h >>> 0) % 2001) / 1000 - 1) * spread;
}

const SECTIONS = [{ key: 'danh_gia_chung', text: 'Số liệu minh họa: tình hình trong kỳ ổn định, các chỉ tiêu cơ bản đạt kế hoạch.' }];

export async function seedDemoReports(deps: AppDeps): Promise<void> {
  const today = vnDate(deps.clock());
  const user = async (username: string): Promise<SessionUser> => (await findSessionUserByName(deps.store.db, username))!;
  const file = async (templateId: string, period: Period, unit: string, values: CellInput[], outcome: Outcome, head: string) => {
    const actor = await user(unit.length === 5 ? `canbo-${unit}` : `lanhdao-${unit}`);
    try {
      const target = await resolveReport(deps, actor, { template: templateId, period: period.id, unit }, 'write');
      await saveReport(deps, actor, target, { revision: 0, values, sections: SECTIONS });
      if (outcome === 'draft') return;
      await submitReport(deps, actor, await resolveReport(deps, actor, { template: templateId, period: period.id, unit }, 'write'));
      if (outcome === 'submitted') return;
      const decider = await user(head);
      const again = await resolveReport(deps, decider, { template: templateId, period: period.id, unit }, 'decide');
      if (outcome === 'approved') await decideReport(deps, decider, again, 'approve');
      else await decideReport(deps, decider, again, 'return', 'Đề nghị rà soát lại số liệu dòng đầu tiên cho khớp với sổ theo dõi.');
    } catch (error) {
      // A demo figure a rule refuses stays a draft; the demo must never stop start-up.
      if (!(error instanceof ApiError)) throw error;
    }
  };

  // Biểu 06 is left empty on purpose: it is the form people try first, and a demo that had already
  // filled or approved it would greet them with "already submitted" instead of an empty grid.

  // The commune's monthly socio-economic report: thirteen closed months, so "cùng kỳ" and "lũy kế" fill.
  const ktxh = deps.templates.latest('kinh-te-xa-hoi-xa');
  if (ktxh) {
    const months = closedPeriods(ktxh.spec, today, 13).filter((p) => p.start >= '2025-07-01').reverse();
    for (const [i, m] of months.entries()) {
      const latest = i === months.length - 1;
      for (const unit of POST_REFORM_COMMUNES) {
        await file(ktxh.file.id, m, unit, scaled(ktxh, KTXH_BASE, unit, m.id), latest ? LATEST_OUTCOME[unit]! : 'approved', 'lanhdao-20');
      }
    }
  }

  // Digital government, the last closed half-year: communes and the province's own figures.
  const cqs = deps.templates.latest('chinh-quyen-so');
  if (cqs) {
    for (const half of closedPeriods(cqs.spec, today, 1).filter((p) => p.start >= '2025-07-01')) {
      for (const unit of POST_REFORM_COMMUNES) await file(cqs.file.id, half, unit, scaled(cqs, CQS_BASE, unit, half.id), 'approved', 'lanhdao-20');
      await file(cqs.file.id, half, '20', scaled(cqs, CQS_BASE, '20', half.id, 6), 'submitted', 'lanhdao-20');
    }
  }
}

const POST_REFORM_COMMUNES = ['05977', '05983', '05986', '06187', '06001'];
const LATEST_OUTCOME: Record<string, Outcome> = {
  '05977': 'approved',
  '05983': 'approved',
  '05986': 'submitted',
  '06187': 'returned',
  '06001': 'draft',
};

/** The n periods that ended before today, newest first. */
function closedPeriods(spec: Parameters<typeof periodContaining>[0], today: string, n: number): Period[] {
  const out: Period[] = [];
  let p = periodContaining(spec, today);
  while (p && p.end >= today) p = previousPeriod(spec, p);
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
