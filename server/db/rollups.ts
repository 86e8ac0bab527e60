// Queries over the maintained roll-ups and the unit-subtree relation. Sets of units travel as one JSON
// parameter (json_each) or as a join on unit_closure, so no statement binds more than a handful of
// parameters whatever the size of the country.
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { rollupPeriods } from '../../schema/db';
import type { Round } from '../../schema/template';
import type { CellValues } from '../../domain/template/cell-key';
import { cellKey } from '../../domain/template/cell-key';
import { addPartials, type CellPartial, type Partials } from '../../domain/rollup/partials';
import type { Db, Tx } from './client';

type Reader = Db | Tx;

export type Bucket = 'submitted' | 'approved';

/** One maintained cell on the wire to SQLite: [bucket, row, col, sum, count, min, max]. */
export type CellRow = [Bucket, string, string, number, number, number | null, number | null];

const json = (value: unknown) => JSON.stringify(value);

/**
 * The rows of a query as one JSON array of arrays built by SQLite: a few thousand rows cross into
 * JavaScript as one string, several times faster than as row objects. Numbers that must stay exact
 * (stored REALs) are rendered with printf('%!.17g') by the caller's query, as strings.
 */
async function jsonRows<R extends unknown[]>(db: Reader, columns: SQL, from: SQL): Promise<R[]> {
  const [row] = await db.all<{ j: string | null }>(sql`SELECT json_group_array(json_array(${columns})) AS j FROM (${from})`);
  return row?.j ? (JSON.parse(row.j) as R[]) : [];
}

/** A REAL column as an exact decimal string (17 significant digits round-trip any double), or NULL. */
export const exactReal = (column: SQL) => sql`CASE WHEN ${column} IS NULL THEN NULL ELSE printf('%!.17g', ${column}) END`;

/**
 * Whether report `r` (an alias of reports) is the one its unit's roll-up counts, given that it is
 * submitted or approved (issue 11, rounds): an official report always; a preliminary one (số ước) only
 * while its unit's official report of the period is not submitted or approved, which then replaces it.
 * Forms without rounds have official reports only, and the NOT EXISTS is never evaluated for them.
 */
export const countsInRollup = (r: string) =>
  sql.raw(`(${r}.round = 'official' OR NOT EXISTS (SELECT 1 FROM reports o WHERE o.template_id = ${r}.template_id AND o.period_id = ${r}.period_id
    AND o.unit_id = ${r}.unit_id AND o.round = 'official' AND o.status IN ('submitted', 'approved')))`);

export async function rollupState(db: Reader, templateId: string, periodId: string) {
  const [row] = await db
    .select()
    .from(rollupPeriods)
    .where(and(eq(rollupPeriods.templateId, templateId), eq(rollupPeriods.periodId, periodId)))
    .limit(1);
  return row;
}

export async function setRollupState(tx: Tx, templateId: string, periodId: string, version: number, now: string) {
  await tx
    .insert(rollupPeriods)
    .values({ templateId, periodId, version, builtAt: now })
    .onConflictDoUpdate({ target: [rollupPeriods.templateId, rollupPeriods.periodId], set: { version, builtAt: now } });
}

export async function clearRollupState(tx: Tx, templateId: string, periodId: string) {
  await tx.delete(rollupPeriods).where(and(eq(rollupPeriods.templateId, templateId), eq(rollupPeriods.periodId, periodId)));
}

/** Whether any report of the period other than `exceptId` is counted (submitted or approved). */
export async function hasCountedReports(db: Reader, templateId: string, periodId: string, exceptId: number): Promise<boolean> {
  const rows = await db.all<{ one: number }>(sql`
    SELECT 1 AS one FROM reports WHERE template_id = ${templateId} AND period_id = ${periodId}
      AND status IN ('submitted', 'approved') AND id <> ${exceptId} LIMIT 1`);
  return rows.length > 0;
}

/** The units strictly above a unit, nearest first. */
export async function ancestorsOf(db: Reader, unitId: number): Promise<number[]> {
  const rows = await db.all<{ id: number }>(sql`
    SELECT ancestor_id AS id FROM unit_closure WHERE unit_id = ${unitId} AND depth >= 1 ORDER BY depth`);
  return rows.map((r) => r.id);
}

/** Adds cells into every unit strictly above `unitId`. */
export async function addToAncestors(tx: Tx, templateId: string, periodId: string, unitId: number, cells: CellRow[]) {
  if (cells.length === 0) return;
  await tx.run(sql`
    INSERT INTO rollup_cells (template_id, period_id, unit_id, bucket, row_code, col_key, sum, count, min, max)
    SELECT ${templateId}, ${periodId}, c.ancestor_id, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6
    FROM unit_closure c, json_each(${json(cells)}) j
    WHERE c.unit_id = ${unitId} AND c.depth >= 1
    ON CONFLICT DO UPDATE SET
      sum = sum + excluded.sum,
      count = count + excluded.count,
      min = CASE WHEN min IS NULL THEN excluded.min WHEN excluded.min IS NULL THEN min ELSE min(min, excluded.min) END,
      max = CASE WHEN max IS NULL THEN excluded.max WHEN excluded.max IS NULL THEN max ELSE max(max, excluded.max) END`);
}

