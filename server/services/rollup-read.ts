// Reading roll-ups: a unit's subtree in a period is its maintained cells plus its own report, a few
// rows whatever the size of the country. A period before a unit existed is read from the units it
// continues (domain/unit-succession), and a span coarser than the form's periods (a monthly form's
// quarter, half-year or year) combines the form's periods as ytd() does.
import { type Period, type PeriodSpec, periodFromId, periodSteps } from '../../domain/periods';
import { coarserPeriod, combinePeriods } from '../../domain/rollup/period-rollup';
import { rollupGrid } from '../../domain/rollup/compute';
import { addPartials, contributionOf, mergeAll, type Partials, valuesOfPartials } from '../../domain/rollup/partials';
import type { CellValues } from '../../domain/template/cell-key';
import { requiredPeriodIds } from '../../domain/template/evaluator';
import { pastOn } from '../../domain/unit-succession';
import type { TreeUnit } from '../../domain/unit-tree';
import type { Round } from '../../schema/template';
import { type Bucket, maintainedPartials, preliminaryInSubtrees, reportsOfUnits, valuesOfReports } from '../db/rollups';
import type { AppDeps } from '../env';
import type { LoadedTemplate } from '../templates/registry';
import { COUNTED, type Include } from './rollup';
import { ensureBuilt } from './rollup-build';
import { inVersion } from './report-values';

/** The period asked for: one of the form's periods, or a coarser span of them. */
export interface Span {
  period: Period;
  /** The form's periods it covers, oldest first (the period itself for one of the form's). */
  members: Period[];
  /** The frequency the span's ids step in (prev, lastYear, ytd). */
  spec: PeriodSpec;
}

export function spanOf(template: LoadedTemplate, periodId: string): Span | undefined {
  const own = periodFromId(template.spec, periodId);
  if (own) return { period: own, members: [own], spec: template.spec };
  const coarse = coarserPeriod(template.spec, periodId);
  return coarse && { period: coarse.period, members: coarse.members, spec: coarse.spec };
}

/**
 * The partials of some units' subtrees (maintained cells below plus their own reports) in one period:
 * for the official round, each unit's counted report (its official one once submitted, else its
 * preliminary one); for the preliminary round, the preliminary figures alone (preliminarySubtrees).
 */
export async function readSubtrees(deps: AppDeps, templateId: string, period: Period, buckets: readonly Bucket[], unitIds: readonly number[], round: Round = 'official') {
  const target = deps.templates.forPeriod(templateId, period.id)!;
  if (round === 'preliminary') return { target, partials: await preliminarySubtrees(deps, target, period, buckets, unitIds) };
  await ensureBuilt(deps, templateId, period.id);
  const db = deps.store.db;
  const out = await maintainedPartials(db, templateId, period.id, buckets, unitIds);
  const own = await reportsOfUnits(db, templateId, period.id, buckets, unitIds, 'counted');
  const values = await valuesOfReports(db, own.map((r) => r.id));
  for (const r of own) {
    const contribution = contributionOf(target.compiled, inVersion(deps, target, r.templateVersion, values.get(r.id) ?? new Map()));
    const at = out.get(r.unitId);
    if (at) addPartials(at, contribution);
    else out.set(r.unitId, contribution);
  }
  return { target, partials: out };
}

/**
 * The preliminary figures alone, summed on read from the subtrees' preliminary reports: not maintained,
 * since only heads comparing estimates read them and a form's preliminary round is a few hundred
 * reports of one period, against the official roll-ups every dashboard and export reads.
 */
async function preliminarySubtrees(deps: AppDeps, target: LoadedTemplate, period: Period, buckets: readonly Bucket[], unitIds: readonly number[]) {
  const db = deps.store.db;
  const found = await preliminaryInSubtrees(db, target.file.id, period.id, buckets, unitIds);
  const values = await valuesOfReports(db, [...new Set(found.map((r) => r.id))]);
  const out = new Map<number, Partials>();
  for (const r of found) {
    const contribution = contributionOf(target.compiled, inVersion(deps, target, r.templateVersion, values.get(r.id) ?? new Map()));
    const at = out.get(r.rootId);
    if (at) addPartials(at, contribution);
    else out.set(r.rootId, contribution);
  }
  return out;
}

export interface UnitGrid {
  /** The full grid: aggregated inputs and every computed cell. */
  values: CellValues;
  /** Inputs of the span itself (no computed cells). */
  inputs: CellValues | undefined;
  /** Periods read from predecessors of which some were absorbed only in part. */
  incompletePast: string[];
}

/**
 * The grids of some units' subtrees for a span, on `template` (the version in force for it), with the
 * other periods its formulas read taken through each unit's past.
 */
export async function subtreeGrids(
  deps: AppDeps,
  template: LoadedTemplate,
  span: Span,
  include: Include,
  units: readonly TreeUnit[],
  round: Round = 'official',
): Promise<Map<number, UnitGrid>> {
  const ct = template.compiled;
  const steps = periodSteps(span.spec, span.period.id);
  const history = await deps.unitTrees.history();
  const ids = [span.period.id, ...requiredPeriodIds(ct, steps)];
  const inputs = new Map<number, Map<string, CellValues | undefined>>(units.map((u) => [u.id, new Map()]));
  const incomplete = new Map<number, Set<string>>(units.map((u) => [u.id, new Set()]));
  for (const id of ids) {
    const s = id === span.period.id ? span : spanOfId(template, span.spec, id);
    if (!s) continue;
    const perMember = new Map<number, (CellValues | undefined)[]>(units.map((u) => [u.id, []]));
    for (const member of s.members) {
      const pasts = new Map(units.map((u) => [u.id, pastOn(history, u.id, member.end)]));
      const sources = [...new Set([...pasts.values()].flatMap((p) => p.sources))];
      // Other periods a formula reads (last month, last year) are their official figures. A span's estimate
      // (a quarter of a monthly form in the preliminary round) takes each period's counted report, as the
      // official round does: the official figures of the months already in, the estimate of those not yet.
      const memberRound = id === span.period.id && span.members.length === 1 ? round : 'official';
      const { target, partials } = await readSubtrees(deps, template.file.id, member, COUNTED[include], sources, memberRound);
      for (const u of units) {
        const past = pasts.get(u.id)!;
        if (past.incomplete) incomplete.get(u.id)!.add(id);
        const found = past.sources.map((src) => partials.get(src)).filter((p): p is Partials => p !== undefined);
        const values = found.length === 0 ? undefined : valuesOfPartials(target.compiled, mergeAll(found));
        perMember.get(u.id)!.push(values && inVersion(deps, template, target.file.version, values));
      }
    }
    for (const u of units) {
      const list = perMember.get(u.id)!;
      inputs.get(u.id)!.set(id, list.length === 1 ? list[0] : combinePeriods(ct, list));
    }
  }
  const out = new Map<number, UnitGrid>();
  for (const u of units) {
    const mine = inputs.get(u.id)!;
    out.set(u.id, {
      values: rollupGrid(ct, steps, (id) => mine.get(id)),
      inputs: mine.get(span.period.id),
      incompletePast: [...incomplete.get(u.id)!].filter((id) => id !== span.period.id || span.members.length > 1).sort(),
    });
  }
  return out;
}

function spanOfId(template: LoadedTemplate, spec: PeriodSpec, id: string): Span | undefined {
  if (spec === template.spec) {
    const p = periodFromId(spec, id);
    return p && { period: p, members: [p], spec };
  }
  return spanOf(template, id);
}
