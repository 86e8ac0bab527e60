// One form version, several frequencies (issue 11): tiep-cong-dan-xa version 3 is filled quarterly by
// the communes and six-monthly, nine-monthly and yearly by the province (Thông tư 02/2021/TT-TTCP),
// each collection with its own deadlines; the province's half-year rolls up the communes' quarters.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PeriodInfo, Report } from '../../../schema/api';
import { createTestApp, type TestApp } from '../../helpers/test-app';

const T = 'tiep-cong-dan-xa';
let t: TestApp;
let as: Record<string, string>;
beforeEach(async () => {
  // Friday 02/07/2027: the first half of 2027 (15/12/2026–14/06/2027) is closed.
  t = await createTestApp({ now: new Date('2027-07-02T03:00:00Z') });
  as = {};
  for (const u of ['canbo-05977', 'lanhdao-20-ttr', 'canbo-20-ttr']) as[u] = await t.login(u);
});
afterEach(() => t.close());

const call = (user: string, path: string, init: { method?: string; json?: unknown } = {}) =>
  t.request(path, { method: init.method ?? 'GET', cookie: as[user], ...(init.json !== undefined ? { json: init.json } : {}) });

async function fillAndSubmit(user: string, period: string, unit: string, visits: number) {
  const r = (await (await call(user, `/api/reports/${T}/${period}/${unit}`)).json()) as Report;
  const saved = await call(user, `/api/reports/${T}/${period}/${unit}/values`, { method: 'PUT', json: { revision: r.revision, values: [{ row: '1', col: 'ky_nay', value: visits }, { row: '1.1', col: 'ky_nay', value: 0 }] } });
  expect(saved.status, await saved.clone().text()).toBe(200);
  const submitted = await call(user, `/api/reports/${T}/${period}/${unit}/submit`, { method: 'POST' });
  expect(submitted.status, await submitted.clone().text()).toBe(200);
}

describe('a form collected at several frequencies', () => {
  it('lists the quarters and the province collections of 2027, each with its own deadlines', async () => {
    const res = await call('canbo-20-ttr', `/api/periods?template=${T}&year=2027`);
    expect(res.status).toBe(200);
    const periods = (await res.json()) as PeriodInfo[];
    expect(periods.map((p) => p.id)).toEqual(['2027Q1', '2027Q2', '2027Q3', '2027Q4', '2027S1', '2027S2', '2027N9', '2027']);
    const q2 = periods.find((p) => p.id === '2027Q2')!;
    const s1 = periods.find((p) => p.id === '2027S1')!;
    // Q2 closes on Monday 14/06/2027: the commune 2 and the province 6 working days after it.
    expect(q2.deadlines).toEqual({ commune: '2027-06-16', province: '2027-06-22' });
    // The half-year is the province's alone: no commune deadline.
    expect(s1.deadlines).toEqual({ province: '2027-06-22' });
  });

  it("lets the province's compiling agency file the half-year on version 3, and refuses it to a commune", async () => {
    await fillAndSubmit('canbo-20-ttr', '2027S1', '20', 25);
    const report = (await (await call('canbo-20-ttr', `/api/reports/${T}/2027S1/20`)).json()) as Report & { deadline: string };
    expect(report).toMatchObject({ templateVersion: 3, status: 'submitted', deadline: '2027-06-22' });
    const refused = await call('canbo-05977', `/api/reports/${T}/2027S1/05977/values`, { method: 'PUT', json: { revision: 0, values: [{ row: '1', col: 'ky_nay', value: 1 }] } });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toContain('không thuộc đối tượng thực hiện');
  });

  it("rolls the communes' quarters up into the province's half-year", async () => {
    await fillAndSubmit('canbo-05977', '2027Q1', '05977', 4);
    await fillAndSubmit('canbo-05977', '2027Q2', '05977', 6);
    const res = await call('lanhdao-20-ttr', `/api/aggregates/${T}/2027S1/20?include=submitted`);
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as { values: { row: string; col: string; value: number }[] };
    expect(body.values).toContainEqual({ row: '1', col: 'ky_nay', value: 10 });
    const xlsx = await call('lanhdao-20-ttr', `/api/exports/${T}/2027S1/20.xlsx?include=submitted`);
    expect(xlsx.status, await xlsx.clone().text()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const texts: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => void texts.push(String(cell.value))));
    expect(texts).toContain('Kỳ báo cáo: 6 tháng đầu năm 2027');
  });

  it('still refuses a period of a frequency the form is not collected at', async () => {
    expect((await call('canbo-05977', `/api/reports/${T}/202701/05977`)).status).toBe(404);
  });
});
