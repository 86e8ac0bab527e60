// A rectangle of cells selected as in Excel: where Shift+arrows or Shift+click started (anchor) and
// where they are now (focus), in the grid's display positions.

export interface GridPos {
  row: number;
  col: number;
}

export interface CellRange {
  anchor: GridPos;
  focus: GridPos;
}

export interface Bounds {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export const boundsOf = (r: CellRange): Bounds => ({
  top: Math.min(r.anchor.row, r.focus.row),
  bottom: Math.max(r.anchor.row, r.focus.row),
  left: Math.min(r.anchor.col, r.focus.col),
  right: Math.max(r.anchor.col, r.focus.col),
});

export const samePos = (a: GridPos, b: GridPos): boolean => a.row === b.row && a.col === b.col;

export const contains = (b: Bounds, p: GridPos): boolean => p.row >= b.top && p.row <= b.bottom && p.col >= b.left && p.col <= b.right;

export const isSingleCell = (b: Bounds): boolean => b.top === b.bottom && b.left === b.right;

/** The positions of a rectangle, row by row. */
export function positionsOf(b: Bounds): GridPos[] {
  const out: GridPos[] = [];
  for (let row = b.top; row <= b.bottom; row++) for (let col = b.left; col <= b.right; col++) out.push({ row, col });
  return out;
}
