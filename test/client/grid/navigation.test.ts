// The keyboard moves over input cells only, and Ctrl+arrows stop at the edge of a filled block.
import { describe, expect, it } from 'vitest';
import { edge, lineEnd, step, type NavGrid } from '../../../client/grid/navigation';

// A 4×5 form: '#' computed or greyed, 'x' filled input, '.' empty input.
function grid(rows: string[]): NavGrid {
  return {
    rowCount: rows.length,
    colCount: rows[0]!.length,
    isInput: (p) => rows[p.row]![p.col] !== '#',
    isEmpty: (p) => rows[p.row]![p.col] !== 'x',
  };
}

const g = grid([
  'xx.x#', //
  '#####',
  'x.xx.',
  '..#..',
]);

describe('step', () => {
  it('skips computed and greyed cells', () => {
    expect(step(g, { row: 0, col: 0 }, 'down')).toEqual({ row: 2, col: 0 });
    expect(step(g, { row: 3, col: 1 }, 'right')).toEqual({ row: 3, col: 3 });
    expect(step(g, { row: 2, col: 3 }, 'up')).toEqual({ row: 0, col: 3 });
  });

  it('stays at the edge of the form', () => {
    expect(step(g, { row: 0, col: 3 }, 'right')).toEqual({ row: 0, col: 3 });
    expect(step(g, { row: 0, col: 0 }, 'up')).toEqual({ row: 0, col: 0 });
  });
});

describe('edge', () => {
  it('goes to the last filled cell of the block it is in', () => {
    expect(edge(g, { row: 0, col: 0 }, 'right')).toEqual({ row: 0, col: 1 });
    expect(edge(g, { row: 2, col: 2 }, 'right')).toEqual({ row: 2, col: 3 });
  });

  it('from the edge of a block, goes to the next filled cell', () => {
    expect(edge(g, { row: 0, col: 1 }, 'right')).toEqual({ row: 0, col: 3 });
    expect(edge(g, { row: 2, col: 0 }, 'right')).toEqual({ row: 2, col: 2 });
  });

  it('with nothing filled that way, goes to the last input cell', () => {
    expect(edge(g, { row: 2, col: 3 }, 'right')).toEqual({ row: 2, col: 4 });
    expect(edge(g, { row: 2, col: 1 }, 'down')).toEqual({ row: 3, col: 1 });
  });
});

describe('lineEnd', () => {
  it('Home and End go to the first and last input cell of the row', () => {
    expect(lineEnd(g, { row: 0, col: 1 }, 'end', false)).toEqual({ row: 0, col: 3 });
    expect(lineEnd(g, { row: 3, col: 4 }, 'home', false)).toEqual({ row: 3, col: 0 });
  });

  it('with Ctrl, of the whole form', () => {
    expect(lineEnd(g, { row: 2, col: 2 }, 'end', true)).toEqual({ row: 3, col: 4 });
    expect(lineEnd(g, { row: 2, col: 2 }, 'home', true)).toEqual({ row: 0, col: 0 });
  });
});
