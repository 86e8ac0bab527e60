// Multi-level approval: once a level has approved its own report for a period, everything below it in
// that period is locked (no save, submit, return or reopen), because figures above were built on it.
import { and, eq, inArray } from 'drizzle-orm';
import { reports } from '../../schema/db';
import type { Round } from '../../schema/template';
import type { TreeUnit, UnitTree } from '../../domain/unit-tree';
import type { Db, Tx } from '../db/client';
import { conflict } from '../errors';

/**
 * The rounds whose approval above locks a report of `round`: an official report is locked by approved
 * official reports above; a preliminary one by either, since an official roll-up above may have
 * counted it (a unit's preliminary figures stand in until its official ones are submitted).
 */
const LOCKED_BY: Record<Round, Round[]> = { official: ['official'], preliminary: ['official', 'preliminary'] };

/** The nearest unit above `unit` whose report of the period (in a round that locks `round`) is approved, if any. */
export async function lockingUnit(db: Db | Tx, templateId: string, periodId: string, unit: TreeUnit, tree: UnitTree, round: Round) {
  const above: TreeUnit[] = [];
  for (let at = tree.parentOf(unit); at; at = tree.parentOf(at)) above.push(at);
  if (above.length === 0) return undefined;
  const approved = await db
    .select({ unitId: reports.unitId })
    .from(reports)
    .where(
      and(
        eq(reports.templateId, templateId),
        eq(reports.periodId, periodId),
        eq(reports.status, 'approved'),
        inArray(reports.round, LOCKED_BY[round]),
        inArray(
          reports.unitId,
          above.map((u) => u.id),
        ),
      ),
    );
  const ids = new Set(approved.map((r) => r.unitId));
  return above.find((u) => ids.has(u.id));
}

export async function assertNotLocked(db: Db | Tx, templateId: string, periodId: string, unit: TreeUnit, tree: UnitTree, round: Round) {
  const by = await lockingUnit(db, templateId, periodId, unit, tree, round);
  if (by) {
    throw conflict('locked', `Báo cáo đã bị khóa: ${by.name} đã duyệt báo cáo của kỳ này được tổng hợp từ báo cáo này.`);
  }
}
