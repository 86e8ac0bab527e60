// A report grid: a template's columns and rows in the DataGrid, with Excel-like keyboard entry (type to
// edit, Enter moves down, Tab jumps to the next input cell) and undo.
import type { CellPosition, GridApi, GridOptions, TabToNextCellParams } from 'ag-grid-community';
import { createMemo } from 'solid-js';
import { DataGrid } from '../../components/DataGrid';
import type { Engine } from '../../engine';
import {
  buildColumnDefs,
  cellKindAt,
  CODE_COL,
  LABEL_COL,
  templateRows,
  UNIT_COL,
  type GridCellSource,
  type GridRow,
} from '../../grid/template-columns';

export interface ReportGridProps {
  engine: Engine;
  source: GridCellSource;
  readOnly?: boolean;
  ariaLabel: string;
  onReady?: (api: GridApi<GridRow>) => void;
  class?: string;
}

/** The column numbers row under the headers: A, B, (C,) then 1, 2, 3… as printed forms have it. */
export function numberingRow(): GridRow {
  return { code: 'A', label: 'B', unit: 'C', indent: 0, isHeader: false, isPartOf: false, isTotal: false, isNumbering: true };
}

export function ReportGrid(props: ReportGridProps) {
  const columnDefs = createMemo(() => buildColumnDefs(props.engine, props.source, { readOnly: props.readOnly }));
  const rows = createMemo(() => templateRows(props.engine.file));

  const isEditableAt = (row: GridRow | undefined, colId: string): boolean =>
    !!row && !row.isNumbering && !props.readOnly && props.source.canEdit() && ![CODE_COL, LABEL_COL, UNIT_COL].includes(colId) && cellKindAt(props.engine, row, colId) === 'input';

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
    enterNavigatesVertically: true,
    enterNavigatesVerticallyAfterEdit: true,
    undoRedoCellEditing: true,
    undoRedoCellEditingLimit: 100,
    stopEditingWhenCellsLoseFocus: true,
    invalidEditValueMode: 'block',
    onCellEditingStopped: () => props.source.onEditorProblem?.(undefined),
    tooltipShowDelay: 250,
    tooltipHideDelay: 15000,
    suppressDragLeaveHidesColumns: true,
    // Row heights grow with long labels; a scrollbar that comes and goes would make flex columns jump.
    alwaysShowVerticalScroll: true,
    tabToNextCell,
    defaultColDef: { resizable: true, sortable: false, suppressHeaderMenuButton: true },
  };

  return (
    <DataGrid<GridRow>
      columnDefs={columnDefs()}
      rowData={rows()}
      options={options}
      onReady={(api) => props.onReady?.(api)}
      ariaLabel={props.ariaLabel}
      class={props.class ?? 'report-grid'}
    />
  );
}
