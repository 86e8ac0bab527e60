// The full recompute of a period's maintained roll-ups from the stored values: the reference the
// tests hold the maintained cells to, and how a period is built the first time it is read (data from
// before this code, or a template version added for a period already under way). A large period is
// rebuilt in a worker thread through its own connection while this process's writers wait in the
// write queue, so the event loop stays free.
import { sql } from 'drizzle-orm';
import { aggregatedCells, contributionOf, keepsExtremes, scaleOf } from '../../domain/rollup/partials';
import type { Tx } from '../db/client';
import { addToAncestors, countedOnOtherVersions, deletePeriodCells, recomputeFromValues, rollupState, setRollupState, valuesOfReports } from '../db/rollups';
import type { AppDeps } from '../env';
import type { TemplateRegistry } from '../templates/registry';
import { bucketOf, toRows } from './rollup';
import { inVersion } from './report-values';

/** Below this many counted reports a period is rebuilt in-process: a worker's start costs more. */
const IN_PROCESS_LIMIT = 200;

/** Rebuilds every maintained cell of one (template, period) inside `tx`. */
export async function rebuildPeriod(tx: Tx, templates: TemplateRegistry, templateId: string, periodId: string, now: string): Promise<void> {
  const target = templates.forPeriod(templateId, periodId);
  if (!target) return;
  const version = target.file.version;
  await deletePeriodCells(tx, templateId, periodId);
  const cells = aggregatedCells(target.compiled).map((c): [string, string, number, 0 | 1] => [c.row, c.col, scaleOf(c), keepsExtremes(c) ? 1 : 0]);
  await recomputeFromValues(tx, templateId, periodId, version, cells);
  // Reports made on another version are carried into this one, row by row (rare).
  const others = await countedOnOtherVersions(tx, templateId, periodId, version);
  const values = await valuesOfReports(tx, others.map((r) => r.id));
  for (const r of others) {
    const contribution = contributionOf(target.compiled, inVersion({ templates }, target, r.templateVersion, values.get(r.id) ?? new Map()));
    await addToAncestors(tx, templateId, periodId, r.unitId, toRows(bucketOf(r.status)!, contribution));
  }
  await setRollupState(tx, templateId, periodId, version, now);
}

const building = new Map<string, Promise<void>>();

/**
 * Makes sure a period's maintained roll-ups exist and are on the version in force for it; builds them
 * if not (once, whoever else is waiting for the same period).
 */
export async function ensureBuilt(deps: AppDeps, templateId: string, periodId: string): Promise<void> {
  const target = deps.templates.forPeriod(templateId, periodId);
  if (!target) return;
  const state = await rollupState(deps.store.db, templateId, periodId);
  if (state && state.version === target.file.version) return;
  const key = `${deps.store.url}\u0000${templateId}\u0000${periodId}`;
  let job = building.get(key);
  if (!job) {
    job = rebuild(deps, templateId, periodId).finally(() => building.delete(key));
    building.set(key, job);
  }
  return job;
}

/** Rebuilds a period now (in a worker thread when it is large, or `inWorker`, and a pool is there). */
export async function rebuild(deps: AppDeps, templateId: string, periodId: string, options: { inWorker?: boolean } = {}): Promise<void> {
  const [{ n }] = (await deps.store.db.all<{ n: number }>(sql`
    SELECT COUNT(*) AS n FROM reports WHERE template_id = ${templateId} AND period_id = ${periodId} AND status IN ('submitted', 'approved')`)) as [{ n: number }];
  const now = deps.clock().toISOString();
  if (deps.workers && (options.inWorker || n >= IN_PROCESS_LIMIT)) {
    const workers = deps.workers;
    await deps.store.exclusive(() => workers.rebuildRollups({ url: deps.store.url, templateId, periodId, now }));
    return;
  }
  await deps.store.write((tx) => rebuildPeriod(tx, deps.templates, templateId, periodId, now));
}
