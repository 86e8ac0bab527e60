// The Excel package, read back with exceljs: the paper-form layout, figures as numbers with the
// template's formats, one sheet per reporting unit, and byte-identical output for the same input.
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cellKey } from '../../../domain/template/cell-key';
import { writeWorkbook } from '../../../server/export/xlsx';
import { COMPUTED_FILL, DISABLED_FILL } from '../../../server/export/xlsx-styles';
import { bieu06Data, nestedData, NOW } from './export-fixtures';

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its argument as its own `Buffer extends ArrayBuffer`: hand it a copied ArrayBuffer.
  await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}; have ${workbook.worksheets.map((s) => s.name).join(', ')}`);
  return sheet;
}

/** Every non-empty cell as address → value, for comparing whole sheets. */
function contents(sheet: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  sheet.eachRow((row) => row.eachCell((cell) => (out[cell.address] = cell.value)));
  return out;
}

function texts(sheet: ExcelJS.Worksheet): string[] {
  return Object.values(contents(sheet)).filter((v): v is string => typeof v === 'string');
}

function fillColor(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill;
  return fill?.type === 'pattern' ? fill.fgColor?.argb : undefined;
}

describe('writeWorkbook: Biểu số 06/VPCP/KSTT for the province', () => {
  const data = bieu06Data();
  let workbook: ExcelJS.Workbook;
  let summary: ExcelJS.Worksheet;
  beforeAll(async () => {
    workbook = await read(await writeWorkbook(data, NOW));
    summary = sheetOf(workbook, 'Tổng hợp');
  });

  it('names the roll-up sheet first, then one sheet per reporting unit: code and short name', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', '05977 Đông Kinh', '06001 Đoàn Kết', '05983 Lương Văn Tri']);
  });

  it('heads the form like the paper one: authority top-left, form number top-right, title, period, unit', () => {
    expect(summary.getCell('A1').value).toBe('UBND TỈNH LẠNG SƠN');
    expect(summary.getCell('A2').value).toBe('Mã đơn vị: 20');
    const formNumber = summary.getRow(1).values as unknown[];
    const at = formNumber.indexOf('Biểu số 06/VPCP/KSTT');
    expect(at).toBeGreaterThan(2);
    expect(summary.getCell(1, 13).master.address).toBe(summary.getCell(1, at).address);
    expect(summary.getCell('A4').value).toBe('Tình hình, kết quả giải quyết TTHC tại cơ quan, đơn vị trực tiếp giải quyết TTHC');
    expect(summary.getCell('A4').font.bold).toBe(true);
    expect(summary.getCell('A4').alignment.horizontal).toBe('center');
    expect(summary.model.merges).toContain('A4:M4');
    expect(summary.getCell('A5').value).toBe('Kỳ báo cáo: Quý I/2025');
    expect(summary.getCell('A6').value).toBe('(Từ ngày 15/12/2024 đến ngày 14/03/2025)');
    expect(texts(summary)).toContain('Đơn vị tính: Số hồ sơ TTHC');
  });

  it('merges the three header groups, "Trong đó" under the first, and stretches single labels down', () => {
    const merges = summary.model.merges;
    expect(merges).toEqual(
      expect.arrayContaining(['A8:A10', 'B8:B10', 'C8:F8', 'D9:F9', 'C9:C10', 'G8:J8', 'G9:G10', 'J9:J10', 'K8:M8', 'M9:M10']),
    );
    expect(summary.getCell('A8').value).toBe('STT');
    expect(summary.getCell('B8').value).toBe('Nội dung');
    expect(summary.getCell('C8').value).toBe('Số hồ sơ nhận giải quyết');
    expect(summary.getCell('D9').value).toBe('Trong đó');
    expect(summary.getCell('C9').value).toBe('Tổng số');
    expect(summary.getCell('D10').value).toBe('Trực tuyến');
    expect(summary.getCell('E10').value).toBe('Trực tiếp và dịch vụ bưu chính');
    expect(summary.getCell('K8').value).toBe('Số hồ sơ đang giải quyết');
    expect(summary.getCell('D10').border.top?.style).toBe('thin');
  });

  it('numbers the columns under the header as the instructions cite them: A, B, then (1) … (11)', () => {
    const numbering = summary.getRow(11).values as unknown[];
    expect(numbering.slice(1)).toEqual(['A', 'B', ...Array.from({ length: 11 }, (_, i) => `(${i + 1})`)]);
  });

  it('writes figures as numbers in the template order of rows, with the integer format', () => {
    expect(summary.getCell('A12').value).toBe('TC');
    expect(summary.getCell('B12').value).toBe('Tổng cộng');
    expect(summary.getCell('C12').value).toBe(1768 + 3500 + 104);
    expect(summary.getCell('A13').value).toBe('01');
    expect(summary.getCell('B13').value).toBe('Hộ tịch');
    expect(summary.getCell('C13').value).toBe(1768);
    expect(summary.getCell('D13').value).toBe(1350);
    expect(summary.getCell('M13').value).toBe(2);
    expect(summary.getCell('C14').value).toBe(3500);
    expect(summary.getCell('C16').value).toBeNull();
    for (const address of ['C12', 'C13', 'D13', 'M13', 'C14']) {
      expect(typeof summary.getCell(address).value, address).toBe('number');
      expect(summary.getCell(address).numFmt, address).toBe('#,##0');
    }
    expect(summary.getCell('B13').alignment.indent).toBe(1);
    expect(summary.getCell('B12').font.bold).toBe(true);
  });

  it('fills computed cells (the Tổng cộng row) and leaves entered ones white', () => {
    expect(fillColor(summary.getCell('C12'))).toBe(COMPUTED_FILL);
    expect(fillColor(summary.getCell('M12'))).toBe(COMPUTED_FILL);
    expect(fillColor(summary.getCell('C13'))).toBeUndefined();
  });

  it('freezes the header and the label columns, and prints landscape A4, one page wide, header repeated', () => {
    expect(summary.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 11 });
    expect(summary.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '8:11',
    });
    expect(summary.getColumn(2).width).toBeGreaterThan(summary.getColumn(3).width ?? 0);
  });

  it('states completeness and what was counted under the table, then place, date (Viet Nam time) and signatures', () => {
    const all = texts(summary);
    expect(all).toContain('Số đơn vị phải báo cáo: 4; đã gửi: 3; đã duyệt: 2; đúng hạn: 2.');
    expect(all).toContain('Số liệu tổng hợp từ các báo cáo đã được duyệt.');
    expect(all).toContain('Lạng Sơn, ngày 05 tháng 04 năm 2025');
    expect(all).toEqual(expect.arrayContaining(['NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG ĐƠN VỊ']));
    const completenessRow = Object.entries(contents(summary)).find(([, v]) => String(v).startsWith('Số đơn vị phải'))?.[0];
    expect(completenessRow).toBe('A34');
  });

  it('gives each reporting unit its own form with its own figures, authority and status', () => {
    const dongKinh = sheetOf(workbook, '05977 Đông Kinh');
    expect(dongKinh.getCell('A1').value).toBe('UBND PHƯỜNG ĐÔNG KINH');
    expect(dongKinh.getCell('A2').value).toBe('Mã đơn vị: 05977');
    expect(dongKinh.getCell('A4').value).toBe(summary.getCell('A4').value);
    expect(dongKinh.model.merges).toEqual(expect.arrayContaining(['C8:F8', 'D9:F9']));
    expect(dongKinh.getCell('C13').value).toBe(1555);
    expect(dongKinh.getCell('C12').value).toBe(1555 + 104);
    expect(dongKinh.getCell('C14').value).toBeNull();
    expect(texts(dongKinh)).toContain('Trạng thái báo cáo: Đã duyệt. Ngày gửi: 17/03/2025 09:15.');
    expect(texts(dongKinh)).not.toContain('THỦ TRƯỞNG ĐƠN VỊ');
    const luongVanTri = sheetOf(workbook, '05983 Lương Văn Tri');
    expect(luongVanTri.getCell('C14').value).toBe(3500);
    expect(texts(luongVanTri)).toContain('Trạng thái báo cáo: Đã gửi. Ngày gửi: 20/03/2025 08:00.');
  });

  it('sets the workbook creator and dates to the pinned clock', () => {
    expect(workbook.creator).toBe('Hệ thống thông tin báo cáo tỉnh Lạng Sơn');
    expect(workbook.created?.toISOString()).toBe(NOW.toISOString());
    expect(workbook.modified?.toISOString()).toBe(NOW.toISOString());
  });
});

describe('writeWorkbook: a template with a three-level header group, section rows and units', () => {
  const data = nestedData();
  let workbook: ExcelJS.Workbook;
  let summary: ExcelJS.Worksheet;
  beforeAll(async () => {
    workbook = await read(await writeWorkbook(data, NOW));
    summary = sheetOf(workbook, 'Tổng hợp');
  });

  it('merges every level of the nested group and adds a unit column when rows differ in unit', () => {
    const merges = summary.model.merges;
    expect(merges).toEqual(
      expect.arrayContaining(['A8:A11', 'B8:B11', 'C8:C11', 'D8:D11', 'E8:H8', 'E9:E11', 'F9:H9', 'F10:G10', 'H10:H11', 'I8:I11']),
    );
    expect(merges.some((m) => m.startsWith('F11') || m.startsWith('G11'))).toBe(false);
    const header = (address: string) => summary.getCell(address).value;
    expect([header('C8'), header('D8'), header('E8'), header('E9'), header('F9'), header('F10')]).toEqual([
      'Đơn vị tính',
      'Kế hoạch',
      'Thực hiện',
      'Tổng số',
      'Trong đó',
      'Nhà nước',
    ]);
    expect([header('F11'), header('G11'), header('H10'), header('I8')]).toEqual(['Văn bản', 'Hồ sơ', 'Doanh nghiệp', 'Tỷ lệ hoàn thành (%)']);
    expect((summary.getRow(12).values as unknown[]).slice(1)).toEqual(['A', 'B', 'C', '(1)', '(2)', '(3)', '(4)', '(5)', '(6)']);
  });

  it('prints section rows bold across the table, holding no figures', () => {
    expect(summary.getCell('A13').value).toBe('I');
    expect(summary.getCell('B13').value).toBe('PHẦN MỘT');
    expect(summary.getCell('B13').font.bold).toBe(true);
    expect(summary.model.merges).toEqual(expect.arrayContaining(['B13:I13', 'B17:I17']));
  });

  it.each([
    ['D14', 120, '#,##0'],
    ['E14', 108, '#,##0'],
    ['I14', 90, '0.0'],
    ['F15', 9, '#,##0'],
    ['D16', 37.5, '#,##0.00'],
    ['I16', 60, '0.0'],
  ])('%s holds %d as a number formatted %s (a percent stays 90, never Excel 9000%%)', (address, value, numFmt) => {
    const cell = summary.getCell(address);
    expect(cell.value).toBe(value);
    expect(cell.numFmt).toBe(numFmt);
  });

  it('fills computed columns, hatches disabled cells and leaves them empty, indents sub-rows', () => {
    expect(fillColor(summary.getCell('E14'))).toBe(COMPUTED_FILL);
    expect(fillColor(summary.getCell('I14'))).toBe(COMPUTED_FILL);
    const disabled = summary.getCell('D15');
    expect(disabled.value).toBeNull();
    expect(disabled.fill).toMatchObject({ type: 'pattern', pattern: 'lightUp', bgColor: { argb: DISABLED_FILL } });
    expect(summary.getCell('B15').alignment.indent).toBe(1);
    expect(summary.getCell('C14').value).toBe('cái');
    expect(summary.getCell('C16').value).toBe('ha');
  });

  it('keeps sheet names within 31 characters, free of the characters Excel forbids, and says what was counted', () => {
    const names = workbook.worksheets.map((s) => s.name);
    expect(names[1]).toBe('06001 Đoàn Kết');
    expect(names[2]).toMatch(/^06004 Thử tên rất dài/);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(texts(summary)).toContain('Số liệu tổng hợp từ các báo cáo đã gửi (gồm cả báo cáo chưa duyệt).');
    expect(texts(sheetOf(workbook, names[2] ?? ''))).toContain('Trạng thái báo cáo: Đã gửi.');
  });
});

describe('writeWorkbook: figures rounded to the precision of their row', () => {
  /** The numbers of the table row whose first cell is the row code. */
  function numbersOfRow(sheet: ExcelJS.Worksheet, code: string): unknown[] {
    let found: unknown[] | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === code && !found) found = (row.values as unknown[]).filter((v) => typeof v === 'number');
    });
    if (!found) throw new Error(`no row ${code}`);
    return found;
  }

  it('writes 400.47, not the float noise 400.46999999999997 a sum leaves, and whole numbers as integers', async () => {
    const data = nestedData();
    data.values.set(cellKey('2', 'th_tong'), 400.46999999999997);
    data.values.set(cellKey('1', 'th_tong'), 30.000000000000004);
    data.values.set(cellKey('1', 'ty_le'), 66.66666666666667);
    const summary = sheetOf(await read(await writeWorkbook(data, NOW)), 'Tổng hợp');
    expect(numbersOfRow(summary, '2')).toContain(400.47);
    expect(numbersOfRow(summary, '2')).not.toContain(400.46999999999997);
    expect(numbersOfRow(summary, '1')).toContain(30);
    expect(numbersOfRow(summary, '1')).toContain(66.7);
    expect(numbersOfRow(summary, '1')).not.toContain(66.66666666666667);
  });
});

describe('writeWorkbook: deterministic output', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives byte-identical workbooks for the same data and now, whatever the wall clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const first = await writeWorkbook(bieu06Data(), NOW);
    vi.setSystemTime(new Date('2027-06-30T13:47:11Z'));
    const second = await writeWorkbook(bieu06Data(), NOW);
    expect(second.equals(first)).toBe(true);
  });

  it('stamps the zip entries with now as Viet Nam wall time', async () => {
    const buffer = await writeWorkbook(nestedData(), NOW);
    // The first local file header: signature, then DOS time at offset 10 and date at offset 12.
    expect(buffer.readUInt32LE(0)).toBe(0x04034b50);
    const time = buffer.readUInt16LE(10);
    const date = buffer.readUInt16LE(12);
    expect([(date >> 9) + 1980, (date >> 5) & 15, date & 31, time >> 11, (time >> 5) & 63]).toEqual([2025, 4, 5, 5, 30]);
  });

  it('reads back to the same sheets, cells and styles from two writes', async () => {
    const [a, b] = await Promise.all([writeWorkbook(nestedData(), NOW), writeWorkbook(nestedData(), NOW)]);
    const [left, right] = await Promise.all([read(a), read(b)]);
    expect(left.worksheets.map((s) => s.name)).toEqual(right.worksheets.map((s) => s.name));
    for (const sheet of left.worksheets) {
      const other = sheetOf(right, sheet.name);
      expect(contents(other)).toEqual(contents(sheet));
      expect(other.model.merges).toEqual(sheet.model.merges);
      sheet.eachRow((row) => row.eachCell((cell) => expect(other.getCell(cell.address).style).toEqual(cell.style)));
    }
  });
});
