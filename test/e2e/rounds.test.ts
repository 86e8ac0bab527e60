// Rounds (issue 11) in real Chromium: on a form with a preliminary round (kinh-te-xa-hoi-xa version 3,
// from 202707) the officer switches between Số ước and Số chính thức, each with its own deadline, and a
// figure saved in the preliminary round stays out of the official report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, cell, openReport, poll, startE2E, text, type E2E } from './browser';

// Wednesday 14/07/2027: the cutoff of 202707 (15/06–14/07/2027).
const NOW = new Date('2027-07-14T03:00:00Z');
const T = 'kinh-te-xa-hoi-xa';
const P = '202707';
const UNIT = '05977';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E('rounds', NOW);
});
afterAll(async () => {
  await e2e?.close();
});

describe('a report with a preliminary and an official round', () => {
  it('switches between Số ước and Số chính thức, each with its deadline, and keeps their figures apart', async () => {
    const page = await e2e.logIn(`canbo-${UNIT}`);
    await openReport(page, e2e.url, T, P, UNIT);
    const rounds = page.locator('.round-switch');
    await poll(() => text(rounds.locator('.round.active strong'))).toBe('Số chính thức');
    await poll(() => text(rounds.locator('[data-round="preliminary"] .round-deadline'))).toContain('15/07/2027');
    await poll(() => text(rounds.locator('[data-round="official"] .round-deadline'))).toContain('05/08/2027');

    await rounds.locator('[data-round="preliminary"]').click();
    await poll(() => page.evaluate(() => location.hash)).toContain('round=preliminary');
    await poll(() => text(page.locator('.round-switch .round.active strong'))).toBe('Số ước');
    await poll(() => text(page.locator('.form-header .form-meta'))).toContain('15/07/2027');

    await cell(page, '3', 'thuc_hien').click();
    await page.keyboard.type('321', { delay: 10 });
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+s');
    await poll(() => text(page.locator('.save-state'))).toMatch(/^Đã lưu lúc/);
    await poll(() => text(cell(page, '3', 'thuc_hien'))).toBe('321,00');

    // Back on the official round: its own deadline, and the estimate is not in it.
    await page.locator('.round-switch [data-round="official"]').click();
    await poll(() => text(page.locator('.round-switch .round.active strong'))).toBe('Số chính thức');
    await poll(() => text(page.locator('.form-header .form-meta'))).toContain('05/08/2027');
    const api = await apiAs(e2e, `canbo-${UNIT}`);
    const area = (r: { values: { row: string; col: string; value: unknown }[] }) => r.values.find((x) => x.row === '3' && x.col === 'thuc_hien')?.value;
    await poll(async () => area(await api.forRound('preliminary').report(T, P, UNIT))).toBe(321);
    expect(area(await api.report(T, P, UNIT))).not.toBe(321);
    await page.context().close();
  }, 60_000);
});
