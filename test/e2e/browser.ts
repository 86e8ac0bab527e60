// What the browser tests share: the real server with the built client on a fresh temp database, real
// Chromium at a laptop's 1366×768, logging in through the form, and reading the grid as a user sees it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { createApi, type Api } from '../../client/api';
import { startServer } from '../../server/start';

export interface E2E {
  url: string;
  dir: string;
  browser: Browser;
  password: string;
  /** A fresh browser profile (its own cookies and local storage), logged in as `username`. */
  logIn(username: string, options?: { context?: BrowserContext }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Starts the server (demo seed, fixed clock) and Chromium; `name` prefixes the temp directory.
 * `templatesDir`: another folder of templates than report-templates/ (the shipped ones plus a test form).
 */
export async function startE2E(name: string, now: Date, options: { templatesDir?: string } = {}): Promise<E2E> {
  if (!existsSync('dist/client/index.html')) throw new Error('build the client first: npx vite build');
  const dir = mkdtempSync(join(tmpdir(), `e2e-${name}-`));
  const password = `e2e-${Math.random().toString(36).slice(2)}`;
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: `file:${join(dir, 'e2e.db')}`,
    demo: true,
    seedPassword: password,
    clientDir: 'dist/client',
    clock: () => now,
    ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}),
  });
  const browser = await chromium.launch({
    // Real scrollbars, as officers have them, so the screenshots show the grid as it fits.
    ignoreDefaultArgs: ['--hide-scrollbars'],
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

  async function logIn(username: string, options: { context?: BrowserContext } = {}): Promise<Page> {
    const context = options.context ?? (await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true, locale: 'vi-VN' }));
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`[${username}] page error:`, e.message));
    await page.goto(`${server.url}/`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Báo cáo của tôi' }).waitFor();
    return page;
  }

  return {
    url: server.url,
    dir,
    browser,
    password,
    logIn,
    async close() {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Reads until the expectation holds (the screen settles after a request), up to 15 s. */
export const poll = <T>(read: () => Promise<T>, message?: string) => expect.poll(read, { timeout: 15_000, interval: 100, message });

/** The trimmed text of the first match, or '' while there is none. */
export const text = async (l: Locator): Promise<string> => ((await l.count()) > 0 ? ((await l.first().textContent()) ?? '').trim() : '');

/** A cell of the report grid on screen (the form or the roll-up), by row code and column key. */
export const cell = (page: Page, row: string, col: string) => page.locator(`.report-grid [row-id="${row}"] [col-id="${col}"]`).first();

/** The CSS classes of a grid cell: how the grid marks errors, warnings and unsaved edits. */
export const classesOf = async (l: Locator): Promise<string[]> => ((await l.getAttribute('class')) ?? '').split(/\s+/);

/** Types rows of figures like an officer: click the row's first input, then type and Tab through the inputs. */
export async function typeRows(page: Page, rows: Record<string, string[]>, firstColumn = 'nhan_tong'): Promise<void> {
  for (const [row, values] of Object.entries(rows)) {
    await cell(page, row, firstColumn).click();
    for (const [i, v] of values.entries()) {
      if (v !== '') await page.keyboard.type(v, { delay: 10 });
      if (i < values.length - 1) await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
  }
}

/** "row/col" of the grid cell that has the keyboard focus, '' when none has. */
export const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const c = document.activeElement?.closest('.ag-cell');
    return c ? `${c.closest('[row-id]')?.getAttribute('row-id')}/${c.getAttribute('col-id')}` : '';
  });

/** Puts text on the clipboard as a spreadsheet would, then pastes it into the focused cell (Ctrl+V). */
export async function paste(page: Page, tsv: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), tsv);
  await page.keyboard.press('Control+v');
}

/** Opens a report by its address, as a bookmark or a reload does. */
export async function openReport(page: Page, url: string, template: string, period: string, unit: string): Promise<void> {
  await page.goto(`${url}/#/reports/${template}/${period}/${unit}`);
  await page.locator('.form-header').waitFor();
}

/**
 * The HTTP API as `username`, outside the browser (to set up other reports): the client's own typed calls,
 * over Node's fetch carrying the session cookie the login sets.
 */
export async function apiAs(e2e: Pick<E2E, 'url' | 'password'>, username: string): Promise<Api> {
  let cookie = '';
  const api = createApi({
    base: `${e2e.url}/api`,
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      if (cookie) headers.set('cookie', cookie);
      const res = await fetch(input, { ...init, headers });
      const set = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
      if (set.length > 0) cookie = set.join('; ');
      return res;
    },
  });
  await api.login(username, e2e.password);
  return api;
}
