// The full recompute of a period's maintained roll-ups from the stored values: the reference the
// tests hold the maintained cells to, and how a period is built the first time it is read (data from
// before this code, or a template version added for a period already under way). A large period is
// rebuilt in a worker thread through its own connection while this process's writers wait in the
// write queue, so the event loop stays free.
import { sql } from 'drizzle-orm';
import { addPartials, contributionOf, type Partials } from '../../domain/rollup/partials';
import type { Tx } from '../db/client';
import { type Bucket, type CellRow, countedReportsOfPeriod, deletePeriodCells, insertCells, rollupState, setRollupState, unitParents, valuesOfReports } from '../db/rollups';
import type { AppDeps } from '../env';
import type { TemplateRegistry } from '../templates/registry';
import { toRows } from './rollup';
import { inVersion } from './report-values';

/** Below this many counted reports a period is rebuilt in-process: a worker's start costs more. */
const IN_PROCESS_LIMIT = 200;

/**
 * Rebuilds every maintained cell of one (template, period) inside `tx`, from the stored values: each
 * report's contribution (the same contributionOf the maintenance adds) goes to its unit's parent, and
 * parents pass their sums up the tree, deepest first. Values are read a chunk of reports at a time as
 * JSON, so memory holds the partials of the units above the reports, not the values of the country.
 */
export async function rebuildPeriod(tx: Tx, templates: TemplateRegistry, templateId: string, periodId: string, now: string): Promise<void> {
  const target = templates.forPeriod(templateId, periodId);
  if (!target) return;
  await deletePeriodCells(tx, templateId, periodId);
  const reports = await countedReportsOfPeriod(tx, templateId, periodId);
  const parents = await unitParents(tx);
  // below[unit][bucket]: the partials of the counted reports strictly below the unit.
  const below = new Map<number, Map<Bucket, Partials>>();
  const into = (unitId: number, bucket: Bucket) => {
    let byBucket = below.get(unitId);
    if (!byBucket) below.set(unitId, (byBucket = new Map()));
    let partials = byBucket.get(bucket);
    if (!partials) byBucket.set(bucket, (partials = new Map()));
    return partials;
  };
  for (let i = 0; i < reports.length; i += CHUNK) {
    const chunk = reports.slice(i, i + CHUNK);
    const values = await valuesOfReports(tx, chunk.map((r) => r[0]));
    for (const [id, , parentId, version, status] of chunk) {
      if (parentId === null) continue;
      const own = inVersion({ templates }, target, version, values.get(id) ?? new Map());
      addPartials(into(parentId, status), contributionOf(target.compiled, own));
    }
  }
  // Deepest first: a unit's sums are complete once all its children have passed theirs up.
  const depth = (id: number) => {
    let d = 0;
    for (let at = parents.get(id); at !== undefined; at = parents.get(at)) d++;
    return d;
  };
  const order = [...below.keys()].sort((a, b) => depth(b) - depth(a));
  for (let k = 0; k < order.length; k++) {
    const unitId = order[k]!;
    const parentId = parents.get(unitId);
    if (parentId === undefined) continue;
    const wasNew = !below.has(parentId);
    for (const [bucket, partials] of below.get(unitId)!) addPartials(into(parentId, bucket), partials);
    // A parent met only now (no report of its own children's level below it) still has to pass up.
    if (wasNew) insertInOrder(order, parentId, depth);
  }
  const rows: [number, ...CellRow][] = [];
  for (const [unitId, byBucket] of below) for (const [bucket, partials] of byBucket) for (const r of toRows(bucket, partials)) rows.push([unitId, ...r]);
  await insertCells(tx, templateId, periodId, rows);
  await setRollupState(tx, templateId, periodId, target.file.version, now);
}

const CHUNK = 500;

/** Puts a unit into the deepest-first order after the units at least as deep. */
function insertInOrder(order: number[], unitId: number, depth: (id: number) => number) {
  const d = depth(unitId);
  let at = order.length;
  while (at > 0 && depth(order[at - 1]!) < d) at--;
  order.splice(at, 0, unitId);
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
