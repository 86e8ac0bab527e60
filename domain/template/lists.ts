// Rows that are not fixed in the file: generated lists (one row per unit of the hierarchy in force for
// the period) and open lists (rows the officer adds). A template with lists is expanded into a plain
// template before it is compiled, so the grid, the rules, the roll-up and the Excel writer see ordinary
// rows; the expansion is pure and runs the same in the server and the browser.
import type { GeneratedList, Row, TemplateFile } from '../../schema/template';
import { cellKey, parseCellKey } from './cell-key';
import { isAgency, tierOf, type TreeUnit, type UnitTree } from '../unit-tree';

/** A unit a generated list names: the row's code suffix and label. */
export interface ListMember {
  code: string;
  name: string;
}

export interface Expansion {
  /** Per list row code, the units in force (absent: an empty list). */
  members?: ReadonlyMap<string, readonly ListMember[]>;
  /** Per open list row code, how many rows the officer has added (absent: none). */
  openRows?: ReadonlyMap<string, number>;
  /**
   * The unit whose own report this is. Lists with `from` then carry the unit's row only, computed from
   * row `from`; without it (a roll-up) every listed unit's row is an input carried from the reports.
   */
  ownUnit?: string;
  /**
   * Without `ownUnit`, write the open lists out with their items all the same: a unit's sheet of the
   * Excel package, whose generated lists keep the roll-up's shape so that every sheet with the same
   * open rows shares one layout.
   */
  openItems?: boolean;
  /** The period the hierarchy is of, recorded in the result's `expandedFor`. */
  periodId?: string;
}

export const hasLists = (file: Pick<TemplateFile, 'rows'>): boolean => file.rows.some((r) => r.list || r.openList);
export const hasGeneratedLists = (file: Pick<TemplateFile, 'rows'>): boolean => file.rows.some((r) => r.list);
export const hasOpenLists = (file: Pick<TemplateFile, 'rows'>): boolean => file.rows.some((r) => r.openList);

/** The code of a listed row: "<list row code>.<unit code>" or "<open list row code>.<n>". */
export const listRowCode = (listCode: string, item: string | number): string => `${listCode}.${item}`;

/** The units a generated list names in a tree (the hierarchy in force on the period's last day), by code. */
export function membersOf(list: GeneratedList, tree: Pick<UnitTree, 'units' | 'parentOf'>): ListMember[] {
  const picked = tree.units.filter((u: TreeUnit) => {
    if (list.units === 'agencies') {
      return isAgency(u) && tierOf(u, tree) === 'province' && (!list.sectors || list.sectors.includes(u.sector ?? ''));
    }
    return u.level === (list.units === 'districts' ? 'district' : 'commune');
  });
  return picked.map((u) => ({ code: u.code, name: u.name })).sort((a, b) => a.code.localeCompare(b.code));
}

/** Every generated list's members in a tree, by list row code. */
export function listMembersIn(file: Pick<TemplateFile, 'rows'>, tree: Pick<UnitTree, 'units' | 'parentOf'>): Map<string, ListMember[]> {
  const out = new Map<string, ListMember[]>();
  for (const row of file.rows) if (row.list) out.set(row.code, membersOf(row.list, tree));
  return out;
}

/** How many rows each open list holds in some cell keys (the highest item number present). */
export function openRowsIn(file: Pick<TemplateFile, 'rows'>, keys: Iterable<string>): Map<string, number> {
  const lists = file.rows.filter((r) => r.openList).map((r) => r.code);
  const out = new Map<string, number>();
  if (lists.length === 0) return out;
  for (const key of keys) {
    const { row } = parseCellKey(key);
    for (const code of lists) {
      const m = row.startsWith(`${code}.`) ? /^(\d+)$/.exec(row.slice(code.length + 1)) : null;
      if (m) out.set(code, Math.max(out.get(code) ?? 0, Number(m[1])));
    }
  }
  return out;
}

/** Blank rows an open list offers beyond those a report holds, for the officer to type into (grid and Excel form). */
export const OPEN_LIST_BLANK_ROWS = 10;

