// More of entry as quick as Excel (issue 10), in Chromium: a block copied from a real LibreOffice sheet
// pastes cell for cell; numbers are read and shown in the UI language; a cell's states show at a glance
// and its history and comments open from it; the form works at a phone's 390 px; a refusal from the
// server says its own reason, in Vietnamese and in English.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, cell, classesOf, focused, openReport, paste, poll, startE2E, text, type E2E } from './browser';

const B06 = 'bieu-06-vpcp-kstt';
const KTXH = 'kinh-te-xa-hoi-xa';
const NOW = new Date('2024-12-16T02:00:00Z');
const UNIT = '05971';
const OFFICER = `canbo-${UNIT}`;

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E('grid-cells', NOW);
});

afterAll(async () => {
  await e2e?.close();
});

async function open(template: string, period: string, unit = UNIT, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await e2e.browser.newContext({ viewport: viewport ?? { width: 1366, height: 768 }, locale: 'vi-VN' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.url });
  const page = await e2e.logIn(OFFICER, { context });
  await openReport(page, e2e.url, template, period, unit);
  return page;
}

describe('paste from LibreOffice', () => {
  it('pastes a block copied from a LibreOffice sheet (converted by soffice) cell for cell', { timeout: 180_000 }, async () => {
    // An officer's old workbook: Hộ tịch, Chứng thực, Nuôi con nuôi, every balance holding.
    const rows = [
      [120, 80, 40, 0, 100, 60, 40, 0, 20, 20, 0],
      [1234, 1000, 234, 0, 1200, 1200, 0, 0, 34, 30, 4],
      [3, 1, 2, 0, 3, 0, 3, 0, 0, 0, 0],
    ];
    const dir = mkdtempSync(join(tmpdir(), 'lo-paste-'));
    try {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Biểu 06');
      ws.addRow(['Mã', 'Lĩnh vực', 'Tổng số']);
      ['01', '02', '03'].forEach((code, i) => ws.addRow([code, `Dòng ${code}`, ...rows[i]!]));
      await wb.xlsx.writeFile(join(dir, 'cu.xlsx'));
      // LibreOffice writes the sheet as text the way it puts it on the clipboard: tab-separated, UTF-8.
      execFileSync('/usr/bin/soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):9,34,76,1', '--outdir', dir, join(dir, 'cu.xlsx')], { timeout: 120_000, stdio: 'ignore' });
      const sheet = readFileSync(join(dir, 'cu.csv'), 'utf8');
      // The block an officer selects: the figures of the three rows (columns C to M).
      const block = sheet.split(/\r?\n/).slice(1, 4).map((line) => line.split('\t').slice(2).join('\t')).join('\n') + '\n';
      expect(block.split('\n')[1]).toBe('1234\t1000\t234\t0\t1200\t1200\t0\t0\t34\t30\t4');

      const page = await open(B06, '2024Q4');
      await cell(page, '01', 'nhan_tong').click();
      await paste(page, block);
      await poll(() => text(page.locator('.toast-success').last())).toBe('Đã dán 33 ô.');
      await poll(() => text(cell(page, '02', 'nhan_tong'))).toBe('1.234');
      await poll(() => text(cell(page, '03', 'dang_gq_qua_han'))).toBe('0');
      await poll(() => text(cell(page, 'TC', 'nhan_tong'))).toBe('1.357');
      await poll(() => text(page.locator('.toolbar .ok-line'))).toBe('✓ Không phát hiện lỗi.');
      await page.keyboard.press('Control+s');
      await poll(() => text(page.locator('.save-state'))).toMatch(/^Đã lưu lúc/);
      const api = await apiAs(e2e, OFFICER);
      const saved = await api.report(B06, '2024Q4', UNIT);
      expect(saved.values.filter((v) => v.row === '02').map((v) => v.value)).toEqual(rows[1]);
      await page.context().close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('numbers in the UI language', () => {
  it('reads 1.234,5 and 1 234 in Vietnamese, 2,345.5 in English, shows them as read, and refuses (12) where negatives are not allowed', async () => {
    const page = await open(KTXH, '202411');
    // Row 1 (hectares, two decimals).
    await cell(page, '1', 'thuc_hien').click();
    await page.keyboard.type('1.234,5');
    await page.keyboard.press('Enter');
    await poll(() => text(cell(page, '1', 'thuc_hien'))).toBe('1.234,50');
    await poll(() => focused(page)).toBe('1.1/thuc_hien');
    await page.keyboard.type('1 234');
    await page.keyboard.press('Enter');
    await poll(() => text(cell(page, '1.1', 'thuc_hien'))).toBe('1.234,00');
    // The editor opens on the text as shown, which reads back to the same number.
    await cell(page, '1', 'thuc_hien').click();
    await page.keyboard.press('F2');
    await poll(() => page.locator('.report-grid .ag-cell-inline-editing input').inputValue()).toBe('1.234,50');
    await page.keyboard.press('Enter');
    await poll(() => text(cell(page, '1', 'thuc_hien'))).toBe('1.234,50');
    // Areas are never negative here: "(12)" is refused with the reason, the editor stays open.
    await cell(page, '1.2', 'thuc_hien').click();
    await page.keyboard.type('(12)');
    await page.keyboard.press('Enter');
    await poll(() => text(page.locator('.editor-problem'))).toBe('Ô này không nhận số âm (đã nhập "(12)"); Esc để hủy.');
    await page.keyboard.press('Escape');
    await poll(() => text(cell(page, '1.2', 'thuc_hien'))).toBe('');

    await page.getByRole('button', { name: 'EN' }).click();
    await poll(() => text(cell(page, '1', 'thuc_hien'))).toBe('1,234.50');
    await cell(page, '1.2', 'thuc_hien').click();
    await page.keyboard.type('2,345.5');
    await page.keyboard.press('Enter');
    await poll(() => text(cell(page, '1.2', 'thuc_hien'))).toBe('2,345.50');
    await page.keyboard.press('Control+s');
    await poll(() => page.locator('.save-state').textContent()).toMatch(/Saved at/);
    const api = await apiAs(e2e, OFFICER);
    const values = (await api.report(KTXH, '202411', UNIT)).values;
    expect(Object.fromEntries(values.filter((v) => v.col === 'thuc_hien').map((v) => [v.row, v.value]))).toMatchObject({ '1': 1234.5, '1.1': 1234, '1.2': 2345.5 });
    await page.context().close();
  });
});

describe('cell states, history and comments', () => {
  it('marks unsaved, saved, computed, commented and changed-since-submission cells, and opens a cell story from the keyboard', async () => {
    const officer = await apiAs(e2e, OFFICER);
    // 2024Q2: the quarter before it has no report, so nothing carried over is questioned.
    const PERIOD = '2024Q2';
    const before = await officer.report(B06, PERIOD, UNIT);
    const first = [120, 80, 40, 0, 100, 60, 40, 0, 20, 20, 0];
    const cols = ['nhan_tong', 'nhan_truc_tuyen', 'nhan_truc_tiep', 'nhan_ky_truoc', 'da_gq_tong', 'da_gq_truoc_han', 'da_gq_dung_han', 'da_gq_qua_han', 'dang_gq_tong', 'dang_gq_trong_han', 'dang_gq_qua_han'];
    await officer.putValues(B06, PERIOD, UNIT, { revision: before.revision, values: cols.map((col, i) => ({ row: '01', col, value: first[i]! })) });
    await officer.submit(B06, PERIOD, UNIT);
    const head = await apiAs(e2e, 'lanhdao-178');
    await head.returnReport(B06, PERIOD, UNIT, 'Kiểm tra lại số trực tuyến.');

    const page = await open(B06, PERIOD);
    await poll(() => classesOf(cell(page, 'TC', 'nhan_tong'))).toContain('report-cell-computed');
    // 80 online, 40 in person → 70 and 50: unsaved until saved, then changed since the submission.
    await cell(page, '01', 'nhan_truc_tuyen').click();
    await page.keyboard.type('70');
    await page.keyboard.press('Tab');
    await page.keyboard.type('50');
    await page.keyboard.press('Enter');
    await poll(() => classesOf(cell(page, '01', 'nhan_truc_tuyen'))).toContain('report-cell-dirty');
    await page.keyboard.press('Control+s');
    await poll(() => text(page.locator('.save-state'))).toMatch(/^Đã lưu lúc/);
    await poll(() => classesOf(cell(page, '01', 'nhan_truc_tuyen'))).not.toContain('report-cell-dirty');
    await poll(() => classesOf(cell(page, '01', 'nhan_truc_tuyen'))).toContain('report-cell-changed');
    await poll(() => classesOf(cell(page, '01', 'nhan_truc_tiep'))).toContain('report-cell-changed');
    await poll(() => classesOf(cell(page, '01', 'nhan_tong'))).not.toContain('report-cell-changed');
    await poll(() => text(page.locator('.legend'))).toContain('Khác lần gửi trước');

    // Shift+F2 opens the cell's story: its value, states, history and comments.
    await cell(page, '01', 'nhan_truc_tuyen').click();
    await page.keyboard.press('Shift+F2');
    const dialog = page.locator('dialog');
    await dialog.waitFor();
    await poll(() => text(dialog.locator('.dialog-title'))).toBe('Dòng 01 Hộ tịch · Số hồ sơ nhận giải quyết › Trong đó › Trực tuyến');
    await poll(() => text(dialog.locator('.cell-value'))).toBe('70');
    await poll(() => dialog.locator('.state').allTextContents()).toEqual(['Ô nhập', 'Đã lưu', 'Khác lần gửi trước']);
    await poll(() => dialog.locator('.cell-history li').allTextContents()).toEqual([
      expect.stringContaining('Sửa ô Hộ tịch × Trực tuyến: 80 → 70'),
      expect.stringContaining('Sửa ô Hộ tịch × Trực tuyến: (trống) → 80'),
    ]);
    await dialog.getByLabel('Viết góp ý cho ô này…').fill('Đã đối chiếu sổ tiếp nhận.');
    await dialog.getByRole('button', { name: 'Gửi góp ý' }).click();
    await poll(() => text(dialog.locator('.cell-comments li'))).toContain('Đã đối chiếu sổ tiếp nhận.');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await poll(() => focused(page)).toBe('01/nhan_truc_tuyen');
    await poll(() => classesOf(cell(page, '01', 'nhan_truc_tuyen'))).toContain('report-cell-commented');
    // A right click opens it too.
    await cell(page, '01', 'nhan_truc_tiep').click({ button: 'right' });
    await poll(() => text(page.locator('dialog .dialog-title'))).toContain('Trực tiếp');
    await page.keyboard.press('Escape');
    await page.context().close();
  });
});

describe('rules as the officer types', () => {
  it('marks the failing cell, names the rule and figures, and takes the officer from the list to the cell', async () => {
    const page = await open(B06, '2024Q3');
    await cell(page, '04', 'nhan_tong').click();
    // Received 10 while its parts are 5 + 4 + 0.
    for (const v of ['10', '5', '4', '0']) {
      await page.keyboard.type(v);
      await page.keyboard.press('Tab');
    }
    await poll(() => classesOf(cell(page, '04', 'nhan_tong'))).toContain('report-cell-error');
    const issue = page.locator('.issues-panel .issue-error').first();
    await poll(() => text(issue.locator('.issue-message'))).toMatch(/cột \(1\) là 10, phải bằng .* là 9\.$/);
    await page.keyboard.press('Escape');
    await cell(page, '10', 'nhan_tong').click();
    await issue.locator('.issue-link').click();
    await poll(() => focused(page)).toBe('04/nhan_tong');
    // Fixed from there by the keyboard: 10 becomes 9, and that rule's message goes (others, on the
    // columns not yet filled, may remain).
    await page.keyboard.type('9');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.issues-panel .issue-message').allTextContents()).not.toContainEqual(expect.stringMatching(/phải bằng trực tuyến/));
    await page.context().close();
  });
});

describe('phone width', () => {
  it('at 390 px the form keeps a frozen label, readable headers and controls that do not overlap', async () => {
    const page = await open(B06, '2024Q4', UNIT, { width: 390, height: 844 });
    await cell(page, '01', 'nhan_tong').waitFor();
    const shot = join(tmpdir(), `grid-phone-${process.pid}.png`);
    writeFileSync(shot, await page.screenshot({ fullPage: false }));
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    rmSync(shot);
    await poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Nothing in the toolbar overlaps anything else there.
    const boxes = await page.locator('.toolbar > *:visible').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlaps = a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
        expect(overlaps, `toolbar items ${i} and ${j} overlap`).toBe(false);
      }
    }
    // Header texts wrap rather than being cut.
    const clipped = await page.locator('.report-grid .ag-header-cell-text').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).length);
    expect(clipped).toBe(0);
    // Typing works; End goes to the last column and the label stays in view beside it.
    await cell(page, '01', 'nhan_tong').click();
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await poll(() => text(cell(page, '01', 'nhan_tong'))).toBe('5');
    await cell(page, '02', 'nhan_tong').click();
    await page.keyboard.press('End');
    await poll(() => focused(page)).toBe('02/dang_gq_qua_han');
    const label = await cell(page, '02', '_label').boundingBox();
    const last = await cell(page, '02', 'dang_gq_qua_han').boundingBox();
    expect(label!.x).toBeGreaterThanOrEqual(0);
    expect(label!.width).toBeGreaterThan(80);
    expect(last!.x).toBeGreaterThanOrEqual(label!.x + label!.width - 1);
    expect(last!.x + last!.width).toBeLessThanOrEqual(390);
    await page.context().close();
  });
});

describe('errors from the server', () => {
  it("shows the server's own reason for a refusal, in Vietnamese and in English", async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const page = await e2e.logIn(OFFICER, { context });
    await page.goto(`${e2e.url}/#/reports/${B06}/2024Q4/05974`);
    await poll(() => text(page.locator('.error-box'))).toMatch(/^Bạn không có quyền xem báo cáo của Phường Tam Thanh\./);
    await page.getByRole('button', { name: 'EN' }).click();
    await poll(() => text(page.locator('.error-box'))).toMatch(/^You may not view the report of Phường Tam Thanh\./);
    await page.context().close();
  });
});
