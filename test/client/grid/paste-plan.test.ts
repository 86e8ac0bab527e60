// A pasted block lands cell for cell from the focused cell, leaving computed and greyed cells alone.
import { describe, expect, it } from 'vitest';
import { planPaste, type PasteTarget } from '../../../client/grid/paste-plan';

// 4 rows × 3 columns; row 1 is a computed total, cell (2,2) greyed.
const target: PasteTarget = {
  rowCount: 4,
  colCount: 3,
  isInput: (p) => p.row !== 1 && !(p.row === 2 && p.col === 2),
  read: (_p, text) => (text.trim() === '' ? { ok: true, value: null } : /^\d+$/.test(text) ? { ok: true, value: Number(text) } : { ok: false }),
};
const at = (row: number, col: number) => ({ anchor: { row, col }, focus: { row, col } });

describe('planPaste', () => {
  it('maps the block row for row, skipping computed and greyed cells', () => {
    const plan = planPaste([['1', '2'], ['3', '5'], ['4', '9']], at(0, 1), target);
    expect(plan).toEqual({
      ok: true,
      skipped: 3,
      area: { top: 0, bottom: 2, left: 1, right: 2 },
      cells: [
        { pos: { row: 0, col: 1 }, value: 1 },
        { pos: { row: 0, col: 2 }, value: 2 },
        { pos: { row: 2, col: 1 }, value: 4 },
      ],
    });
  });

  it('refuses a block that runs past the form, saying how much room there is', () => {
    expect(planPaste([['1', '2', '3']], at(0, 1), target)).toEqual({ ok: false, reason: 'does-not-fit', rows: 1, cols: 3, roomRows: 4, roomCols: 2 });
    expect(planPaste([['1'], ['2']], at(3, 0), target)).toMatchObject({ ok: false, reason: 'does-not-fit' });
  });

  it('refuses the whole block when one text cannot go in its cell', () => {
    expect(planPaste([['1', 'abc']], at(0, 0), target)).toEqual({ ok: false, reason: 'unreadable', pos: { row: 0, col: 1 }, text: 'abc' });
  });

  it('fills a selected range with a single value', () => {
    const plan = planPaste([['7']], { anchor: { row: 2, col: 0 }, focus: { row: 3, col: 1 } }, target);
    expect(plan.ok && plan.cells.map((c) => c.pos)).toEqual([
      { row: 2, col: 0 },
      { row: 2, col: 1 },
      { row: 3, col: 0 },
      { row: 3, col: 1 },
    ]);
  });

  it('refuses an empty clipboard', () => {
    expect(planPaste([], at(0, 0), target)).toEqual({ ok: false, reason: 'empty' });
  });
});
