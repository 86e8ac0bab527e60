// A report grid: a template's columns and rows in the DataGrid, with Excel-grade entry (client/grid/
// entry-controller: keys, a selected block, copy and paste, undo) and Tab to the next input cell.
import type { CellPosition, GridApi, GridOptions, TabToNextCellParams } from 'ag-grid-community';
import { createMemo, untrack } from 'solid-js';
import type { CellValue } from '../../../schema/api';
import { DataGrid } from '../../components/DataGrid';
import { notify } from '../../components/Toasts';
import type { Engine } from '../../engine';
import { createEntryController, type EntryController, type EntryModel } from '../../grid/entry-controller';
import {
  buildColumnDefs,
  cellKindAt,
  CODE_COL,
  formatCell,
  LABEL_COL,
  readNumber,
  templateRows,
  UNIT_COL,
  type GridCellSource,
  type GridRow,
} from '../../grid/template-columns';
import { t } from '../../i18n';

export interface ReportGridProps {
  engine: Engine;
  source: GridCellSource;
  readOnly?: boolean;
  ariaLabel: string;
  onReady?: (api: GridApi<GridRow>) => void;
  /** The entry controller, for the undo and redo buttons beside the grid. */
  onEntry?: (entry: EntryController) => void;
  /** Opens a cell's history and comments (Shift+F2 or a right click on the cell). */
  onOpenCell?: (row: string, col: string) => void;
  /** A cell's name in messages ("Dòng 01 Hộ tịch · Tổng số"). */
  cellLabel?: (row: string, col: string) => string;
  class?: string;
}

/** A phone's width: the grid freezes a narrow label only. */
const isNarrowScreen = () => typeof window !== 'undefined' && window.matchMedia?.('(max-width: 600px)').matches === true;

/** The column numbers row under the headers: A, B, (C,) then 1, 2, 3… as printed forms have it. */
export function numberingRow(): GridRow {
  return { code: 'A', label: 'B', unit: 'C', indent: 0, isHeader: false, isPartOf: false, isTotal: false, isNumbering: true };
}

