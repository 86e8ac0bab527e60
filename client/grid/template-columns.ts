// Derives the AG Grid column definitions and rows of a report grid from a template (style.md §7).
import type { CellClassParams, ColDef, ColGroupDef, IErrorValidationParams, ValueParserParams } from 'ag-grid-community';
import { hasUnitColumn, unitOfRow } from '../../domain/template/labels';
import type { CellValue, Issue } from '../../schema/api';
import type { Column, Row, TemplateFile, ValueType } from '../../schema/template';
import { locale } from '../i18n';
import { formatEntry, parseEntry } from './number-entry';

/** What the grid needs to know of each cell: the compiled template answers it (domain/template). */
export interface CellInfo {
  kind: 'input' | 'computed' | 'disabled';
  valueType: ValueType;
  decimals: number;
  /** The lowest value the cell takes; "(12)" is read as a negative only where this allows one. */
  min?: number;
  formula?: string;
}

export interface GridModel {
  file: TemplateFile;
  cell(row: string, col: string): CellInfo | undefined;
}

/** One grid row per template row, header rows included. */
export interface GridRow {
  code: string;
  label: string;
  unit: string;
  indent: number;
  isHeader: boolean;
  /** A "Trong đó" row, part of the row above it. */
  isPartOf: boolean;
  /** A row computed by a formula of its own, e.g. "Tổng cộng". */
  isTotal: boolean;
  /** The row of column numbers under the headers (A, B, 1, 2, …), pinned on top. */
  isNumbering?: boolean;
}

export type CellKindClass = 'numbering' | 'header' | 'input' | 'computed' | 'disabled';

/** What the columns read and write while the grid runs; the report view supplies it. */
export interface GridCellSource {
  value(row: string, col: string): CellValue | undefined;
  issues(row: string, col: string): readonly Issue[];
  isDirty(row: string, col: string): boolean;
  canEdit(): boolean;
  setValue(row: string, col: string, value: CellValue): void;
  /** The reason the text being typed cannot be stored, or undefined once it can (or editing ended). */
  onEditorProblem?(message: string | undefined): void;
  label(key: 'code' | 'label' | 'unit' | 'computed' | 'disabled' | InputProblem, params?: Record<string, string>): string;
  /** Where the selected block covers this cell (display row index), for drawing it as Excel does. */
  rangeMark?(rowIndex: number, col: string): { top: boolean; bottom: boolean; left: boolean; right: boolean; single: boolean } | undefined;
  /** The cell has comments (a corner mark) / differs from the last submission. */
  hasComment?(row: string, col: string): boolean;
  isChanged?(row: string, col: string): boolean;
}

export type InputProblem = 'invalidInput' | 'notInteger' | 'negativeNotAllowed';

export type GridColumn = ColDef<GridRow> | ColGroupDef<GridRow>;

export const LABEL_COL = '_label';
export const CODE_COL = '_code';
export const UNIT_COL = '_unit';

export function templateRows(file: TemplateFile): GridRow[] {
  return file.rows.map((r: Row) => ({
    code: r.code,
    label: r.label,
    unit: unitOfRow(file, r),
    indent: r.indent ?? 0,
    isHeader: r.header === true,
    isPartOf: r.partOf !== undefined,
    isTotal: r.formula !== undefined,
  }));
}

export function cellKindAt(model: GridModel, row: GridRow, col: string): CellKindClass {
  if (row.isNumbering) return 'numbering';
  if (row.isHeader) return 'header';
  return model.cell(row.code, col)?.kind ?? 'disabled';
}

/** Formats a stored value for display: vi-VN numbers with the cell's decimals, text as it is. */
export function formatCell(info: CellInfo | undefined, value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return formatEntry(value, info?.decimals ?? 0, locale());
}

export type ColumnTree = { kind: 'leaf'; column: Column } | { kind: 'group'; label: string; id: string; children: ColumnTree[] };

/**
 * The columns of a template in order, under their header groups: neighbours that share a group label at
 * a depth share one group there (`group` lists the labels outermost first).
 */
export function groupColumns(columns: readonly Column[], depth = 0): ColumnTree[] {
  const out: ColumnTree[] = [];
  let i = 0;
  while (i < columns.length) {
    const c = columns[i]!;
    const label = c.group?.[depth];
    if (label === undefined) {
      out.push({ kind: 'leaf', column: c });
      i++;
      continue;
    }
    let j = i + 1;
    while (j < columns.length && columns[j]!.group?.[depth] === label) j++;
    const members = columns.slice(i, j);
    out.push({ kind: 'group', label, id: `g${depth}-${members[0]!.key}`, children: groupColumns(members, depth + 1) });
    i = j;
  }
  return out;
}

