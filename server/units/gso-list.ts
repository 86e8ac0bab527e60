// Reads an official unit list in the column layout of the GSO lists (Tổng cục Thống kê): CSV or XLSX,
// with district columns before the reform and a "Sáp nhập từ" column after it.
import ExcelJS from 'exceljs';
import type { Issue } from '../../schema/api';

export interface MergedFrom {
  code: string;
  name: string;
  share: 'full' | 'partial';
}

export interface ListRow {
  /** 1-based line of the file (the header is line 1). */
  line: number;
  province: { code: string; name: string };
  district?: { code: string; name: string };
  commune: { code: string; name: string; kind: string };
  /** Only in lists with the "Sáp nhập từ" column. */
  mergedFrom?: MergedFrom[];
}

export interface ParsedList {
  rows: ListRow[];
  hasDistricts: boolean;
  hasMergers: boolean;
}

const COLUMNS = {
  provinceName: 'Tỉnh Thành Phố',
  provinceCode: 'Mã TP',
  districtName: 'Quận Huyện',
  districtCode: 'Mã QH',
  communeName: 'Phường Xã',
  communeCode: 'Mã PX',
  kind: 'Cấp',
  merged: 'Sáp nhập từ',
} as const;

export class ListError extends Error {
  constructor(
    message: string,
    readonly issues: Issue[],
  ) {
    super(message);
  }
}

/** The table of a CSV (RFC 4180 quoting, a BOM tolerated) or of the first sheet of an XLSX file. */
export async function readTable(body: Uint8Array): Promise<string[][]> {
  const isZip = body[0] === 0x50 && body[1] === 0x4b;
  if (!isZip) return parseCsv(new TextDecoder('utf-8').decode(body));
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(body) as unknown as ArrayBuffer);
  } catch {
    throw new ListError('Tệp XLSX không đọc được.', [{ row: '', col: '', code: 'unreadable-file', message: 'Tệp XLSX không đọc được.' }]);
  }
  const sheet = workbook.worksheets[0];
  const out: string[][] = [];
  sheet?.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    out.push(cells);
  });
  return out;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  return String(value);
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f.trim() !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f.trim() !== '')) rows.push(row);
  return rows;
}

/** The rows of a list, checked: every problem is reported at once with its line, nothing is half read. */
export function parseList(table: string[][]): ParsedList {
  const [header, ...body] = table;
  const issues: Issue[] = [];
  const at = (name: string) => (header ?? []).findIndex((h) => h.trim().startsWith(name));
  const idx = Object.fromEntries(Object.entries(COLUMNS).map(([k, name]) => [k, at(name)])) as Record<keyof typeof COLUMNS, number>;
  for (const key of ['provinceName', 'provinceCode', 'communeName', 'communeCode', 'kind'] as const) {
    if (idx[key] < 0) issues.push({ row: '1', col: COLUMNS[key], code: 'missing-column', message: `Thiếu cột "${COLUMNS[key]}" ở dòng tiêu đề.` });
  }
  const hasDistricts = idx.districtCode >= 0 && idx.districtName >= 0;
  const hasMergers = idx.merged >= 0;
  if (issues.length > 0) throw new ListError('Tệp không theo mẫu danh mục đơn vị hành chính của Tổng cục Thống kê.', issues);
  const rows: ListRow[] = [];
  const seen = new Map<string, number>();
  body.forEach((fields, i) => {
    const line = i + 2;
    const get = (k: keyof typeof COLUMNS) => (idx[k] >= 0 ? (fields[idx[k]] ?? '').trim() : '');
    const bad = (col: string, message: string) => issues.push({ row: String(line), col, code: 'invalid-row', message: `Dòng ${line}: ${message}` });
    const communeCode = get('communeCode');
    const provinceCode = get('provinceCode');
    if (!/^\d{2}$/.test(provinceCode)) bad(COLUMNS.provinceCode, `mã tỉnh "${provinceCode}" phải có 2 chữ số.`);
    if (!/^\d{5}$/.test(communeCode)) bad(COLUMNS.communeCode, `mã xã "${communeCode}" phải có 5 chữ số.`);
    if (!get('communeName')) bad(COLUMNS.communeName, 'thiếu tên xã.');
    if (!get('provinceName')) bad(COLUMNS.provinceName, 'thiếu tên tỉnh.');
    const districtCode = get('districtCode');
    if (hasDistricts && !/^\d{3}$/.test(districtCode)) bad(COLUMNS.districtCode, `mã huyện "${districtCode}" phải có 3 chữ số.`);
    const first = seen.get(communeCode);
    if (first !== undefined) bad(COLUMNS.communeCode, `mã xã ${communeCode} đã có ở dòng ${first}.`);
    seen.set(communeCode, line);
    let mergedFrom: MergedFrom[] | undefined;
    if (hasMergers) {
      mergedFrom = [];
      for (const part of get('merged').split(';').map((p) => p.trim()).filter(Boolean)) {
        const [code, name, share] = part.split(':').map((p) => p.trim());
        if (!code || !/^\d{5}$/.test(code) || !name || (share !== 'toàn bộ' && share !== 'một phần')) {
          bad(COLUMNS.merged, `"${part}" phải viết "mã: tên: toàn bộ" hoặc "mã: tên: một phần".`);
          continue;
        }
        mergedFrom.push({ code, name, share: share === 'toàn bộ' ? 'full' : 'partial' });
      }
    }
    rows.push({
      line,
      province: { code: provinceCode, name: get('provinceName') },
      ...(hasDistricts ? { district: { code: districtCode, name: get('districtName') } } : {}),
      commune: { code: communeCode, name: get('communeName'), kind: get('kind') },
      ...(mergedFrom ? { mergedFrom } : {}),
    });
  });
  if (rows.length === 0) issues.push({ row: '2', col: '', code: 'empty-list', message: 'Tệp không có đơn vị nào.' });
  if (issues.length > 0) throw new ListError(`Tệp có ${issues.length} lỗi; chưa nạp gì.`, issues);
  return { rows, hasDistricts, hasMergers };
}

/** The kind word at the start of a province or district name: Tỉnh, Thành phố, Quận, Huyện, Thị xã. */
export function kindOf(name: string, kinds: readonly string[]): string {
  return kinds.find((k) => name.startsWith(`${k} `)) ?? kinds[0]!;
}
