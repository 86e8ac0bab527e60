// Reads back a form workbook (as this server wrote it, or after Excel or LibreOffice saved it again):
// which form it claims to be, from its hidden sheet, and the figures in its input cells. A file without
// that sheet, or whose sheets no longer have the form's rows where they were, is refused, never guessed at.
import ExcelJS from 'exceljs';
import type { CellValue } from '../../schema/api';
import { ROUNDS, type Round, type Row } from '../../schema/template';
import type { CompiledTemplate } from '../../domain/template/types';
import { unprocessable } from '../errors';
import { FORM_MARKER, formGeometry, ID_SHEET } from './form-workbook';

export interface WorkbookIdentity {
  template: string;
  version: number;
  period: string;
  unit: string;
  scope: 'unit' | 'below';
  /** The rows the sheets offer each open list, by list row code (none: the lists were not written out). */
  openRows: Map<string, number>;
  /** The round the workbook was downloaded for; official for a workbook made before rounds were recorded. */
  round: Round;
  sheets: { name: string; unit: string; revision: number }[];
}

export interface UploadedSheet {
  unit: string;
  revision: number;
  /** Every input cell of the form: its figure, or null when blank. */
  inputs: { row: string; col: string; value: CellValue | null }[];
}

const refuse = (code: 'not-a-workbook' | 'foreign-workbook', message: string) => unprocessable(code, message, []);

export async function openWorkbook(bytes: ArrayBuffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes);
  } catch {
    throw refuse('not-a-workbook', 'Tệp tải lên không phải tệp Excel (.xlsx) đọc được. (The file is not a readable .xlsx workbook.)');
  }
  return workbook;
}

export function identify(workbook: ExcelJS.Workbook): WorkbookIdentity {
  const ws = workbook.getWorksheet(ID_SHEET);
  const foreign = () =>
    refuse(
      'foreign-workbook',
      'Tệp này không phải biểu mẫu tải từ hệ thống (không có trang nhận dạng biểu mẫu), nên không đọc được số liệu. Hãy tải biểu mẫu Excel từ trang báo cáo rồi nhập vào đó. (This workbook was not downloaded from the system.)',
    );
  if (!ws || text(ws.getCell(1, 1).value) !== FORM_MARKER) throw foreign();
  const field = new Map<string, string>();
  const openRows = new Map<string, number>();
  let r = 2;
  for (; r <= ws.rowCount; r++) {
    const key = text(ws.getCell(r, 1).value);
    if (key === 'sheet') break;
    if (key === 'list') {
      const rows = Number(text(ws.getCell(r, 3).value));
      if (!Number.isInteger(rows) || rows < 0) throw foreign();
      openRows.set(text(ws.getCell(r, 2).value), rows);
    } else field.set(key, text(ws.getCell(r, 2).value));
  }
  const sheets: WorkbookIdentity['sheets'] = [];
  for (r++; r <= ws.rowCount; r++) {
    const name = text(ws.getCell(r, 1).value);
    if (name === '') continue;
    sheets.push({ name, unit: text(ws.getCell(r, 2).value), revision: Number(text(ws.getCell(r, 3).value)) });
  }
  const version = Number(field.get('version'));
  const scope = field.get('scope');
  const round = (field.get('round') || 'official') as Round;
  if (!ROUNDS.includes(round)) throw foreign();
  if (!field.get('template') || !Number.isInteger(version) || !field.get('period') || !field.get('unit') || (scope !== 'unit' && scope !== 'below') || sheets.length === 0) {
    throw foreign();
  }
  if (sheets.some((s) => !Number.isInteger(s.revision) || s.revision < 0 || !workbook.getWorksheet(s.name))) throw foreign();
  return { template: field.get('template')!, version, period: field.get('period')!, unit: field.get('unit')!, scope, round, openRows, sheets };
}

/**
 * The input cells of each form sheet the identity lists, after checking the rows are still where the form
 * has them. `ct` is the form as the workbook wrote it out (its open lists with the rows the identity names).
 */
