// The core flow in real Chromium against the real server and the built client: two commune officers
// type Biểu 06 with the keyboard, save and submit; the district head approves both, sees the roll-up and
// downloads the Excel package, whose figures are read back.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell, poll, startE2E, text, typeRows, type E2E } from './browser';

const FORM = 'Biểu số 06/VPCP/KSTT';
// 2024Q4 (15/09–14/12/2024) has just closed; the demo seeds its own figures in 2025Q1 only.
const PERIOD_LABEL = 'Quý IV/2024';
const NOW = new Date('2024-12-16T02:00:00Z');

// Columns in template order: nhận (tổng, trực tuyến, trực tiếp, từ kỳ trước), đã giải quyết (tổng,
// trước hạn, đúng hạn, quá hạn), đang giải quyết (tổng, trong hạn, quá hạn). '' leaves a cell empty.
const OFFICER_1 = {
  '01': ['120', '80', '40', '0', '100', '60', '40', '0', '20', '20', '0'],
  '02': ['1.250', '1000', '250', '', '1.250', '1200', '50', '', '', '', ''],
};
const OFFICER_2 = {
  '01': ['50', '50', '0', '0', '45', '40', '4', '1', '5', '5', '0'],
};

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E('core', NOW);
});

afterAll(async () => {
  await e2e?.close();
});

async function openFromWorklist(page: Page): Promise<void> {
  await page.locator('table.worklist tbody tr', { hasText: FORM }).filter({ hasText: PERIOD_LABEL }).first().click();
  await page.locator('.form-header').waitFor();
}

async function fillAndSubmit(page: Page, rows: Record<string, string[]>): Promise<void> {
  await openFromWorklist(page);
  await poll(() => text(page.locator('.form-period'))).toContain('Từ ngày 15/09/2024 đến ngày 14/12/2024');
  await typeRows(page, rows);
  await poll(() => text(page.locator('.save-state'))).toContain('ô chưa lưu');
  await page.keyboard.press('Control+s');
  await poll(() => page.locator('.save-state').textContent()).toMatch(/Đã lưu lúc \d\d:\d\d/);
  await page.locator('textarea[name="section-danh_gia_chung"]').fill('Tiếp nhận và giải quyết hồ sơ đúng quy định.');
  await page.locator('.toolbar .ok-line').waitFor({ state: 'visible' });
  await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await page.locator('dialog').getByRole('button', { name: 'Gửi báo cáo' }).click();
  await page.locator('.form-header .badge-submitted').waitFor({ state: 'visible', timeout: 15_000 });
}

function rowNumbers(sheet: ExcelJS.Worksheet, label: string): number[] {
  let found: number[] | undefined;
  sheet.eachRow((row) => {
    const texts = (row.values as unknown[]).map((v) => (typeof v === 'object' && v && 'result' in v ? (v as { result: unknown }).result : v));
    if (found || !texts.some((v) => typeof v === 'string' && v.trim() === label)) return;
    found = texts.filter((v): v is number => typeof v === 'number');
  });
  return found ?? [];
}

describe('core flow: fill, submit, approve, roll up, export', () => {
  it('officer of Phường Hoàng Văn Thụ types Biểu 06 with the keyboard, saves and submits', async () => {
    const page = await e2e.logIn('canbo-05971');
    await fillAndSubmit(page, OFFICER_1);
    // The total row is computed as figures are typed, vi-VN formatted.
    await poll(() => text(cell(page, 'TC', 'nhan_tong'))).toBe('1.370');
    await poll(() => text(cell(page, '02', 'da_gq_truoc_han'))).toBe('1.200');
    await page.locator('.grid-and-issues').screenshot({ path: '/tmp/e2e-officer-grid.png' });
    await page.context().close();
  });

  it('officer of Phường Tam Thanh does the same', async () => {
    const page = await e2e.logIn('canbo-05974');
    await fillAndSubmit(page, OFFICER_2);
    await page.context().close();
  });

  it('the head of Thành phố Lạng Sơn approves both, sees the sums and downloads the Excel package', async () => {
    const page = await e2e.logIn('lanhdao-178');
    await openFromWorklist(page);
    await page.getByRole('tab', { name: /Các đơn vị cấp dưới/ }).click();
    for (const unit of ['05971', '05974']) {
      const row = page.locator(`tr[data-unit="${unit}"]`);
      await row.locator('.badge-submitted').waitFor({ state: 'visible' });
      await row.getByRole('button', { name: 'Duyệt' }).click();
      await row.locator('.badge-approved').waitFor({ state: 'visible' });
    }

    await page.getByRole('tab', { name: 'Tổng hợp' }).click();
    await poll(() => text(page.locator('.completeness'))).toContain('Đã duyệt');
    await poll(() => text(cell(page, 'TC', 'nhan_tong'))).toBe('1.420');
    await poll(() => text(cell(page, '01', 'nhan_tong'))).toBe('170');
    await poll(() => text(cell(page, '01', 'nhan_truc_tuyen'))).toBe('130');
    await poll(() => text(cell(page, '02', 'da_gq_tong'))).toBe('1.250');
    await poll(() => text(cell(page, '01', 'da_gq_qua_han'))).toBe('1');
    await page.locator('.aggregate-tab').screenshot({ path: '/tmp/e2e-aggregate.png' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Tải bộ Excel/ }).click()]);
    const file = join(e2e.dir, 'package.xlsx');
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const rollup = workbook.worksheets[0]!;
    expect(rowNumbers(rollup, 'Tổng cộng')).toEqual(expect.arrayContaining([1420, 1130, 290, 1395, 25]));
    expect(rowNumbers(rollup, 'Hộ tịch').slice(0, 4)).toEqual([170, 130, 40, 0]);
    const unitSheets = workbook.worksheets.slice(1).map((s) => rowNumbers(s, 'Hộ tịch')[0]);
    expect(unitSheets).toEqual(expect.arrayContaining([120, 50]));
    await page.context().close();
  });
});
