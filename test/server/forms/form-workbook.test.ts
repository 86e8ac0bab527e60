// The Excel round trip (api.md /api/forms/…xlsx): the workbook is laid out like the form, protected but
// for its input cells, with formulas and a hidden identity sheet; an upload previews cell by cell and
// saves nothing, or saves with the revision; a workbook of another form, or a foreign one, is refused;
// a file re-saved by LibreOffice reads back the same; a head gets one sheet per unit below.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app';

const T = 'bieu-06-vpcp-kstt';
const P = '2025Q1';
const URL = `/api/forms/${T}/${P}/05971.xlsx`;

let t: TestApp;
let officer: string;
beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('canbo-05971');
});
afterAll(() => t.close());

async function download(url = URL, cookie = officer): Promise<ExcelJS.Workbook> {
  const res = await t.request(url, { cookie });
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb;
}

/** The sheet cell of a template cell, found the way a person would: the row by its code in column A, the column by its number. */
function cellOf(ws: ExcelJS.Worksheet, row: string, colNumber: number): ExcelJS.Cell {
  let found: number | undefined;
  ws.eachRow((r, n) => {
    if (found === undefined && r.getCell(1).value === row) found = n;
  });
  let numberingRow: number | undefined;
  ws.eachRow((r, n) => {
    if (numberingRow === undefined && r.getCell(1).value === 'A' && r.getCell(2).value === 'B') numberingRow = n;
  });
  const header = ws.getRow(numberingRow!);
  let col: number | undefined;
  header.eachCell((c, n) => {
    if (c.value === `(${colNumber})`) col = n;
  });
  return ws.getCell(found!, col!);
}

const bytesOf = async (wb: ExcelJS.Workbook): Promise<Uint8Array<ArrayBuffer>> => new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
const upload = (body: Uint8Array<ArrayBuffer>, query = '?preview=true', headers: Record<string, string> = {}, cookie = officer) =>
  t.request(`${URL}${query}`, { method: 'POST', cookie, body, headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ...headers } });
const report = async () => (await (await t.request(`/api/reports/${T}/${P}/05971`, { cookie: officer })).json()) as { revision: number; values: { row: string; col: string; value: number }[] };

describe('GET /api/forms/:template/:period/:unit.xlsx', () => {
  it('lays the blank form out like the grid: headers, input cells unlocked, the rest protected, totals as formulas, a hidden identity sheet', async () => {
    const wb = await download();
    expect(wb.worksheets.map((s) => s.name)).toEqual(['05971 Hoàng Văn Thụ', '_bieu_mau']);
    const ws = wb.worksheets[0]!;
    const strings = ws.getSheetValues().flat().filter((x) => typeof x === 'string');
    expect(strings).toEqual(expect.arrayContaining(['Số hồ sơ nhận giải quyết', 'Trong đó', 'Trực tuyến', 'Tổng số']));
    expect(strings.join('\n')).toContain('Kỳ báo cáo: Quý I/2025');
    // Sheet protection on; an input cell unlocked, a code and a total locked.
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    expect(cellOf(ws, '01', 1).protection?.locked).toBe(false);
    expect(cellOf(ws, 'TC', 1).protection?.locked).not.toBe(false);
    expect(ws.getCell('A1').protection?.locked).not.toBe(false);
    // The total of column (1) sums rows 01–20 of that column.
    const total = cellOf(ws, 'TC', 1).value as ExcelJS.CellFormulaValue;
    const first = cellOf(ws, '01', 1).address;
    const last = cellOf(ws, '20', 1).address;
    expect(total.formula).toMatch(new RegExp(`^IFERROR\\(SUM\\(${first},.*,${last}\\),""\\)$`));
    const id = wb.getWorksheet('_bieu_mau')!;
    expect(id.state).toBe('hidden');
    const fields = Object.fromEntries(id.getSheetValues().slice(2, 8).map((r) => [(r as unknown[])[1], (r as unknown[])[2]]));
    expect(fields).toMatchObject({ template: T, version: 1, period: P, unit: '05971', scope: 'unit' });
  });

  it('is refused to a user who may not see the unit', async () => {
    const other = await t.login('canbo-05974');
    expect((await t.request(URL, { cookie: other })).status).toBe(403);
    expect((await t.request(URL)).status).toBe(401);
  });
});