/**
 * The rows each open list shows a unit that fills its report, by list row code: the rows the report
 * holds (the highest item numbered in its cell keys) plus OPEN_LIST_BLANK_ROWS blank ones, up to maxRows.
 * The grid's form and the unit's Excel form offer the same rows.
 */
export function openRowsToOffer(file: Pick<TemplateFile, 'rows'>, keys: Iterable<string>): Map<string, number> {
  const held = openRowsIn(file, keys);
  const out = new Map<string, number>();
  for (const row of file.rows) {
    if (row.openList) out.set(row.code, Math.min(row.openList.maxRows, (held.get(row.code) ?? 0) + OPEN_LIST_BLANK_ROWS));
  }
  return out;
}

/**
 * The template with every list written out as rows. The list row becomes the list's total (a sum of its
 * rows; text columns blank); a list that is empty for the period totals nothing. Rows already written
 * out under a list (an expanded file expanded again) are replaced, so expansion is idempotent.
 */
export function expandLists(given: TemplateFile, how: Expansion): TemplateFile {
  if (!hasLists(given)) return given;
  const { expandedFor: _previous, ...file } = given;
  const textColumns = file.columns.filter((c) => (c.valueType ?? '') === 'text').map((c) => c.key);
  const listCodes = new Set(file.rows.filter((r) => r.list || r.openList).map((r) => r.code));
  const rows: Row[] = [];
  for (const row of file.rows) {
    if (row.partOf !== undefined && listCodes.has(row.partOf) && row.code.startsWith(`${row.partOf}.`)) continue;
    if (!row.list && !row.openList) {
      rows.push(row);
      continue;
    }
    if (row.openList && how.ownUnit === undefined && !how.openItems) {
      // A roll-up: each report stored its open list's total (see derivedCells), which adds up as an input.
      const { openList: _open, formula: _formula, ...total } = row;
      rows.push({ ...total, ...(textColumns.length > 0 ? { disabled: textColumns } : {}) });
      continue;
    }
    const items = row.list ? generatedRows(row, how) : openRows(row, how.openRows?.get(row.code) ?? 0);
    const codes = items.map((r) => r.code);
    rows.push({
      ...row,
      formula: codes.length > 0 ? `sumRows('${codes[0]}', '${codes.at(-1)}')` : 'null',
      ...(textColumns.length > 0 ? { disabled: textColumns } : {}),
    });
    rows.push(...items);
  }
  return { ...file, rows, expandedFor: { ...(how.periodId ? { periodId: how.periodId } : {}), ...(how.ownUnit ? { unit: how.ownUnit } : {}) } };
}

/**
 * An already written-out template (expandedFor set) with its open lists holding `openRows` rows, the
 * generated lists left as they are: what the grid does when the officer adds or removes a row.
 */
export function resizeOpenLists(file: TemplateFile, counts: ReadonlyMap<string, number>): TemplateFile {
  if (!hasOpenLists(file)) return file;
  const textColumns = file.columns.filter((c) => (c.valueType ?? '') === 'text').map((c) => c.key);
  const rows: Row[] = [];
  for (const row of file.rows) {
    const list = row.partOf !== undefined ? file.rows.find((r) => r.code === row.partOf && r.openList) : undefined;
    if (list && row.code.startsWith(`${list.code}.`)) continue;
    if (!row.openList) {
      rows.push(row);
      continue;
    }
    const items = openRows(row, counts.get(row.code) ?? 0);
    const codes = items.map((r) => r.code);
    rows.push({ ...row, formula: codes.length > 0 ? `sumRows('${codes[0]}', '${codes.at(-1)}')` : 'null', ...(textColumns.length > 0 ? { disabled: textColumns } : {}) });
    rows.push(...items);
  }
  return { ...file, rows, expandedFor: file.expandedFor ?? {} };
}

