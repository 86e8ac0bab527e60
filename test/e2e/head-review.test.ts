// After the 2025 reform: the officer of a merged commune opens its 2025Q1 report from the period chooser,
// fills and submits it; the head of the former district opens that report the same way, returns it with a
// reason from the report page itself, and both read the history.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell, poll, startE2E, text, typeRows, type E2E } from './browser';

// Late November 2026: Phường Hoàng Văn Thụ (05971) and Thành phố Lạng Sơn (178) ended on 30/06/2025.
const NOW = new Date('2026-11-27T03:00:00Z');
const TEMPLATE = 'bieu-06-vpcp-kstt';
const FORM = 'Biểu số 06/VPCP/KSTT';
const REASON = 'Dòng Hộ tịch chưa khớp sổ theo dõi, đề nghị rà soát.';

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E('review', NOW);
});

afterAll(async () => {
  await e2e?.close();
});

async function choose(page: Page, year: string, period: string, unit?: string): Promise<void> {
  const chooser = page.locator('.chooser');
  await chooser.locator('select[name="template"]').selectOption(TEMPLATE);
  await poll(() => text(chooser.locator('select[name="template"] option:checked'))).toContain(FORM);
  await chooser.locator('select[name="year"]').selectOption(year);
  await chooser.locator(`select[name="period"] option[value="${period}"]`).waitFor({ state: 'attached' });
  await chooser.locator('select[name="period"]').selectOption(period);
  if (unit) {
    await chooser.locator(`select[name="unit"] option[value="${unit}"]`).waitFor({ state: 'attached' });
    await chooser.locator('select[name="unit"]').selectOption(unit);
  }
}

describe('opening any period, and a head deciding on the report page', () => {
  it('lets the officer of a merged commune open, fill and submit its 2025Q1 report', async () => {
    const page = await e2e.logIn('canbo-05971');
    await poll(() => page.locator('table.worklist tbody tr', { hasText: FORM }).count()).toBe(0);

    // After the merger the commune has no report to open…
    await choose(page, '2025', '2025Q3');
    await poll(() => text(page.locator('.chooser-note'))).toContain('Đơn vị của bạn không có trong danh mục đơn vị hành chính ngày 14/09/2025');
    await poll(() => page.getByRole('button', { name: 'Mở báo cáo' }).isDisabled()).toBe(true);

    // …but its reports from before it are there.
    await choose(page, '2025', '2025Q1');
    await poll(() => text(page.locator('select[name="period"] option:checked'))).toBe('Quý I/2025 (15/12/2024 – 14/03/2025)');
    await poll(() => text(page.locator('select[name="unit"] option:checked'))).toBe('Phường Hoàng Văn Thụ (05971)');
    await page.getByRole('button', { name: 'Mở báo cáo' }).click();
    await page.locator('.form-header').waitFor();
    expect(page.url()).toContain('#/reports/bieu-06-vpcp-kstt/2025Q1/05971');
    await poll(() => text(page.locator('.form-unit'))).toBe('Đơn vị báo cáo: Phường Hoàng Văn Thụ (05971)');
    await poll(() => text(page.locator('.form-period'))).toBe('Quý I/2025 (Từ ngày 15/12/2024 đến ngày 14/03/2025)');
    // The deadline (18/03/2025) has passed by the server's clock.
    await poll(() => text(page.locator('.form-header .badge-late'))).toBe('Quá hạn');

    await typeRows(page, { '01': ['120', '80', '40', '0', '100', '60', '40', '0', '20', '20', '0'] });
    await page.keyboard.press('Control+s');
    await poll(() => text(page.locator('.save-state'))).toMatch(/^Đã lưu lúc/);
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.locator('dialog').getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.locator('.form-header .badge-submitted').waitFor();
    await page.context().close();
  });

  it('lets the head of the former district return it with a reason from the report page', async () => {
    const page = await e2e.logIn('lanhdao-178');
    await choose(page, '2025', '2025Q1', '05971');
    await poll(() => page.locator('select[name="unit"] option').allTextContents()).toEqual(
      expect.arrayContaining(['Thành phố Lạng Sơn (178)', expect.stringContaining('Phường Hoàng Văn Thụ (05971)'), expect.stringContaining('Phường Tam Thanh (05974)')]),
    );
    await page.getByRole('button', { name: 'Mở báo cáo' }).click();
    await page.locator('.form-header').waitFor();
    await poll(() => text(cell(page, '01', 'nhan_tong'))).toBe('120');

    const decision = page.locator('.decision-bar');
    await poll(() => text(decision)).toContain('Báo cáo của Phường Hoàng Văn Thụ đã gửi lên, chờ bạn xem xét');
    await poll(() => decision.getByRole('button', { name: 'Duyệt' }).isEnabled()).toBe(true);
    await decision.getByRole('button', { name: 'Trả lại' }).click();
    const dialog = page.locator('dialog');
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await poll(() => text(dialog.locator('.form-error'))).toBe('Hãy nhập lý do trả lại.');
    await dialog.locator('textarea[name="reason"]').fill(REASON);
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await page.locator('.form-header .badge-returned').waitFor();
    await poll(() => text(page.locator('.toast-success'))).toBe('Đã trả lại báo cáo của Phường Hoàng Văn Thụ.');
    await poll(() => decision.count()).toBe(0);

    await page.getByRole('tab', { name: 'Lịch sử' }).click();
    const rows = page.locator('.history-table tbody tr');
    await rows.first().waitFor();
    const lines = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.querySelector('.history-what')?.textContent ?? td.textContent?.trim() ?? '')));
    // Newest first, at the server's (fixed) time in Viet Nam: 03:00 UTC is 10:00.
    expect(lines[0]).toEqual(['27/11/2026 10:00', 'lanhdao-178 (bạn)', `Trả lại: ${REASON}`]);
    expect(lines[1]).toEqual(['27/11/2026 10:00', 'canbo-05971', 'Gửi báo cáo']);
    expect(lines.map((l) => l[2])).toContain('Sửa ô Hộ tịch × Tổng số: (trống) → 120');
    expect(lines.map((l) => l[2])).toContain('Sửa ô Hộ tịch × Trước hạn: (trống) → 60');
    expect(lines.at(-1)![2]).toBe('Tạo báo cáo');
    await page.locator('.history-tab').screenshot({ path: '/tmp/e2e-history.png' });
    await page.context().close();
  });

  it('shows the officer the reason and lets them edit again', async () => {
    const page = await e2e.logIn('canbo-05971');
    await page.goto(`${e2e.url}/#/reports/bieu-06-vpcp-kstt/2025Q1/05971`);
    await page.locator('.form-header .badge-returned').waitFor();
    await poll(() => text(page.locator('.notice-warning'))).toBe(`Lý do trả lại: ${REASON}`);
    await poll(() => page.getByRole('button', { name: 'Gửi báo cáo' }).isEnabled()).toBe(true);
    await page.context().close();
  });
});