export function readSheets(workbook: ExcelJS.Workbook, identity: WorkbookIdentity, ct: CompiledTemplate): UploadedSheet[] {
  const g = formGeometry(ct);
  return identity.sheets.map((s) => {
    const ws = workbook.getWorksheet(s.name)!;
    for (const row of ct.file.rows) {
      const at = g.rowOf.get(row.code)!;
      if (text(ws.getCell(at, 1).value) !== row.code) throw moved(s.name, at, row, ct);
    }
    // Below the table is outside the form (locked unless the protection was lifted): a figure typed
    // there, a list item past the rows offered, would be lost, so the file is refused rather than read in part.
    const end = Math.max(...g.rowOf.values());
    for (let r = end + 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      for (let c = 1; c <= Math.max(row.cellCount, g.layout.columnCount); c++) {
        if (cellValue(row.getCell(c).value) !== null) throw outside(s.name, r, ct);
      }
    }
    const inputs = ct.inputCells.map((spec) => {
      const value = cellValue(ws.getCell(g.rowOf.get(spec.row)!, g.colOf.get(spec.col)!).value);
      // A text cell keeps what was typed: "12" in the column "Loại" is a word, not a figure.
      return { row: spec.row, col: spec.col, value: spec.valueType === 'text' && typeof value === 'number' ? String(value) : value };
    });
    return { unit: s.unit, revision: s.revision, inputs };
  });
}

/** The refusal of a sheet whose rows were moved, inserted or deleted; a list's says how to get more rows. */
function moved(sheet: string, at: number, row: Row, ct: CompiledTemplate) {
  const list = row.partOf === undefined ? undefined : ct.file.rows.find((r) => r.code === row.partOf && r.openList);
  const what = list ? `"${row.label}" của danh sách "${list.label}" (mã ${row.code})` : `chỉ tiêu mã "${row.code}"`;
  const tail = list
    ? ' Cần thêm dòng cho danh sách thì nhập vào các dòng trống có sẵn, tải tệp lên, rồi tải lại biểu mẫu để có thêm dòng trống. (The sheet\'s rows were moved; for more list rows than the workbook offers, upload it and download the form again.)'
    : ' (The sheet\'s rows were moved.)';
  return refuse('foreign-workbook', `Trang "${sheet}" đã bị thay đổi bố cục: dòng ${at} phải là ${what}. Hãy nhập số liệu vào biểu mẫu gốc, không chèn hay xóa dòng.${tail}`);
}

function outside(sheet: string, at: number, ct: CompiledTemplate) {
  const lists = ct.file.rows.some((r) => r.openList);
  return refuse(
    'foreign-workbook',
    `Trang "${sheet}" có số liệu ở dòng ${at}, ngoài bảng của biểu mẫu; không nhận vì phần đó sẽ bị bỏ qua.${lists ? ' Cần thêm dòng cho danh sách thì nhập vào các dòng trống có sẵn, tải tệp lên, rồi tải lại biểu mẫu để có thêm dòng trống.' : ''} (Row ${at} is below the form's table.)`,
  );
}

/** A cell's figure: a number as a number, a formula by its result, text trimmed (a numeric text as the number). */
export function cellValue(v: ExcelJS.CellValue): CellValue | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') return null;
    return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s;
  }
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: ExcelJS.CellValue }).result;
    return result === undefined || (typeof result === 'object' && result !== null && 'error' in result) ? null : cellValue(result);
  }
  if ('richText' in v) return cellValue(v.richText.map((p) => p.text).join(''));
  if ('text' in v && typeof v.text === 'string') return cellValue(v.text);
  return null;
}

/** A cell as text, codes kept as written ('05971' stays '05971'). */
function text(v: ExcelJS.CellValue): string {
  if (typeof v === 'string') return v.trim();
  if (v !== null && typeof v === 'object' && 'richText' in v) return v.richText.map((p) => p.text).join('').trim();
  const c = cellValue(v);
  return c === null ? '' : String(c).trim();
}