/** How many rows each open list of a written-out template shows now, by list row code. */
export function openListSizes(file: Pick<TemplateFile, 'rows'>): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of file.rows) if (row.openList) out.set(row.code, 0);
  for (const row of file.rows) {
    const n = row.partOf !== undefined ? out.get(row.partOf) : undefined;
    if (n !== undefined && row.code.startsWith(`${row.partOf}.`)) out.set(row.partOf!, n + 1);
  }
  return out;
}

/**
 * The sizes that let a written-out template hold some cell keys (a draft typed on rows the officer added),
 * or undefined when it already does: each open list grows to its highest item named, up to maxRows.
 */
export function openListSizesFor(file: Pick<TemplateFile, 'rows'>, keys: Iterable<string>): Map<string, number> | undefined {
  const sizes = openListSizes(file);
  let grew = false;
  for (const [code, needed] of openRowsIn(file, keys)) {
    const max = file.rows.find((r) => r.code === code)?.openList?.maxRows ?? 0;
    const want = Math.min(needed, max);
    if (want > (sizes.get(code) ?? 0)) {
      sizes.set(code, want);
      grew = true;
    }
  }
  return grew ? sizes : undefined;
}

/** What a listed row takes from its list row: type, unit, bounds, aggregation (not its disabled cells: a total's). */
function itemBase(row: Row): Row {
  const { list: _list, openList: _open, formula: _formula, was: _was, header: _header, disabled: _disabled, code, label, ...rest } = row;
  return { ...rest, code, label, indent: (row.indent ?? 0) + 1, partOf: code };
}

function generatedRows(row: Row, how: Expansion): Row[] {
  const list = row.list!;
  const members = how.members?.get(row.code) ?? [];
  const base = itemBase(row);
  if (list.from === undefined || how.ownUnit === undefined) {
    // A roll-up, or a list each reporting unit fills in full: every row is an input.
    return members.map((m) => ({ ...base, code: listRowCode(row.code, m.code), label: m.name }));
  }
  // A unit's own report: only its own row, the copy of row `from` that the roll-up lists by unit.
  const own = members.find((m) => m.code === how.ownUnit);
  return own ? [{ ...base, code: listRowCode(row.code, own.code), label: own.name, formula: `row('${list.from}')` }] : [];
}

function openRows(row: Row, count: number): Row[] {
  const list = row.openList!;
  const n = Math.min(count, list.maxRows);
  const base = itemBase(row);
  // Items are one unit's own cases or projects: their numbers mean nothing summed with another unit's
  // item of the same number, so they stay in each unit's report (and its sheet of the Excel package);
  // the list's total is what rolls up.
  return Array.from({ length: n }, (_, i) => ({
    ...base,
    code: listRowCode(row.code, i + 1),
    label: `${list.itemLabel ?? 'Dòng'} ${i + 1}`,
    aggregation: 'none' as const,
  }));
}

/**
 * The computed cells a unit's own report also stores, so that the roll-up (sums of stored cells, kept
 * by the database) carries them: its row of each list with `from` (the values of row `from`), and the
 * total of each open list. `full` is the report's computed grid on its own expansion.
 */
export function derivedCells(file: TemplateFile, ownUnit: string, full: ReadonlyMap<string, number | string>, members: ReadonlyMap<string, readonly ListMember[]>): Map<string, number> {
  const out = new Map<string, number>();
  const copy = (fromRow: string, toRow: string) => {
    for (const column of file.columns) {
      const v = full.get(cellKey(fromRow, column.key));
      if (typeof v === 'number') out.set(cellKey(toRow, column.key), v);
    }
  };
  for (const row of file.rows) {
    if (row.openList) copy(row.code, row.code);
    if (row.list?.from && (members.get(row.code) ?? []).some((m) => m.code === ownUnit)) copy(row.list.from, listRowCode(row.code, ownUnit));
  }
  return out;
}

/** Whether a cell key is one derivedCells may write (so a save never takes it from the client). */
export function isDerivedKey(file: Pick<TemplateFile, 'rows'>, row: string): boolean {
  return file.rows.some((r) => (r.openList && r.code === row) || (r.list?.from && row.startsWith(`${r.code}.`)));
}
