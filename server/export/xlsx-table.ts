// The table of a form sheet: the nested header, the numbering row, then one sheet row per template row.
// Everything but the figures comes from the template, so it is planned once per workbook and every
// sheet (one per unit, thousands in a national package) only adds its values.
import type ExcelJS from 'exceljs';
import type { CellValues } from '../../domain/template/cell-key';
import type { CellSpec, CompiledTemplate } from '../../domain/template/types';
import { heightFor, numberFormat, rowLabelText, textLines, unitOf, type FormLayout } from './xlsx-layout';
import { headerStyle, rowTextStyle, valueStyle } from './xlsx-styles';

type Style = Partial<ExcelJS.Style>;

interface PlannedCell {
  style: Style;
  /** The text of a code, label or unit cell. */
  text?: string;
  /** The cell whose value a figure cell shows; absent for label and disabled cells. */
  spec?: CellSpec;
}

interface PlannedRow {
  cells: PlannedCell[];
  height: number;
  /** A section heading spans from its label to the last column. */
  isSection: boolean;
}

export interface TablePlan {
  layout: FormLayout;
  rows: PlannedRow[];
}

export function planTable(ct: CompiledTemplate, layout: FormLayout): TablePlan {
  const rows = ct.file.rows.map((row, i): PlannedRow => {
    const label = rowLabelText(ct, row, layout);
    const indent = row.indent ?? 0;
    if (row.header) {
      const width = [...layout.labelColumns.slice(1), ...layout.dataColumns].reduce((sum, c) => sum + c.width, 0);
      const style = rowTextStyle({ bold: true, horizontal: 'left', indent });
      const cells: PlannedCell[] = [
        { style: rowTextStyle({ bold: true, horizontal: 'center' }), text: row.code },
        { style, text: label },
        ...Array.from({ length: layout.columnCount - 2 }, () => ({ style })),
      ];
      return { cells, height: heightFor(textLines(label, width, true)), isSection: true };
    }
    // A row whose next row is indented under it is a total or a parent: bold, as forms print them.
    const next = ct.file.rows[i + 1];
    const bold = next !== undefined && (next.indent ?? 0) > indent;
    const cells: PlannedCell[] = [
      { style: rowTextStyle({ bold, horizontal: 'center' }), text: row.code },
      { style: rowTextStyle({ bold, horizontal: 'left', indent }), text: label },
    ];
    if (layout.showUnitColumn) cells.push({ style: rowTextStyle({ bold, horizontal: 'center' }), text: unitOf(ct, row) });
    for (const { column } of layout.dataColumns) {
      const spec = ct.cell(row.code, column.key);
      const style = valueStyle({ kind: spec?.kind, numFmt: spec ? numberFormat(spec) : 'General', bold });
      cells.push(spec === undefined || spec.kind === 'disabled' ? { style } : { style, spec });
    }
    // Each level of indentation takes about two units of the label column.
    const labelWidth = (layout.labelColumns[1]?.width ?? 30) - 2 * indent;
    return { cells, height: heightFor(textLines(label, labelWidth, bold)), isSection: false };
  });
  return { layout, rows };
}

/** Writes the table from `top` down and returns the last sheet row it used. */
export function writeTable(sheet: ExcelJS.Worksheet, plan: TablePlan, values: CellValues, top: number): number {
  const { layout } = plan;
  writeHeader(sheet, layout, top);
  let r = top + layout.headerDepth + 1;
  for (const planned of plan.rows) {
    const row = sheet.getRow(r);
    row.height = planned.height;
    planned.cells.forEach((p, i) => {
      const cell = row.getCell(i + 1);
      cell.style = p.style;
      if (p.text !== undefined && p.text !== '') cell.value = p.text;
      else if (p.spec !== undefined) cell.value = figure(values.get(p.spec.key), p.spec);
    });
    if (planned.isSection) sheet.mergeCells(r, 2, r, layout.columnCount);
    r++;
  }
  return r - 1;
}

function writeHeader(sheet: ExcelJS.Worksheet, layout: FormLayout, top: number): void {
  // Every cell of the header area gets borders, including the cells a merge covers.
  for (let r = 0; r <= layout.headerDepth; r++) {
    const style = headerStyle({ italic: r === layout.headerDepth });
    for (let c = 1; c <= layout.columnCount; c++) sheet.getCell(top + r, c).style = style;
  }
  for (const cell of layout.headerCells) {
    sheet.getCell(top + cell.top, cell.left).value = cell.text;
    if (cell.bottom > cell.top || cell.right > cell.left) sheet.mergeCells(top + cell.top, cell.left, top + cell.bottom, cell.right);
  }
  layout.headerHeights.forEach((height, r) => (sheet.getRow(top + r).height = height));
  const numbering = top + layout.headerDepth;
  layout.labelColumns.forEach((c, i) => (sheet.getCell(numbering, i + 1).value = c.marker));
  layout.dataColumns.forEach((c, i) => (sheet.getCell(numbering, layout.firstDataColumn + i).value = `(${c.number})`));
}

/**
 * Figures go in as numbers, never as text, even when a store handed back a numeric string; rounded to
 * the row's precision (integer, or its decimal places), so a sum's float noise (400.46999999999997)
 * never reaches the workbook: the cell holds what the screen and the number format show.
 */
function figure(value: number | string | undefined, spec: Pick<CellSpec, 'valueType' | 'decimals'>): number | string | null {
  if (value === undefined || value === '') return null;
  if (spec.valueType === 'text') return value;
  const n = typeof value === 'number' ? value : Number(value);
  if (typeof value === 'string' && (value.trim() === '' || !Number.isFinite(n))) return value;
  return roundTo(n, spec.valueType === 'integer' ? 0 : spec.decimals);
}

function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  // Rounds halves away from zero on the decimal value, not its binary neighbour (1.005 → 1.01).
  const rounded = Math.sign(value) * Math.round(Number((Math.abs(value) * scale).toPrecision(15))) / scale;
  return Object.is(rounded, -0) ? 0 : rounded;
}
