// The form as a workbook to fill in Excel or LibreOffice (api.md GET /api/forms/…xlsx): one sheet per
// unit laid out like the grid (the export's header and table), the input cells unlocked and everything
// else protected, computed cells as Excel formulas, and a hidden sheet that says which template
// version, period and units the file is for, and the revision each sheet was made from, so an upload
// can be checked against what it claims to be rather than guessed at.
import ExcelJS from 'exceljs';
import type { Round } from '../../schema/template';
import { type Period, roundsOfPeriod } from '../../domain/periods';
import type { CellValues } from '../../domain/template/cell-key';
import type { CompiledTemplate } from '../../domain/template/types';
import { formLayout, type FormLayout } from '../export/xlsx-layout';
import { ROUND_LABELS } from '../export/xlsx-rounds';
import { textStyle } from '../export/xlsx-styles';
import { createSheetNamer, periodLine } from '../export/xlsx-text';
import { planTable, writeTable } from '../export/xlsx-table';
import { excelFormula } from './excel-formula';

/** The first cell of the hidden sheet: what makes a workbook one of ours. */
export const FORM_MARKER = 'lang-son-reporting/form-workbook';
export const FORM_FORMAT = 1;
export const ID_SHEET = '_bieu_mau';
/** The table's first header row; rows above hold the title, period, unit and how to fill in. */
export const TABLE_TOP = 6;

export interface FormSheetData {
  unit: { code: string; name: string };
  revision: number;
  /** Inputs and computed cells, as the report shows them. */
  values: CellValues;
}

export interface FormWorkbookData {
  compiled: CompiledTemplate;
  period: Period;
  /** The unit of the URL: the unit itself, or the head's unit whose units below have a sheet each. */
  unitCode: string;
  scope: 'unit' | 'below';
  /** The round the figures are entered for (issue 11): recorded on the hidden sheet, so an upload into the other round is refused. */
  round: Round;
  sheets: FormSheetData[];
  /**
   * The rows each open list offers on the sheets (the items held plus blank ones), by list row code, as
   * `compiled` writes them out; recorded in the hidden sheet so that an upload is read on the same rows.
   */
  openRows?: ReadonlyMap<string, number>;
  now: Date;
}

/** Where each template cell sits on a form sheet (1-based sheet row and column). */
export interface FormGeometry {
  layout: FormLayout;
  /** Sheet row of each template row (header rows included), by row code. */
  rowOf: Map<string, number>;
  /** Sheet column of each data column, by key. */
  colOf: Map<string, number>;
}

export function formGeometry(ct: CompiledTemplate): FormGeometry {
  const layout = formLayout(ct);
  const first = TABLE_TOP + layout.headerDepth + 1;
  const rowOf = new Map(ct.file.rows.map((r, i) => [r.code, first + i]));
  const colOf = new Map(ct.columns.map((c, i) => [c.key, layout.firstDataColumn + i]));
  return { layout, rowOf, colOf };
}

