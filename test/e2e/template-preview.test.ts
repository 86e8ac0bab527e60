// An admin previews a template version for a chosen period before it is in force (issue 11): the grid with
// its generated lists for that period's hierarchy, its rules and the deadline of each level, in Chromium.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { poll, startE2E, text, type E2E } from './browser';

// 17/09/2025, 10:00 in Hà Nội: Quý III/2025 (15/06–14/09) has just closed, after the 2025 reform.
const NOW = new Date('2025-09-17T03:00:00Z');

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E('template-preview', NOW);
});
afterAll(async () => {
  await e2e?.close();
});

describe('admin template preview', () => {
  it('shows Biểu 06 version 2 for a period: one row per agency and commune in force, its rules and deadlines; an earlier period says it is not in force', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${e2e.url}/`);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill(e2e.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByLabel('Tên đăng nhập').waitFor({ state: 'detached' });
    await page.goto(`${e2e.url}/#/admin?tab=templates`);

    const row = page.locator('.templates-table tr', { hasText: 'bieu-06-vpcp-kstt' });
    await row.getByRole('button', { name: 'Xem trước' }).nth(1).click();
    const preview = page.locator('.template-preview');
    await preview.waitFor();
    await poll(() => text(preview.getByTestId('preview-status'))).toContain('đang áp dụng');
    // The generated lists: the agencies and communes in force on 14/09/2025, none for districts.
    await preview.locator('.report-grid [row-id]').first().waitFor();
    // The grid renders the rows in view: scroll to the lists at the bottom.
    await preview.locator(`.report-grid [row-id="05"]`).first().hover();
    for (let i = 0; i < 6 && (await preview.locator('.report-grid [row-id="B1.20-NV"]').count()) === 0; i++) await page.mouse.wheel(0, 400);
    await preview.locator('.report-grid [row-id="B1.20-NV"]').first().waitFor();
    for (let i = 0; i < 6 && (await preview.locator('.report-grid [row-id="B3.05977"]').count()) === 0; i++) await page.mouse.wheel(0, 400);
    await preview.locator('.report-grid [row-id="B3.05977"]').first().waitFor();
    await poll(() => text(preview.locator('.report-grid [row-id="B3.05977"]').first())).toContain('Đông Kinh');
    await poll(() => preview.locator('.report-grid [row-id^="B2."]').count()).toBe(0);
    await poll(() => text(preview.locator('.ag-header'))).toContain('Từ kỳ trước chuyển qua');
    await poll(() => text(preview.getByTestId('preview-rules'))).toContain('received-balance');
    await poll(() => text(preview.getByTestId('preview-deadlines'))).toMatch(/Cấp xã\s*\d{2}\/09\/2025/);
    await poll(() => text(preview.getByTestId('table-notes'))).toContain('Cách ghi biểu');

    await preview.locator('input[name="period"]').fill('2025Q1');
    await preview.getByRole('button', { name: 'Xem', exact: true }).click();
    await poll(() => text(preview.getByTestId('preview-status'))).toContain('chưa áp dụng');
    await context.close();
  });
});
