// How messages name rows, columns and cells: by the labels the officer sees in the grid.
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
