// Excel-grade entry on AG Grid Community's public API (clipboard, range selection and Excel-style
// keys are Enterprise features there, issue 10): the keys an officer types with, a selected block shown
// as in Excel, copy and paste as tab-separated text, and undo over whole actions.
import type { CellFocusedEvent, Column, GridApi, SuppressKeyboardEventParams } from 'ag-grid-community';
import { createSignal } from 'solid-js';
import type { CellValue } from '../../schema/api';
import { boundsOf, contains, isSingleCell, positionsOf, samePos, type Bounds, type CellRange, type GridPos } from './cell-range';
import { edge, lineEnd, step, type Direction, type NavGrid } from './navigation';
import { planPaste, type PastePlan } from './paste-plan';
import { parseTsv, toTsv } from './tsv';
import { createUndoStack, type CellChange } from './undo-stack';
import type { GridRow } from './template-columns';

export interface EntryModel {
  /** The template's data columns, in order (ranges and pastes cover only these). */
  dataColumns(): readonly string[];
  canEdit(): boolean;
  isInput(row: GridRow, col: string): boolean;
  value(row: string, col: string): CellValue | undefined;
  write(row: string, col: string, value: CellValue): void;
  /** The text a cell shows, which is what a copy carries. */
  shown(row: GridRow, col: string): string;
  /** Reads a pasted text for a cell, as the editor would. */
  read(row: GridRow, col: string, text: string): { ok: true; value: CellValue } | { ok: false };
  /** A sentence for a paste that cannot go in, and a count of values left on computed cells. */
  onPasteProblem(plan: Exclude<PastePlan, { ok: true }>, cellAt: (p: GridPos) => { row: string; col: string }): void;
  onPasted(count: number, skipped: number): void;
  openCell(row: string, col: string): void;
}

export interface RangeMark {
  top: boolean;
  bottom: boolean;
  left: boolean;
  right: boolean;
  single: boolean;
}

export type EntryController = ReturnType<typeof createEntryController>;

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

