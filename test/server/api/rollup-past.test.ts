import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Aggregate, CellValueOut, Report } from '../../../schema/api';
import { periodFromId } from '../../../domain/periods';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { filingDay, grantPreReformRoles, rollupTemplatesDir, T } from '../services/rollup-fixtures';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ templatesDir: rollupTemplatesDir(), now: new Date('2025-10-20T03:00:00Z') });
  await grantPreReformRoles(t.deps.store.db);
});
afterEach(() => t.close());

const at = (values: CellValueOut[], row: string, col: string) => values.find((v) => v.row === row && v.col === col)?.value;

/** Saves row s (and row l) of a report, submits it, and has the head above approve it. */
const NOW = new Date('2025-10-20T03:00:00Z');

/** Saves row s (and row l) of a report, submits it, and has the head above approve it, just after the period. */
async function file(unit: string, period: string, s: number, l = 100, head?: string) {
  t.now.value = new Date(filingDay(periodFromId(t.deps.templates.latest(T)!.spec, period)!.end));
  await fileNow(unit, period, s, l, head);
  t.now.value = NOW;
}

async function fileNow(unit: string, period: string, s: number, l: number, head?: string) {
  const officer = await t.login(`${unit.length === 5 ? 'canbo' : 'lanhdao'}-${unit}`);
  const values = [
    { row: 's', col: 'a', value: s },
    { row: 'l', col: 'a', value: l },
  ];
  const put = await t.request(`/api/reports/${T}/${period}/${unit}/values`, { method: 'PUT', cookie: officer, json: { revision: 0, values } });
  expect(put.status, await put.clone().text()).toBe(200);
  expect((await t.request(`/api/reports/${T}/${period}/${unit}/submit`, { method: 'POST', cookie: officer })).status).toBe(200);
  if (head) expect((await t.request(`/api/reports/${T}/${period}/${unit}/approve`, { method: 'POST', cookie: await t.login(head) })).status).toBe(200);
}

async function get<R>(path: string, user = 'lanhdao-20'): Promise<R> {
  const res = await t.request(path, { cookie: await t.login(user) });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

describe("a unit's past across the 2025 reform", () => {
  it("gives Đông Kinh (05977 from 01/07/2025) last year's figures of Vĩnh Trại and the old Đông Kinh, not of whatever held 05977", async () => {
    await file('05977', '2024Q3', 10, 100, 'lanhdao-178'); // Phường Vĩnh Trại then
    await file('05980', '2024Q3', 5, 100, 'lanhdao-178'); // the old Phường Đông Kinh
    await file('05971', '2024Q3', 1000, 100, 'lanhdao-178'); // Hoàng Văn Thụ: went to Kỳ Lừa, not Đông Kinh
    await file('05977', '2025Q3', 20, 100, 'lanhdao-20');
    const report = await get<Report>(`/api/reports/${T}/2025Q3/05977`, 'canbo-05977');
    expect(at(report.values, 's', 'cung_ky')).toBe(15);
    expect(report.otherPeriods.find((p) => p.period === '2024Q3')).toMatchObject({ values: expect.arrayContaining([{ row: 's', col: 'a', value: 15 }]) });
    expect(report.otherPeriods.find((p) => p.period === '2024Q3')!.incomplete).toBeUndefined();

    // The roll-up reads the same past: the province (the same unit throughout) and its new commune.
    const agg = await get<Aggregate>(`/api/aggregates/${T}/2025Q3/20`);
    expect(at(agg.values, 's', 'a')).toBe(20);
    expect(at(agg.values, 's', 'cung_ky')).toBe(1015);
    expect(at(agg.children.find((c) => c.unitCode === '05977')!.values, 's', 'cung_ky')).toBe(15);
    expect(at(agg.children.find((c) => c.unitCode === '06187')!.values, 's', 'cung_ky')).toBe(1000);
    expect(agg.incompletePast).toEqual([]);
  });

  it('flags a period incomplete where a predecessor was absorbed only in part, and leaves that part out', async () => {
    // Đồng Đăng (06184) went in part into Kỳ Lừa (06187) in this test's history.
    await t.deps.store.db.run(sql`INSERT INTO unit_successions (predecessor_id, successor_id, share)
      SELECT old.id, new.id, 'partial' FROM units old, units new WHERE old.code = '06184' AND new.code = '06187' AND new.valid_from = '2025-07-01'`);
    t.deps.unitTrees.invalidate();
    await file('06187', '2024Q3', 7, 100, 'lanhdao-183'); // Thị trấn Cao Lộc, in full
    await file('06184', '2024Q3', 50, 100, 'lanhdao-183'); // Đồng Đăng, in part
    await file('06187', '2025Q3', 9, 100, 'lanhdao-20');
    const report = await get<Report>(`/api/reports/${T}/2025Q3/06187`, 'canbo-06187');
    const last = report.otherPeriods.find((p) => p.period === '2024Q3')!;
    expect(last.incomplete).toBe(true);
    expect(at(last.values, 's', 'a')).toBe(7);
    const agg = await get<Aggregate>(`/api/aggregates/${T}/2025Q3/06187?include=submitted`, 'lanhdao-20');
    // Last year (cùng kỳ) and the year so far (lũy kế: Q1, Q2 before the reform) both lack Đồng Đăng's part.
    expect(agg.incompletePast).toEqual(['2024Q3', '2025Q1', '2025Q2']);
    expect(at(agg.values, 's', 'cung_ky')).toBe(7);
    const series = await get<{ points: { period: string; value: number | null; incomplete?: true; unitName: string | null }[] }>(
      `/api/series/${T}/06187/s?from=2024Q3&to=2025Q3&col=a`,
      'canbo-06187',
    );
    expect(series.points.map((p) => [p.period, p.value, p.incomplete ?? false])).toEqual([
      ['2024Q3', 7, true],
      ['2024Q4', null, true],
      ['2025Q1', null, true],
      ['2025Q2', null, true],
      ['2025Q3', 9, false],
    ]);
    expect(series.points[0]!.unitName).toBe('Phường Hoàng Văn Thụ, Thị trấn Cao Lộc');
  });
});

describe('period roll-ups', () => {
  it('rolls quarters up to a half-year and a year: flows add up, stocks take the last value, ratios of the sums', async () => {
    await file('05971', '2025Q1', 10, 200, 'lanhdao-178');
    await file('05971', '2025Q2', 30, 300, 'lanhdao-178');
    const half = await get<Aggregate>(`/api/aggregates/${T}/2025S1/178`);
    expect(half.period).toBe('2025S1');
    expect(at(half.values, 's', 'a')).toBe(40);
    expect(at(half.values, 'l', 'a')).toBe(300);
    expect(at(half.values, 'r', 'a')).toBeCloseTo((40 / 300) * 100, 2);
    expect(half.completeness.expected).toBe(2 * 5);

    // The year spans the reform: the province is the same unit, Hoàng Văn Thụ's Q1–Q2 and Kỳ Lừa's Q3.
    await file('06187', '2025Q3', 5, 400, 'lanhdao-20');
    const year = await get<Aggregate>(`/api/aggregates/${T}/2025/20`);
    expect(at(year.values, 's', 'a')).toBe(45);
    expect(at(year.values, 'l', 'a')).toBe(400);
    expect(at(year.children.find((c) => c.unitCode === '06187')!.values, 's', 'a')).toBe(45);
    expect((await t.request(`/api/aggregates/${T}/2025M13/20`, { cookie: await t.login('lanhdao-20') })).status).toBe(404);
  });
});
