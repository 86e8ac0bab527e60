// Where a block pasted from a spreadsheet lands: cell for cell from the focused cell, as the rows of the
// officer's old workbook map onto the form's; computed and greyed cells keep their own values, and a block
// that runs past the form, or holds text a number cell cannot take, is refused as a whole.
import { boundsOf, type Bounds, type CellRange, type GridPos } from './cell-range';

export interface PasteTarget {
  rowCount: number;
  colCount: number;
  isInput(p: GridPos): boolean;
  /** Reads a pasted text for the cell: the value, or the reason it cannot be stored there. */
  read(p: GridPos, text: string): { ok: true; value: unknown } | { ok: false };
}

export interface PlannedCell {
  pos: GridPos;
  value: unknown;
}

export type PastePlan =
  | { ok: true; cells: PlannedCell[]; skipped: number; area: Bounds }
  | { ok: false; reason: 'does-not-fit'; rows: number; cols: number; roomRows: number; roomCols: number }
  | { ok: false; reason: 'unreadable'; pos: GridPos; text: string }
  | { ok: false; reason: 'empty' };

/**
 * `block` is the parsed clipboard; `selection` the selected range (a single value fills it all, as in
 * Excel); otherwise the block starts at the selection's top-left cell.
 */
export function planPaste(block: readonly (readonly string[])[], selection: CellRange, target: PasteTarget): PastePlan {
  const height = block.length;
  const width = Math.max(0, ...block.map((r) => r.length));
  if (height === 0 || width === 0) return { ok: false, reason: 'empty' };
  const sel = boundsOf(selection);
  const fill = height === 1 && width === 1;
  const area: Bounds = fill ? sel : { top: sel.top, left: sel.left, bottom: sel.top + height - 1, right: sel.left + width - 1 };
  if (area.bottom >= target.rowCount || area.right >= target.colCount) {
    return { ok: false, reason: 'does-not-fit', rows: height, cols: width, roomRows: target.rowCount - sel.top, roomCols: target.colCount - sel.left };
  }
  const cells: PlannedCell[] = [];
  let skipped = 0;
  for (let row = area.top; row <= area.bottom; row++) {
    for (let col = area.left; col <= area.right; col++) {
      const text = fill ? block[0]![0]! : (block[row - area.top]?.[col - area.left] ?? '');
      const pos = { row, col };
      if (!target.isInput(pos)) {
        if (text.trim() !== '') skipped++;
        continue;
      }
      const read = target.read(pos, text);
      if (!read.ok) return { ok: false, reason: 'unreadable', pos, text };
      cells.push({ pos, value: read.value });
    }
  }
  return { ok: true, cells, skipped, area };
}