export function createEntryController(model: EntryModel) {
  let api: GridApi<GridRow> | undefined;
  let range: CellRange | undefined;
  /**
   * AG Grid delivers cellFocused to the grid's options asynchronously, so a key can arrive after the focus
   * moved and before we hear of it (a quick officer, a busy machine). Focus moves we have already drawn a
   * block for, in order: their late events must not reset the block a Shift+arrow has grown since.
   */
  const drawnFocus: GridPos[] = [];
  /** Where a Shift+click sends the grid's focus back to (the block's anchor). */
  let refocusing: GridPos | undefined;
  const undo = createUndoStack<CellValue>();
  const [version, setVersion] = createSignal(0);
  const bump = () => setVersion((v) => v + 1);

  const rowAt = (i: number): GridRow | undefined => api?.getDisplayedRowAtIndex(i)?.data;
  const colIndex = (col: Column | string | null | undefined): number => {
    if (!col) return -1;
    return model.dataColumns().indexOf(typeof col === 'string' ? col : col.getColId());
  };
  const colKey = (i: number) => model.dataColumns()[i]!;
  const rowCount = () => api?.getDisplayedRowCount() ?? 0;

  const navGrid = (inputsOnly: boolean): NavGrid => ({
    rowCount: rowCount(),
    colCount: model.dataColumns().length,
    isInput: (p) => {
      const row = rowAt(p.row);
      if (!row) return false;
      return inputsOnly ? model.isInput(row, colKey(p.col)) : !row.isHeader && !row.isNumbering;
    },
    isEmpty: (p) => {
      const row = rowAt(p.row);
      const v = row ? model.value(row.code, colKey(p.col)) : undefined;
      return v === null || v === undefined || v === '';
    },
  });

  function focusedPos(): GridPos | undefined {
    const f = api?.getFocusedCell();
    if (!f || f.rowPinned) return undefined;
    const col = colIndex(f.column);
    return col < 0 ? undefined : { row: f.rowIndex, col };
  }

  function repaint() {
    api?.refreshCells({ force: true, columns: [...model.dataColumns()] });
  }

  function setRange(next: CellRange | undefined) {
    range = next;
    repaint();
  }

  function moveTo(p: GridPos) {
    if (!api) return;
    api.ensureIndexVisible(p.row);
    api.ensureColumnVisible(colKey(p.col));
    api.setFocusedCell(p.row, colKey(p.col));
    drawnFocus.push(p);
    setRange({ anchor: p, focus: p });
  }

  /**
   * The block keys act on. The active cell is always the block's anchor, so a block whose anchor is not the
   * grid's focused cell is one whose focus event is still on its way: the focused cell is the truth.
   */
  function selection(): CellRange | undefined {
    const p = focusedPos();
    if (!p || (range && samePos(range.anchor, p))) return range;
    drawnFocus.push(p);
    setRange({ anchor: p, focus: p });
    return range;
  }

  /** Writes values as one action the officer can undo. */
  function apply(cells: { row: string; col: string; value: CellValue }[]) {
    const action: CellChange<CellValue>[] = cells.map((c) => ({ row: c.row, col: c.col, before: model.value(c.row, c.col) ?? null, after: c.value }));
    for (const c of cells) model.write(c.row, c.col, c.value);
    undo.push(action);
    bump();
  }

  function replay(changes: readonly CellChange<CellValue>[] | undefined) {
    if (!changes) return;
    api?.stopEditing(true);
    for (const c of changes) model.write(c.row, c.col, c.after);
    bump();
    // Show where the undone action was.
    const first = changes[0];
    const node = first && api?.getRowNode(first.row);
    if (first && node && node.rowIndex !== null) {
      const col = colIndex(first.col);
      if (col >= 0) moveTo({ row: node.rowIndex, col });
    }
  }

  function clearSelection() {
    const sel = selection();
    if (!sel || !model.canEdit()) return;
    const cells = positionsOf(boundsOf(sel)).flatMap((p) => {
      const row = rowAt(p.row);
      return row && model.isInput(row, colKey(p.col)) ? [{ row: row.code, col: colKey(p.col), value: null }] : [];
    });
    if (cells.length > 0) apply(cells);
  }

  const cellAt = (p: GridPos) => ({ row: rowAt(p.row)?.code ?? '', col: colKey(p.col) });

  function copyText(): string | undefined {
    const sel = selection();
    if (!sel) return undefined;
    const b = boundsOf(sel);
    const rows: string[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const row = rowAt(r);
      const line: string[] = [];
      for (let c = b.left; c <= b.right; c++) line.push(row && !row.isHeader ? model.shown(row, colKey(c)) : '');
      rows.push(line);
    }
    return toTsv(rows);
  }

  function paste(text: string) {
    const sel = selection();
    if (!sel || !model.canEdit()) return;
    const plan = planPaste(parseTsv(text), sel, {
      rowCount: rowCount(),
      colCount: model.dataColumns().length,
      isInput: (p) => {
        const row = rowAt(p.row);
        return !!row && model.isInput(row, colKey(p.col));
      },
      read: (p, t) => model.read(rowAt(p.row)!, colKey(p.col), t),
    });
    if (!plan.ok) return model.onPasteProblem(plan, cellAt);
    apply(plan.cells.map((c) => ({ row: rowAt(c.pos.row)!.code, col: colKey(c.pos.col), value: c.value as CellValue })));
    setRange({ anchor: { row: plan.area.top, col: plan.area.left }, focus: { row: plan.area.bottom, col: plan.area.right } });
    model.onPasted(plan.cells.length, plan.skipped);
  }

  const isEditing = () => (api?.getEditingCells().length ?? 0) > 0;

  /** The grid's keydown, before AG Grid acts on it: true when the key is ours. */
  function onKey(p: SuppressKeyboardEventParams<GridRow>): boolean {
    const e = p.event;
    if (e.type !== 'keydown') return false;
    const ctrl = e.ctrlKey || e.metaKey;
    const pos = focusedPos();
    if (p.editing) {
      if (e.key === 'Enter' && !e.altKey && pos) {
        // Enter keeps what was typed and goes down to the next cell to fill, past computed rows.
        e.preventDefault();
        p.api.stopEditing();
        if (isEditing()) return true;
        moveTo(step(navGrid(true), pos, e.shiftKey ? 'up' : 'down'));
        return true;
      }
      return false;
    }
    if (!pos) return false;
    const key = e.key;
    if (ctrl && !e.altKey && (key.toLowerCase() === 'z' || key.toLowerCase() === 'y')) {
      e.preventDefault();
      const redo = key.toLowerCase() === 'y' || e.shiftKey;
      replay(redo ? undo.redo() : undo.undo());
      return true;
    }
    if (key === 'F2' && e.shiftKey) {
      e.preventDefault();
      const row = rowAt(pos.row);
      if (row) model.openCell(row.code, colKey(pos.col));
      return true;
    }
    if (key === 'Delete' || key === 'Backspace') {
      e.preventDefault();
      clearSelection();
      return true;
    }
    const dir = ARROWS[key];
    const isLineEnd = key === 'Home' || key === 'End';
    if (!dir && !isLineEnd) return false;
    e.preventDefault();
    if (e.shiftKey) {
      // Shift extends the block over every cell (computed ones too, to copy them); the active cell stays.
      const sel = selection()!;
      const g = navGrid(false);
      const to = dir ? (ctrl ? edge(g, sel.focus, dir) : step(g, sel.focus, dir)) : lineEnd(g, sel.focus, key === 'Home' ? 'home' : 'end', ctrl);
      setRange({ anchor: sel.anchor, focus: to });
      api?.ensureIndexVisible(to.row);
      api?.ensureColumnVisible(colKey(to.col));
      return true;
    }
    const g = navGrid(model.canEdit());
    const to = dir ? (ctrl ? edge(g, pos, dir) : step(g, pos, dir)) : lineEnd(g, pos, key === 'Home' ? 'home' : 'end', ctrl);
    moveTo(to);
    return true;
  }

  function onCellFocused(e: CellFocusedEvent<GridRow>) {
    const col = colIndex(e.column);
    const at = e.rowPinned || e.rowIndex === null || col < 0 ? undefined : { row: e.rowIndex, col };
    const drawn = drawnFocus[0];
    if (drawn) {
      if (at && samePos(drawn, at)) return void drawnFocus.shift();
      // A focus the grid has since moved on from (we drew the newer one already): nothing to do.
      const now = focusedPos();
      const current = at && now ? samePos(now, at) : !at && !now;
      if (!current) return;
      drawnFocus.length = 0;
    }
    const back = refocusing;
    refocusing = undefined;
    // The grid's focus going back to the block's anchor after a Shift+click: the block stays.
    if (back && at && samePos(back, at)) return;
    if (!at) return setRange(undefined);
    const extend = e.sourceEvent instanceof MouseEvent && e.sourceEvent.shiftKey;
    if (!extend || !range) return setRange({ anchor: at, focus: at });
    // Shift+click extends the block; the active cell stays where the block began, as in Excel, so what is
    // typed next goes there and Shift+arrows go on from the clicked corner.
    const anchor = range.anchor;
    setRange({ anchor, focus: at });
    if (samePos(anchor, at)) return;
    queueMicrotask(() => {
      refocusing = anchor;
      api?.setFocusedCell(anchor.row, colKey(anchor.col));
    });
  }

  return {
    attach(gridApi: GridApi<GridRow>) {
      api = gridApi;
    },
    onKey,
    onCellFocused,
    onCopy(e: ClipboardEvent) {
      if (isEditing()) return;
      const text = copyText();
      if (text === undefined || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', text);
      e.preventDefault();
    },
    /** Ctrl+X: the block goes to the clipboard and its input cells are cleared, one action to undo. */
    onCut(e: ClipboardEvent) {
      if (isEditing()) return;
      const text = copyText();
      if (text === undefined || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', text);
      e.preventDefault();
      clearSelection();
    },
    onPaste(e: ClipboardEvent) {
      if (isEditing() || !e.clipboardData) return;
      e.preventDefault();
      paste(e.clipboardData.getData('text/plain'));
    },
    /** A typed value: one action of its own. */
    recordTyped(row: string, col: string, before: CellValue, after: CellValue) {
      undo.push([{ row, col, before, after }]);
      bump();
    },
    rangeMark(rowIndex: number, col: string): RangeMark | undefined {
      if (!range) return undefined;
      const b: Bounds = boundsOf(range);
      const c = model.dataColumns().indexOf(col);
      if (c < 0 || !contains(b, { row: rowIndex, col: c })) return undefined;
      return { top: rowIndex === b.top, bottom: rowIndex === b.bottom, left: c === b.left, right: c === b.right, single: isSingleCell(b) };
    },
    undo: () => replay(undo.undo()),
    redo: () => replay(undo.redo()),
    canUndo: () => (version(), undo.canUndo()),
    canRedo: () => (version(), undo.canRedo()),
  };
}
