// GET /api/dashboard/*: on the demo data, the status below a unit counts as the roll-up and the list of
// reports do, with working days left or late; timeliness per period agrees with each period's status;
// an indicator's series is the roll-up's figure period by period, with last year and completeness; the
// comparison is each unit's roll-up. Scope follows the signed-in user (403), bad input is a 4xx in the
// one error shape (never a 500). On a test form, the series and timeliness continue across the 2025
// reform through the units a commune continues, flagged where one was absorbed only in part.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Aggregate, CellValueOut, ReportListItem } from '../../../schema/api';
import type { DashboardCompare, DashboardSeries, DashboardStatus, DashboardTimeliness } from '../../../schema/dashboard';
import { addDays, dayOfWeek, periodFromId } from '../../../domain/periods';
import { seedDemoReports } from '../../../server/seed/demo-reports';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { filingDay, grantPreReformRoles, rollupTemplatesDir, T } from '../services/rollup-fixtures';

// 27/11/2026 (Friday), 10:00 in Hà Nội: Tháng 11/2026 was due on Monday 16/11; Tháng 12 is open.
const NOW = new Date('2026-11-27T03:00:00Z');
const KTXH = 'kinh-te-xa-hoi-xa';
const TCD = 'tiep-cong-dan-xa';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  await seedDemoReports(t.deps);
}, 120_000);
afterAll(() => t.close());

const cookies = new Map<string, Promise<string>>();
const cookieOf = (username: string) => {
  if (!cookies.has(username)) cookies.set(username, t.login(username));
  return cookies.get(username)!;
};
async function get<R>(path: string, username = 'lanhdao-20'): Promise<R> {
  const res = await t.request(path, { cookie: await cookieOf(username) });
  expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
  return res.json() as Promise<R>;
}
const at = (values: CellValueOut[], row: string, col: string) => values.find((v) => v.row === row && v.col === col)?.value ?? null;

/** Monday to Friday strictly after `from` up to `to`: November and December 2026 have no day off. */
function weekdaysBetween(from: string, to: string): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (dayOfWeek(d) >= 1 && dayOfWeek(d) <= 5) n++;
  return n;
}

