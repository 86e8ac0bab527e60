// compileTemplate: checks a template file and resolves it into cells, formulas, rules and an evaluation order.
import type { TemplateFile } from '../../schema/template';
import type { Expr } from '../formula/ast';
import { parseFormula } from '../formula/parser';
import type { ViewTransform } from '../formula/references';
import { cellKey } from './cell-key';
import { compileRules } from './compile-rules';
import { evaluationOrder, findCycles, isSamePeriod, reachableTransforms, type Edge } from './graph';
import { expandLists, hasLists } from './lists';
import { ProblemList } from './problems';
import { makeRowsBetween, resolveRefs } from './references';
import { describeCell, resolveCells, type ParseAt, type ResolvedCells } from './resolve-cells';
import { checkAuthoredLists, indexTemplate, type TemplateIndex } from './structure';
import type { CellSpec, CompileResult, CompiledTemplate, TemporalUse } from './types';

export function compileTemplate(given: TemplateFile): CompileResult {
  // Lists not yet written out (a template as loaded) compile as an empty roll-up: the list rows' own checks
  // run here, their rows appear once expandLists has the period's hierarchy.
  const problems = new ProblemList();
  const authored = given.expandedFor === undefined && hasLists(given);
  if (authored) checkAuthoredLists(given, problems);
  const file = authored ? expandLists(given, {}) : given;
  const index = indexTemplate(file, problems);
  const parse = makeParser(problems);
  // Formulas that no cell ends up using (a row formula every column overrides) must still parse.
  file.rows.forEach((r, i) => r.formula !== undefined && !r.header && parse(r.formula, `rows[${i}].formula`));
  file.columns.forEach((c, i) => c.formula !== undefined && parse(c.formula, `columns[${i}].formula`));
  const cells = resolveCells(file, index, parse, problems);
  const rowsBetween = makeRowsBetween(index);
  const graph = dependencyGraph(cells, index, rowsBetween, problems);
  const rules = compileRules(file.rules ?? [], index, cells, rowsBetween, parse, problems);
  if (problems.count === 0) checkCycles(graph, cells, problems);
  if (problems.count > 0) return { ok: false, problems: problems.items };

  const specs = [...cells.specs.values()];
  // Looked up for every read of every view: nested maps spare building a key string each time.
  const byRow = new Map<string, Map<string, CellSpec>>();
  for (const s of specs) byRow.set(s.row, (byRow.get(s.row) ?? new Map<string, CellSpec>()).set(s.col, s));
  const order = evaluationOrder(graph);
  const transforms = reachableTransforms(graph, [...[...graph.values()].flat(), ...rules.edges]).filter((t) => t.ytd || t.shifts.length > 0);
  const template: CompiledTemplate = {
    file,
    dataRows: index.dataRows,
    columns: index.columns,
    cells: specs,
    inputCells: specs.filter((s) => s.kind === 'input'),
    computedCells: order.map((key) => cells.specs.get(key)).filter((s): s is CellSpec => s !== undefined),
    rules: rules.rules,
    temporal: summarise(transforms),
    cell: (row, col) => byRow.get(row)?.get(col),
    row: (code) => index.rows.get(code)?.row,
    column: (key) => index.columnsByKey.get(key),
    listCell: makeListCell(file, index),
    hasGeneratedLists: file.rows.some((r) => r.list),
    formulaOf: (key) => cells.asts.get(key),
    rowsBetween,
  };
  return { ok: true, template };
}

function makeListCell(file: TemplateFile, index: TemplateIndex): CompiledTemplate['listCell'] {
  const lists = file.rows.filter((r) => r.list);
  if (lists.length === 0) return () => undefined;
  const memo = new Map<string, CellSpec | undefined>();
  return (row, col) => {
    const key = cellKey(row, col);
    if (memo.has(key)) return memo.get(key);
    const list = lists.find((r) => row.startsWith(`${r.code}.`) && row.length > r.code.length + 1);
    const column = index.columnsByKey.get(col);
    let spec: CellSpec | undefined;
    if (list && column) {
      const { list: _list, formula: _formula, disabled: _disabled, ...base } = list;
      spec = describeCell(file, { ...base, code: row }, column, 'input', undefined);
      if (spec.valueType === 'text' || (Array.isArray(list.disabled) && list.disabled.includes(col))) spec = undefined;
    }
    if (memo.size < 100_000) memo.set(key, spec);
    return spec;
  };
}

