// Issue 7's flow in real Chromium: a commune officer submits the citizen-reception report, which its
// template routes to Thanh tra tỉnh; the inspectorate's head returns it with a reason; the officer sees
// the reason, corrects and resubmits; the head sees the changed cells and approves; the inspectorate
// compiles the province's report and the province's head approves it, which locks the commune's; and the
// officer of today's 05977 cannot open the report of the unit that held 05977 before the reform.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell, openReport, poll, startE2E, text, type E2E } from './browser';

// 16/06/2026: 2026Q2 (15/03–14/06) has just closed; the demo seeded the quarter before it.
const NOW = new Date('2026-06-16T03:00:00Z');
const T = 'tiep-cong-dan-xa';
const P = '2026Q2';
const REASON = 'Số lượt tiếp đoàn đông người chưa khớp sổ tiếp công dân.';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E('agency', NOW);
});
afterAll(async () => {
  await e2e?.close();
});

/** Types a figure into a cell of the form and saves. */
async function enter(page: Page, row: string, value: string) {
  await cell(page, row, 'ky_nay').click();
  await page.keyboard.type(value, { delay: 10 });
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+s');
  await poll(() => text(page.locator('.save-state'))).toMatch(/^Đã lưu lúc/);
}

async function submit(page: Page) {
  await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await page.locator('dialog').getByRole('button', { name: 'Gửi báo cáo' }).click();
  await page.locator('.form-header .badge-submitted').waitFor();
}

describe('a report routed to an agency, through two levels of approval', () => {
  it('the officer submits; the inspectorate returns it with a reason', async () => {
    const officer = await e2e.logIn('canbo-05977');
    await openReport(officer, e2e.url, T, P, '05977');
    await enter(officer, '1', '12');
    await enter(officer, '1.1', '2');
    await submit(officer);
    await officer.context().close();

    const head = await e2e.logIn('lanhdao-20-ttr');
    await openReport(head, e2e.url, T, P, '05977');
    await poll(() => text(cell(head, '1.1', 'ky_nay'))).toBe('2');
    const decision = head.locator('.decision-bar');
    await decision.getByRole('button', { name: 'Trả lại' }).click();
    await head.locator('dialog textarea[name="reason"]').fill(REASON);
    await head.locator('dialog').getByRole('button', { name: 'Trả lại' }).click();
    await head.locator('.form-header .badge-returned').waitFor();
    await head.context().close();
  });

  it('the officer sees the reason on the form, corrects and resubmits', async () => {
    const officer = await e2e.logIn('canbo-05977');
    await openReport(officer, e2e.url, T, P, '05977');
    await poll(() => text(officer.locator('.notice-warning'))).toBe(`Lý do trả lại: ${REASON}`);
    await enter(officer, '1.1', '3');
    await submit(officer);
    await officer.context().close();
  });

  it("the inspectorate's head sees the changed cell, old → new, and approves", async () => {
    const head = await e2e.logIn('lanhdao-20-ttr');
    await openReport(head, e2e.url, T, P, '05977');
    const changes = head.locator('.changes-panel tbody tr');
    await changes.first().waitFor();
    await poll(() => changes.count()).toBe(1);
    const cells = await changes.first().locator('td').allTextContents();
    expect(cells[0]).toContain('lượt tiếp đoàn đông người');
    expect(cells.slice(1)).toEqual(['2', '3']);
    await head.locator('.decision-bar').getByRole('button', { name: 'Duyệt' }).click();
    await head.locator('.form-header .badge-approved').waitFor();
    await head.screenshot({ path: '/tmp/e2e-agency-approved.png', fullPage: true });
    await head.context().close();
  });

  it("the inspectorate compiles the province's report; the province's head approves it and the commune's locks", async () => {
    const compiler = await e2e.logIn('canbo-20-ttr');
    await openReport(compiler, e2e.url, T, P, '20');
    await enter(compiler, '1', '40');
    await submit(compiler);
    await compiler.context().close();

    const province = await e2e.logIn('lanhdao-20');
    // A head lands on the units below; their own unit's form is a tab away.
    await province.goto(`${e2e.url}/#/reports/${T}/${P}/20?tab=form`);
    await province.locator('.form-header').waitFor();
    await province.locator('.decision-bar').getByRole('button', { name: 'Duyệt' }).click();
    await province.locator('.form-header .badge-approved').waitFor();
    await province.context().close();

    const head = await e2e.logIn('lanhdao-20-ttr');
    await openReport(head, e2e.url, T, P, '05977');
    await poll(() => text(head.locator('.lock-notice'))).toContain('Tỉnh Lạng Sơn đã duyệt');
    await poll(() => head.locator('.decision-bar').count()).toBe(0);
    await head.context().close();
  });

  it("the officer of 05977 (Đông Kinh) cannot open the 2021 report of 05977 (Vĩnh Trại)", async () => {
    const officer = await e2e.logIn('canbo-05977');
    await officer.goto(`${e2e.url}/#/reports/bieu-06-vpcp-kstt/2021Q1/05977`);
    await poll(() => text(officer.locator('.error-box'))).toContain('Bạn không có quyền');
    await poll(() => officer.locator('.report-grid').count()).toBe(0);
    await officer.context().close();
  });
});