/** Takes cells away from every unit strictly above `unitId`; cells nobody fills any more are dropped. */
export async function removeFromAncestors(tx: Tx, templateId: string, periodId: string, unitId: number, cells: CellRow[]) {
  if (cells.length === 0) return;
  const list = json(cells);
  await tx.run(sql`
    UPDATE rollup_cells SET sum = sum - (j.value ->> 3), count = count - (j.value ->> 4)
    FROM json_each(${list}) j, unit_closure c
    WHERE c.unit_id = ${unitId} AND c.depth >= 1 AND rollup_cells.unit_id = c.ancestor_id
      AND rollup_cells.template_id = ${templateId} AND rollup_cells.period_id = ${periodId}
      AND rollup_cells.bucket = j.value ->> 0 AND rollup_cells.row_code = j.value ->> 1 AND rollup_cells.col_key = j.value ->> 2`);
  await tx.run(sql`
    DELETE FROM rollup_cells WHERE template_id = ${templateId} AND period_id = ${periodId} AND count <= 0
      AND unit_id IN (SELECT ancestor_id FROM unit_closure WHERE unit_id = ${unitId} AND depth >= 1)`);
}

/** Sets min/max of some cells of one unit (after a report that held an extreme was taken away). */
export async function setExtremes(tx: Tx, templateId: string, periodId: string, unitId: number, bucket: Bucket, cells: [string, string, number | null, number | null][]) {
  if (cells.length === 0) return;
  await tx.run(sql`
    UPDATE rollup_cells SET min = j.value ->> 2, max = j.value ->> 3
    FROM json_each(${json(cells)}) j
    WHERE template_id = ${templateId} AND period_id = ${periodId} AND unit_id = ${unitId} AND bucket = ${bucket}
      AND row_code = j.value ->> 0 AND col_key = j.value ->> 1`);
}

/** The maintained partials (everything strictly below) of some units, buckets merged, by unit id. */
export async function maintainedPartials(
  db: Reader,
  templateId: string,
  periodId: string,
  buckets: readonly Bucket[],
  unitIds: readonly number[],
): Promise<Map<number, Partials>> {
  const out = new Map<number, Partials>();
  if (unitIds.length === 0 || buckets.length === 0) return out;
  // No GROUP BY: each (unit, bucket, cell) is one row already, and buckets merge here for less than
  // SQLite's temporary b-tree would cost.
  const rows = await jsonRows<[number, string, string, number, number, string | null, string | null]>(
    db,
    sql`unit_id, row_code, col_key, sum, count, ${exactReal(sql`min`)}, ${exactReal(sql`max`)}`,
    sql`SELECT unit_id, row_code, col_key, sum, count, min, max FROM rollup_cells
      WHERE template_id = ${templateId} AND period_id = ${periodId}
        AND unit_id IN (SELECT value FROM json_each(${json(unitIds)}))
        AND bucket IN (SELECT value FROM json_each(${json(buckets)}))`,
  );
  for (const [unitId, row, col, s, n, lo, hi] of rows) {
    let partials = out.get(unitId);
    if (!partials) out.set(unitId, (partials = new Map()));
    const cell: CellPartial = { sum: s, count: n, min: lo === null ? null : Number(lo), max: hi === null ? null : Number(hi) };
    const key = cellKey(row, col);
    const at = partials.get(key);
    if (at) addPartials(partials, new Map([[key, cell]]));
    else partials.set(key, cell);
  }
  return out;
}

export interface CountedReport {
  id: number;
  unitId: number;
  templateVersion: number;
  status: string;
}

/** The other round's report of the same unit and period, if it exists. */
export async function otherRoundReport(db: Reader, templateId: string, periodId: string, unitId: number, round: Round) {
  const [row] = await db.all<CountedReport>(sql`
    SELECT id, unit_id AS unitId, template_version AS templateVersion, status FROM reports
    WHERE template_id = ${templateId} AND period_id = ${periodId} AND unit_id = ${unitId} AND round <> ${round} LIMIT 1`);
  return row;
}

/**
 * The reports of some units in a period whose status is one of `statuses`: looked up by unit on the
 * report key (the unary + keeps SQLite off the status index, which would scan the whole country's
 * approved reports of the period). `counted`: the report each unit's roll-up counts (countsInRollup),
 * whatever its round; a round: that round's reports only.
 */
