// The dashboards on the demo data, as a commune officer, a district head, an agency head and the province's head see
// them: every count, line and point on screen is the number the API gives for the same question, the
// drill-down follows the hierarchy in force, numbers link to the reports behind them, uPlot comes only
// with the dashboard, and the page reads at 390 px. Screenshots go to /tmp/dashboard-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardStatus } from '../../schema/dashboard';
import { formatNumber } from '../../client/format';
import { apiAs, poll, startE2E, text, type E2E } from './browser';

// 27/11/2026, 10:00 in Hà Nội: Tháng 11/2026 was due on 16/11 (one commune in each state); 2026Q3 of the
// citizen-reception report is the last quarter due, routed to Thanh tra tỉnh.
const NOW = new Date('2026-11-27T03:00:00Z');
const KTXH = 'kinh-te-xa-hoi-xa';
const TCD = 'tiep-cong-dan-xa';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E('dashboard', NOW);
});
afterAll(async () => {
  await e2e?.close();
});

const COUNTS = ['expected', 'submitted', 'approved', 'returned', 'late', 'missing'] as const;

async function openDashboard(page: Page, query: string): Promise<void> {
  await page.goto(`${e2e.url}/#/dashboard?${query}`);
  await page.locator('.dash-cards').waitFor();
  await page.locator('.dash-trend tbody tr').first().waitFor();
  await page.locator('.dash-points tbody tr').first().waitFor();
}

/** The status cards, the reports table and the drill-down bars hold the API's numbers. */
async function expectStatusOnScreen(page: Page, status: DashboardStatus): Promise<void> {
  for (const key of COUNTS) {
    await poll(() => text(page.locator(`.dash-card[data-count="${key}"] .dash-card-number`)), key).toBe(formatNumber(status[key]));
  }
  const rows = page.locator('.dash-units tbody tr');
  await poll(() => rows.count()).toBe(status.units.length);
  for (const u of status.units) {
    const row = page.locator(`.dash-units tbody tr[data-unit="${u.unitCode}"]`);
    await poll(() => row.locator('a').getAttribute('href')).toBe(`#/reports/${status.template}/${status.period.id}/${u.unitCode}`);
    if (u.daysLate !== undefined) await poll(() => text(row.locator('td').nth(3))).toBe(`trễ ${formatNumber(u.daysLate)} ngày làm việc`);
    if (u.daysLeft !== undefined && u.daysLeft > 0) await poll(() => text(row.locator('td').nth(3))).toBe(`còn ${formatNumber(u.daysLeft)} ngày làm việc`);
  }
  for (const c of status.children) {
    const bar = page.locator(`.dash-bar-row[data-unit="${c.unitCode}"]`);
    await poll(() => text(bar.locator('[data-count="submitted"]'))).toBe(formatNumber(c.submitted));
    await poll(() => text(bar.locator('[data-count="expected"]'))).toBe(formatNumber(c.expected));
  }
}