export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export async function writeFormWorkbook(data: FormWorkbookData): Promise<Buffer> {
  const { compiled: ct } = data;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Hệ thống báo cáo tỉnh Lạng Sơn';
  workbook.created = data.now;
  workbook.modified = data.now;
  const geometry = formGeometry(ct);
  const plan = planTable(ct, geometry.layout);
  const sheetName = createSheetNamer([ID_SHEET]);
  const names: string[] = [];
  for (const sheet of data.sheets) {
    const name = sheetName({ ...sheet.unit, level: 'commune', parentCode: null });
    names.push(name);
    const ws = workbook.addWorksheet(name, {
      views: [{ state: 'frozen', xSplit: geometry.layout.firstDataColumn - 1, ySplit: TABLE_TOP + geometry.layout.headerDepth }],
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    ws.columns = [...geometry.layout.labelColumns, ...geometry.layout.dataColumns].map((c) => ({ width: c.width }));
    writeHeading(ws, data, sheet, geometry.layout.columnCount);
    writeTable(ws, plan, sheet.values, TABLE_TOP);
    markCells(ws, ct, geometry, sheet.values);
    // No password: protection here keeps the layout from being broken by a slip, it is not security
    // (the server checks every uploaded figure anyway).
    await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  writeIdentity(workbook, data, names);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeHeading(ws: ExcelJS.Worksheet, data: FormWorkbookData, sheet: FormSheetData, columns: number): void {
  const file = data.compiled.file;
  const line = (row: number, text: string, style: Partial<ExcelJS.Style>) => {
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.style = style;
    if (columns > 1) ws.mergeCells(row, 1, row, columns);
  };
  line(1, `${file.formNumber} — ${file.title}`, textStyle({ bold: true, size: 13, horizontal: 'left', wrap: true }));
  // A form with a preliminary round says which round this workbook is for, as the Excel package does.
  const round = data.round !== 'official' || roundsOfPeriod(file, data.period.id).includes('preliminary') ? ` (${ROUND_LABELS[data.round]})` : '';
  line(2, `Kỳ báo cáo: ${data.period.label} ${periodLine(data.period)}${round}`, textStyle({ horizontal: 'left' }));
  line(3, `Đơn vị: ${sheet.unit.code} ${sheet.unit.name}`, textStyle({ bold: true, horizontal: 'left' }));
  // Open lists: each item on a row of its own, into the blank rows; more rows come with a new download.
  const lists = data.openRows && data.openRows.size > 0
    ? ' Danh sách: mỗi mục một dòng, nhập vào các dòng trống; cần thêm dòng thì tải tệp lên rồi tải lại biểu mẫu, không chèn dòng.'
    : '';
  line(
    4,
    `Nhập số liệu vào các ô trắng; ô tô màu được tính tự động hoặc không áp dụng. Giữ nguyên bố cục và trang ẩn, rồi tải tệp lên ở trang biểu mẫu.${lists}`,
    textStyle({ italic: true, size: 9, horizontal: 'left', wrap: true }),
  );
  ws.getRow(1).height = 36;
  ws.getRow(4).height = lists ? 40 : 28;
}

/** Unlocks the input cells and turns computed cells into formulas (keeping the server's figure as the cached result). */
function markCells(ws: ExcelJS.Worksheet, ct: CompiledTemplate, g: FormGeometry, values: CellValues): void {
  const addressOf = (row: string, col: string) => {
    const r = g.rowOf.get(row);
    const c = g.colOf.get(col);
    return r === undefined || c === undefined || !ct.cell(row, col) ? undefined : `${columnLetters(c)}${r}`;
  };
  for (const spec of ct.cells) {
    const r = g.rowOf.get(spec.row);
    const c = g.colOf.get(spec.col);
    if (r === undefined || c === undefined) continue;
    const cell = ws.getCell(r, c);
    // Styles are shared between cells: give the cell its own copy before changing its protection.
    if (spec.kind === 'input') cell.style = { ...cell.style, protection: { locked: false } };
    if (spec.kind !== 'computed') continue;
    const expr = ct.formulaOf(spec.key);
    const formula = expr ? excelFormula(ct, expr, spec, addressOf) : undefined;
    if (formula === undefined) continue;
    const value = values.get(spec.key);
    const result = typeof value === 'number' ? Number(value.toFixed(Math.min(10, spec.decimals + 2))) : (value ?? '');
    cell.value = { formula, result } as ExcelJS.CellFormulaValue;
  }
}

/**
 * The hidden sheet: marker, template, version, period, unit, scope and round, a line per open list with
 * the rows the sheets offer it ("list", row code, rows), then one line per form sheet.
 */
function writeIdentity(workbook: ExcelJS.Workbook, data: FormWorkbookData, names: string[]): void {
  const ws = workbook.addWorksheet(ID_SHEET, { state: 'hidden' });
  const file = data.compiled.file;
  ws.addRows([
    [FORM_MARKER, FORM_FORMAT],
    ['template', file.id],
    ['version', file.version],
    ['period', data.period.id],
    ['unit', data.unitCode],
    ['scope', data.scope],
    ['round', data.round],
    ['generated', data.now.toISOString()],
    ...[...(data.openRows ?? [])].map(([code, rows]) => ['list', code, rows]),
    ['sheet', 'unit', 'revision'],
    ...data.sheets.map((s, i) => [names[i]!, s.unit.code, s.revision]),
  ]);
  ws.getColumn(1).width = 30;
}
