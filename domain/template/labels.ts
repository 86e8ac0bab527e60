// How messages name rows, columns and cells: by the labels the officer sees in the grid.
import type { Row, TemplateFile } from '../../schema/template';
import type { CompiledTemplate } from './types';

export function rowLabel(ct: CompiledTemplate, code: string): string {
  return ct.row(code)?.label ?? code;
}

/**
 * A column's label; when several columns share it (Biểu 06 has three "Tổng số"), the innermost header
 * group is added so the officer knows which one is meant.
 */
export function columnLabel(ct: CompiledTemplate, key: string): string {
  const column = ct.column(key);
  if (column === undefined) return key;
  const shared = ct.columns.some((c) => c.key !== key && c.label === column.label);
  const group = column.group?.[column.group.length - 1];
  return shared && group !== undefined ? `${column.label} (${group})` : column.label;
}

/** 'Dòng "Hộ tịch", cột "Trực tuyến"' */
export function cellLabel(ct: CompiledTemplate, row: string, col: string): string {
  return `Dòng "${rowLabel(ct, row)}", cột "${columnLabel(ct, col)}"`;
}

/** A row's unit of measure: its own, else the template's default; a section header row has none. */
export function unitOfRow(file: Pick<TemplateFile, 'defaults'>, row: Row): string {
  return row.header ? '' : (row.unit ?? file.defaults?.unit ?? '');
}

/**
 * Whether a form needs a unit column: only when its rows differ in unit. One unit for every row
 * (Biểu 06: hồ sơ) is printed once above the table instead, in the grid as in the workbook.
 */
export function hasUnitColumn(file: Pick<TemplateFile, 'defaults' | 'rows'>): boolean {
  return new Set(file.rows.filter((r) => !r.header).map((r) => unitOfRow(file, r))).size > 1;
}