function makeParser(problems: ProblemList): ParseAt {
  const memo = new Map<string, Expr | undefined>();
  return (source, path) => {
    if (memo.has(path)) return memo.get(path);
    const result = parseFormula(source);
    const expr = result.ok ? result.expr : undefined;
    if (!result.ok) {
      const at = result.error.offset;
      problems.add(path, result.error.message, `correct the formula where ▸ marks: ${source.slice(0, at)}▸${source.slice(at)}`);
    }
    memo.set(path, expr);
    return expr;
  };
}

/** Edges from each computed cell to the cells its formula reads; reports unknown codes and disabled reads. */
function dependencyGraph(
  cells: ResolvedCells,
  index: TemplateIndex,
  rowsBetween: (from: string, to: string) => readonly string[],
  problems: ProblemList,
): Map<string, Edge[]> {
  const graph = new Map<string, Edge[]>();
  for (const [key, ast] of cells.asts) {
    const spec = cells.specs.get(key);
    if (spec === undefined) continue;
    const path = spec.formulaPath ?? '';
    const refs = resolveRefs(ast, spec, index, rowsBetween, (message, fix) => problems.add(path, message, fix));
    const edges: Edge[] = [];
    for (const ref of refs) {
      const target = cells.specs.get(cellKey(ref.row, ref.col));
      if (target?.kind === 'disabled') {
        // sumRows skips disabled cells in its range: greying out one cell must not break a total.
        if (!ref.inRange) {
          problems.add(path, `cell ${spec.row}.${spec.col} reads cell ${ref.row}.${ref.col}, which is disabled`, `enable ${ref.row}.${ref.col}, read another cell, or disable ${spec.row}.${spec.col} too`);
        }
        continue;
      }
      edges.push({ to: cellKey(ref.row, ref.col), transform: ref.transform });
    }
    graph.set(key, edges);
  }
  return graph;
}

function checkCycles(graph: ReadonlyMap<string, readonly Edge[]>, cells: ResolvedCells, problems: ProblemList): void {
  const name = (key: string): string => {
    const spec = cells.specs.get(key);
    return spec ? `${spec.row}.${spec.col}` : key;
  };
  const pathOf = (key: string): string => cells.specs.get(key)?.formulaPath ?? '';
  const samePeriod = findCycles(graph, (e) => isSamePeriod(e.transform));
  for (const cycle of samePeriod) {
    problems.add(pathOf(cycle[0] ?? ''), `formulas form a cycle: ${cycle.map(name).join(' → ')}`, 'break the cycle: one of these cells must be an input, or read an earlier period with prev()');
  }
  if (samePeriod.length > 0) return;
  // Any cycle left goes through prev()/lastYear(): a cell that needs its own earlier value needs the
  // whole history of the unit, so a correction years back would silently change every later report.
  for (const cycle of findCycles(graph, () => true)) {
    const steps = cycle.map((key, i) => {
      const from = cycle[i - 1];
      const edge = from === undefined ? undefined : graph.get(from)?.find((e) => e.to === key && !isSamePeriod(e.transform));
      return edge ? `${edge.transform.shifts.join('/')}: ${name(key)}` : name(key);
    });
    problems.add(pathOf(cycle[0] ?? ''), `a formula reads its own value in an earlier period: ${steps.join(' → ')}`, 'make the opening value an input cell (the grid can pre-fill it), or compute it from input cells of the previous period');
  }
}

function summarise(transforms: readonly ViewTransform[]): TemporalUse {
  const count = (t: ViewTransform, s: string): number => t.shifts.filter((x) => x === s).length;
  return {
    prev: transforms.some((t) => count(t, 'prev') > 0),
    lastYear: transforms.some((t) => count(t, 'lastYear') > 0),
    ytd: transforms.some((t) => t.ytd),
    maxPrevDepth: Math.max(0, ...transforms.map((t) => count(t, 'prev'))),
    maxLastYearDepth: Math.max(0, ...transforms.map((t) => count(t, 'lastYear'))),
    transforms,
  };
}
