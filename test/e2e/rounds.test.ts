// Rounds (issue 11) in real Chromium: on a form with a preliminary round (kinh-te-xa-hoi-xa version 3,
// from 202707) the officer switches between Số ước and Số chính thức, each with its own deadline, and a
// figure saved in the preliminary round stays out of the official report; the Excel form downloaded in
// the preliminary round says so on its hidden sheet, and uploaded back it saves into that round.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, cell, openReport, poll, startE2E, text, type E2E } from './browser';

// Wednesday 14/07/2027: the cutoff of 202707 (15/06–14/07/2027).
const NOW = new Date('2027-07-14T03:00:00Z');
const T = 'kinh-te-xa-hoi-xa';
const P = '202707';
const UNIT = '05977';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E('rounds', NOW);
});
afterAll(async () => {
  await e2e?.close();
});

describe('a report with a preliminary and an official round', () => {
  it('switches between Số ước and Số chính thức, each with its deadline, and keeps their figures apart', async () => {
    const page = await e2e.logIn(`canbo-${UNIT}`);
    await openReport(page, e2e.url, T, P, UNIT);
    const rounds = page.locator('.round-switch');
    await poll(() => text(rounds.locator('.round.active strong'))).toBe('Số chính thức');
    await poll(() => text(rounds.locator('[data-round="preliminary"] .round-deadline'))).toContain('15/07/2027');
    await poll(() => text(rounds.locator('[data-round="official"] .round-deadline'))).toContain('05/08/2027');

    await rounds.locator('[data-round="preliminary"]').click();
    await poll(() => page.evaluate(() => location.hash)).toContain('round=preliminary');
    await poll(() => text(page.locator('.round-switch .round.active strong'))).toBe('Số ước');
    await poll(() => text(page.locator('.form-header .form-meta'))).toContain('15/07/2027');

    await cell(page, '3', 'thuc_hien').click();
    await page.keyboard.type('321', { delay: 10 });
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+s');
    await poll(() => text(page.locator('.save-state'))).toMatch(/^Đã lưu lúc/);
    await poll(() => text(cell(page, '3', 'thuc_hien'))).toBe('321,00');

    // Back on the official round: its own deadline, and the estimate is not in it.
    await page.locator('.round-switch [data-round="official"]').click();
    await poll(() => text(page.locator('.round-switch .round.active strong'))).toBe('Số chính thức');
    await poll(() => text(page.locator('.form-header .form-meta'))).toContain('05/08/2027');
    const api = await apiAs(e2e, `canbo-${UNIT}`);
    const area = (r: { values: { row: string; col: string; value: unknown }[] }) => r.values.find((x) => x.row === '3' && x.col === 'thuc_hien')?.value;
    await poll(async () => area(await api.forRound('preliminary').report(T, P, UNIT))).toBe(321);
    expect(area(await api.report(T, P, UNIT))).not.toBe(321);
    await page.context().close();
  }, 60_000);

  it('downloads the Excel form of the preliminary round, recorded on its hidden sheet, and its upload saves into that round', async () => {
    const unit = '05983';
    const api = await apiAs(e2e, `canbo-${unit}`);
    const area = (r: { values: { row: string; col: string; value: unknown }[] }) => r.values.find((x) => x.row === '3' && x.col === 'thuc_hien')?.value;
    const officialBefore = area(await api.report(T, P, unit));
    const page = await e2e.logIn(`canbo-${unit}`);
    await page.goto(`${e2e.url}/#/reports/${T}/${P}/${unit}?round=preliminary`);
    await poll(() => text(page.locator('.round-switch .round.active strong'))).toBe('Số ước');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải Excel', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe(`${T}_${P}_${unit}_so-uoc.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(readFileSync((await download.path())!)).buffer);
    const identity = new Map<string, string>();
    wb.getWorksheet('_bieu_mau')!.eachRow((r) => void identity.set(String(r.getCell(1).value), String(r.getCell(2).value)));
    expect(identity.get('round')).toBe('preliminary');

    // Row 3 (forest area) found by its code in column A; its first input cell (unlocked) is "Thực hiện kỳ này".
    const ws = wb.worksheets[0]!;
    let input: ExcelJS.Cell | undefined;
    ws.eachRow((r) => {
      if (input === undefined && r.getCell(1).value === '3') r.eachCell({ includeEmpty: true }, (c) => void (input ??= c.protection?.locked === false ? c : undefined));
    });
    input!.value = 77;
    const filled = join(e2e.dir, 'so-uoc.xlsx');
    writeFileSync(filled, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    await page.locator('.excel-round-trip input[type=file]').setInputFiles(filled);
    const dialog = page.getByRole('dialog', { name: 'Xem trước số liệu từ tệp Excel' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Xác nhận lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    await poll(() => text(cell(page, '3', 'thuc_hien'))).toBe('77,00');
    expect(area(await api.forRound('preliminary').report(T, P, unit))).toBe(77);
    // The official report is as it was.
    expect(area(await api.report(T, P, unit))).toBe(officialBefore);
    await page.context().close();
  }, 60_000);
});