function toColDefs(nodes: readonly ColumnTree[], leaf: (c: Column) => ColDef<GridRow>): GridColumn[] {
  return nodes.map((n) =>
    n.kind === 'leaf'
      ? leaf(n.column)
      : ({
          headerName: n.label,
          groupId: n.id,
          marryChildren: true,
          headerClass: 'report-group-header',
          children: toColDefs(n.children, leaf),
        } satisfies ColGroupDef<GridRow>),
  );
}

export interface ColumnOptions {
  /** Read-only grids (the roll-up) never edit, whatever the source says. */
  readOnly?: boolean;
  /** A phone's width (390 px): only a narrow label stays frozen, so the figures have room beside it. */
  narrow?: boolean;
}

/** The whole column set: code, label and unit pinned left, then the template's columns under their groups. */
export function buildColumnDefs(model: GridModel, source: GridCellSource, options: ColumnOptions = {}): GridColumn[] {
  const { file } = model;
  const dataColumns = file.columns;
  const showUnit = hasUnitColumn(file);
  // A form with many columns (Biểu 06 has eleven) gives its labels less room, so on a 1366-pixel screen
  // every column still fits beside the issues panel without scrolling sideways.
  const isWide = dataColumns.length > 8;

  const code: ColDef<GridRow> = {
    colId: CODE_COL,
    headerName: source.label('code'),
    field: 'code',
    pinned: 'left',
    lockPinned: true,
    width: options.narrow ? 44 : 60,
    editable: false,
    cellClass: (p) => ['report-code', p.data?.isHeader ? 'report-header-cell' : ''],
  };
  const label: ColDef<GridRow> = {
    colId: LABEL_COL,
    headerName: source.label('label'),
    field: 'label',
    pinned: 'left',
    lockPinned: true,
    width: options.narrow ? 124 : isWide ? 200 : 270,
    minWidth: options.narrow ? 96 : 160,
    editable: false,
    wrapText: true,
    autoHeight: true,
    colSpan: (p) => (p.data?.isHeader && showUnit ? 2 : 1),
    cellClass: (p) => [
      'report-label',
      p.data?.isHeader ? 'report-header-cell' : '',
      `report-indent-${Math.min(p.data?.indent ?? 0, 5)}`,
      p.data?.isPartOf ? 'report-part-of' : '',
      p.data?.isTotal ? 'report-total-label' : '',
    ],
  };
  const unit: ColDef<GridRow> = {
    colId: UNIT_COL,
    headerName: source.label('unit'),
    field: 'unit',
    ...(options.narrow ? {} : { pinned: 'left' as const, lockPinned: true }),
    width: options.narrow ? 72 : 96,
    editable: false,
    cellClass: 'report-unit',
  };

  const leaf = (c: Column): ColDef<GridRow> => dataColumnDef(model, source, c, dataColumns.indexOf(c), dataColumns.length, options);
  const grouped = toColDefs(groupColumns(dataColumns), leaf);
  return [code, label, ...(showUnit ? [unit] : []), ...grouped];
}

