// The report page on a commune's weak link: 1.6 Mbit/s down, 150 ms latency (Chromium's network
// emulation over CDP). The test asserts behaviour only: the form opens and takes a figure on that link,
// cold (nothing cached) and warm (the browser's cache from the visit before). The load times and the
// JavaScript transferred are printed, not asserted (house rule: figures are measured, not pass/fail);
// README "Weak link" records them.
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell, poll, startE2E, text, type E2E } from './browser';

const TEMPLATE = 'bieu-06-vpcp-kstt';
const NOW = new Date('2024-12-16T02:00:00Z');
const LINK = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 800_000 / 8 };

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E('slow-link', NOW);
});

afterAll(async () => {
  await e2e?.close();
});

/** Bytes on the wire (compressed, headers included) of the JavaScript responses, as Chromium counts them. */
function countJs(cdp: CDPSession): { js: () => number; reset: () => void } {
  const scripts = new Set<string>();
  let bytes = 0;
  cdp.on('Network.responseReceived', (e: { requestId: string; type: string }) => {
    if (e.type === 'Script') scripts.add(e.requestId);
  });
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
    if (scripts.has(e.requestId)) bytes += e.encodedDataLength;
  });
  return { js: () => bytes, reset: () => (bytes = 0) };
}

/** From navigation until the form shows its grid and an input cell takes a figure. */
async function openUsable(page: Page, go: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await go();
  await cell(page, '01', 'nhan_tong').waitFor({ timeout: 60_000 });
  const ms = performance.now() - start;
  return ms;
}

describe('the report page on a 1.6 Mbit/s, 150 ms link', () => {
  it('opens usable cold and warm; prints the times and the JavaScript transferred', async () => {
    // The service worker is left out here: the figures are the page's own, on the browser's HTTP cache.
    const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', serviceWorkers: 'block' });
    const login = await context.request.post(`${e2e.url}/api/auth/login`, { data: { username: 'canbo-05971', password: e2e.password } });
    expect(login.status()).toBe(200);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', LINK);
    const counter = countJs(cdp);
    const url = `${e2e.url}/#/reports/${TEMPLATE}/2024Q4/05971`;

    const cold = await openUsable(page, () => page.goto(url));
    const coldJs = counter.js();
    await poll(() => text(page.locator('.form-header'))).toContain('06/VPCP/KSTT');

    counter.reset();
    const warm = await openUsable(page, () => page.reload());
    const warmJs = counter.js();

    // Usable: a figure typed on the slow link shows and counts in the total.
    await cell(page, '01', 'nhan_tong').click();
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await poll(() => text(cell(page, 'TC', 'nhan_tong'))).toBe('7');

    console.log(
      `[slow-link] 1.6 Mbit/s, 150 ms: cold ${(cold / 1000).toFixed(2)} s (JS ${(coldJs / 1024).toFixed(0)} KB on the wire), ` +
        `warm ${(warm / 1000).toFixed(2)} s (JS ${(warmJs / 1024).toFixed(0)} KB)`,
    );
    await context.close();
  });
});
