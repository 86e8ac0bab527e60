// Rounds (issue 11) on the routes beyond one report: the dashboards, the worklist, the head's bulk
// approval and the form workbook each take `?round=preliminary` (số ước) where the form has that round
// (kinh-te-xa-hoi-xa version 3, from 202707), default to the official one, and refuse a bad round with
// a 4xx. A span (a quarter of the monthly form) in the preliminary round counts each month's counted
// report: its official figures once submitted, else its estimate.
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Aggregate, ApproveAllResult, ReportListItem, WorklistItem } from '../../../schema/api';
import type { DashboardCompare, DashboardSeries, DashboardStatus, DashboardTimeliness } from '../../../schema/dashboard';
import { formGeometry } from '../../../server/forms/form-workbook';
import { createTestApp, type TestApp } from '../../helpers/test-app';

const T = 'kinh-te-xa-hoi-xa';
const P = '202707';
const A = '05977';
const B = '05983';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const USERS = [`canbo-${A}`, `canbo-${B}`, 'lanhdao-20'];
let t: TestApp;
let as: Record<string, string>;

async function start(now: Date) {
  t = await createTestApp({ now });
  as = {};
  for (const u of USERS) as[u] = await t.login(u);
}
afterEach(() => t.close());

const call = (user: string, path: string, init: { method?: string; json?: unknown } = {}) =>
  t.request(path, { method: init.method ?? 'GET', cookie: as[user], ...(init.json !== undefined ? { json: init.json } : {}) });
async function json<R>(user: string, path: string, init: { method?: string; json?: unknown } = {}): Promise<R> {
  const res = await call(user, path, init);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as R;
}
const q = (round: string) => (round === 'official' ? '' : `?round=${round}`);
const forestArea = (r: { values: { row: string; col: string; value: unknown }[] }) => r.values.find((x) => x.row === '3' && x.col === 'thuc_hien')?.value;

/** Saves the forest area (row 3) and the required households and population, then submits. */
async function send(unit: string, round: string, area: number, period = P) {
  const { revision } = await json<{ revision: number }>(`canbo-${unit}`, `/api/reports/${T}/${period}/${unit}${q(round)}`);
  const values = [
    { row: '3', col: 'thuc_hien', value: area },
    { row: '13', col: 'thuc_hien', value: 100 },
    { row: '14', col: 'thuc_hien', value: 400 },
  ];
  await json(`canbo-${unit}`, `/api/reports/${T}/${period}/${unit}/values${q(round)}`, { method: 'PUT', json: { revision, values } });
  await json(`canbo-${unit}`, `/api/reports/${T}/${period}/${unit}/submit${q(round)}`, { method: 'POST' });
}

