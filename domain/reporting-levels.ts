// Which levels fill a form on a date (Decree 09 Art. 7 "đối tượng thực hiện"), and so which units must
// report for a roll-up: the reform of 01/07/2025 removed the district level, so a regime lists its
// reporters per span of dates.
import type { Level, TemplateFile } from '../schema/template';
import type { TreeUnit, UnitTree } from './unit-tree';

export function reportingLevelsOn(file: Pick<TemplateFile, 'regime'>, date: string): Level[] {
  const span = file.regime.reporters.find((r) => (!r.from || r.from <= date) && (!r.to || date <= r.to));
  return span ? [...span.levels] : [];
}

/**
 * The units that must report for `root`'s roll-up, parents first: every unit of its subtree whose level
 * fills the form, `root` itself included when its level does (the province's sở, ban, ngành report the
 * province's own figures, and they belong in the province's total). The one definition the roll-up, the
 * exports, the worklist and the list of units below all count with.
 */
export function unitsThatMustReport(tree: UnitTree, root: TreeUnit, levels: readonly Level[]): TreeUnit[] {
  return tree.subtree(root).filter((u) => levels.includes(u.level));
}
