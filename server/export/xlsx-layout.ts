// The layout of a form sheet, derived from the template alone: its columns, the nested header with its
// merges, widths, row heights and the number format of each cell (house style point 7).
import type { Column, Row } from '../../schema/template';
import { hasUnitColumn, unitOfRow } from '../../domain/template/labels';
import type { CellSpec, CompiledTemplate } from '../../domain/template/types';

/** The columns left of the figures: the row code (STT), the row label and, when rows differ, their unit. */
export interface LabelColumn {
  role: 'code' | 'label' | 'unit';
  heading: string;
  /** What the numbering row prints under it: forms letter these columns A, B, C. */
  marker: string;
  width: number;
}

export interface DataColumn {
  column: Column;
  heading: string;
  /** Printed '(n)' in the numbering row; the forms' instructions cite columns by it ("cột (1)"). */
  number: number;
  width: number;
}

/** One cell of the table header; top/bottom are offsets from the first header row, left/right sheet columns. */
export interface HeaderCell {
  text: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface FormLayout {
  labelColumns: LabelColumn[];
  dataColumns: DataColumn[];
  /** Sheet column (1-based) of the first figure. */
  firstDataColumn: number;
  columnCount: number;
  /** Header rows above the numbering row: one per group level, plus one for the column labels. */
  headerDepth: number;
  headerCells: HeaderCell[];
  headerHeights: number[];
  /** 'Đơn vị tính: Số hồ sơ TTHC' above the table, when the form has one unit. */
  unitLine: string | undefined;
  showUnitColumn: boolean;
}

export const FONT_SIZE = 11;
const LINE_HEIGHT = 15;
const DEFAULT_ROW_HEADING = 'Nội dung';

export function formLayout(ct: CompiledTemplate): FormLayout {
  const file = ct.file;
  const units = new Set(ct.dataRows.map((row) => unitOf(ct, row)));
  const single = units.size === 1 ? [...units][0] : undefined;
  // One unit for every row (Biểu 06: hồ sơ) goes above the table; otherwise each row says its own.
  const showUnitColumn = hasUnitColumn(file);
  const unitOfForm = file.unitOfMeasure ?? (single || undefined);

  const longestLabel = Math.max(...file.rows.map((row) => row.label.length + 3 * (row.indent ?? 0)));
  const labelColumns: LabelColumn[] = [
    { role: 'code', heading: 'STT', marker: 'A', width: clamp(Math.max(...file.rows.map((r) => r.code.length)) + 3, 6, 10) },
    { role: 'label', heading: rowHeading(ct), marker: 'B', width: clamp(longestLabel + 2, 26, 40) },
  ];
  if (showUnitColumn) {
    const longestUnit = Math.max(...[...units].map((u) => u.length));
    labelColumns.push({ role: 'unit', heading: 'Đơn vị tính', marker: 'C', width: clamp(longestUnit + 2, 10, 14) });
  }
  const firstDataColumn = labelColumns.length + 1;
  const dataColumns = ct.columns.map((column, i): DataColumn => ({
    column,
    heading: columnHeading(column),
    number: i + 1,
    width: column.width !== undefined ? clamp(Math.round(column.width / 7), 8, 60) : defaultWidth(column),
  }));
  const headerDepth = Math.max(0, ...ct.columns.map((c) => c.group?.length ?? 0)) + 1;
  const headerCells = [
    ...labelColumns.map((c, i): HeaderCell => ({ text: c.heading, top: 0, bottom: headerDepth - 1, left: i + 1, right: i + 1 })),
    ...groupCells(ct.columns, firstDataColumn),
    ...ct.columns.map((column, i): HeaderCell => ({
      text: dataColumns[i]?.heading ?? column.label,
      top: column.group?.length ?? 0,
      bottom: headerDepth - 1,
      left: firstDataColumn + i,
      right: firstDataColumn + i,
    })),
  ];
  const widths = [...labelColumns.map((c) => c.width), ...dataColumns.map((c) => c.width)];
  return {
    labelColumns,
    dataColumns,
    firstDataColumn,
    columnCount: widths.length,
    headerDepth,
    headerCells,
    headerHeights: headerHeights(headerCells, headerDepth, widths),
    unitLine: unitOfForm === undefined ? undefined : `Đơn vị tính: ${unitOfForm}`,
    showUnitColumn,
  };
}

/**
 * Group labels merged across the adjacent columns that share them, one header row per level:
 * columns i..j share the level-l cell when their groups agree on levels 0..l (a prefix, not a label,
 * so two "Trong đó" under different parents stay apart).
 */
export function groupCells(columns: readonly Column[], firstColumn: number): HeaderCell[] {
  const cells: HeaderCell[] = [];
  const depth = Math.max(0, ...columns.map((c) => c.group?.length ?? 0));
  for (let level = 0; level < depth; level++) {
    let start = 0;
    while (start < columns.length) {
      const prefix = prefixOf(columns[start], level);
      let end = start;
      while (prefix !== undefined && end + 1 < columns.length && prefixOf(columns[end + 1], level) === prefix) end++;
      const text = columns[start]?.group?.[level];
      if (prefix !== undefined && text !== undefined) {
        cells.push({ text, top: level, bottom: level, left: firstColumn + start, right: firstColumn + end });
      }
      start = end + 1;
    }
  }
  return cells;
}

function prefixOf(column: Column | undefined, level: number): string | undefined {
  const group = column?.group;
  return group === undefined || group.length <= level ? undefined : JSON.stringify(group.slice(0, level + 1));
}

/** The row's unit of measure ('' when it has none): its own, else the template default. */
export function unitOf(ct: CompiledTemplate, row: Row): string {
  return unitOfRow(ct.file, row);
}

/**
 * The heading over the row labels ("Lĩnh vực", "Chỉ tiêu"). The template format has no field for it
 * yet; a `rowHeading` string is honoured as soon as one is added, otherwise forms say "Nội dung".
 */
function rowHeading(ct: CompiledTemplate): string {
  const file = ct.file;
  return 'rowHeading' in file && typeof file.rowHeading === 'string' ? file.rowHeading : DEFAULT_ROW_HEADING;
}

/** Percentages are written as numbers (97.5, not 0.975), so the heading carries the '%'. */
function columnHeading(column: Column): string {
  // A column's own unit of measure is printed under its label, as paper forms do.
  if (column.unit) return `${column.label} (${column.unit})`;
  return column.valueType === 'percent' && !column.label.includes('%') ? `${column.label} (%)` : column.label;
}

/** A row label as printed: a percent row without a unit column or a '%' unit says '(%)' itself. */
export function rowLabelText(ct: CompiledTemplate, row: Row, layout: FormLayout): string {
  const valueType = row.valueType ?? ct.file.defaults?.valueType;
  const unitSaysPercent = layout.showUnitColumn && unitOf(ct, row).includes('%');
  return valueType === 'percent' && !unitSaysPercent && !row.label.includes('%') ? `${row.label} (%)` : row.label;
}

/**
 * Excel number format of a cell. A percent keeps its places but not Excel's '%' format, which would
 * multiply 97.5 by 100.
 */
export function numberFormat(spec: Pick<CellSpec, 'valueType' | 'decimals'>): string {
  const places = spec.decimals > 0 ? `.${'0'.repeat(spec.decimals)}` : '';
  switch (spec.valueType) {
    case 'integer':
      return '#,##0';
    case 'decimal':
      return `#,##0${places}`;
    case 'percent':
      return `0${places}`;
    case 'text':
      return '@';
  }
}

/**
 * Lines a wrapped text takes in `width` column units. A unit is the width of a digit of the default
 * font; an average Vietnamese letter of Times New Roman 11 is narrower (about 1.45 per unit, bold about
 * 1.35), less a margin for words that do not fill a line. Generous rather than tight: a row too high
 * wastes a little paper, a row too low hides the end of its label.
 */
export function textLines(text: string, width: number, bold = false): number {
  const perLine = Math.max(4, Math.floor(width * (bold ? 1.35 : 1.45)) - 2);
  return text.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
}

export function heightFor(lines: number): number {
  return lines * LINE_HEIGHT + 4;
}

function headerHeights(cells: readonly HeaderCell[], depth: number, widths: readonly number[]): number[] {
  const heights = Array.from({ length: depth }, () => heightFor(1));
  // Cells one row high first: a cell spanning several rows only adds height the rows lack.
  const byRows = [...cells].sort((a, b) => a.bottom - a.top - (b.bottom - b.top));
  for (const cell of byRows) {
    const width = widths.slice(cell.left - 1, cell.right).reduce((a, b) => a + b, 0);
    const need = heightFor(textLines(cell.text, width, true));
    const rows = heights.slice(cell.top, cell.bottom + 1);
    const have = rows.reduce((a, b) => a + b, 0);
    if (need > have) {
      const extra = (need - have) / rows.length;
      for (let r = cell.top; r <= cell.bottom; r++) heights[r] = (heights[r] ?? 0) + extra;
    }
  }
  return heights.map((h) => Math.round(h));
}

function defaultWidth(column: Column): number {
  const longestWord = Math.max(...columnHeading(column).split(/\s+/).map((w) => w.length));
  return clamp(longestWord + 3, 13, 18);
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}
