// Rolls a unit's subtree up for a period: each period's reports are summed once by the database per
// group (the root's own report, and each child's subtree), groups merge into the root, and computed
// cells are recomputed from the combined inputs (so ratios are ratios of sums, never means of ratios).
import type { ReportStatus } from '../../schema/api';
import { listReports, loadGroupPartials, loadValues, type ReportRow } from '../db/reports';
import type { Period } from '../../domain/periods';
import type { CellValues } from '../../domain/template/cell-key';
import { computeReport } from '../../domain/template/evaluator';
import { addValue, mergePartials, type Partials, partialsOf, valuesOfPartials } from '../../domain/template/partials';
import type { TreeUnit, UnitTree } from '../../domain/unit-tree';
import type { AppDeps } from '../env';
import type { LoadedTemplate } from '../templates/registry';
import { buildEvalContext, inVersion } from './report-values';

export type Include = 'approved' | 'submitted';
export const COUNTED: Record<Include, ReportStatus[]> = { approved: ['approved'], submitted: ['submitted', 'approved'] };

/** One period's reports under the root, loaded once and shared by the root and its children. */
export interface PeriodData {
  tree: UnitTree;
  /** Every report of the period, counted or not, by unit id (for statuses and completeness). */
  rows: Map<number, ReportRow>;
  /** Partial aggregates of the counted reports: by the root's code (its own report) and each child's code. */
  groups: Map<string, Partials>;
}

export interface Rollup {
  data(p: Period): Promise<PeriodData>;
  /** The full grid of the root's subtree, or of one of its children's subtrees. */
  subtree(code: string): Promise<CellValues>;
  /** The full grid of one unit's own report as counted; undefined when it has none counted. */
  own(code: string): Promise<CellValues | undefined>;
}

export const ownRow = (data: PeriodData, unit: TreeUnit) => data.rows.get(unit.id);

export function createRollup(deps: AppDeps, template: LoadedTemplate, period: Period, include: Include, rootCode: string): Rollup {
  const cache = new Map<string, Promise<PeriodData>>();
  const data = (p: Period) => {
    let loaded = cache.get(p.id);
    if (!loaded) cache.set(p.id, (loaded = loadPeriodData(deps, template, p, include, rootCode)));
    return loaded;
  };
  const combined = (d: PeriodData, code: string): CellValues | undefined => {
    const partials = code === rootCode ? mergePartials([...d.groups.values()]) : d.groups.get(code);
    return partials ? valuesOfPartials(template.compiled, partials) : undefined;
  };
  const ownCache = new Map<string, Promise<Map<number, CellValues>>>();
  const ownValues = (p: Period, d: PeriodData) => {
    let loaded = ownCache.get(p.id);
    if (!loaded) ownCache.set(p.id, (loaded = loadOwnValues(deps, template, d, include)));
    return loaded;
  };
  const evaluate = async (code: string, pick: (p: Period, d: PeriodData) => Promise<CellValues | undefined>) => {
    const mine = await pick(period, await data(period));
    const ctx = await buildEvalContext(template, period, mine ?? new Map(), async (periods) => {
      const out = new Map<string, CellValues>();
      for (const p of periods) {
        const values = await pick(p, await data(p));
        if (values) out.set(p.id, values);
      }
      return out;
    });
    return { values: computeReport(template.compiled, ctx), found: mine !== undefined };
  };
  return {
    data,
    subtree: async (code) => (await evaluate(code, async (_p, d) => combined(d, code))).values,
    async own(code) {
      const result = await evaluate(code, async (p, d) => {
        const unit = d.tree.byCode(code);
        return unit ? (await ownValues(p, d)).get(unit.id) : undefined;
      });
      return result.found ? result.values : undefined;
    },
  };
}

async function loadPeriodData(deps: AppDeps, template: LoadedTemplate, period: Period, include: Include, rootCode: string): Promise<PeriodData> {
  const tree = await deps.unitTrees.at(period.end);
  const root = tree.byCode(rootCode);
  const rows = new Map((await listReports(deps.store.db, template.file.id, period.id)).map((r) => [r.unitId, r]));
  const groupOf = new Map<number, string>();
  if (root) {
    groupOf.set(root.id, root.code);
    for (const child of tree.childrenOf(root)) for (const u of tree.subtree(child)) groupOf.set(u.id, child.code);
  }
  const version = template.file.version;
  const groups = await loadGroupPartials(deps.store.db, template.file.id, period.id, version, COUNTED[include], groupOf);
  // Reports made on another version are carried into this one row by row (rare: a version that took
  // effect after some units had started the period).
  const others = [...rows.values()].filter((r) => r.templateVersion !== version && groupOf.has(r.unitId) && COUNTED[include].includes(r.status));
  if (others.length > 0) {
    const stored = await loadValues(deps.store.db, others.map((r) => r.id));
    for (const r of others) {
      const group = groupOf.get(r.unitId)!;
      const partials = groups.get(group) ?? new Map();
      groups.set(group, partials);
      for (const [key, p] of partialsOf([inVersion(deps, template, r.templateVersion, stored.get(r.id) ?? new Map())])) addValue(partials, key, p);
    }
  }
  return { tree, rows, groups };
}

async function loadOwnValues(deps: AppDeps, template: LoadedTemplate, data: PeriodData, include: Include) {
  const counted = [...data.rows.values()].filter((r) => COUNTED[include].includes(r.status));
  const stored = await loadValues(deps.store.db, counted.map((r) => r.id));
  return new Map(counted.map((r) => [r.unitId, inVersion(deps, template, r.templateVersion, stored.get(r.id) ?? new Map())]));
}
