// Maintained roll-ups: every unit keeps the partial aggregates of the counted reports below it, and
// each change of what counts (submit, approve, return, reopen, or a save of a counted report) moves
// the report's contribution between status buckets of its ancestors, in the same transaction as the
// change. Reading a roll-up is then a lookup (rollup-read.ts); rollup-build.ts is the full recompute.
import type { ReportStatus } from '../../schema/api';
import type { Round } from '../../schema/template';
import type { CellValues } from '../../domain/template/cell-key';
import { parseCellKey } from '../../domain/template/cell-key';
import { addPartials, contributionOf, keepsExtremes, type Partials } from '../../domain/rollup/partials';
import type { Tx } from '../db/client';
import {
  addToAncestors,
  ancestorsOf,
  type Bucket,
  childExtremes,
  type CellRow,
  clearRollupState,
  hasCountedReports,
  otherRoundReport,
  removeFromAncestors,
  reportsOfChildren,
  rollupState,
  setExtremes,
  setRollupState,
  valuesOfReports,
} from '../db/rollups';
import type { AppDeps } from '../env';
import type { LoadedTemplate } from '../templates/registry';
import { inVersion } from './report-values';

export type Include = 'approved' | 'submitted';

/** The statuses a roll-up counts: approved reports only, or submitted ones too. */
export const COUNTED: Record<Include, Bucket[]> = { approved: ['approved'], submitted: ['submitted', 'approved'] };

export const bucketOf = (status: string): Bucket | undefined =>
  status === 'approved' ? 'approved' : status === 'submitted' ? 'submitted' : undefined;

export interface ReportState {
  row: { id: number; unitId: number; templateId: string; periodId: string; templateVersion: number; status: ReportStatus; round: Round };
  /** The report's stored inputs; loaded when absent and needed. */
  values?: CellValues;
}

type RollupDeps = Pick<AppDeps, 'templates' | 'clock'>;

/**
 * Call inside the transaction of any change to a report's status or values, with the report as it
 * was and as it is now (undefined for a report created or deleted). Does nothing when neither state
 * counts, which is every save of a draft.
 *
 * Rounds (issue 11): a unit's roll-up counts its official report once submitted or approved, else its
 * preliminary one (số ước) if that is: a change of a preliminary report under a counted official one
 * changes nothing, and an official report that starts or stops counting swaps the preliminary one out
 * or back in, in this same transaction (countsInRollup is the same definition in SQL).
 */
export async function applyReportChange(tx: Tx, deps: RollupDeps, before: ReportState | undefined, after: ReportState | undefined): Promise<void> {
  const ref = (after ?? before)?.row;
  if (!ref) return;
  const counts = (s: ReportState | undefined) => s !== undefined && bucketOf(s.row.status) !== undefined;
  if (!counts(before) && !counts(after)) return;
  const other = await otherRoundReport(tx, ref.templateId, ref.periodId, ref.unitId, ref.round);
  const standIn: ReportState | undefined =
    other && bucketOf(other.status) ? { row: { ...other, templateId: ref.templateId, periodId: ref.periodId, status: other.status as ReportStatus, round: ref.round === 'official' ? 'preliminary' : 'official' } } : undefined;
  if (ref.round === 'preliminary') {
    if (standIn) return; // the unit's official report is counted: its preliminary one is not
    return applyCounted(tx, deps, before, after);
  }
  return applyCounted(tx, deps, counts(before) ? before : standIn, counts(after) ? after : standIn);
}

/** Moves one counted report's contribution (the core of applyReportChange, rounds resolved). */
async function applyCounted(tx: Tx, deps: RollupDeps, before: ReportState | undefined, after: ReportState | undefined): Promise<void> {
  const ref = (after ?? before)?.row;
  if (!ref) return;
  const was = before && bucketOf(before.row.status);
  const now = after && bucketOf(after.row.status);
  if (!was && !now) return;
  const target = deps.templates.forPeriod(ref.templateId, ref.periodId);
  if (!target) return;
  const { templateId, periodId } = ref;
  const state = await rollupState(tx, templateId, periodId);
  if (!state || state.version !== target.file.version) {
    // Cells kept on another version (a version added for a period already under way) are rebuilt on
    // the next read; a period nobody has counted in yet starts being maintained from empty.
    if (state) return clearRollupState(tx, templateId, periodId);
    if (was || (await hasCountedReports(tx, templateId, periodId, ref.id))) return;
    await setRollupState(tx, templateId, periodId, target.file.version, deps.clock().toISOString());
  }
  const valuesOf = async (s: ReportState) => s.values ?? (await valuesOfReports(tx, [s.row.id])).get(s.row.id) ?? new Map();
  const contribution = async (s: ReportState) => contributionOf(target.compiled, inVersion(deps, target, s.row.templateVersion, await valuesOf(s)));
  if (was) {
    const removed = await contribution(before);
    await removeFromAncestors(tx, templateId, periodId, before.row.unitId, toRows(was, removed));
    const extremes = [...removed.keys()].filter((key) => isExtreme(target, key));
    if (extremes.length > 0) await refreshExtremes(tx, deps, target, before.row, was, extremes);
  }
  if (now) await addToAncestors(tx, templateId, periodId, after.row.unitId, toRows(now, await contribution(after)));
}

function isExtreme(target: LoadedTemplate, key: string): boolean {
  const { row, col } = parseCellKey(key);
  const spec = target.compiled.cell(row, col);
  return spec !== undefined && keepsExtremes(spec);
}

export function toRows(bucket: Bucket, partials: Partials): CellRow[] {
  return [...partials].map(([key, p]) => {
    const { row, col } = parseCellKey(key);
    return [bucket, row, col, p.sum, p.count, p.min, p.max];
  });
}

/**
 * A min or a max cannot be taken back like a sum: after a report leaves, each ancestor's extremes of
 * those cells are recomputed from its children (their maintained cells and their own reports),
 * nearest ancestor first so each step reads the corrected level below.
 */
async function refreshExtremes(tx: Tx, deps: RollupDeps, target: LoadedTemplate, report: ReportState['row'], bucket: Bucket, keys: string[]) {
  const { templateId, periodId } = report;
  const wanted = new Set(keys);
  for (const ancestor of await ancestorsOf(tx, report.unitId)) {
    const below: Partials = new Map();
    addPartials(below, await childExtremes(tx, templateId, periodId, bucket, ancestor));
    const own = await reportsOfChildren(tx, templateId, periodId, [bucket], ancestor);
    const values = await valuesOfReports(tx, own.map((r) => r.id));
    for (const r of own) addPartials(below, contributionOf(target.compiled, inVersion(deps, target, r.templateVersion, values.get(r.id) ?? new Map())));
    const cells: [string, string, number | null, number | null][] = [];
    for (const key of wanted) {
      const { row, col } = parseCellKey(key);
      const p = below.get(key);
      cells.push([row, col, p?.min ?? null, p?.max ?? null]);
    }
    await setExtremes(tx, templateId, periodId, ancestor, bucket, cells);
  }
}
