// Where the keyboard moves in a form: only to cells an officer types in (computed and greyed cells are
// skipped), with Ctrl+arrows jumping to the edge of a block of filled cells as Excel does.
import type { GridPos } from './cell-range';

export interface NavGrid {
  rowCount: number;
  colCount: number;
  isInput(p: GridPos): boolean;
  isEmpty(p: GridPos): boolean;
}

export type Direction = 'up' | 'down' | 'left' | 'right';

const delta: Record<Direction, GridPos> = { up: { row: -1, col: 0 }, down: { row: 1, col: 0 }, left: { row: 0, col: -1 }, right: { row: 0, col: 1 } };

const inside = (g: NavGrid, p: GridPos) => p.row >= 0 && p.row < g.rowCount && p.col >= 0 && p.col < g.colCount;

/** The input cells after `from` in a direction, nearest first. */
function inputsAlong(g: NavGrid, from: GridPos, dir: Direction): GridPos[] {
  const d = delta[dir];
  const out: GridPos[] = [];
  for (let p = { row: from.row + d.row, col: from.col + d.col }; inside(g, p); p = { row: p.row + d.row, col: p.col + d.col }) {
    if (g.isInput(p)) out.push(p);
  }
  return out;
}

/** An arrow key: the next input cell that way, or where we are at the edge. */
export function step(g: NavGrid, from: GridPos, dir: Direction): GridPos {
  return inputsAlong(g, from, dir)[0] ?? from;
}

/**
 * Ctrl+arrow: from a filled cell with a filled neighbour, the last filled cell of the block; otherwise the
 * next filled cell; with none, the last input cell that way.
 */
export function edge(g: NavGrid, from: GridPos, dir: Direction): GridPos {
  const line = inputsAlong(g, from, dir);
  if (line.length === 0) return from;
  const filled = (p: GridPos) => !g.isEmpty(p);
  if (filled(from) && filled(line[0]!)) {
    let last = line[0]!;
    for (const p of line.slice(1)) {
      if (!filled(p)) break;
      last = p;
    }
    return last;
  }
  return line.find(filled) ?? line.at(-1)!;
}

/** Home/End: the first or last input cell of the row; with Ctrl, of the whole form. */
export function lineEnd(g: NavGrid, from: GridPos, which: 'home' | 'end', wholeGrid: boolean): GridPos {
  const candidates: GridPos[] = [];
  const rows = wholeGrid ? Array.from({ length: g.rowCount }, (_, i) => i) : [from.row];
  for (const row of rows) for (let col = 0; col < g.colCount; col++) if (g.isInput({ row, col })) candidates.push({ row, col });
  return (which === 'home' ? candidates[0] : candidates.at(-1)) ?? from;
}
