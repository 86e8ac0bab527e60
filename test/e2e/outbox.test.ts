// The province head opens the delivery outbox from the top bar and sees the QCVN 125 packets of the
// demo's approved reports, in approval order, waiting (no GOV_ENDPOINT is configured here); a commune
// officer has no such link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poll, startE2E, text, type E2E } from './browser';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E('outbox', new Date('2026-11-27T03:00:00Z'));
});
afterAll(async () => {
  await e2e?.close();
});

describe('the delivery outbox', () => {
  it('shows the province head every packet with its status, in approval order', async () => {
    const page = await e2e.logIn('lanhdao-20');
    await page.getByRole('link', { name: 'Gửi Chính phủ' }).click();
    await page.locator('table.outbox tbody tr').first().waitFor();
    await poll(() => text(page.locator('h1'))).toBe('Gửi Hệ thống thông tin báo cáo Chính phủ');
    const rows = page.locator('table.outbox tbody tr');
    await poll(() => rows.count()).toBeGreaterThan(10);
    const packets = new Set(await rows.locator('td:nth-child(4)').allTextContents());
    expect([...packets].sort()).toEqual(['Số liệu báo cáo', 'Trạng thái báo cáo', 'Đề cương báo cáo'].sort());
    expect(new Set(await rows.locator('td:nth-child(5)').allTextContents())).toEqual(new Set(['Đang chờ gửi']));
    const ids = await rows.locator('td:first-child').allTextContents();
    expect(ids.map(Number)).toEqual([...ids.map(Number)].sort((a, b) => a - b));
  });

  it('offers no outbox link to a commune officer', async () => {
    const page = await e2e.logIn('canbo-06187');
    await page.locator('table.worklist').waitFor();
    await poll(() => page.getByRole('link', { name: 'Gửi Chính phủ' }).count()).toBe(0);
  });
});