export async function reportsOfUnits(
  db: Reader,
  templateId: string,
  periodId: string,
  statuses: readonly string[],
  unitIds: readonly number[],
  round: Round | 'counted',
): Promise<CountedReport[]> {
  if (unitIds.length === 0 || statuses.length === 0) return [];
  const which = round === 'counted' ? countsInRollup('reports') : sql`round = ${round}`;
  return db.all<CountedReport>(sql`
    SELECT id, unit_id AS unitId, template_version AS templateVersion, status FROM reports
    WHERE template_id = ${templateId} AND period_id = ${periodId}
      AND unit_id IN (SELECT value FROM json_each(${json(unitIds)}))
      AND +status IN (SELECT value FROM json_each(${json(statuses)})) AND ${which}`);
}

/** The counted reports (countsInRollup) directly below a unit (its children's own) in a period with one of `statuses`. */
export async function reportsOfChildren(db: Reader, templateId: string, periodId: string, statuses: readonly string[], parentId: number) {
  return db.all<CountedReport>(sql`
    SELECT r.id, r.unit_id AS unitId, r.template_version AS templateVersion, r.status FROM unit_closure k
    CROSS JOIN reports r ON r.unit_id = k.unit_id AND r.template_id = ${templateId} AND r.period_id = ${periodId}
    WHERE k.ancestor_id = ${parentId} AND k.depth = 1 AND +r.status IN (SELECT value FROM json_each(${json(statuses)})) AND ${countsInRollup('r')}`);
}

/**
 * The preliminary reports (số ước) with one of `statuses` in the subtrees of some units (each unit
 * itself included), by subtree root: the preliminary figures alone are rolled up from these on read.
 */
export async function preliminaryInSubtrees(db: Reader, templateId: string, periodId: string, statuses: readonly string[], rootIds: readonly number[]) {
  if (rootIds.length === 0 || statuses.length === 0) return [];
  return db.all<CountedReport & { rootId: number }>(sql`
    SELECT c.ancestor_id AS rootId, r.id, r.unit_id AS unitId, r.template_version AS templateVersion, r.status FROM unit_closure c
    CROSS JOIN reports r ON r.unit_id = c.unit_id AND r.template_id = ${templateId} AND r.period_id = ${periodId} AND r.round = 'preliminary'
    WHERE c.ancestor_id IN (SELECT value FROM json_each(${json(rootIds)})) AND +r.status IN (SELECT value FROM json_each(${json(statuses)}))`);
}

/** The stored inputs of some reports, by report id (ids as one JSON parameter per chunk). */
export async function valuesOfReports(db: Reader, reportIds: readonly number[]): Promise<Map<number, CellValues>> {
  const out = new Map<number, CellValues>(reportIds.map((id) => [id, new Map()]));
  for (let i = 0; i < reportIds.length; i += 2000) {
    const rows = await jsonRows<[number, string, string, string | null, string | null]>(
      db,
      sql`report_id, row_code, col_key, ${exactReal(sql`num_value`)}, text_value`,
      sql`SELECT report_id, row_code, col_key, num_value, text_value FROM cell_values
        WHERE report_id IN (SELECT value FROM json_each(${json(reportIds.slice(i, i + 2000))}))`,
    );
    for (const [reportId, row, col, num, text] of rows) {
      const value = num !== null ? Number(num) : text;
      if (value !== null) out.get(reportId)?.set(cellKey(row, col), value);
    }
  }
  return out;
}

export async function deletePeriodCells(tx: Tx, templateId: string, periodId: string) {
  await tx.run(sql`DELETE FROM rollup_cells WHERE template_id = ${templateId} AND period_id = ${periodId}`);
}

/** Counted reports of a period on another version than `version` (carried over row by row). */
export async function countedOnOtherVersions(db: Reader, templateId: string, periodId: string, version: number) {
  return db.all<CountedReport>(sql`
    SELECT id, unit_id AS unitId, template_version AS templateVersion, status FROM reports
    WHERE template_id = ${templateId} AND period_id = ${periodId} AND template_version <> ${version}
      AND status IN ('submitted', 'approved') AND ${countsInRollup('reports')}`);
}

/** The min/max kept by the children of a unit (cells that keep extremes), merged. */
export async function childExtremes(tx: Reader, templateId: string, periodId: string, bucket: Bucket, parentId: number): Promise<Partials> {
  const rows = await tx.all<{ row_code: string; col_key: string; lo: number | null; hi: number | null }>(sql`
    SELECT rc.row_code, rc.col_key, MIN(rc.min) AS lo, MAX(rc.max) AS hi
    FROM unit_closure k JOIN rollup_cells rc ON rc.unit_id = k.unit_id
    WHERE k.ancestor_id = ${parentId} AND k.depth = 1 AND rc.template_id = ${templateId} AND rc.period_id = ${periodId}
      AND rc.bucket = ${bucket} AND rc.min IS NOT NULL
    GROUP BY rc.row_code, rc.col_key`);
  return new Map(rows.map((r) => [cellKey(r.row_code, r.col_key), { sum: 0, count: 0, min: r.lo, max: r.hi }]));
}
