// What a newcomer hits in the first ten minutes (issue 13), in Chromium on the demo as `npm start` seeds it:
// the login page names users and what each shows, nothing fails on the first load, a head reaches their own
// unit's form, a bad cell does not stop the good ones from saving, downloads carry what the screen shows,
// the grid's last column is not under the scrollbar, and submitting an empty report asks first.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../schema/api';
import { apiAs, cell, classesOf, openReport, poll, startE2E, text, type E2E } from './browser';

// 27/11/2026, 10:00 in Hà Nội: Tháng 11/2026 is past its deadline, Quý IV/2026 is open.
const NOW = new Date('2026-11-27T03:00:00Z');
const B06 = 'bieu-06-vpcp-kstt';
const KTXH = 'kinh-te-xa-hoi-xa';
const CQS = 'chinh-quyen-so';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E('first-look', NOW);
});
afterAll(async () => {
  await e2e?.close();
});

const newPage = async (width = 1366, height = 768): Promise<Page> => {
  const context = await e2e.browser.newContext({ viewport: { width, height }, acceptDownloads: true, locale: 'vi-VN' });
  return context.newPage();
};

/** "1.234,5" as a number. */
const viNumber = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));

describe('signed out', () => {
  it('loads the login page without a single failed request or console error', async () => {
    const page = await newPage();
    const failures: string[] = [];
    page.on('response', (res) => res.status() >= 400 && failures.push(`${res.status()} ${res.url()}`));
    page.on('console', (msg) => msg.type() === 'error' && failures.push(`console: ${msg.text()}`));
    await page.goto(`${e2e.url}/`);
    await page.getByLabel('Tên đăng nhập').waitFor();
    await page.locator('.demo-users').waitFor();
    expect(failures).toEqual([]);
    await page.context().close();
  });

  it('names the demo users and what each one shows, without a password that is not the default', async () => {
    const page = await newPage();
    await page.goto(`${e2e.url}/`);
    const rows = page.locator('.demo-users tbody tr');
    await rows.first().waitFor();
    const lines = (await rows.allTextContents()).join('\n');
    for (const user of ['lanhdao-20', 'canbo-05986', 'canbo-06187', 'canbo-06001', 'canbo-05983']) expect(lines).toContain(user);
    for (const state of ['Đang soạn', 'Đã gửi', 'Đã duyệt', 'Bị trả lại', 'Quá hạn', 'Đúng hạn', 'Chưa gửi']) expect(lines).toContain(state);
    // The e2e server runs with a random SEED_PASSWORD: the page must not claim it is "demo".
    await poll(() => text(page.locator('.demo-password'))).toBe('');
    // Clicking a user fills the name in.
    await page.locator('.demo-users button', { hasText: 'canbo-06187' }).click();
    await poll(() => page.getByLabel('Tên đăng nhập').inputValue()).toBe('canbo-06187');
    await page.context().close();
  });
});

describe('the province head', () => {
  it('opens their own unit\'s form with the tab "Báo cáo của đơn vị"', async () => {
    const page = await e2e.logIn('lanhdao-20');
    await page.goto(`${e2e.url}/#/reports/${CQS}/2026S1/20`);
    await page.locator('.below-tab').waitFor();
    await page.getByRole('tab', { name: 'Báo cáo của đơn vị' }).click();
    await page.locator('.form-tab').waitFor({ timeout: 5000 });
    await poll(() => page.getByRole('tab', { name: 'Báo cáo của đơn vị' }).getAttribute('aria-selected')).toBe('true');
    expect(page.url()).toContain('tab=form');
    // And back to the units below.
    await page.getByRole('tab', { name: /Các đơn vị cấp dưới/ }).click();
    await page.locator('.below-tab').waitFor();
    await page.context().close();
  });

  it('sees the same six units that must report in the units-below tab as in the roll-up', async () => {
    const page = await e2e.logIn('lanhdao-20');
    await page.goto(`${e2e.url}/#/reports/${CQS}/2026S1/20?tab=below`);
    await page.locator('.below-table tbody tr').first().waitFor();
    await poll(() => page.locator('.below-table tbody tr').count()).toBe(6);
    await poll(() => text(page.locator('.below-summary'))).toContain('Phải báo cáo: 6');
    await page.getByRole('tab', { name: 'Tổng hợp' }).click();
    await poll(() => text(page.locator('.completeness div').first())).toBe('Phải báo cáo6');
    await page.context().close();
  });

  it('downloads the Excel and the JSON packages with exactly what the roll-up shows, submitted reports included', async () => {
    const page = await e2e.logIn('lanhdao-20');
    await page.goto(`${e2e.url}/#/reports/${KTXH}/202611/20?tab=aggregate`);
    await cell(page, '1', 'thuc_hien').waitFor();
    // The cell is drawn before the roll-up arrives: read it only once it holds a number.
    await poll(async () => text(cell(page, '1', 'thuc_hien'))).not.toBe('');
    const approvedOnly = viNumber(await text(cell(page, '1', 'thuc_hien')));
    await page.locator('.segmented label', { hasText: 'Cả báo cáo đã gửi chưa duyệt' }).click();
    await poll(async () => viNumber(await text(cell(page, '1', 'thuc_hien')))).toBeGreaterThan(approvedOnly);
    await poll(async () => page.getByRole('link', { name: /Tải bộ Excel/ }).getAttribute('href')).toContain('include=submitted');
    const shown = viNumber(await text(cell(page, '1', 'thuc_hien')));
    expect(shown).toBeGreaterThan(approvedOnly);

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Tải bộ Excel/ }).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(readFileSync(await xlsx.path())).buffer);
    let total: unknown;
    wb.worksheets[0]!.eachRow((row) => {
      if (row.getCell(1).value === '1' && total === undefined) total = (row.values as unknown[]).find((v) => typeof v === 'number');
    });
    expect(total).toBe(shown);
    expect(wb.worksheets.map((s) => s.name)).toContain('05986 Tam Thanh');

    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Tải gói dữ liệu/ }).click()]);
    const pkg = JSON.parse(readFileSync(await json.path(), 'utf8')) as { include: string; dataValues: { row: string; col: string; value: number }[] };
    expect(pkg.include).toBe('submitted');
    expect(pkg.dataValues.find((d) => d.row === '1' && d.col === 'thuc_hien')?.value).toBe(shown);
    await page.context().close();
  });
});