describe('POST /api/forms/:template/:period/:unit.xlsx', () => {
  it('previews the changes cell by cell with the failing rules and saves nothing; then saves with If-Match', async () => {
    const wb = await download();
    const ws = wb.worksheets[0]!;
    cellOf(ws, '01', 1).value = 12; // nhan_tong
    cellOf(ws, '01', 2).value = 5; // nhan_truc_tuyen
    const body = await bytesOf(wb);
    const res = await upload(body);
    expect(res.status).toBe(200);
    const preview = (await res.json()) as { changes: unknown[]; issues: { row: string; col: string; code: string }[] };
    expect(preview.changes).toEqual([
      { row: '01', col: 'nhan_tong', oldValue: null, newValue: 12 },
      { row: '01', col: 'nhan_truc_tuyen', oldValue: null, newValue: 5 },
    ]);
    // 12 received ≠ 5 online + 0 in person: the template's rule says so.
    expect(preview.issues.some((i) => i.row === '01')).toBe(true);
    expect((await report()).revision).toBe(0);

    const saved = await upload(body, '', { 'If-Match': '0' });
    expect(saved.status).toBe(200);
    const result = (await saved.json()) as { revision: number; changes: unknown[] };
    expect(result.revision).toBe(1);
    expect(result.changes).toHaveLength(2);
    const r = await report();
    expect(r.revision).toBe(1);
    expect(r.values).toEqual(expect.arrayContaining([{ row: '01', col: 'nhan_tong', value: 12 }, { row: 'TC', col: 'nhan_tong', value: 12 }]));

    // The same file again on the old revision: the server moved on, nothing saved.
    const stale = await upload(body, '', { 'If-Match': '0' });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('stale-revision');
    expect((await report()).revision).toBe(1);
  });

  it('refuses a figure the form does not accept, names the cell, and saves nothing', async () => {
    const wb = await download();
    cellOf(wb.worksheets[0]!, '02', 1).value = 'mười hai';
    const body = await bytesOf(wb);
    const preview = (await (await upload(body)).json()) as { issues: { row: string; col: string; code: string; message: string }[] };
    expect(preview.issues).toContainEqual(expect.objectContaining({ row: '02', col: 'nhan_tong', code: 'not-a-number' }));
    const res = await upload(body, '', { 'If-Match': String((await report()).revision) });
    expect(res.status).toBe(422);
    const error = ((await res.json()) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('invalid-values');
    expect(error.message).toContain('chưa lưu gì');
    expect((await report()).revision).toBe(1);
  });

  it('refuses a workbook of another period, unit or version, a foreign workbook and a file that is not one, each with the reason', async () => {
    const reasons = async (body: Uint8Array<ArrayBuffer>) => {
      const res = await upload(body);
      expect(res.status).toBe(422);
      return ((await res.json()) as { error: { code: string; message: string } }).error;
    };
    const otherPeriod = await download(`/api/forms/${T}/2024Q4/05971.xlsx`);
    expect(await reasons(await bytesOf(otherPeriod))).toMatchObject({ code: 'wrong-workbook', message: expect.stringContaining('kỳ 2024Q4') });

    const head = await t.login('lanhdao-178');
    const otherUnit = await download(`/api/forms/${T}/${P}/05974.xlsx`, head);
    expect(await reasons(await bytesOf(otherUnit))).toMatchObject({ code: 'wrong-workbook', message: expect.stringContaining('đơn vị mã 05974') });

    const newer = await download();
    newer.getWorksheet('_bieu_mau')!.getCell('B3').value = 2;
    expect(await reasons(await bytesOf(newer))).toMatchObject({ code: 'wrong-workbook', message: expect.stringContaining('phiên bản 2') });

    const foreign = new ExcelJS.Workbook();
    foreign.addWorksheet('Sheet1').getCell('A1').value = 'Tiếp nhận';
    expect(await reasons(await bytesOf(foreign))).toMatchObject({ code: 'foreign-workbook' });

    const moved = await download();
    moved.worksheets[0]!.spliceRows(12, 0, ['chèn']);
    expect(await reasons(await bytesOf(moved))).toMatchObject({ code: 'foreign-workbook', message: expect.stringContaining('bố cục') });

    expect(await reasons(new TextEncoder().encode('not a zip'))).toMatchObject({ code: 'not-a-workbook' });
    expect((await report()).revision).toBe(1);
  });

  it.runIf(existsSync('/usr/bin/soffice'))('reads a workbook edited and re-saved by LibreOffice', async () => {
    const wb = await download();
    cellOf(wb.worksheets[0]!, '03', 1).value = 7;
    cellOf(wb.worksheets[0]!, '03', 3).value = 7;
    const dir = mkdtempSync(join(tmpdir(), 'form-lo-'));
    try {
      const input = join(dir, 'in', 'form.xlsx');
      execFileSync('mkdir', ['-p', join(dir, 'in'), join(dir, 'out')]);
      writeFileSync(input, await bytesOf(wb));
      execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'xlsx', '--outdir', join(dir, 'out'), input], { timeout: 120_000, stdio: 'ignore' });
      const resaved = new Uint8Array(readFileSync(join(dir, 'out', 'form.xlsx')));
      const preview = (await (await upload(resaved)).json()) as { changes: unknown[] };
      expect(preview.changes).toEqual([
        { row: '03', col: 'nhan_tong', oldValue: null, newValue: 7 },
        { row: '03', col: 'nhan_truc_tiep', oldValue: null, newValue: 7 },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a head's workbook of the units below", () => {
  it('has a sheet per unit below; its upload previews each unit’s changes and saves only where the head may enter figures', async () => {
    const head = await t.login('lanhdao-178');
    const headUrl = `/api/forms/${T}/${P}/178.xlsx`;
    const wb = await download(`${headUrl}?units=below`, head);
    const names = wb.worksheets.map((s) => s.name);
    expect(names).toContain('05971 Hoàng Văn Thụ');
    expect(names).toContain('05974 Tam Thanh');
    expect(names.at(-1)).toBe('_bieu_mau');
    // 05971's sheet carries what the officer saved above.
    expect(cellOf(wb.getWorksheet('05971 Hoàng Văn Thụ')!, '01', 1).value).toBe(12);
    cellOf(wb.getWorksheet('05974 Tam Thanh')!, '01', 1).value = 3;
    const body = await bytesOf(wb);
    const post = (query: string) =>
      t.request(`${headUrl}${query}`, { method: 'POST', cookie: head, body, headers: { 'Content-Type': 'application/octet-stream' } });
    const preview = (await (await post('?preview=true')).json()) as { changes: unknown[] };
    expect(preview.changes).toEqual([{ unit: '05974', row: '01', col: 'nhan_tong', oldValue: null, newValue: 3 }]);
    const save = await post('');
    expect(save.status).toBe(403);
    expect(((await save.json()) as { error: { message: string } }).error.message).toContain('Tam Thanh');
  });
});
