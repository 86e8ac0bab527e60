// Decides every data cell's kind, type, aggregation, bounds and formula from rows, columns and defaults.
import type { Aggregation, Column, Row, TemplateFile, ValueType } from '../../schema/template';
import type { Expr } from '../formula/ast';
import { didYouMean } from '../formula/nearest';
import { cellKey } from './cell-key';
import type { ProblemList } from './problems';
import type { TemplateIndex } from './structure';
import type { CellKind, CellSpec } from './types';

export interface ResolvedCells {
  /** key → spec, row by row in template order. */
  readonly specs: Map<string, CellSpec>;
  /** key → parsed formula of each computed cell whose formula parses. */
  readonly asts: Map<string, Expr>;
}

export type ParseAt = (source: string, path: string) => Expr | undefined;

interface Source {
  formula: string;
  path: string;
}

export function resolveCells(file: TemplateFile, index: TemplateIndex, parse: ParseAt, problems: ProblemList): ResolvedCells {
  const cellFormulas = indexCellFormulas(file, index, problems);
  const specs = new Map<string, CellSpec>();
  const asts = new Map<string, Expr>();
  const rowPath = (row: Row): string => `rows[${index.rows.get(row.code)?.index ?? -1}]`;
  const columnPath = (c: Column): string => `columns[${file.columns.indexOf(c)}]`;
  for (const row of index.dataRows) {
    let hasInput = false;
    for (const column of index.columns) {
      const key = cellKey(row.code, column.key);
      // Precedence: a cell's own formula, then the column's (a percentage column must win over a total
      // row's sum, so a total's ratio is the ratio of totals), then the row's. Disabled beats them all.
      const source: Source | undefined =
        cellFormulas.get(key) ??
        (column.formula !== undefined ? { formula: column.formula, path: `${columnPath(column)}.formula` } : undefined) ??
        (row.formula !== undefined ? { formula: row.formula, path: `${rowPath(row)}.formula` } : undefined);
      const disabled = row.disabled === 'all' || (row.disabled?.includes(column.key) ?? false);
      const kind: CellKind = disabled ? 'disabled' : source ? 'computed' : 'input';
      specs.set(key, describeCell(file, row, column, kind, source));
      hasInput ||= kind === 'input';
      if (kind === 'computed' && source) {
        const ast = parse(source.formula, source.path);
        if (ast) asts.set(key, ast);
      }
    }
    // Column or cell formulas may compute the whole row; only input cells would be left with nothing
    // to recompute, and so be lost in every roll-up.
    if (row.aggregation === 'formula' && row.formula === undefined && hasInput) {
      problems.add(`${rowPath(row)}.aggregation`, `row '${row.code}' aggregates by 'formula' but has no formula, so its input cells would be lost in every roll-up`, "add the row's formula, or use 'sum' (flows), 'last' (stocks) or 'average'");
    }
  }
  return { specs, asts };
}

export function describeCell(file: TemplateFile, row: Row, column: Column, kind: CellKind, source: Source | undefined): CellSpec {
  const defaults = file.defaults ?? {};
  const valueType: ValueType = column.valueType ?? row.valueType ?? defaults.valueType ?? 'integer';
  const isNumber = valueType !== 'text';
  const decimals = column.decimals ?? row.decimals ?? defaults.decimals ?? (valueType === 'decimal' || valueType === 'percent' ? 2 : 0);
  // Text cannot be summed or averaged, whatever the row or defaults say.
  const aggregation: Aggregation = isNumber ? (row.aggregation ?? defaults.aggregation ?? 'sum') : 'none';
  const min = row.min ?? (kind === 'input' && isNumber ? defaults.min : undefined);
  return {
    row: row.code,
    col: column.key,
    key: cellKey(row.code, column.key),
    kind,
    valueType,
    decimals,
    aggregation,
    ...(min !== undefined ? { min } : {}),
    ...(row.max !== undefined ? { max: row.max } : {}),
    ...(kind === 'computed' && source ? { formula: source.formula, formulaPath: source.path } : {}),
  };
}

function indexCellFormulas(file: TemplateFile, index: TemplateIndex, problems: ProblemList): Map<string, Source> {
  const byKey = new Map<string, Source>();
  file.cellFormulas?.forEach((entry, k) => {
    const path = `cellFormulas[${k}]`;
    const row = index.rows.get(entry.row)?.row;
    if (row === undefined) {
      problems.add(`${path}.row`, `unknown row code '${entry.row}'${didYouMean(entry.row, index.rows.keys())}`, 'name a data row declared in rows[]');
      return;
    }
    if (row.header) {
      problems.add(`${path}.row`, `row '${entry.row}' is a header row and has no cells`, 'name a data row');
      return;
    }
    if (!index.columnsByKey.has(entry.col)) {
      problems.add(`${path}.col`, `unknown column key '${entry.col}'${didYouMean(entry.col, index.columnsByKey.keys())}`, 'name a column declared in columns[]');
      return;
    }
    if (row.disabled === 'all' || row.disabled?.includes(entry.col)) {
      problems.add(path, `cell ${entry.row}.${entry.col} is disabled, so its formula would never be used`, `remove the formula, or remove '${entry.col}' from the row's disabled list`);
      return;
    }
    const key = cellKey(entry.row, entry.col);
    if (byKey.has(key)) {
      problems.add(path, `cell ${entry.row}.${entry.col} has two cell formulas`, 'keep one');
      return;
    }
    byKey.set(key, { formula: entry.formula, path: `${path}.formula` });
  });
  return byKey;
}
