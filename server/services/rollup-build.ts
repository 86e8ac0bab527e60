// The full recompute of a period's maintained roll-ups from the stored values: the reference the
// tests hold the maintained cells to, and how a period is built the first time it is read (data from
// before this code, or a template version added for a period already under way). A large period is
// rebuilt in a worker thread through its own connection while this process's writers wait in the
// write queue, so the event loop stays free.
import { sql } from 'drizzle-orm';
import { aggregatedCells, aggregatedListCells, contributionOf, keepsExtremes, scaleOf } from '../../domain/rollup/partials';
import type { Tx } from '../db/client';
import { addToAncestors, type Bucket, countedOnOtherVersions, countsInRollup, deletePeriodCells, rollupState, setRollupState, valuesOfReports } from '../db/rollups';
import type { AppDeps } from '../env';
import type { TemplateRegistry } from '../templates/registry';
import { toRows } from './rollup';
import { inVersion } from './report-values';

/** Below this many counted reports a period is rebuilt in-process: a worker's start costs more. */
const IN_PROCESS_LIMIT = 200;

/**
 * Rebuilds every maintained cell of one (template, period) inside `tx`, from the stored values, in SQL:
 * each report's cells on the version in force are turned into steps (toSteps is SQLite's ROUND),
 * summed into its unit's parent by one GROUP BY, and those sums passed to every unit above over the
 * subtree relation by a second, small one. Reports kept on another version are carried into it row by
 * row in JavaScript (inVersion), the path the maintenance takes. Nothing of the country's values
 * crosses into JavaScript, so a nation costs about one plain GROUP BY.
 */
export async function rebuildPeriod(tx: Tx, templates: TemplateRegistry, templateId: string, periodId: string, now: string): Promise<void> {
  const target = templates.forPeriod(templateId, periodId);
  if (!target) return;
  const version = target.file.version;
  await deletePeriodCells(tx, templateId, periodId);
  const cells = aggregatedCells(target.compiled).map((c) => [c.row, c.col, scaleOf(c), keepsExtremes(c) ? 1 : 0]);
  const counted = sql`r.template_id = ${templateId} AND r.period_id = ${periodId} AND r.status IN ('submitted', 'approved') AND ${countsInRollup('r')}
        AND r.template_version = ${version} AND u.parent_id IS NOT NULL AND cv.num_value IS NOT NULL`;
  // Rows of generated lists (a unit's own row, stored with its report) are matched by their list's prefix.
  const lists = aggregatedListCells(target.compiled).map(({ prefix, spec }) => [prefix, spec.col, scaleOf(spec), keepsExtremes(spec) ? 1 : 0]);
  const listCte =
    lists.length === 0
      ? sql``
      : sql`lists(prefix, col_key, scale, extreme) AS MATERIALIZED (
      SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(${JSON.stringify(lists)})
    ),`;
  const listRows =
    lists.length === 0
      ? sql``
      : sql`UNION ALL
      SELECT u.parent_id, r.status, cv.row_code, cv.col_key,
        SUM(CAST(ROUND(cv.num_value * lists.scale) AS INTEGER)), COUNT(*),
        CASE WHEN lists.extreme THEN MIN(cv.num_value) END, CASE WHEN lists.extreme THEN MAX(cv.num_value) END
      FROM reports r
      JOIN units u ON u.id = r.unit_id
      JOIN cell_values cv ON cv.report_id = r.id
      JOIN lists ON lists.col_key = cv.col_key AND substr(cv.row_code, 1, length(lists.prefix)) = lists.prefix AND length(cv.row_code) > length(lists.prefix)
      WHERE ${counted}
      GROUP BY u.parent_id, r.status, cv.row_code, cv.col_key`;
  await tx.run(sql`
    WITH agg(row_code, col_key, scale, extreme) AS MATERIALIZED (
      SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(${JSON.stringify(cells)})
    ),
    ${listCte}
    below_parent(unit_id, bucket, row_code, col_key, sum, count, min, max) AS MATERIALIZED (
      SELECT u.parent_id, r.status, cv.row_code, cv.col_key,
        SUM(CAST(ROUND(cv.num_value * agg.scale) AS INTEGER)), COUNT(*),
        CASE WHEN agg.extreme THEN MIN(cv.num_value) END, CASE WHEN agg.extreme THEN MAX(cv.num_value) END
      FROM reports r
      JOIN units u ON u.id = r.unit_id
      JOIN cell_values cv ON cv.report_id = r.id
      JOIN agg ON agg.row_code = cv.row_code AND agg.col_key = cv.col_key
      WHERE ${counted}
      GROUP BY u.parent_id, r.status, cv.row_code, cv.col_key
      ${listRows}
    )
    INSERT INTO rollup_cells (template_id, period_id, unit_id, bucket, row_code, col_key, sum, count, min, max)
    SELECT ${templateId}, ${periodId}, c.ancestor_id, b.bucket, b.row_code, b.col_key, SUM(b.sum), SUM(b.count), MIN(b.min), MAX(b.max)
    FROM below_parent b JOIN unit_closure c ON c.unit_id = b.unit_id
    GROUP BY c.ancestor_id, b.bucket, b.row_code, b.col_key`);
  for (const r of await countedOnOtherVersions(tx, templateId, periodId, version)) {
    const values = (await valuesOfReports(tx, [r.id])).get(r.id) ?? new Map();
    const rows = toRows(r.status as Bucket, contributionOf(target.compiled, inVersion({ templates }, target, r.templateVersion, values)));
    await addToAncestors(tx, templateId, periodId, r.unitId, rows);
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