describe('GET /api/dashboard/status', () => {
  it('counts the five communes of Tháng 11/2026 as the roll-up’s completeness and the list of reports do, in the shape of api.md', async () => {
    const s = await get<DashboardStatus>(`/api/dashboard/status?template=${KTXH}&period=202611&under=20`);
    for (const key of ['expected', 'submitted', 'approved', 'returned', 'late', 'missing'] as const) expect(typeof s[key]).toBe('number');
    const agg = await get<Aggregate>(`/api/aggregates/${KTXH}/202611/20?include=submitted`);
    expect({ expected: s.expected, submitted: s.submitted, approved: s.approved, onTime: s.onTime }).toEqual(agg.completeness);
    const list = await get<ReportListItem[]>(`/api/reports?template=${KTXH}&period=202611&under=20`);
    expect(s.units.map((u) => [u.unitCode, u.status, u.isLate]).sort()).toEqual(list.map((r) => [r.unitCode, r.status, r.isLate]).sort());
    expect(s.returned).toBe(list.filter((r) => r.status === 'returned').length);
    expect(s.missing).toBe(list.filter((r) => r.status === 'draft').length);
    expect(s.late).toBe(list.filter((r) => r.isLate).length);
    expect(s.expected).toBe(s.submitted + s.returned + s.missing);
    // The demo's plan: one commune per state.
    expect(Object.fromEntries(s.units.map((u) => [u.unitCode, u.status]))).toEqual({ '05977': 'approved', '05983': 'approved', '05986': 'submitted', '06187': 'returned', '06001': 'draft' });
  });

  it('counts days late in working days: sent late up to the day it went, not sent up to today', async () => {
    const s = await get<DashboardStatus>(`/api/dashboard/status?template=${KTXH}&period=202611&under=20`);
    const line = (code: string) => s.units.find((u) => u.unitCode === code)!;
    // Xã Đoàn Kết sent nothing: Monday 16/11 to Friday 27/11 is nine working days.
    expect(line('06001')).toMatchObject({ isLate: true, deadline: '2026-11-16', daysLate: weekdaysBetween('2026-11-16', '2026-11-27') });
    expect(line('06001').daysLate).toBe(9);
    const sentLate = line('05983');
    const sentDay = new Date(new Date(sentLate.submittedAt!).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    expect(sentLate.daysLate).toBe(weekdaysBetween(sentLate.deadline!, sentDay));
    expect(line('05977').daysLate).toBeUndefined();
    expect(line('05977').daysLeft).toBeUndefined();
  });

  it('gives the open month’s drafts the working days left until the deadline, and none of them late', async () => {
    const s = await get<DashboardStatus>(`/api/dashboard/status?template=${KTXH}&period=202612&under=20`);
    expect(s.late).toBe(0);
    for (const u of s.units) expect(u.daysLeft, u.unitCode).toBe(weekdaysBetween('2026-11-27', u.deadline!));
  });

  it('drills down the hierarchy in force: districts before the reform, communes after, each child counting its subtree', async () => {
    const before = await get<DashboardStatus>(`/api/dashboard/status?template=${KTXH}&period=202506&under=20`);
    expect(new Set(before.children.map((c) => c.level))).toEqual(new Set(['district']));
    expect(before.children.reduce((n, c) => n + c.expected, 0)).toBe(before.expected);
    const district = before.children[0]!;
    const down = await get<DashboardStatus>(`/api/dashboard/status?template=${KTXH}&period=202506&under=${district.unitCode}`);
    expect(down.expected).toBe(district.expected);
    expect(down.units.every((u) => u.parentCode === district.unitCode)).toBe(true);
    const after = await get<DashboardStatus>(`/api/dashboard/status?template=${KTXH}&period=202611&under=20`);
    expect(after.children.map((c) => c.unitCode).sort()).toEqual(after.units.map((u) => u.unitCode).sort());
  });

  it('shows an agency’s head the reports the template routes to it, and the commune officer only their own', async () => {
    const agency = await get<DashboardStatus>(`/api/dashboard/status?template=${TCD}&period=2026Q3&under=20-TTR`, 'lanhdao-20-ttr');
    expect(agency.units.map((u) => u.unitCode).sort()).toEqual(['05977', '05983', '05986', '06001', '06187']);
    const own = await get<DashboardStatus>(`/api/dashboard/status?template=${KTXH}&period=202611&under=06001`, 'canbo-06001');
    expect(own.units.map((u) => u.unitCode)).toEqual(['06001']);
  });
});

describe('GET /api/dashboard/timeliness', () => {
  it('agrees period by period with the status of that period, and ranks the units most often late', async () => {
    const d = await get<DashboardTimeliness>(`/api/dashboard/timeliness?template=${KTXH}&under=20&to=202611&periods=6`);
    expect(d.periods.map((p) => p.id)).toEqual(['202606', '202607', '202608', '202609', '202610', '202611']);
    const lateCount = new Map<string, number>();
    for (const p of d.periods) {
      const s = await get<DashboardStatus>(`/api/dashboard/status?template=${KTXH}&period=${p.id}&under=20`);
      expect(p.expected).toBe(s.expected);
      expect(p.onTime).toBe(s.onTime);
      expect(p.late).toBe(s.submitted - s.onTime);
      expect(p.missing).toBe(s.expected - s.submitted);
      for (const u of s.units) if (u.isLate) lateCount.set(u.unitCode, (lateCount.get(u.unitCode) ?? 0) + 1);
    }
    expect(Object.fromEntries(d.oftenLate.map((u) => [u.unitCode, u.late]))).toEqual(Object.fromEntries(lateCount));
    const counts = d.oftenLate.map((u) => u.late);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('defaults to the last period closed and six periods', async () => {
    const d = await get<DashboardTimeliness>(`/api/dashboard/timeliness?template=${KTXH}&under=20`);
    expect(d.periods).toHaveLength(6);
    expect(d.periods.at(-1)!.id).toBe('202611');
  });
});

describe('GET /api/dashboard/series and /compare', () => {
  it('reads the poverty rate of the province month by month as the roll-up gives it, with last year and the completeness of each point', async () => {
    const d = await get<DashboardSeries>(`/api/dashboard/series?template=${KTXH}&unit=20&row=20&col=thuc_hien&from=202511&to=202611`);
    expect(d.cell).toMatchObject({ row: '20', col: 'thuc_hien', isComputed: true, measure: '%' });
    expect(d.points).toHaveLength(13);
    for (const p of d.points) {
      const agg = await get<Aggregate>(`/api/aggregates/${KTXH}/${p.id}/20`);
      expect(p.value, p.id).toBe(at(agg.values, '20', 'thuc_hien'));
      expect(p.completeness).toEqual((await get<Aggregate>(`/api/aggregates/${KTXH}/${p.id}/20?include=submitted`)).completeness);
      expect(p.incomplete).toBe(false);
    }
    expect(d.points.at(-1)!.lastYear).toEqual({ period: '202511', value: d.points[0]!.value });
  });

  it('continues the citizen-reception series across its two template versions, each point naming the version in force', async () => {
    const d = await get<DashboardSeries>(`/api/dashboard/series?template=${TCD}&unit=20&row=1&from=2025Q3&to=2026Q3`, 'lanhdao-20-ttr');
    expect(d.templateVersion).toBe(t.deps.templates.forPeriod(TCD, '2026Q3')!.file.version);
    expect(d.points.map((p) => p.templateVersion)).toEqual(d.points.map((p) => t.deps.templates.forPeriod(TCD, p.id)!.file.version));
    expect(new Set(d.points.map((p) => p.templateVersion)).size).toBe(2);
    const agg = await get<Aggregate>(`/api/aggregates/${TCD}/2026Q3/20`, 'lanhdao-20-ttr');
    expect(d.points.at(-1)!.value).toBe(at(agg.values, '1', d.cell.col));
  });

  it('compares the communes for one period, largest first, each its own roll-up, the total the province’s ratio of sums', async () => {
    const d = await get<DashboardCompare>(`/api/dashboard/compare?template=${KTXH}&period=202610&under=20&row=20`);
    const agg = await get<Aggregate>(`/api/aggregates/${KTXH}/202610/20`);
    expect(d.total).toBe(at(agg.values, '20', 'thuc_hien'));
    // A ratio of sums: poor households over all households of the province, never a mean of the communes' rates.
    const ratio = ((at(agg.values, '18', 'thuc_hien') as number) / (at(agg.values, '13', 'thuc_hien') as number)) * 100;
    expect(d.total).toBeCloseTo(ratio, 1);
    for (const u of d.units) expect(u.value, u.unitCode).toBe(at(agg.children.find((c) => c.unitCode === u.unitCode)!.values, '20', 'thuc_hien'));
    const values = d.units.map((u) => u.value ?? -Infinity);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });
});

describe('scope and bad input', () => {
  it.each([
    ['a commune officer asks for the province', `/api/dashboard/status?template=${KTXH}&period=202611&under=20`, 'canbo-05977'],
    ['a commune officer asks for another commune', `/api/dashboard/status?template=${KTXH}&period=202611&under=05986`, 'canbo-05977'],
    ['the inspectorate’s head asks for the monthly report it does not receive', `/api/dashboard/status?template=${KTXH}&period=202611&under=20`, 'lanhdao-20-ttr'],
    ['the new Đông Kinh’s officer asks for Vĩnh Trại (05977 before the reform)', `/api/dashboard/status?template=${KTXH}&period=202506&under=05977`, 'canbo-05977'],
    ['timeliness of the province for an officer', `/api/dashboard/timeliness?template=${KTXH}&under=20`, 'canbo-05977'],
    ['the province’s series for an officer', `/api/dashboard/series?template=${KTXH}&unit=20&row=20`, 'canbo-05977'],
    ['the comparison below the province for an officer', `/api/dashboard/compare?template=${KTXH}&period=202611&under=20&row=20`, 'canbo-05977'],
  ])('refuses with 403 when %s', async (_what, path, user) => {
    const res = await t.request(path, { cookie: await cookieOf(user) });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
  });

  it('answers 401 to nobody signed in', async () => {
    expect((await t.request(`/api/dashboard/status?template=${KTXH}&period=202611&under=20`)).status).toBe(401);
  });

  it.each([
    ['no template', `/api/dashboard/status?period=202611&under=20`, 400, 'invalid-query'],
    ['no unit', `/api/dashboard/status?template=${KTXH}&period=202611`, 400, 'invalid-query'],
    ['a unit code too long', `/api/dashboard/status?template=${KTXH}&period=202611&under=${'9'.repeat(41)}`, 400, 'invalid-query'],
    ['periods=0', `/api/dashboard/timeliness?template=${KTXH}&under=20&periods=0`, 400, 'invalid-query'],
    ['periods=abc', `/api/dashboard/timeliness?template=${KTXH}&under=20&periods=abc`, 400, 'invalid-query'],
    ['periods=25', `/api/dashboard/timeliness?template=${KTXH}&under=20&periods=25`, 400, 'invalid-query'],
    ['include=all', `/api/dashboard/series?template=${KTXH}&unit=20&row=20&include=all`, 400, 'invalid-query'],
    ['from after to', `/api/dashboard/series?template=${KTXH}&unit=20&row=20&from=202611&to=202601`, 400, 'invalid-query'],
    ['a series longer than 60 periods', `/api/dashboard/series?template=${KTXH}&unit=20&row=20&from=202001&to=202611`, 400, 'invalid-query'],
    ['an unknown template', `/api/dashboard/status?template=khong-co&period=202611&under=20`, 404, 'unknown-template'],
    ['a malformed period', `/api/dashboard/status?template=${KTXH}&period=2026Q5&under=20`, 404, 'unknown-period'],
    ['a period far ahead', `/api/dashboard/status?template=${KTXH}&period=203001&under=20`, 404, 'unknown-period'],
    ['an unknown unit', `/api/dashboard/status?template=${KTXH}&period=202611&under=99999`, 404, 'unknown-unit'],
    ['an unknown row', `/api/dashboard/series?template=${KTXH}&unit=20&row=zz`, 404, 'not-found'],
    ['an unknown column', `/api/dashboard/compare?template=${KTXH}&period=202611&under=20&row=20&col=zz`, 404, 'not-found'],
  ])('answers %s with the one error shape, never a 500', async (_what, path, status, code) => {
    const res = await t.request(path, { cookie: await cookieOf('lanhdao-20') });
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(/[à-ỹ]/);
  });
});

describe('across the 2025 reform (test form)', () => {
  let r: TestApp;
  beforeAll(async () => {
    r = await createTestApp({ templatesDir: rollupTemplatesDir(), now: new Date('2025-10-20T03:00:00Z') });
    await grantPreReformRoles(r.deps.store.db);
  });
  afterAll(() => r.close());

  async function file(unit: string, period: string, s: number, head: string) {
    const saved = r.now.value;
    r.now.value = new Date(filingDay(periodFromId(r.deps.templates.latest(T)!.spec, period)!.end));
    const officer = await r.login(`canbo-${unit}`);
    const put = await r.request(`/api/reports/${T}/${period}/${unit}/values`, { method: 'PUT', cookie: officer, json: { revision: 0, values: [{ row: 's', col: 'a', value: s }] } });
    expect(put.status, await put.clone().text()).toBe(200);
    expect((await r.request(`/api/reports/${T}/${period}/${unit}/submit`, { method: 'POST', cookie: officer })).status).toBe(200);
    expect((await r.request(`/api/reports/${T}/${period}/${unit}/approve`, { method: 'POST', cookie: await r.login(head) })).status).toBe(200);
    r.now.value = saved;
  }

  it('continues Đông Kinh’s series before it existed from the units it continues, flagged where one was absorbed only in part', async () => {
    await file('05977', '2024Q3', 10, 'lanhdao-178'); // Phường Vĩnh Trại then
    await file('05980', '2024Q3', 5, 'lanhdao-178'); // the old Phường Đông Kinh
    await file('05971', '2024Q3', 1000, 'lanhdao-178'); // Hoàng Văn Thụ: went to Kỳ Lừa
    await file('05977', '2025Q3', 20, 'lanhdao-20');
    const cookie = await r.login('lanhdao-20');
    const read = async () => {
      const res = await r.request(`/api/dashboard/series?template=${T}&unit=05977&row=s&col=a&from=2024Q3&to=2025Q3`, { cookie });
      expect(res.status).toBe(200);
      return (await res.json()) as DashboardSeries;
    };
    const d = await read();
    const point = (id: string) => d.points.find((p) => p.id === id)!;
    expect(point('2024Q3')).toMatchObject({ value: 15, incomplete: false, completeness: { expected: 2, submitted: 2, approved: 2 } });
    expect(point('2024Q3').from!.sort()).toEqual(['Phường Vĩnh Trại', 'Phường Đông Kinh'].sort());
    expect(point('2025Q3')).toMatchObject({ value: 20, from: null, lastYear: { period: '2024Q3', value: 15 } });

    // The old Đông Kinh taken as absorbed only in part: its figures leave the sum, and the point says so.
    await r.deps.store.db.run(sql`UPDATE unit_successions SET share = 'partial'
      WHERE predecessor_id = (SELECT id FROM units WHERE code = '05980' AND valid_to = '2025-06-30')`);
    r.deps.unitTrees.invalidate();
    const partial = await read();
    expect(partial.points.find((p) => p.id === '2024Q3')).toMatchObject({ value: 10, incomplete: true });

    // Timeliness reads each period below the units of its own day.
    const tl = await r.request(`/api/dashboard/timeliness?template=${T}&under=05977&to=2025Q3&periods=5`, { cookie });
    const body = (await tl.json()) as DashboardTimeliness;
    const q3 = body.periods.find((p) => p.id === '2024Q3')!;
    expect(q3.expected).toBe(1);
    expect(q3.onTime + q3.late).toBe(1);
    expect(body.periods.find((p) => p.id === '2025Q3')).toMatchObject({ expected: 1 });
  });
});
