// Compiles a template's rules: parses their sides and fixes, once, the current cells each is checked at.
import type { Rule } from '../../schema/template';
import { didYouMean } from '../formula/nearest';
import { contextNeeds } from '../formula/references';
import type { Edge } from './graph';
import type { ProblemList } from './problems';
import { resolveRefs } from './references';
import type { ParseAt, ResolvedCells } from './resolve-cells';
import { cellKey } from './cell-key';
import type { TemplateIndex } from './structure';
import type { CompiledRule, RuleScope } from './types';

export function compileRules(
  rules: readonly Rule[],
  index: TemplateIndex,
  cells: ResolvedCells,
  rowsBetween: (from: string, to: string) => readonly string[],
  parse: ParseAt,
  problems: ProblemList,
): { rules: CompiledRule[]; edges: Edge[] } {
  const compiled: CompiledRule[] = [];
  const edges: Edge[] = [];
  const ids = new Set<string>();
  rules.forEach((rule, i) => {
    const path = `rules[${i}]`;
    const before = problems.count;
    // The id is the issue code, and an officer's explanation of a warning is filed under it.
    if (ids.has(rule.id)) problems.add(`${path}.id`, `rule id '${rule.id}' is used twice`, 'give every rule its own id');
    ids.add(rule.id);
    const sides: [string, string][] = rule.type === 'compare' ? [['left', rule.left], ['right', rule.right]] : [['target', rule.target]];
    const parsed = sides.map(([name, source]) => ({ path: `${path}.${name}`, expr: parse(source, `${path}.${name}`) }));
    checkListedCodes(rule, path, index, problems);
    const exprs = parsed.flatMap((p) => (p.expr ? [{ path: p.path, expr: p.expr }] : []));
    if (exprs.length !== parsed.length) return;
    const needs = exprs.map((p) => contextNeeds(p.expr)).reduce((a, b) => ({ row: a.row || b.row, col: a.col || b.col }));
    if (rule.rows !== undefined && !needs.row) {
      problems.add(`${path}.rows`, 'the rule reads no col(), so it has no current row and "rows" has no effect', "remove rows, or read this row's cells with col('key') so the rule is checked in each listed row");
    }
    if (rule.cols !== undefined && !needs.col) {
      problems.add(`${path}.cols`, 'the rule reads no row() or sumRows() without a column, so it has no current column and "cols" has no effect', "remove cols, or read this column's cells with row('code') so the rule is checked in each listed column");
    }
    // An empty list leaves the rule without the current row (or column) that col() (or row()) reads.
    if (needs.row && rule.rows?.length === 0) {
      problems.add(`${path}.rows`, 'the rule reads col(), which needs a current row, but "rows" lists none', 'list the rows to check, or remove "rows" to check every data row');
    }
    if (needs.col && rule.cols?.length === 0) {
      problems.add(`${path}.cols`, 'the rule reads row() or sumRows() without a column, which need a current column, but "cols" lists none', 'list the columns to check, or remove "cols" to check every column');
    }
    const rowList: (string | undefined)[] = needs.row ? (rule.rows ?? index.dataRows.map((r) => r.code)) : [undefined];
    const colList: (string | undefined)[] = needs.col ? (rule.cols ?? index.columns.map((c) => c.key)) : [undefined];
    // A listed row or column that reads a disabled cell is the author's mistake; a defaulted one is skipped.
    const explicit = (!needs.row || rule.rows !== undefined) && (!needs.col || rule.cols !== undefined);
    const scopes: RuleScope[] = [];
    for (const row of rowList) {
      // Unknown and header rows were reported by checkListedCodes.
      if (row !== undefined && !isDataRow(index, row)) continue;
      for (const col of colList) {
        if (col !== undefined && !index.columnsByKey.has(col)) continue;
        const scope: RuleScope = { ...(row !== undefined ? { row } : {}), ...(col !== undefined ? { col } : {}) };
        const refs = exprs.flatMap((p) => resolveRefs(p.expr, scope, index, rowsBetween, (m, fix) => problems.add(p.path, m, fix)));
        const disabled = refs.find((r) => !r.inRange && (cells.specs.get(cellKey(r.row, r.col))?.kind ?? 'disabled') === 'disabled');
        if (disabled) {
          if (explicit) problems.add(path, `the rule reads cell ${disabled.row}.${disabled.col}, which is disabled`, 'remove that row or column from the rule\'s rows/cols, or enable the cell');
          continue;
        }
        scopes.push(scope);
        for (const r of refs) edges.push({ to: cellKey(r.row, r.col), transform: r.transform });
      }
    }
    if (problems.count > before) return;
    if (scopes.length === 0) {
      problems.add(path, 'the rule is never checked: there is no row or column where all the cells it reads are enabled', 'list rows/cols where the cells it reads exist, or fix the disabled lists');
      return;
    }
    const left = exprs[0]?.expr;
    const right = exprs[1]?.expr;
    if (left === undefined) return;
    compiled.push({ rule, path, left, ...(right ? { right } : {}), scopes });
  });
  return { rules: compiled, edges };
}

function isDataRow(index: TemplateIndex, code: string): boolean {
  const entry = index.rows.get(code);
  return entry !== undefined && entry.row.header !== true;
}

function checkListedCodes(rule: Rule, path: string, index: TemplateIndex, problems: ProblemList): void {
  rule.rows?.forEach((code, k) => {
    const entry = index.rows.get(code);
    if (entry === undefined) {
      problems.add(`${path}.rows[${k}]`, `unknown row code '${code}'${didYouMean(code, index.rows.keys())}`, 'list codes of rows declared in rows[]');
    } else if (entry.row.header) {
      problems.add(`${path}.rows[${k}]`, `row '${code}' is a header row and has no cells to check`, 'list data rows only');
    }
  });
  rule.cols?.forEach((key, k) => {
    if (!index.columnsByKey.has(key)) {
      problems.add(`${path}.cols[${k}]`, `unknown column key '${key}'${didYouMean(key, index.columnsByKey.keys())}`, 'list keys of columns declared in columns[]');
    }
  });
}
