// A template version with its lists written out for one period's hierarchy (and one unit's own report),
// compiled once and kept while that hierarchy is: the shape every report, roll-up and export of the
// period works on. A template without lists is returned as it is, at no cost.
import { expandLists, hasLists, listMembersIn, openRowsIn } from '../../domain/template/lists';
import { compileTemplate } from '../../domain/template/compile';
import type { UnitTree } from '../../domain/unit-tree';
import type { LoadedTemplate } from './registry';

export interface ListedTemplate extends LoadedTemplate {
  /** What it was written out from, so open lists can grow with the rows a report holds. */
  listing?: { base: LoadedTemplate; tree: UnitTree; ownUnit?: string; openItems?: boolean; periodId?: string };
}

const cache = new WeakMap<UnitTree, Map<string, ListedTemplate>>();

/**
 * `ownUnit`: the unit whose own report this is (lists copying a row show its row only); `openRows`: the
 * rows each open list holds; `openItems`: open lists with their rows though generated lists keep the
 * roll-up's shape (a unit's sheet of the Excel package); without any, the roll-up's shape.
 */
export function listedFor(
  template: LoadedTemplate,
  tree: UnitTree,
  how: { ownUnit?: string; openItems?: boolean; openRows?: ReadonlyMap<string, number>; periodId?: string } = {},
): ListedTemplate {
  const base = (template as ListedTemplate).listing?.base ?? template;
  if (!hasLists(base.file)) return base;
  const open = [...(how.openRows ?? [])].filter(([, n]) => n > 0).sort(([a], [b]) => a.localeCompare(b));
  const items = how.openItems === true && how.ownUnit === undefined;
  const key = `${base.file.id}@${base.file.version}\u0000${how.ownUnit ?? (items ? '\u0001' : '')}\u0000${how.periodId ?? ''}\u0000${open.map(([c, n]) => `${c}=${n}`).join(',')}`;
  let byKey = cache.get(tree);
  if (!byKey) cache.set(tree, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const file = expandLists(base.file, { members: listMembersIn(base.file, tree), openRows: new Map(open), ownUnit: how.ownUnit, openItems: items, periodId: how.periodId });
  const compiled = compileTemplate(file);
  // The base compiled; its lists can only differ by rows of the same kinds, so a failure is a bug here.
  if (!compiled.ok) throw new Error(`lists of ${base.file.id}@${base.file.version} do not compile: ${compiled.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  const out: ListedTemplate = { ...base, file, compiled: compiled.template, listing: { base, tree, ownUnit: how.ownUnit, ...(items ? { openItems: true } : {}), periodId: how.periodId } };
  if (byKey.size > 2000) byKey.clear();
  byKey.set(key, out);
  return out;
}

/** The same template with its open lists holding the rows named by some cell keys (stored and sent). */
export function withOpenRows(template: LoadedTemplate, keys: Iterable<string>): LoadedTemplate {
  const listing = (template as ListedTemplate).listing;
  if (!listing) return template;
  const openRows = openRowsIn(listing.base.file, keys);
  if (openRows.size === 0) return template;
  return withOpenRowCounts(template, openRows);
}

/** The same template with each open list holding `counts` rows (by list row code; up to its maxRows). */
export function withOpenRowCounts(template: LoadedTemplate, counts: ReadonlyMap<string, number>): LoadedTemplate {
  const listing = (template as ListedTemplate).listing;
  if (!listing) return template;
  return listedFor(listing.base, listing.tree, { ownUnit: listing.ownUnit, openItems: listing.openItems, periodId: listing.periodId, openRows: counts });
}
