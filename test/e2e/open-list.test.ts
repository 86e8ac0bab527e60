// An open list (the case list of vu-viec-khieu-nai-to-cao-xa) in real Chromium: the form offers blank
// rows and says how many of the most it may hold; "Thêm dòng" adds one, takes the keyboard to its first
// cell, and what is typed there is saved on the server with the list's total.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, cell, focused, openReport, poll, startE2E, text, type E2E } from './browser';

// 16/12/2025: Quý I/2026 (15/12/2025–14/03/2026) is open.
const NOW = new Date('2025-12-16T02:00:00Z');
const T = 'vu-viec-khieu-nai-to-cao-xa';
const P = '2026Q1';
const UNIT = '05977';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E('open-list', NOW);
});
afterAll(async () => {
  await e2e?.close();
});

describe('an open list in the form', () => {
  it('adds a row on "Thêm dòng", types into it, and saves it with the total', async () => {
    const page = await e2e.logIn(`canbo-${UNIT}`);
    await openReport(page, e2e.url, T, P, UNIT);
    const list = page.locator('.open-list[data-list="DS"]');
    await poll(() => text(list.locator('.open-list-size'))).toBe('Các vụ việc trong kỳ: 10/200 dòng');
    await poll(() => page.locator('.report-grid [row-id="DS.11"]').count()).toBe(0);

    await list.getByRole('button', { name: 'Thêm dòng (Vụ việc)' }).click();
    await poll(() => text(list.locator('.open-list-size'))).toBe('Các vụ việc trong kỳ: 11/200 dòng');
    await poll(() => text(cell(page, 'DS.11', '_label'))).toContain('Vụ việc 11');
    await poll(() => focused(page)).toBe('DS.11/noi_dung');

    await page.keyboard.type('Khiếu nại về đất đai', { delay: 5 });
    await page.keyboard.press('Tab');
    await page.keyboard.type('Khiếu nại', { delay: 5 });
    await page.keyboard.press('Tab');
    await page.keyboard.type('3', { delay: 5 });
    await page.keyboard.press('Enter');
    await poll(() => text(cell(page, 'DS', 'so_don'))).toBe('3');
    await page.keyboard.press('Control+s');
    await poll(() => text(page.locator('.save-state'))).toMatch(/^Đã lưu lúc/);

    const api = await apiAs(e2e, `canbo-${UNIT}`);
    const saved = new Map((await api.report(T, P, UNIT)).values.map((v) => [`${v.row}|${v.col}`, v.value]));
    expect(saved.get('DS.11|noi_dung')).toBe('Khiếu nại về đất đai');
    expect(saved.get('DS.11|loai')).toBe('Khiếu nại');
    expect(saved.get('DS.11|so_don')).toBe(3);
    // The list's total is stored with the report, so the roll-up carries it.
    expect(saved.get('DS|so_don')).toBe(3);

    // Opened again, the form shows the held row and ten blank ones after it.
    await page.reload();
    await page.locator('.form-header').waitFor();
    await poll(() => text(page.locator('.open-list[data-list="DS"] .open-list-size'))).toBe('Các vụ việc trong kỳ: 21/200 dòng');
    await poll(() => text(cell(page, 'DS.11', 'noi_dung'))).toBe('Khiếu nại về đất đai');
    await page.context().close();
  }, 60_000);
});
