// The table of a form sheet: the nested header, the numbering row, then one sheet row per template row.
import type ExcelJS from 'exceljs';
import type { Row } from '../../schema/template';
import { cellKey, type CellValues } from '../domain/template/cell-key';
import type { CompiledTemplate } from '../domain/template/types';
import { heightFor, numberFormat, rowLabelText, textLines, unitOf, type FormLayout } from './xlsx-layout';
import { headerStyle, rowTextStyle, valueStyle } from './xlsx-styles';

interface Table {
  ct: CompiledTemplate;
  layout: FormLayout;
  values: CellValues;
  /** Sheet row of the first header row. */
  headerTop: number;
}

/** Writes the table from `headerTop` down and returns the last sheet row it used. */
export function writeTable(sheet: ExcelJS.Worksheet, table: Table): number {
  const { ct, layout, headerTop } = table;
  writeHeader(sheet, layout, headerTop);
  let row = headerTop + layout.headerDepth + 1;
  ct.file.rows.forEach((templateRow, i) => {
    const next = ct.file.rows[i + 1];
    // A row whose next row is indented under it is a total or a parent: bold, as forms print them.
    const isParent = next !== undefined && (next.indent ?? 0) > (templateRow.indent ?? 0);
    if (templateRow.header) writeHeaderRow(sheet, row, ct, templateRow, layout);
    else writeDataRow(sheet, row, table, templateRow, isParent);
    row++;
  });
  return row - 1;
}

function writeHeader(sheet: ExcelJS.Worksheet, layout: FormLayout, top: number): void {
  // Every cell of the header area gets borders, including the cells a merge covers.
  for (let r = 0; r <= layout.headerDepth; r++) {
    for (let c = 1; c <= layout.columnCount; c++) sheet.getCell(top + r, c).style = headerStyle({ italic: r === layout.headerDepth });
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

/** A section heading ("I. HẠ TẦNG KỸ THUẬT"): its code, then its label across the whole table. */
function writeHeaderRow(sheet: ExcelJS.Worksheet, row: number, ct: CompiledTemplate, templateRow: Row, layout: FormLayout): void {
  const code = sheet.getCell(row, 1);
  code.value = templateRow.code;
  code.style = rowTextStyle({ bold: true, horizontal: 'center' });
  for (let c = 2; c <= layout.columnCount; c++) {
    sheet.getCell(row, c).style = rowTextStyle({ bold: true, horizontal: 'left', indent: templateRow.indent });
  }
  const label = rowLabelText(ct, templateRow, layout);
  sheet.getCell(row, 2).value = label;
  sheet.mergeCells(row, 2, row, layout.columnCount);
  const width = layout.dataColumns.reduce((sum, c) => sum + c.width, layout.labelColumns.slice(1).reduce((s, c) => s + c.width, 0));
  sheet.getRow(row).height = heightFor(textLines(label, width));
}

function writeDataRow(sheet: ExcelJS.Worksheet, row: number, table: Table, templateRow: Row, bold: boolean): void {
  const { ct, layout, values } = table;
  const indent = templateRow.indent ?? 0;
  const label = rowLabelText(ct, templateRow, layout);
  const texts: string[] = [templateRow.code, label];
  if (layout.showUnitColumn) texts.push(unitOf(ct, templateRow));
  texts.forEach((text, i) => {
    const cell = sheet.getCell(row, i + 1);
    cell.value = text === '' ? null : text;
    cell.style = rowTextStyle({ bold, horizontal: i === 1 ? 'left' : 'center', indent: i === 1 ? indent : 0 });
  });
  layout.dataColumns.forEach((dataColumn, i) => {
    const cell = sheet.getCell(row, layout.firstDataColumn + i);
    const spec = ct.cell(templateRow.code, dataColumn.column.key);
    const kind = spec?.kind;
    cell.style = valueStyle({ kind, numFmt: spec ? numberFormat(spec) : 'General', bold });
    if (spec === undefined || kind === 'disabled') return;
    const value = values.get(cellKey(spec.row, spec.col));
    cell.value = value === undefined ? null : asCellValue(value, spec.valueType === 'text');
  });
  const labelColumn = layout.labelColumns[1];
  // Indentation takes about three characters of the label column per level.
  const lines = labelColumn === undefined ? 1 : textLines(label, labelColumn.width - 3 * indent);
  sheet.getRow(row).height = heightFor(lines);
}

/** Figures go in as numbers, never as text, even when a store handed back a numeric string. */
function asCellValue(value: number | string, isText: boolean): number | string {
  if (isText || typeof value === 'number') return value;
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) ? n : value;
}
