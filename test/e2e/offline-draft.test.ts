// A dropped connection loses nothing: the officer types figures, the line goes down, saving fails with a
// clear Vietnamese message, the figures stay on screen (and in the draft kept on the computer), and they
// are sent by themselves once the line is back. (A reload with no line: offline-replay.test.ts.)
import { afterAll, beforeAll, describe, it } from 'vitest';
import { cell, classesOf, openReport, poll, startE2E, text, typeRows, type E2E } from './browser';

const TEMPLATE = 'bieu-06-vpcp-kstt';
// 2024Q4 (15/09–14/12/2024) has just closed and nothing is stored for it yet.
const NOW = new Date('2024-12-16T02:00:00Z');
const FIGURES = { '01': ['120', '80', '40', '0', '100', '60', '40', '0', '20', '20', '0'] };

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E('offline', NOW);
});

afterAll(async () => {
  await e2e?.close();
});

describe('a dropped connection', () => {
  it('keeps typed figures through a failed save and a reload, and saves them once back online', async () => {
    const page = await e2e.logIn('canbo-05971');
    await openReport(page, e2e.url, TEMPLATE, '2024Q4', '05971');
    await typeRows(page, FIGURES);
    await poll(() => text(page.locator('.save-state'))).toBe('11 ô chưa lưu');

    await page.context().setOffline(true);
    await poll(() => text(page.locator('.offline-strip'))).toContain('Mất kết nối mạng');
    await page.keyboard.press('Control+s');
    await poll(() => text(page.locator('.save-error'))).toBe(
      'Chưa lưu được. Không kết nối được tới máy chủ. Kiểm tra mạng rồi thử lại. Các ô đã sửa vẫn được giữ trên máy này và không bị mất.',
    );
    // Nothing is lost on screen: the figures stay, marked as not saved.
    await poll(() => text(page.locator('.save-state'))).toBe('11 ô chưa lưu');
    await poll(() => text(cell(page, '01', 'nhan_tong'))).toBe('120');
    await poll(() => classesOf(cell(page, '01', 'nhan_tong'))).toContain('report-cell-dirty');

    // The line is back: the kept figures are sent by themselves, on the revision they were typed on.
    await page.context().setOffline(false);
    await poll(() => text(page.locator('.save-state'))).toMatch(/^Đã lưu lúc \d\d:\d\d$/);
    await poll(() => text(page.locator('.save-error'))).toBe('');
    await poll(() => text(page.locator('.offline-strip'))).toBe('');

    // The server has them now: a fresh load shows them with nothing left to restore.
    await page.reload();
    await page.locator('.form-header').waitFor();
    await poll(() => text(cell(page, '01', 'da_gq_truoc_han'))).toBe('60');
    await poll(() => classesOf(cell(page, '01', 'da_gq_truoc_han'))).not.toContain('report-cell-dirty');
    await poll(() => page.getByText('Đã khôi phục').count()).toBe(0);
    await page.context().close();
  });
});
