// A rule broken as the officer types (Biểu 06: "Tổng số" received 10 while its parts add to 9) marks the
// cell and lists the issue at once, is shown again from the server's verdict when the report is reopened,
// and blocks submission until it is fixed.
import { describe, it, onTestFinished } from 'vitest';
import { cell, classesOf, openReport, poll, startE2E, text, typeRows } from './browser';

const TEMPLATE = 'bieu-06-vpcp-kstt';
const NOW = new Date('2024-12-16T02:00:00Z');
// Received 10 = online 5 + in person 4 + carried over 0 (= 9: wrong); resolved 9, pending 1.
const UNBALANCED = { '01': ['10', '5', '4', '0', '9', '5', '4', '0', '1', '1', '0'] };
const MESSAGE = 'Hộ tịch: tổng số hồ sơ nhận giải quyết ở cột (1) là 10, phải bằng trực tuyến (2) + trực tiếp và dịch vụ bưu chính (3) + từ kỳ trước (4) là 9.';

describe('rule checks in the grid', () => {
  it('marks the cell and lists the issue as the officer types, and refuses to submit until it is fixed', async () => {
    // A server of its own per attempt: a retry must not start from the report the failed attempt submitted.
    const e2e = await startE2E('rules', NOW);
    onTestFinished(() => e2e.close());
    const page = await e2e.logIn('canbo-05971');
    await openReport(page, e2e.url, TEMPLATE, '2024Q4', '05971');
    await poll(() => text(page.locator('.toolbar .ok-line'))).toBe('✓ Không phát hiện lỗi.');

    await typeRows(page, UNBALANCED);
    const total = cell(page, '01', 'nhan_tong');
    await poll(() => classesOf(total)).toContain('report-cell-error');
    const panel = page.locator('.issues-panel');
    await poll(() => text(panel.locator('.count-error'))).toBe('1 lỗi');
    await poll(() => text(panel.locator('.issue-error .issue-message'))).toBe(MESSAGE);
    await poll(() => text(panel.locator('.issue-error .issue-cell'))).toBe('Dòng 01 Hộ tịch · Số hồ sơ nhận giải quyết › Tổng số');
    // The parts themselves are not blamed.
    await poll(() => classesOf(cell(page, '01', 'nhan_truc_tiep'))).not.toContain('report-cell-error');

    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await poll(() => text(page.locator('.toast-error'))).toBe('Còn lỗi số liệu: sửa các ô được tô đỏ trước khi gửi.');
    await poll(() => page.locator('dialog').count()).toBe(0);

    // Saving is allowed with errors; reopened, the report shows the server's verdict before any edit.
    await page.keyboard.press('Control+s');
    await poll(() => text(page.locator('.save-state'))).toMatch(/^Đã lưu lúc/);
    await page.reload();
    await page.locator('.form-header').waitFor();
    await poll(() => classesOf(cell(page, '01', 'nhan_tong'))).toContain('report-cell-error');
    await poll(() => text(page.locator('.issues-panel .issue-error .issue-message'))).toBe(MESSAGE);
    await poll(() => text(page.locator('.form-header .badge'))).toContain('Đang soạn');

    // Fixed: 5 in person makes the parts add up to 10.
    await cell(page, '01', 'nhan_truc_tiep').click();
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await poll(() => classesOf(cell(page, '01', 'nhan_tong'))).not.toContain('report-cell-error');
    await poll(() => page.locator('.issues-panel').count()).toBe(0);
    await poll(() => text(page.locator('.toolbar .ok-line'))).toBe('✓ Không phát hiện lỗi.');

    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.locator('dialog').getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.locator('.form-header .badge-submitted').waitFor();
    await poll(() => text(page.locator('.toast-success'))).toBe('Đã gửi báo cáo.');
    await page.context().close();
  });
});