describe('dashboards on the demo data', () => {
  it('shows the province head the five communes of Tháng 11/2026 in every state, as the API counts them, with the trend, the figures and the comparison', async () => {
    const page = await e2e.logIn('lanhdao-20');
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    // The dashboard is reachable from the navigation, and opens on the head's own unit.
    await page.getByRole('link', { name: 'Tổng quan' }).click();
    await page.locator('.dash-cards').waitFor();
    expect(scripts.some((s) => s.includes('DashboardPage'))).toBe(true);

    const api = await apiAs(e2e, 'lanhdao-20');
    await openDashboard(page, `template=${KTXH}&period=202611&under=20&row=20`);
    const status = await api.dashboardStatus(KTXH, '202611', '20');
    expect(status.expected).toBe(5);
    await expectStatusOnScreen(page, status);
    await poll(() => text(page.locator('#dash-status-title'))).toBe('Tình hình báo cáo Tháng 11/2026 — Tỉnh Lạng Sơn');

    // A count picks its reports out of the table.
    await page.locator('.dash-card[data-count="late"]').click();
    await poll(() => page.locator('.dash-units tbody tr').count()).toBe(status.late);
    await page.locator('.dash-card[data-count="late"]').click();

    // Overdue and due lists.
    const overdue = status.units.filter((u) => u.isLate && u.status !== 'submitted' && u.status !== 'approved');
    await poll(() => page.locator('.dash-due-list.overdue li').count()).toBe(overdue.length);

    // Timeliness: the table under the stacked bars is the API's.
    const trend = await api.dashboardTimeliness(KTXH, '20', { to: '202611', periods: 12 });
    await poll(() => page.locator('.dash-trend tbody tr').count()).toBe(trend.periods.length);
    for (const p of trend.periods) {
      const row = page.locator(`.dash-trend tr[data-period="${p.id}"]`);
      await poll(() => text(row.locator('[data-count="onTime"]'))).toBe(formatNumber(p.onTime));
      await poll(() => text(row.locator('[data-count="late"]'))).toBe(formatNumber(p.late));
    }
    await poll(() => page.locator('.dash-often-late li').count()).toBe(trend.oftenLate.length);
    await poll(() => page.locator('.dash-section canvas').count()).toBeGreaterThanOrEqual(2);

    // The poverty rate over the months, a ratio of sums, and the communes compared.
    const series = await api.dashboardSeries({ template: KTXH, unit: '20', row: '20', col: 'thuc_hien', to: '202611' });
    for (const p of series.points) {
      await poll(() => text(page.locator(`.dash-points tr[data-period="${p.id}"] [data-value]`))).toBe(formatNumber(p.value));
    }
    const compare = await api.dashboardCompare({ template: KTXH, period: '202611', under: '20', row: '20', col: 'thuc_hien' });
    await poll(() => text(page.locator('.dash-compare [data-total]'))).toBe(formatNumber(compare.total));
    const onScreen = await page.locator('.dash-hbars li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-unit')));
    expect(onScreen).toEqual(compare.units.map((u) => u.unitCode));
    await page.screenshot({ path: '/tmp/dashboard-province.png', fullPage: true });

    // Drill down to a commune: the hierarchy in force (no district after the reform), and back up.
    await page.locator('.dash-bar-row[data-unit="05983"] a').click();
    await poll(() => text(page.locator('#dash-status-title'))).toBe('Tình hình báo cáo Tháng 11/2026 — Phường Lương Văn Tri');
    await poll(() => text(page.locator('.dash-crumbs a'))).toBe('Tỉnh Lạng Sơn');
    await expectStatusOnScreen(page, await api.dashboardStatus(KTXH, '202611', '05983'));

    // A number leads to the report behind it.
    await page.locator('.dash-units tbody tr[data-unit="05983"] a').click();
    await page.locator('.form-header').waitFor();
    expect(page.url()).toContain(`#/reports/${KTXH}/202611/05983`);

    // Before the reform the province drills down to its districts.
    await openDashboard(page, `template=${KTXH}&period=202506&under=20`);
    const before = await api.dashboardStatus(KTXH, '202506', '20');
    expect(before.children.map((c) => c.level)).toContain('district');
    await expectStatusOnScreen(page, before);
  });

  it('reads at phone width (390 px) and for print', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', deviceScaleFactor: 1 });
    const page = await e2e.logIn('lanhdao-20', { context });
    await openDashboard(page, `template=${KTXH}&period=202611&under=20&row=20`);
    // Nothing wider than the screen: the page does not scroll sideways.
    await poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: '/tmp/dashboard-phone.png', fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await poll(() => page.locator('.app-bar').isVisible()).toBe(false);
    await page.screenshot({ path: '/tmp/dashboard-print.png', fullPage: true });
    await context.close();
  });

  it('shows the head of Thanh tra tỉnh the citizen-reception reports routed to it, and refuses the monthly report it does not receive', async () => {
    const page = await e2e.logIn('lanhdao-20-ttr');
    const api = await apiAs(e2e, 'lanhdao-20-ttr');
    await openDashboard(page, `template=${TCD}&period=2026Q3&under=20-TTR`);
    const status = await api.dashboardStatus(TCD, '2026Q3', '20-TTR');
    expect(status.units.map((u) => u.unitCode).sort()).toEqual(['05977', '05983', '05986', '06001', '06187']);
    await expectStatusOnScreen(page, status);
    await page.screenshot({ path: '/tmp/dashboard-agency.png', fullPage: true });

    await page.goto(`${e2e.url}/#/dashboard?template=${KTXH}&period=202611&under=20`);
    await poll(() => text(page.locator('.error-box'))).toContain('không có quyền');
  });

  it('shows the head of a former district (Thành phố Lạng Sơn, before the reform) its communes of Tháng 06/2025, and no way above it', async () => {
    const page = await e2e.logIn('lanhdao-178');
    const api = await apiAs(e2e, 'lanhdao-178');
    await openDashboard(page, `template=${KTXH}&period=202506&under=178`);
    const status = await api.dashboardStatus(KTXH, '202506', '178');
    expect(status.under.level).toBe('district');
    expect(status.units.length).toBeGreaterThan(0);
    expect(status.units.every((u) => u.parentCode === '178')).toBe(true);
    await expectStatusOnScreen(page, status);
    await poll(() => page.locator('.dash-crumbs a').count()).toBe(0);
    await page.screenshot({ path: '/tmp/dashboard-district.png', fullPage: true });
  });

  it('shows a commune officer their own report, late, in working days, and their commune’s figures over time', async () => {
    const page = await e2e.logIn('canbo-06001');
    await page.getByRole('link', { name: 'Tổng quan' }).click();
    await page.goto(`${e2e.url}/#/dashboard?template=${KTXH}&period=202611&under=06001`);
    await openDashboard(page, `template=${KTXH}&period=202611&under=06001`);
    const api = await apiAs(e2e, 'canbo-06001');
    const status = await api.dashboardStatus(KTXH, '202611', '06001');
    expect(status.units).toHaveLength(1);
    expect(status.units[0]!.isLate).toBe(true);
    await expectStatusOnScreen(page, status);
    await poll(() => page.locator('.dash-due-list.overdue li[data-unit="06001"]').count()).toBe(1);
    // No way up to the province the officer holds no role on.
    await poll(() => page.locator('.dash-crumbs a').count()).toBe(0);
    const series = await api.dashboardSeries({ template: KTXH, unit: '06001', row: '1', to: '202611' });
    for (const p of series.points) {
      await poll(() => text(page.locator(`.dash-points tr[data-period="${p.id}"] [data-value]`))).toBe(formatNumber(p.value));
    }
    await page.screenshot({ path: '/tmp/dashboard-commune.png', fullPage: true });
  });
});