describe('routes in the preliminary round', () => {
  // Wednesday 14/07/2027 10:00 in Hà Nội: the cutoff of 202707; the estimate is due 15/07, the official figures 05/08.
  beforeEach(() => start(new Date('2027-07-14T03:00:00Z')));

  it('the dashboard status counts the preliminary reports with their own deadline, and says which rounds the period has', async () => {
    await send(A, 'preliminary', 10);
    const preliminary = await json<DashboardStatus>('lanhdao-20', `/api/dashboard/status?template=${T}&period=${P}&under=20&round=preliminary`);
    expect(preliminary).toMatchObject({ round: 'preliminary', rounds: ['preliminary', 'official'], submitted: 1, expected: 5, missing: 4 });
    expect(preliminary.units.find((u) => u.unitCode === A)).toMatchObject({ status: 'submitted', deadline: '2027-07-15', isLate: false });
    expect(preliminary.units.find((u) => u.unitCode === B)).toMatchObject({ status: 'draft', deadline: '2027-07-15', daysLeft: 1 });
    const official = await json<DashboardStatus>('lanhdao-20', `/api/dashboard/status?template=${T}&period=${P}&under=20`);
    expect(official).toMatchObject({ round: 'official', rounds: ['preliminary', 'official'], submitted: 0, expected: 5 });
    expect(official.units.find((u) => u.unitCode === A)).toMatchObject({ status: 'draft', deadline: '2027-08-05' });
    const before = await json<DashboardStatus>('lanhdao-20', `/api/dashboard/status?template=${T}&period=202706&under=20`);
    expect(before).toMatchObject({ round: 'official', rounds: ['official'] });
  });

  it('the dashboard figures compare, trend and series read the preliminary figures, only over the periods that have the round', async () => {
    await send(A, 'preliminary', 10);
    await send(B, 'preliminary', 5);
    await send(B, 'official', 6);
    const cell = `&row=3&col=thuc_hien&include=submitted`;
    const compare = (round: string) => json<DashboardCompare>('lanhdao-20', `/api/dashboard/compare?template=${T}&period=${P}&under=20${cell}${round === 'official' ? '' : `&round=${round}`}`);
    const preliminary = await compare('preliminary');
    expect(preliminary).toMatchObject({ round: 'preliminary', total: 15 });
    expect(preliminary.units.filter((u) => u.value !== null).map((u) => [u.unitCode, u.value])).toEqual([
      [A, 10],
      [B, 5],
    ]);
    // Official: B's official figures, A's estimate standing in until its official ones are submitted.
    expect(await compare('official')).toMatchObject({ round: 'official', total: 16 });

    const series = await json<DashboardSeries>('lanhdao-20', `/api/dashboard/series?template=${T}&unit=20${cell}&from=202705&to=${P}&round=preliminary`);
    expect(series.round).toBe('preliminary');
    expect(series.points.map((p) => [p.id, p.value, p.completeness.submitted])).toEqual([[P, 15, 2]]);
    const officialSeries = await json<DashboardSeries>('lanhdao-20', `/api/dashboard/series?template=${T}&unit=20${cell}&from=202705&to=${P}`);
    expect(officialSeries.points.map((p) => [p.id, p.value])).toEqual([
      ['202705', null],
      ['202706', null],
      [P, 16],
    ]);

    const trend = await json<DashboardTimeliness>('lanhdao-20', `/api/dashboard/timeliness?template=${T}&under=20&to=${P}&periods=3&round=preliminary`);
    expect(trend.round).toBe('preliminary');
    expect(trend.periods.map((p) => [p.id, p.expected, p.onTime])).toEqual([[P, 5, 2]]);
  });

  it('the worklist shows an officer each round with its deadline, the estimate due first, and heads each round below', async () => {
    const mine = await json<WorklistItem[]>(`canbo-${A}`, '/api/worklist');
    const line = mine.find((i) => i.template.id === T && i.period.id === P)!;
    // The line's own fields stay the official round's (api.md); the rounds say both.
    expect(line).toMatchObject({ status: 'draft', deadline: '2027-08-05', isLate: false });
    expect(line.rounds).toEqual([
      { round: 'preliminary', status: 'draft', revision: 0, submittedAt: null, deadline: '2027-07-15', isLate: false },
      { round: 'official', status: 'draft', revision: 0, submittedAt: null, deadline: '2027-08-05', isLate: false },
    ]);
    // A period before the form had rounds, and a form without them: no rounds at all.
    expect(mine.find((i) => i.template.id === T && i.period.id === '202706')).not.toHaveProperty('rounds');
    expect(mine.filter((i) => i.template.id !== T).every((i) => i.rounds === undefined)).toBe(true);
    // The estimate due tomorrow puts the line before every line still to do that is due later.
    const toDo = mine.filter((i) => i.status !== 'submitted' && i.status !== 'approved' && !i.isLate);
    const at = toDo.indexOf(line);
    expect(toDo.slice(0, at).every((i) => (i.deadline ?? '9999') <= '2027-07-15')).toBe(true);

    await send(A, 'preliminary', 10);
    const after = (await json<WorklistItem[]>(`canbo-${A}`, '/api/worklist')).find((i) => i.template.id === T && i.period.id === P)!;
    expect(after.rounds?.map((r) => [r.round, r.status, r.revision])).toEqual([
      ['preliminary', 'submitted', 2],
      ['official', 'draft', 0],
    ]);
    const head = (await json<WorklistItem[]>('lanhdao-20', '/api/worklist')).find((i) => i.template.id === T && i.period.id === P)!;
    expect(head.below).toMatchObject({ expected: 5, submitted: 0 });
    expect(head.rounds?.map((r) => [r.round, r.below?.submitted, r.below?.expected])).toEqual([
      ['preliminary', 1, 5],
      ['official', 0, 5],
    ]);
  });

  it('approve-all in the preliminary round approves the submitted preliminary reports only, and the official round its own', async () => {
    await send(A, 'preliminary', 10);
    await send(B, 'official', 6);
    const statuses = async (round: string) =>
      Object.fromEntries(
        (await json<ReportListItem[]>('lanhdao-20', `/api/reports?template=${T}&period=${P}${round === 'official' ? '' : `&round=${round}`}`))
          .filter((r) => r.unitCode === A || r.unitCode === B)
          .map((r) => [r.unitCode, r.status]),
      );
    const preliminary = await json<ApproveAllResult>('lanhdao-20', `/api/reports/${T}/${P}/approve-all?under=20&round=preliminary`, { method: 'POST' });
    expect(preliminary).toEqual({ approved: [A], skipped: [] });
    expect(await statuses('preliminary')).toEqual({ [A]: 'approved', [B]: 'draft' });
    expect(await statuses('official')).toEqual({ [A]: 'draft', [B]: 'submitted' });
    const official = await json<ApproveAllResult>('lanhdao-20', `/api/reports/${T}/${P}/approve-all?under=20`, { method: 'POST' });
    expect(official).toEqual({ approved: [B], skipped: [] });
    expect(await statuses('official')).toEqual({ [A]: 'draft', [B]: 'approved' });
  });

  it('the form workbook of the preliminary round records its round; uploaded into the other round it is refused (422), into its own it saves', async () => {
    const url = (round: string, preview = false) => `/api/forms/${T}/${P}/${A}.xlsx${round === 'official' ? (preview ? '?preview=true' : '') : `?round=${round}${preview ? '&preview=true' : ''}`}`;
    const download = async (round: string) => {
      const res = await call(`canbo-${A}`, url(round));
      expect(res.status, await res.clone().text()).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      return { wb, name: res.headers.get('content-disposition') };
    };
    const identity = (wb: ExcelJS.Workbook) => {
      const out = new Map<string, string>();
      wb.getWorksheet('_bieu_mau')!.eachRow((r) => void out.set(String(r.getCell(1).value), String(r.getCell(2).value)));
      return out;
    };
    const { wb, name } = await download('preliminary');
    expect(identity(wb).get('round')).toBe('preliminary');
    expect(name).toContain(`${T}_${P}_${A}_so-uoc.xlsx`);
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((r) => r.eachCell((c) => void texts.push(String(c.value))));
    expect(texts.some((x) => x.startsWith('Kỳ báo cáo: Tháng 07/2027') && x.endsWith('(Số ước)'))).toBe(true);
    const official = await download('official');
    expect(identity(official.wb).get('round')).toBe('official');

    // Fill the forest area (row 3) in the preliminary workbook.
    const g = formGeometry(t.deps.templates.get(T, 3)!.compiled);
    wb.worksheets[0]!.getCell(g.rowOf.get('3')!, g.colOf.get('thuc_hien')!).value = 42;
    const body = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const upload = (to: string, preview = false, bytes = body) =>
      t.request(url(to, preview), { method: 'POST', cookie: as[`canbo-${A}`], body: bytes, headers: { 'Content-Type': XLSX, 'If-Match': '0' } });

    for (const preview of [true, false]) {
      const wrong = await upload('official', preview);
      expect(wrong.status).toBe(422);
      const error = ((await wrong.json()) as { error: { code: string; message: string } }).error;
      expect(error.code).toBe('wrong-workbook');
      expect(error.message).toContain('biểu mẫu số ước');
      expect(error.message).toContain('(The workbook is for the preliminary round, not the official one.)');
    }
    expect(await t.deps.store.db.all(sql`SELECT id FROM reports`)).toEqual([]);
    // The official workbook into the preliminary round: refused the same way.
    const other = await upload('preliminary', false, new Uint8Array((await official.wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(other.status).toBe(422);
    expect(((await other.json()) as { error: { message: string } }).error.message).toContain('biểu mẫu số chính thức');

    const saved = await upload('preliminary');
    expect(saved.status, await saved.clone().text()).toBe(200);
    expect(forestArea(await json(`canbo-${A}`, `/api/reports/${T}/${P}/${A}?round=preliminary`))).toBe(42);
    expect(forestArea(await json(`canbo-${A}`, `/api/reports/${T}/${P}/${A}`))).toBeUndefined();
  });

  const forms = `/api/forms/${T}/${P}/${A}.xlsx`;
  it.each([
    ['dashboard status', 'lanhdao-20', 'GET', `/api/dashboard/status?template=${T}&period=${P}&under=20`],
    ['dashboard timeliness', 'lanhdao-20', 'GET', `/api/dashboard/timeliness?template=${T}&under=20&to=${P}`],
    ['dashboard series', 'lanhdao-20', 'GET', `/api/dashboard/series?template=${T}&unit=20&row=3&to=${P}`],
    ['dashboard compare', 'lanhdao-20', 'GET', `/api/dashboard/compare?template=${T}&period=${P}&under=20&row=3`],
    ['approve-all', 'lanhdao-20', 'POST', `/api/reports/${T}/${P}/approve-all?under=20`],
    ['the form download', `canbo-${A}`, 'GET', forms],
    ['the form upload', `canbo-${A}`, 'POST', `${forms}?preview=true`],
  ])('%s answers an unknown round 400 and a round the form has not in the period 404 unknown-round, never a 500', async (_name, user, method, path) => {
    const sep = path.includes('?') ? '&' : '?';
    const body = method === 'POST' && path.includes('/forms/') ? { body: new Uint8Array([1, 2, 3]), headers: { 'Content-Type': XLSX } } : {};
    const request = (p: string) => t.request(p, { method, cookie: as[user], ...body });
    const bad = await request(`${path}${sep}round=estimate`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('số ước');
    // June 2027 is reported under version 2, which has no preliminary round.
    const before = await request(`${path.replaceAll(P, '202706')}${sep}round=preliminary`);
    expect(before.status).toBe(404);
    const error = ((await before.json()) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('unknown-round');
    expect(error.message).toContain('không có lần gửi số ước');
    expect(await t.deps.store.db.all(sql`SELECT id FROM reports`)).toEqual([]);
  });
});

describe('a quarter of the monthly form in the preliminary round', () => {
  // Friday 20/08/2027: 202709 (15/08–14/09) is under way, so the third quarter can be asked for.
  beforeEach(() => start(new Date('2027-08-20T03:00:00Z')));

  it('counts each month’s official figures once submitted, else its estimate, and completeness the same way', async () => {
    await send(A, 'preliminary', 10, '202707');
    await send(A, 'official', 12, '202707');
    await send(A, 'preliminary', 7, '202708');
    await send(B, 'preliminary', 5, '202708');
    const quarter = (round: string) => json<Aggregate>('lanhdao-20', `/api/aggregates/${T}/2027Q3/20?include=submitted${round === 'official' ? '' : `&round=${round}`}`);
    const preliminary = await quarter('preliminary');
    // July: A's official 12 replaces its estimate; August: the estimates 7 and 5.
    expect(preliminary).toMatchObject({ round: 'preliminary', period: '2027Q3' });
    expect(forestArea(preliminary)).toBe(24);
    expect(preliminary.completeness).toMatchObject({ expected: 15, submitted: 3 });
    // The official round's figures stand in the same way; its completeness counts official reports only.
    const official = await quarter('official');
    expect(forestArea(official)).toBe(24);
    expect(official.completeness).toMatchObject({ expected: 15, submitted: 1 });
    // One month in the preliminary round is still the estimates alone.
    expect(forestArea(await json<Aggregate>('lanhdao-20', `/api/aggregates/${T}/202707/20?include=submitted&round=preliminary`))).toBe(10);
  });

  it('a quarter whose last month has no preliminary round is refused with unknown-round (404)', async () => {
    const res = await call('lanhdao-20', `/api/aggregates/${T}/2027Q2/20?round=preliminary`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unknown-round');
  });
});
