// The dependency graph of computed cells: cycles, evaluation order and the periods a report reads.
import { composeTransforms, transformKey, type ViewTransform } from '../formula/references';

export interface Edge {
  readonly to: string;
  readonly transform: ViewTransform;
}

/** prev() and lastYear() read another period; ytd() includes this one, so it stays in the same period. */
export function isSamePeriod(t: ViewTransform): boolean {
  return t.shifts.length === 0;
}

/**
 * Finds cycles with depth-first search. Each cycle is returned once as its list of cells, first cell
 * repeated at the end. `follow` picks the edges that count.
 */
export function findCycles(graph: ReadonlyMap<string, readonly Edge[]>, follow: (e: Edge) => boolean): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const reported = new Set<string>();
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const edge of graph.get(node) ?? []) {
      if (!follow(edge) || !graph.has(edge.to)) continue;
      const s = state.get(edge.to);
      if (s === 'open') {
        const cycle = [...stack.slice(stack.indexOf(edge.to)), edge.to];
        const id = [...new Set(cycle)].sort().join('\n');
        if (!reported.has(id)) {
          reported.add(id);
          cycles.push(cycle);
        }
      } else if (s === undefined) visit(edge.to);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

/** Cells ordered so that each follows the same-period cells it reads (the graph must be acyclic). */
export function evaluationOrder(graph: ReadonlyMap<string, readonly Edge[]>): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (node: string): void => {
    if (seen.has(node)) return;
    seen.add(node);
    for (const edge of graph.get(node) ?? []) if (isSamePeriod(edge.transform) && graph.has(edge.to)) visit(edge.to);
    order.push(node);
  };
  for (const node of graph.keys()) visit(node);
  return order;
}

/**
 * Every transform under which evaluating `roots` reads some cell, through computed cells transitively
 * (prev(x) where x = ytd(y) reads y under ytd+prev). The graph must have no cycle at all.
 */
export function reachableTransforms(graph: ReadonlyMap<string, readonly Edge[]>, roots: readonly Edge[]): ViewTransform[] {
  const memo = new Map<string, Map<string, ViewTransform>>();
  const closure = (node: string): Map<string, ViewTransform> => {
    const hit = memo.get(node);
    if (hit) return hit;
    const result = new Map<string, ViewTransform>();
    memo.set(node, result);
    for (const edge of graph.get(node) ?? []) addThrough(edge, result);
    return result;
  };
  const addThrough = (edge: Edge, into: Map<string, ViewTransform>): void => {
    into.set(transformKey(edge.transform), edge.transform);
    if (!graph.has(edge.to)) return;
    for (const inner of closure(edge.to).values()) {
      const t = composeTransforms(edge.transform, inner);
      into.set(transformKey(t), t);
    }
  };
  const all = new Map<string, ViewTransform>();
  for (const edge of roots) addThrough(edge, all);
  return [...all.values()];
}