function dataColumnDef(model: GridModel, source: GridCellSource, c: Column, index: number, columnCount: number, options: ColumnOptions): ColDef<GridRow> {
  const info = (row: GridRow | undefined) => (row ? model.cell(row.code, c.key) : undefined);
  const kind = (row: GridRow | undefined) => (row ? cellKindAt(model, row, c.key) : 'disabled');
  const severity = (p: CellClassParams<GridRow>, s: 'error' | 'warning') =>
    !!p.data && !p.data.isNumbering && source.issues(p.data.code, c.key).some((i) => (i.severity ?? 'error') === s);
  const isText = (c.valueType ?? model.file.defaults?.valueType) === 'text';
  const mark = (p: CellClassParams<GridRow>) => (!source.rangeMark || p.node?.rowPinned || p.rowIndex === null ? undefined : source.rangeMark?.(p.rowIndex, c.key));
  const isFirst = index === 0;

  return {
    colId: c.key,
    headerName: c.unit ? `${c.label} (${c.unit})` : c.label,
    headerTooltip: c.description ?? c.label,
    // Columns share the width the screen leaves; a template may fix one.
    ...(c.width !== undefined ? { width: c.width } : { flex: isText ? 2 : 1 }),
    minWidth: isText ? 160 : 70,
    wrapHeaderText: true,
    autoHeaderHeight: true,
    // A header row is one band across the data columns, drawn by its first cell.
    colSpan: (p) => (p.data?.isHeader && isFirst ? columnCount : 1),
    valueGetter: (p) => {
      if (!p.data || p.data.isHeader) return null;
      if (p.data.isNumbering) return `${index + 1}`;
      return source.value(p.data.code, c.key) ?? null;
    },
    valueSetter: (p) => {
      if (!p.data) return false;
      const next = (p.newValue ?? null) as CellValue;
      if (next === (p.oldValue ?? null)) return false;
      if (typeof next === 'string' && info(p.data)?.valueType !== 'text') return false;
      source.setValue(p.data.code, c.key, next);
      return true;
    },
    valueFormatter: (p) => (p.data?.isNumbering ? String(p.value) : formatCell(info(p.data), p.value as CellValue | undefined)),
    valueParser: (p: ValueParserParams<GridRow>) => parseCellInput(info(p.data), p),
    editable: (p) => !options.readOnly && source.canEdit() && kind(p.data) === 'input',
    suppressNavigable: (p) => kind(p.data) === 'header' || kind(p.data) === 'numbering',
    cellClass: (p) => {
      const k = kind(p.data);
      const cellInfo = info(p.data);
      return [`report-cell-${k}`, cellInfo?.valueType === 'text' ? 'report-cell-text' : 'report-cell-number'];
    },
    cellClassRules: {
      'report-cell-error': (p) => severity(p, 'error'),
      'report-cell-warning': (p) => !severity(p, 'error') && severity(p, 'warning'),
      'report-cell-dirty': (p) => !!p.data && !p.data.isNumbering && source.isDirty(p.data.code, c.key),
      'report-cell-locked': (p) => !options.readOnly && !source.canEdit() && kind(p.data) === 'input',
      'report-cell-commented': (p) => !!p.data && !p.data.isNumbering && !!source.hasComment?.(p.data.code, c.key),
      'report-cell-changed': (p) => !!p.data && !p.data.isNumbering && !!source.isChanged?.(p.data.code, c.key),
      'report-range': (p) => !!mark(p),
      'report-range-top': (p) => !!mark(p)?.top,
      'report-range-bottom': (p) => !!mark(p)?.bottom,
      'report-range-left': (p) => !!mark(p)?.left,
      'report-range-right': (p) => !!mark(p)?.right,
      'report-range-many': (p) => mark(p)?.single === false,
    },
    tooltipValueGetter: (p) => {
      if (!p.data || p.data.isHeader || p.data.isNumbering) return undefined;
      const issues = source.issues(p.data.code, c.key);
      if (issues.length > 0) return issues.map((i) => i.message).join('\n');
      const k = kind(p.data);
      if (k === 'computed') return source.label('computed', { formula: info(p.data)?.formula ?? '' });
      if (k === 'disabled') return source.label('disabled');
      return undefined;
    },
    cellEditor: 'agTextCellEditor',
    // What cannot be read as a number keeps the editor open with the reason, instead of being lost.
    cellEditorParams: {
      // The editor opens on the text as shown ("1.234,5"), which reads back to the same number.
      useFormatter: true,
      getValidationErrors: (p: IErrorValidationParams<GridRow>) => {
        const problem = inputProblem(info(p.cellEditorParams.data), p.value);
        const message = problem ? source.label(problem, { col: c.label, text: String(p.value ?? '') }) : undefined;
        source.onEditorProblem?.(message);
        return message ? [message] : p.internalErrors;
      },
    },
    sortable: false,
    suppressHeaderMenuButton: true,
    suppressMovable: true,
  };
}

/**
 * Reads an edit: text as typed, numbers in vi-VN or plain form. What cannot be read stays the raw text,
 * so the editor's validation can name it and keep the editor open; a number cell never stores it.
 */
export function parseCellInput(info: CellInfo | undefined, p: Pick<ValueParserParams<GridRow>, 'newValue'>): CellValue {
  const text = p.newValue == null ? '' : String(p.newValue);
  if (info?.valueType === 'text') return text.trim() === '' ? null : text.trim();
  const parsed = readNumber(info, text);
  return parsed.ok ? parsed.value : text;
}

/** A number typed or pasted into a cell, in the UI language, negatives in brackets where the row allows. */
export function readNumber(info: CellInfo | undefined, text: string) {
  return parseEntry(text, { locale: locale(), integer: info?.valueType === 'integer', allowNegative: info?.min === undefined || info.min < 0 });
}

/** Why the text in an editor cannot be stored in the cell, if it cannot. */
export function inputProblem(info: CellInfo | undefined, raw: unknown): InputProblem | undefined {
  if (info?.valueType === 'text' || raw === null || raw === undefined || typeof raw === 'number') return undefined;
  const parsed = readNumber(info, String(raw));
  if (parsed.ok) return undefined;
  return parsed.reason === 'not-an-integer' ? 'notInteger' : parsed.reason === 'negative-not-allowed' ? 'negativeNotAllowed' : 'invalidInput';
}