describe('an officer filling a form', () => {
  it('saves the valid cells when one is refused, marks the refused one by name, and clears the message once fixed', async () => {
    const page = await e2e.logIn('canbo-05977');
    await openReport(page, e2e.url, B06, '2026Q4', '05977');
    await cell(page, '01', 'nhan_truc_tuyen').click();
    await page.keyboard.type('6');
    await page.keyboard.press('Enter');
    await cell(page, '02', 'nhan_tong').click();
    await page.keyboard.type('-5');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+s');

    const notice = page.locator('.save-rejected');
    await notice.waitFor();
    await poll(() => text(notice)).toContain('Chứng thực');
    await poll(() => text(notice)).toContain('không được nhỏ hơn 0');
    await poll(() => classesOf(cell(page, '02', 'nhan_tong'))).toContain('report-cell-error');
    const api = await apiAs(e2e, 'canbo-05977');
    await poll(async () => {
      const report: Report = await api.report(B06, '2026Q4', '05977');
      // Totals left out: "TC", and the commune's own row by level that version 2 computes from it (B3…).
      return report.values.filter((v) => v.row !== 'TC' && !/^B\d/.test(v.row)).map((v) => `${v.row}/${v.col}=${v.value}`);
    }).toEqual(['01/nhan_truc_tuyen=6']);

    await cell(page, '02', 'nhan_tong').click();
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await poll(() => notice.count()).toBe(0);
    await page.keyboard.press('Control+s');
    await poll(() => text(page.locator('.save-state'))).toMatch(/^Đã lưu lúc/);
    await page.context().close();
  });

  it('counts text typed in a narrative section as a section not saved, not as a cell', async () => {
    const page = await e2e.logIn('canbo-05986');
    await openReport(page, e2e.url, B06, '2026Q4', '05986');
    await page.locator('textarea[name="section-danh_gia_chung"]').fill('Tình hình ổn định.');
    await poll(() => text(page.locator('.save-state'))).toBe('1 mục chưa lưu');
    await cell(page, '01', 'nhan_tong').click();
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await poll(() => text(page.locator('.save-state'))).toBe('1 ô và 1 mục chưa lưu');
    await page.context().close();
  });

  it('asks before submitting a report with no figure at all, and says so', async () => {
    const page = await e2e.logIn('canbo-05977');
    await openReport(page, e2e.url, 'tiep-cong-dan-xa', '2026Q4', '05977');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    const dialog = page.locator('dialog');
    await dialog.waitFor();
    await poll(() => text(dialog.locator('.empty-warning'))).toContain('chưa có số liệu nào');
    await dialog.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.locator('.form-header .badge-submitted').waitFor();
    await page.context().close();
  });
});

describe('the grid at 1366 and 1920 pixels', () => {
  /** How far the last column reaches past the left edge of the vertical scrollbar, scrolled fully left. */
  const overlap = (page: Page) =>
    page.locator('.report-grid').first().evaluate((grid) => {
      const bar = grid.querySelector('.ag-body-vertical-scroll')!.getBoundingClientRect();
      const rights = [...grid.querySelectorAll('.ag-center-cols-container .ag-cell, .ag-header-cell[col-id]')].map((c) => c.getBoundingClientRect().right);
      return Math.round(Math.max(...rights) - bar.left);
    });

  it.each([1366, 1920])('keeps the last column clear of the scrollbar at %ipx, with the issues panel open too', async (width) => {
    const page = await e2e.logIn('canbo-05977');
    await page.setViewportSize({ width, height: 900 });
    await openReport(page, e2e.url, KTXH, '202611', '05977');
    await cell(page, '1', 'luy_ke').waitFor();
    await poll(() => overlap(page)).toBeLessThanOrEqual(0);
    await openReport(page, e2e.url, B06, '2026Q3', '05977');
    await cell(page, '03', 'nhan_tong').click();
    await page.keyboard.type('10');
    await page.keyboard.press('Enter');
    await page.locator('.issues-panel').waitFor();
    await poll(() => overlap(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
