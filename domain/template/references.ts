// Resolves the cells a formula reads at a given current cell, reporting unknown codes with a suggestion.
import type { Expr, RefExpr } from '../formula/ast';
import { didYouMean } from '../formula/nearest';
import { forEachRef, type ViewTransform } from '../formula/references';
import type { TemplateIndex } from './structure';
import type { RuleScope } from './types';

export interface ResolvedRef {
  readonly row: string;
  readonly col: string;
  readonly transform: ViewTransform;
  readonly node: RefExpr;
  /** Read through a sumRows range, where disabled cells are skipped rather than an error. */
  readonly inRange: boolean;
}

export type Report = (message: string, fix: string) => void;

/**
 * sumRows(from, to): the data rows from..to in template order. A "Trong đó" row whose partOf row is also
 * in the range is already counted in that row, so adding it again would count it twice.
 */
export function makeRowsBetween(index: TemplateIndex): (from: string, to: string) => readonly string[] {
  const memo = new Map<string, readonly string[]>();
  const all = [...index.rows.values()].sort((a, b) => a.index - b.index).map((r) => r.row);
  return (from, to) => {
    const id = `${from}\n${to}`;
    const hit = memo.get(id);
    if (hit) return hit;
    const start = index.rows.get(from)?.index ?? -1;
    const end = index.rows.get(to)?.index ?? -1;
    const range = start < 0 || end < start ? [] : all.filter((r) => r.header !== true && inSpan(r.code, start, end));
    const inside = new Set(range.map((r) => r.code));
    const result = range.filter((r) => !hasAncestorIn(r.code, inside, index)).map((r) => r.code);
    memo.set(id, result);
    return result;
  };
  function inSpan(code: string, start: number, end: number): boolean {
    const i = index.rows.get(code)?.index ?? -1;
    return i >= start && i <= end;
  }
}

function hasAncestorIn(code: string, inside: ReadonlySet<string>, index: TemplateIndex): boolean {
  // partOf always points upwards (checked in structure.ts), but guard against a loop in a broken file.
  const seen = new Set<string>();
  for (let parent = index.rows.get(code)?.row.partOf; parent !== undefined && !seen.has(parent); parent = index.rows.get(parent)?.row.partOf) {
    if (inside.has(parent)) return true;
    seen.add(parent);
  }
  return false;
}

export function resolveRefs(
  expr: Expr,
  scope: RuleScope,
  index: TemplateIndex,
  rowsBetween: (from: string, to: string) => readonly string[],
  report: Report,
): ResolvedRef[] {
  const refs: ResolvedRef[] = [];
  const dataRow = (code: string, node: RefExpr): boolean => {
    const entry = index.rows.get(code);
    if (entry === undefined) {
      report(`unknown row code '${code}' at ${node.offset}${didYouMean(code, index.rows.keys())}`, 'use the code of a row declared in rows[]');
      return false;
    }
    if (entry.row.header) {
      report(`row '${code}' read at ${node.offset} is a header row and holds no values`, 'read a data row, or sum the rows under the header with sumRows()');
      return false;
    }
    return true;
  };
  const column = (key: string, node: RefExpr): boolean => {
    if (index.columnsByKey.has(key)) return true;
    report(`unknown column key '${key}' at ${node.offset}${didYouMean(key, index.columnsByKey.keys())}`, 'use the key of a column declared in columns[]');
    return false;
  };
  forEachRef(expr, (node, transform) => {
    const add = (row: string, col: string, inRange = false): void => {
      refs.push({ row, col, transform, node, inRange });
    };
    switch (node.type) {
      case 'cell':
        if (dataRow(node.row, node) && column(node.col, node)) add(node.row, node.col);
        return;
      case 'col':
        if (scope.row === undefined) {
          report(`col('${node.col}') at ${node.offset} needs a current row, and there is none here`, "name the cell with cell('row', 'col')");
        } else if (column(node.col, node)) add(scope.row, node.col);
        return;
      case 'row':
        if (scope.col === undefined) {
          report(`row('${node.row}') at ${node.offset} needs a current column, and there is none here`, "name the cell with cell('row', 'col')");
        } else if (dataRow(node.row, node)) add(node.row, scope.col);
        return;
      case 'sumRows': {
        const col = node.col ?? scope.col;
        const known = [node.from, node.to].every((code) => {
          if (index.rows.has(code)) return true;
          report(`unknown row code '${code}' in sumRows at ${node.offset}${didYouMean(code, index.rows.keys())}`, 'use the code of a row declared in rows[]');
          return false;
        });
        if (col === undefined) {
          report(`sumRows('${node.from}', '${node.to}') at ${node.offset} needs a current column, and there is none here`, `name the column: sumRows('${node.from}', '${node.to}', 'colKey')`);
        }
        if (!known || col === undefined || !column(col, node)) return;
        if ((index.rows.get(node.from)?.index ?? 0) > (index.rows.get(node.to)?.index ?? 0)) {
          report(`sumRows('${node.from}', '${node.to}') at ${node.offset}: row '${node.from}' comes after row '${node.to}'`, `write the rows in template order: sumRows('${node.to}', '${node.from}')`);
          return;
        }
        for (const row of rowsBetween(node.from, node.to)) add(row, col, true);
      }
    }
  });
  return refs;
}
