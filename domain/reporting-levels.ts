// Which units fill a form in a period (Decree 09 Art. 7 "đối tượng thực hiện"): the reform of
// 01/07/2025 removed the district level, so a regime lists its reporters per span of dates, and some
// forms are filled by agencies too (Biểu 06 by each sở, ban, ngành).
import type { Level, TemplateFile } from '../schema/template';
import { tierOf, type TreeUnit, type UnitTree } from './unit-tree';

type Reporters = TemplateFile['regime']['reporters'][number];

function spanOn(file: Pick<TemplateFile, 'regime'>, date: string): Reporters | undefined {
  return file.regime.reporters.find((r) => (!r.from || r.from <= date) && (!r.to || date <= r.to));
}

export function reportingLevelsOn(file: Pick<TemplateFile, 'regime'>, date: string): Level[] {
  const span = spanOn(file, date);
  return span ? [...span.levels] : [];
}

/** Whether a unit of the period's tree fills the form itself in that period. */
export function isReportingUnit(file: Pick<TemplateFile, 'regime'>, unit: TreeUnit, tree: UnitTree): boolean {
  const span = spanOn(file, tree.date);
  if (!span) return false;
  if (unit.level === 'agency') {
    const tier = tierOf(unit, tree);
    const agencies = span.agencies;
    return !!tier && !!agencies && agencies.levels.includes(tier) && (!agencies.sectors || agencies.sectors.includes(unit.sector ?? ''));
  }
  return unit.level !== 'nation' && span.levels.includes(unit.level);
}

/**
 * The level whose deadline a unit's report keeps: its own, or for an agency the level that reports to
 * the unit it belongs to (a sở reports to the province on the districts' deadline, or the communes'
 * after the reform), else its own tier's.
 */
export function deadlineLevelOf(unit: TreeUnit, tree: UnitTree, levelsWithDeadlines: readonly Level[]): Level | undefined {
  const tier = tierOf(unit, tree);
  if (!tier || unit.level !== 'agency') return tier;
  const below: Level[] = tier === 'province' ? ['district', 'commune'] : tier === 'district' ? ['commune'] : [];
  return below.find((l) => levelsWithDeadlines.includes(l)) ?? tier;
}

/**
 * The units that must report for `root`'s roll-up, parents first: every unit of its subtree that fills
 * the form (agencies included), `root` itself when it does (the province's sở, ban, ngành report the
 * province's own figures, and they belong in the province's total). The one definition the roll-up, the
 * exports, the worklist and the list of units below all count with (issue 13).
 */
export function unitsThatMustReport(file: Pick<TemplateFile, 'regime'>, tree: UnitTree, root: TreeUnit): TreeUnit[] {
  return tree.subtree(root).filter((u) => isReportingUnit(file, u, tree));
}
