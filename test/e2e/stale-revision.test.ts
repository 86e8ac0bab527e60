// A stale revision: the same report is open in two tabs and both edit it. The second save is refused with
// the conflict message; its edits stay on screen, and "reload and re-apply" lays them on the newer version,
// which then saves.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { cell, classesOf, openReport, poll, startE2E, text, typeRows, type E2E } from './browser';

const TEMPLATE = 'bieu-06-vpcp-kstt';
const NOW = new Date('2024-12-16T02:00:00Z');

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E('stale', NOW);
});

afterAll(async () => {
  await e2e?.close();
});

describe('two tabs on one report', () => {
  it('refuses the older revision, keeps its edits and re-applies them on the newer version', async () => {
    const first = await e2e.logIn('canbo-05974');
    await openReport(first, e2e.url, TEMPLATE, '2024Q4', '05974');
    const second = await first.context().newPage();
    await openReport(second, e2e.url, TEMPLATE, '2024Q4', '05974');

    await typeRows(first, { '01': ['30', '20', '10', '0', '30', '30', '0', '0', '0', '0', '0'] });
    await first.keyboard.press('Control+s');
    await poll(() => text(first.locator('.save-state'))).toMatch(/^Đã lưu lúc/);

    await typeRows(second, { '02': ['7', '7', '0', '0', '7', '7', '0', '0', '0', '0', '0'] });
    await second.keyboard.press('Control+s');
    const conflict = second.locator('.notice-error', { hasText: 'Báo cáo vừa được thay đổi ở nơi khác' });
    await conflict.waitFor();
    await poll(() => text(conflict)).toContain('Tải lại bản mới nhất; các ô bạn đã sửa sẽ được áp dụng lại.');
    // Its own edits are still there and still marked unsaved; the other tab's figures are not yet.
    await poll(() => text(cell(second, '02', 'nhan_tong'))).toBe('7');
    await poll(() => classesOf(cell(second, '02', 'nhan_tong'))).toContain('report-cell-dirty');
    await poll(() => text(cell(second, '01', 'nhan_tong'))).toBe('');
    await poll(() => text(second.locator('.save-state'))).toBe('11 ô chưa lưu');

    await conflict.getByRole('button', { name: 'Tải lại và áp dụng lại' }).click();
    await conflict.waitFor({ state: 'detached' });
    await poll(() => text(cell(second, '01', 'nhan_tong'))).toBe('30');
    await poll(() => text(cell(second, '02', 'nhan_tong'))).toBe('7');
    await poll(() => text(cell(second, 'TC', 'nhan_tong'))).toBe('37');
    await poll(() => classesOf(cell(second, '02', 'nhan_tong'))).toContain('report-cell-dirty');
    await poll(() => classesOf(cell(second, '01', 'nhan_tong'))).not.toContain('report-cell-dirty');

    await second.keyboard.press('Control+s');
    await poll(() => text(second.locator('.save-state'))).toMatch(/^Đã lưu lúc/);

    // Both tabs' figures are on the server.
    await first.reload();
    await first.locator('.form-header').waitFor();
    await poll(() => text(cell(first, 'TC', 'nhan_tong'))).toBe('37');
    await poll(() => text(cell(first, '02', 'da_gq_truoc_han'))).toBe('7');
    await first.context().close();
  });
});
