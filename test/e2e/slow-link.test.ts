// The report page on a commune's weak link: 1.6 Mbit/s down, 150 ms round trip (a throttling proxy in
// front of the server, test/e2e/slow-proxy.ts, which slows the service worker's requests as well as the
// page's). The test asserts behaviour only: the form opens and takes a figure on that link, cold (nothing
// cached), warm on the browser's cache alone, and warm with the service worker that officers have after
// their first visit. The load times and the JavaScript transferred are printed, not asserted (house rule:
// figures are measured, not pass/fail); README "Weak link" records them.
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell, poll, startE2E, text, type E2E } from './browser';
import { startSlowProxy, type SlowProxy } from './slow-proxy';

const TEMPLATE = 'bieu-06-vpcp-kstt';
const NOW = new Date('2024-12-16T02:00:00Z');
const LINK = { latencyMs: 150, downBytesPerSecond: 1_600_000 / 8, upBytesPerSecond: 800_000 / 8 };

let e2e: E2E;
let link: SlowProxy;

beforeAll(async () => {
  e2e = await startE2E('slow-link', NOW);
  link = await startSlowProxy(e2e.url, LINK);
});

afterAll(async () => {
  await link?.close();
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

/** A fresh browser profile signed in as the officer, with its JavaScript counted on the wire. */
async function officerPage(serviceWorkers: 'allow' | 'block') {
  const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', serviceWorkers });
  const login = await context.request.post(`${link.url}/api/auth/login`, { data: { username: 'canbo-05971', password: e2e.password } });
  expect(login.status()).toBe(200);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  return { context, page, counter: countJs(cdp), url: `${link.url}/#/reports/${TEMPLATE}/2024Q4/05971` };
}

describe('the report page on a 1.6 Mbit/s, 150 ms link', () => {
  it('opens usable cold and warm, with and without the service worker; prints the times and the JavaScript transferred', async () => {
    // The browser's HTTP cache alone: the page's own figures.
    const plain = await officerPage('block');
    const cold = await openUsable(plain.page, () => plain.page.goto(plain.url));
    const coldJs = plain.counter.js();
    await poll(() => text(plain.page.locator('.form-header'))).toContain('06/VPCP/KSTT');
    plain.counter.reset();
    const warm = await openUsable(plain.page, () => plain.page.reload());
    const warmJs = plain.counter.js();

    // Usable: a figure typed on the slow link shows and counts in the total.
    await cell(plain.page, '01', 'nhan_tong').click();
    await plain.page.keyboard.type('7');
    await plain.page.keyboard.press('Enter');
    await poll(() => text(cell(plain.page, 'TC', 'nhan_tong'))).toBe('7');
    await plain.context.close();

    // With the service worker, as an officer has it from the second visit on: the first visit installs
    // it; the page, its code and the kept answers then come from the worker.
    const kept = await officerPage('allow');
    await openUsable(kept.page, () => kept.page.goto(kept.url));
    await kept.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await openUsable(kept.page, () => kept.page.reload());
    kept.counter.reset();
    const withWorker = await openUsable(kept.page, () => kept.page.reload());
    expect(await kept.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await cell(kept.page, '01', 'nhan_tong').click();
    await kept.page.keyboard.type('8');
    await kept.page.keyboard.press('Enter');
    await poll(() => text(cell(kept.page, 'TC', 'nhan_tong'))).toBe('8');
    await kept.context.close();

    console.log(
      `[slow-link] 1.6 Mbit/s, 150 ms: cold ${(cold / 1000).toFixed(2)} s (JS ${(coldJs / 1024).toFixed(0)} KB on the wire), ` +
        `warm ${(warm / 1000).toFixed(2)} s (JS ${(warmJs / 1024).toFixed(0)} KB), warm with the service worker ${(withWorker / 1000).toFixed(2)} s`,
    );
  }, 120_000);
});
