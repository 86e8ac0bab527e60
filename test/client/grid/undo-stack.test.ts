// Undo and redo work on whole actions: a paste of many cells undoes in one step.
import { describe, expect, it } from 'vitest';
import { createUndoStack } from '../../../client/grid/undo-stack';

describe('createUndoStack', () => {
  it('undoes a whole action at once, then redoes it', () => {
    const s = createUndoStack<number | null>();
    s.push([{ row: '01', col: 'a', before: null, after: 1 }, { row: '02', col: 'a', before: 5, after: 2 }]);
    expect(s.canUndo()).toBe(true);
    expect(s.undo()).toEqual([{ row: '01', col: 'a', before: 1, after: null }, { row: '02', col: 'a', before: 2, after: 5 }]);
    expect(s.canUndo()).toBe(false);
    expect(s.redo()).toEqual([{ row: '01', col: 'a', before: null, after: 1 }, { row: '02', col: 'a', before: 5, after: 2 }]);
    expect(s.canRedo()).toBe(false);
  });

  it('forgets what could be redone once a new action is done', () => {
    const s = createUndoStack<number>();
    s.push([{ row: '01', col: 'a', before: 0, after: 1 }]);
    s.undo();
    s.push([{ row: '01', col: 'a', before: 0, after: 2 }]);
    expect(s.canRedo()).toBe(false);
    expect(s.undo()).toEqual([{ row: '01', col: 'a', before: 2, after: 0 }]);
  });

  it('records nothing for an action that changes nothing', () => {
    const s = createUndoStack<number>();
    s.push([{ row: '01', col: 'a', before: 3, after: 3 }]);
    expect(s.canUndo()).toBe(false);
  });

  it('keeps at most `limit` actions', () => {
    const s = createUndoStack<number>(2);
    for (let i = 0; i < 3; i++) s.push([{ row: '01', col: 'a', before: i, after: i + 1 }]);
    expect(s.undo()).toBeDefined();
    expect(s.undo()).toBeDefined();
    expect(s.undo()).toBeUndefined();
  });
});
