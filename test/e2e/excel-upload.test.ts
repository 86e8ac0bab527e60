// The Excel round trip in the browser: the officer downloads the form from the report page, fills it in
// (here with exceljs, as Excel would save it), uploads it, sees cell by cell what would change and which
// checks fail, nothing saved yet; confirms, and the grid and the server have the figures. A workbook that
// is not the system's is refused with the reason.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, cell, openReport, poll, startE2E, text, type E2E } from './browser';

const TEMPLATE = 'bieu-06-vpcp-kstt';
const PERIOD = '2024Q4';
const NOW = new Date('2024-12-16T02:00:00Z');

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E('excel-upload', NOW);
});

afterAll(async () => {
  await e2e?.close();
});

/** A form sheet's cell found as a person finds it: the row by its code in column A, the column by its number "(n)". */
function figureCell(ws: ExcelJS.Worksheet, row: string, colNumber: number): ExcelJS.Cell {
  let r: number | undefined;
  let numbering: number | undefined;
  ws.eachRow((x, n) => {
    if (r === undefined && x.getCell(1).value === row) r = n;
    if (numbering === undefined && x.getCell(1).value === 'A' && x.getCell(2).value === 'B') numbering = n;
  });
  let c: number | undefined;
  ws.getRow(numbering!).eachCell((x, n) => {
    if (x.value === `(${colNumber})`) c = n;
  });
  return ws.getCell(r!, c!);
}

describe('uploading a filled form workbook', () => {
  it('previews the changes cell by cell with the failing checks, saves nothing until confirmed, then saves', async () => {
    const page = await e2e.logIn('canbo-05971');
    await openReport(page, e2e.url, TEMPLATE, PERIOD, '05971');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải Excel', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe(`${TEMPLATE}_${PERIOD}_05971.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(readFileSync((await download.path())!)).buffer);
    const ws = wb.worksheets[0]!;
    figureCell(ws, '01', 1).value = 12; // nhận: tổng số
    figureCell(ws, '01', 2).value = 5; // trực tuyến (5 + 0 ≠ 12: a check fails)
    const filled = join(e2e.dir, 'dien-xong.xlsx');
    writeFileSync(filled, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));

    await page.locator('.excel-round-trip input[type=file]').setInputFiles(filled);
    const dialog = page.getByRole('dialog', { name: 'Xem trước số liệu từ tệp Excel' });
    await dialog.waitFor();
    await poll(() => text(dialog.locator('p', { hasText: 'ô sẽ thay đổi' }))).toBe('2 ô sẽ thay đổi:');
    const first = dialog.locator('tbody tr[data-row="01"][data-col="nhan_tong"] td');
    await poll(() => text(first.nth(1))).toBe('(trống)');
    await poll(() => text(first.nth(2))).toBe('12');
    await poll(() => text(dialog.locator('tbody tr[data-col="nhan_truc_tuyen"] td').nth(2))).toBe('5');
    await poll(() => dialog.locator('.excel-issues li').count()).toBeGreaterThan(0);
    await poll(() => text(dialog)).toContain('Chưa lưu gì cho đến khi bạn xác nhận.');

    // Nothing saved yet.
    const api = await apiAs(e2e, 'canbo-05971');
    expect((await api.report(TEMPLATE, PERIOD, '05971')).revision).toBe(0);

    await dialog.getByRole('button', { name: 'Xác nhận lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    await poll(() => text(page.locator('.toast'))).toContain('Đã lưu 2 ô từ tệp Excel.');
    await poll(() => text(cell(page, '01', 'nhan_tong'))).toBe('12');
    await poll(() => text(cell(page, 'TC', 'nhan_tong'))).toBe('12');
    const saved = await api.report(TEMPLATE, PERIOD, '05971');
    expect(saved.revision).toBe(1);
    expect(saved.values).toContainEqual({ row: '01', col: 'nhan_truc_tuyen', value: 5 });
    await page.context().close();
  });

  it('refuses a workbook that was not downloaded from the system, with the reason', async () => {
    const page = await e2e.logIn('canbo-05974');
    await openReport(page, e2e.url, TEMPLATE, PERIOD, '05974');
    const foreign = new ExcelJS.Workbook();
    foreign.addWorksheet('Sheet1').getCell('A1').value = 'Biểu số 06';
    const path = join(e2e.dir, 'tu-lam.xlsx');
    writeFileSync(path, new Uint8Array((await foreign.xlsx.writeBuffer()) as ArrayBuffer));
    await page.locator('.excel-round-trip input[type=file]').setInputFiles(path);
    await poll(() => text(page.locator('.toast'))).toContain('không phải biểu mẫu tải từ hệ thống');
    await poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.context().close();
  });
});
