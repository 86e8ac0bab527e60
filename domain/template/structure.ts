// Indexes a template's rows and columns and checks what needs no formula: codes, partOf, disabled, `was`.
import type { Column, Row, TemplateFile } from '../../schema/template';
import { didYouMean } from '../formula/nearest';
import type { ProblemList } from './problems';

export interface TemplateIndex {
  /** First row with each code, and its position among all rows (headers included). */
  readonly rows: ReadonlyMap<string, { row: Row; index: number }>;
  readonly dataRows: readonly Row[];
  readonly columns: readonly Column[];
  readonly columnsByKey: ReadonlyMap<string, Column>;
  /** Lists already written out by expandLists (their total rows then carry generated formulas). */
  readonly expanded: boolean;
}

export function indexTemplate(file: TemplateFile, problems: ProblemList): TemplateIndex {
  const rows = new Map<string, { row: Row; index: number }>();
  const dataRows: Row[] = [];
  file.rows.forEach((row, index) => {
    if (rows.has(row.code)) {
      problems.add(`rows[${index}].code`, `row code '${row.code}' is used twice`, 'give every row its own code');
      return;
    }
    rows.set(row.code, { row, index });
    if (!row.header) dataRows.push(row);
  });
  const columnsByKey = new Map<string, Column>();
  const columns: Column[] = [];
  file.columns.forEach((column, index) => {
    if (columnsByKey.has(column.key)) {
      problems.add(`columns[${index}].key`, `column key '${column.key}' is used twice`, 'give every column its own key');
      return;
    }
    columnsByKey.set(column.key, column);
    columns.push(column);
  });
  const index: TemplateIndex = { rows, dataRows, columns, columnsByKey, expanded: file.expandedFor !== undefined };
  file.rows.forEach((row, i) => checkRow(row, i, index, problems));
  checkLineage(file, problems);
  return index;
}

function checkRow(row: Row, i: number, index: TemplateIndex, problems: ProblemList): void {
  const path = `rows[${i}]`;
  if (row.header && row.formula !== undefined) {
    problems.add(`${path}.formula`, `header row '${row.code}' has a formula, but a header row holds no values`, 'remove the formula, or remove "header": true to make it a data row');
  }
  if (row.partOf !== undefined) {
    const parent = index.rows.get(row.partOf);
    if (parent === undefined) {
      problems.add(`${path}.partOf`, `row '${row.code}' is part of unknown row '${row.partOf}'${didYouMean(row.partOf, index.rows.keys())}`, 'name the code of a row above it');
    } else if (parent.index >= i) {
      problems.add(`${path}.partOf`, `row '${row.code}' is part of row '${row.partOf}', which does not come before it`, 'move the "Trong đó" row below the row it is part of');
    }
  }
  if (Array.isArray(row.disabled)) {
    row.disabled.forEach((key, k) => {
      if (!index.columnsByKey.has(key)) {
        problems.add(`${path}.disabled[${k}]`, `unknown column key '${key}'${didYouMean(key, index.columnsByKey.keys())}`, 'list keys of columns declared in columns[]');
      }
    });
  }
}

/**
 * Lists as the author wrote them, before expandLists writes their rows out (which drops rows written by
 * hand under a list, and gives each list row its formula).
 */
export function checkAuthoredLists(file: TemplateFile, problems: ProblemList): void {
  const rows = new Map<string, { row: Row; index: number }>();
  file.rows.forEach((row, index) => rows.has(row.code) || rows.set(row.code, { row, index }));
  const index = { rows, expanded: false } as Pick<TemplateIndex, 'rows' | 'expanded'>;
  file.rows.forEach((row, i) => {
    if (row.list || row.openList) checkList(row, i, index, problems);
    const parent = row.partOf === undefined ? undefined : rows.get(row.partOf)?.row;
    if ((parent?.list || parent?.openList) && row.code.startsWith(`${row.partOf}.`)) {
      problems.add(`rows[${i}].code`, `row '${row.code}' is written under list row '${row.partOf}', whose rows are generated`, `remove the row, or give it a code that does not start with '${row.partOf}.'`);
    }
  });
}

/** A list row totals its list: it holds no formula of its own, is no header, and one kind of list. */
function checkList(row: Row, i: number, index: Pick<TemplateIndex, 'rows' | 'expanded'>, problems: ProblemList): void {
  const path = `rows[${i}]`;
  if (row.list && row.openList) problems.add(path, `row '${row.code}' has both "list" and "openList"`, 'keep one: a generated list of units, or rows the officer adds');
  if (row.header) problems.add(`${path}.header`, `list row '${row.code}' is a header, but it totals its list`, 'remove "header": true');
  if (row.formula !== undefined && !index.expanded) problems.add(`${path}.formula`, `list row '${row.code}' has a formula, but it is the sum of its list`, 'remove the formula');
  const from = row.list?.from;
  if (from !== undefined) {
    const source = index.rows.get(from);
    if (!source || source.row.header) {
      problems.add(`${path}.list.from`, `list row '${row.code}' copies unknown row '${from}'${didYouMean(from, index.rows.keys())}`, 'name a data row of this template, e.g. the total row "TC"');
    } else if (source.row.list || source.row.openList) {
      problems.add(`${path}.list.from`, `list row '${row.code}' copies row '${from}', which is itself a list`, 'name a row with figures of its own, e.g. the total row');
    }
  }
}

/**
 * An old row continues either in exactly one new row (renamed, or merged with others) or in several rows
 * that all say 'split'; anything else would count its values twice or lose them silently.
 */
function checkLineage(file: TemplateFile, problems: ProblemList): void {
  const uses = new Map<string, { path: string; newRow: string; how: string }[]>();
  file.rows.forEach((row, i) => {
    const seen = new Set<string>();
    row.was?.forEach((step, k) => {
      const path = `rows[${i}].was[${k}].code`;
      if (seen.has(step.code)) {
        problems.add(path, `row '${row.code}' names old row '${step.code}' twice in its lineage`, 'list each old row once');
        return;
      }
      seen.add(step.code);
      uses.set(step.code, [...(uses.get(step.code) ?? []), { path, newRow: row.code, how: step.how }]);
    });
  });
  for (const [old, list] of uses) {
    const last = list[list.length - 1];
    if (last === undefined) continue;
    const splits = list.filter((u) => u.how === 'split').length;
    const names = list.map((u) => `'${u.newRow}'`).join(', ');
    if (list.length > 1 && splits < list.length) {
      problems.add(last.path, `old row '${old}' is named by rows ${names}, not all as 'split': its values would be counted twice`, `if the old row was divided, write how: 'split' in each of ${names}; otherwise name it in one row only`);
    } else if (list.length === 1 && splits === 1) {
      problems.add(last.path, `old row '${old}' is split into row '${last.newRow}' only`, `name '${old}' with how: 'split' in every row it was divided into (including a row that kept its code), or use 'renamed'`);
    }
  }
}
