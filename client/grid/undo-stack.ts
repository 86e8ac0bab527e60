// Undo and redo over whole actions: one typed value, one paste, one cleared block each undo as one step.

export interface CellChange<V> {
  row: string;
  col: string;
  before: V;
  after: V;
}

export type EntryAction<V> = readonly CellChange<V>[];

export interface UndoStack<V> {
  /** Records an action just done; a new action forgets what could be redone. */
  push(action: EntryAction<V>): void;
  /** The changes to apply to undo the last action (values back to `before`), or undefined. */
  undo(): EntryAction<V> | undefined;
  redo(): EntryAction<V> | undefined;
  canUndo(): boolean;
  canRedo(): boolean;
  clear(): void;
}

export function createUndoStack<V>(limit = 200): UndoStack<V> {
  const done: EntryAction<V>[] = [];
  const undone: EntryAction<V>[] = [];
  return {
    push(action) {
      const real = action.filter((c) => c.before !== c.after);
      if (real.length === 0) return;
      done.push(real);
      if (done.length > limit) done.shift();
      undone.length = 0;
    },
    undo() {
      const action = done.pop();
      if (!action) return undefined;
      undone.push(action);
      return action.map((c) => ({ ...c, before: c.after, after: c.before }));
    },
    redo() {
      const action = undone.pop();
      if (!action) return undefined;
      done.push(action);
      return action;
    },
    canUndo: () => done.length > 0,
    canRedo: () => undone.length > 0,
    clear() {
      done.length = 0;
      undone.length = 0;
    },
  };
}