export function ReportGrid(props: ReportGridProps) {
  const isEditableAt = (row: GridRow | undefined, colId: string): boolean =>
    !!row && !row.isHeader && !row.isNumbering && !props.readOnly && props.source.canEdit() && ![CODE_COL, LABEL_COL, UNIT_COL].includes(colId) && cellKindAt(props.engine, row, colId) === 'input';

  const cellName = (row: string, col: string) => props.cellLabel?.(row, col) ?? `${row} · ${col}`;
  const model: EntryModel = {
    dataColumns: () => props.engine.file.columns.map((c) => c.key),
    canEdit: () => !props.readOnly && props.source.canEdit(),
    isInput: isEditableAt,
    value: (row, col) => props.source.value(row, col),
    write: (row, col, value) => props.source.setValue(row, col, value),
    shown: (row, col) => formatCell(props.engine.cell(row.code, col), props.source.value(row.code, col)),
    read: (row, col, text) => {
      const info = props.engine.cell(row.code, col);
      if (info?.valueType === 'text') return { ok: true, value: text.trim() === '' ? null : text.trim() };
      const parsed = readNumber(info, text);
      return parsed.ok ? { ok: true, value: parsed.value } : { ok: false };
    },
    onPasteProblem: (plan, cellAt) => {
      if (plan.reason === 'does-not-fit') notify(t('grid.pasteDoesNotFit', { rows: plan.rows, cols: plan.cols, roomRows: plan.roomRows, roomCols: plan.roomCols }), 'error');
      else if (plan.reason === 'unreadable') {
        const at = cellAt(plan.pos);
        notify(t('grid.pasteUnreadable', { cell: cellName(at.row, at.col), text: plan.text }), 'error');
      } else notify(t('grid.pasteEmpty'), 'error');
    },
    onPasted: (count, skipped) => notify(skipped > 0 ? t('grid.pastedSkipped', { count, skipped }) : t('grid.pasted', { count }), 'success'),
    openCell: (row, col) => props.onOpenCell?.(row, col),
  };
  const entry = createEntryController(model);
  untrack(() => props.onEntry)?.(entry);

  // Typed values go through the columns; each is recorded as one action to undo.
  const source: GridCellSource = {
    label: (key, params) => props.source.label(key, params),
    onEditorProblem: (message) => props.source.onEditorProblem?.(message),
    hasComment: (r, c) => props.source.hasComment?.(r, c) ?? false,
    isChanged: (r, c) => props.source.isChanged?.(r, c) ?? false,
    value: (r, c) => props.source.value(r, c),
    issues: (r, c) => props.source.issues(r, c),
    isDirty: (r, c) => props.source.isDirty(r, c),
    canEdit: () => props.source.canEdit(),
    setValue: (r, c, v: CellValue) => {
      const before = props.source.value(r, c) ?? null;
      props.source.setValue(r, c, v);
      entry.recordTyped(r, c, before, v);
    },
    rangeMark: (i, c) => entry.rangeMark(i, c),
  };
  const narrow = isNarrowScreen();
  const columnDefs = createMemo(() => buildColumnDefs(props.engine, source, { readOnly: props.readOnly, narrow }));
  const rows = createMemo(() => templateRows(props.engine.file));

  let host!: HTMLDivElement;

  // Tab walks the input cells only, row by row, so an officer types a whole form without the mouse.
  function tabToNextCell(p: TabToNextCellParams<GridRow>): CellPosition | boolean {
    if (props.readOnly || !props.source.canEdit() || p.previousCellPosition.rowPinned) return p.nextCellPosition ?? false;
    const cols = p.api.getAllDisplayedColumns();
    const rowCount = p.api.getDisplayedRowCount();
    let row = p.previousCellPosition.rowIndex;
    let ci = cols.indexOf(p.previousCellPosition.column);
    const step = p.backwards ? -1 : 1;
    for (let n = 0; n < rowCount * cols.length; n++) {
      ci += step;
      if (ci >= cols.length) {
        ci = 0;
        row++;
      } else if (ci < 0) {
        ci = cols.length - 1;
        row--;
      }
      if (row < 0 || row >= rowCount) return false;
      const column = cols[ci]!;
      if (isEditableAt(p.api.getDisplayedRowAtIndex(row)?.data, column.getColId())) return { rowIndex: row, column, rowPinned: null };
    }
    return false;
  }

  const options: GridOptions<GridRow> = {
    getRowId: (p) => (p.data.isNumbering ? '#numbering' : p.data.code),
    rowClassRules: {
      'report-header-row': (p) => !!p.data?.isHeader,
      'report-numbering-row': (p) => !!p.data?.isNumbering,
      'report-total-row': (p) => !!p.data?.isTotal,
    },
    pinnedTopRowData: [numberingRow()],
    // Enter edits; Enter in the editor keeps the value and goes down (the entry controller does it).
    enterNavigatesVertically: false,
    enterNavigatesVerticallyAfterEdit: false,
    // Undo is the entry controller's, over whole actions (a paste, a cleared block) as well as typing.
    undoRedoCellEditing: false,
    stopEditingWhenCellsLoseFocus: true,
    onCellFocused: (e) => entry.onCellFocused(e),
    preventDefaultOnContextMenu: true,
    onCellContextMenu: (e) => {
      if (e.data && !e.data.isNumbering && !e.data.isHeader && e.column.getColId() !== LABEL_COL) props.onOpenCell?.(e.data.code, e.column.getColId());
    },
    invalidEditValueMode: 'block',
    onCellEditingStopped: () => props.source.onEditorProblem?.(undefined),
    tooltipShowDelay: 250,
    tooltipHideDelay: 15000,
    suppressDragLeaveHidesColumns: true,
    // Row heights grow with long labels; a scrollbar that comes and goes would make flex columns jump.
    alwaysShowVerticalScroll: true,
    tabToNextCell,
    defaultColDef: { resizable: true, sortable: false, suppressHeaderMenuButton: true, suppressKeyboardEvent: (p) => entry.onKey(p) },
  };

  return (
    <div ref={host} class="report-grid-host" onCopy={(e) => entry.onCopy(e)} onCut={(e) => entry.onCut(e)} onPaste={(e) => entry.onPaste(e)}>
      <DataGrid<GridRow>
        columnDefs={columnDefs()}
        rowData={rows()}
        options={options}
        onReady={(api) => {
          entry.attach(api);
          props.onReady?.(api);
        }}
        ariaLabel={props.ariaLabel}
        class={props.class ?? 'report-grid'}
      />
    </div>
  );
}
