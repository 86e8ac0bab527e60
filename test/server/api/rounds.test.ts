// Rounds (issue 11): kinh-te-xa-hoi-xa version 3 (from 202707) asks for a preliminary figure (số ước)
// 1 working day after the cutoff and the official one (số chính thức) by the 5th of the next month.
// Each round is its own report; the province's roll-up counts a commune's official report once it is
// submitted, its preliminary one until then, and the maintained cells always equal a full recompute.
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Aggregate, Report } from '../../../schema/api';
import { ReportPackageSchema } from '../../../server/export/json-package';
import { rebuildPeriod } from '../../../server/services/rollup-build';
import { createTestApp, type TestApp } from '../../helpers/test-app';

const T = 'kinh-te-xa-hoi-xa';
const P = '202707';
const A = '05977';
const B = '05983';
let t: TestApp;
let as: Record<string, string>;
beforeEach(async () => {
  // Wednesday 14/07/2027 10:00 in Hà Nội: the cutoff of 202707 (15/06–14/07/2027).
  t = await createTestApp({ now: new Date('2027-07-14T03:00:00Z') });
  as = {};
  for (const u of [`canbo-${A}`, `canbo-${B}`, 'lanhdao-20']) as[u] = await t.login(u);
});
afterEach(() => t.close());

const call = (user: string, path: string, init: { method?: string; json?: unknown } = {}) =>
  t.request(path, { method: init.method ?? 'GET', cookie: as[user], ...(init.json !== undefined ? { json: init.json } : {}) });
const report = async (unit: string, round: string) => (await (await call(`canbo-${unit}`, `/api/reports/${T}/${P}/${unit}?round=${round}`)).json()) as Report;
/** Rows 13 and 14 (households, population) are required: the denominators of the form's ratios. */
const HOUSEHOLDS = [
  { row: '13', col: 'thuc_hien', value: 100 },
  { row: '14', col: 'thuc_hien', value: 400 },
];
const forestArea = (r: { values: { row: string; col: string; value: unknown }[] }) => r.values.find((x) => x.row === '3' && x.col === 'thuc_hien')?.value;

async function save(unit: string, round: string, area: number) {
  const { revision } = await report(unit, round);
  const res = await call(`canbo-${unit}`, `/api/reports/${T}/${P}/${unit}/values?round=${round}`, { method: 'PUT', json: { revision, values: [{ row: '3', col: 'thuc_hien', value: area }, ...HOUSEHOLDS] } });
  expect(res.status, await res.clone().text()).toBe(200);
}
async function submit(unit: string, round: string) {
  const res = await call(`canbo-${unit}`, `/api/reports/${T}/${P}/${unit}/submit?round=${round}`, { method: 'POST' });
  expect(res.status, await res.clone().text()).toBe(200);
}
async function provinceArea(round = 'official') {
  const res = await call('lanhdao-20', `/api/aggregates/${T}/${P}/20?include=submitted&round=${round}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return forestArea((await res.json()) as Aggregate);
}
/** The maintained cells of the period, and the same after a full recompute: they must be equal. */
async function maintainedAndRecomputed() {
  const cells = () => t.deps.store.db.all(sql`SELECT unit_id, bucket, row_code, col_key, sum, count FROM rollup_cells
    WHERE template_id = ${T} AND period_id = ${P} ORDER BY unit_id, bucket, row_code, col_key`);
  const maintained = await cells();
  await t.deps.store.write((tx) => rebuildPeriod(tx, t.deps.templates, T, P, t.now.value.toISOString()));
  return [maintained, await cells()];
}

describe('a form with a preliminary and an official round', () => {
  it('shows each round of the report with its own deadline and status', async () => {
    const official = await report(A, 'official');
    expect(official).toMatchObject({ templateVersion: 3, round: 'official', status: 'draft', deadline: '2027-08-05' });
    expect(official.rounds).toEqual([
      { round: 'preliminary', status: 'draft', submittedAt: null, deadline: '2027-07-15', isLate: false },
      { round: 'official', status: 'draft', submittedAt: null, deadline: '2027-08-05', isLate: false },
    ]);
    // Without ?round the report is the official one, as before rounds existed.
    expect(await (await call(`canbo-${A}`, `/api/reports/${T}/${P}/${A}`)).json()).toMatchObject({ round: 'official', deadline: '2027-08-05' });
  });

  it('saves and submits the preliminary report apart from the official one, late or on time by its own deadline', async () => {
    await save(A, 'preliminary', 10);
    // Friday 16/07/2027: after the preliminary deadline (15/07), well before the official one (05/08).
    t.now.value = new Date('2027-07-16T03:00:00Z');
    for (const u of Object.keys(as)) as[u] = await t.login(u);
    await submit(A, 'preliminary');
    const preliminary = await report(A, 'preliminary');
    expect(preliminary).toMatchObject({ round: 'preliminary', status: 'submitted', isLate: true, deadline: '2027-07-15' });
    expect(forestArea(preliminary)).toBe(10);
    const official = await report(A, 'official');
    expect(official).toMatchObject({ round: 'official', status: 'draft', revision: 0, isLate: false });
    expect(forestArea(official)).toBeUndefined();
    expect(official.rounds.map((r) => [r.round, r.status, r.isLate])).toEqual([
      ['preliminary', 'submitted', true],
      ['official', 'draft', false],
    ]);
    const list = await (await call('lanhdao-20', `/api/reports?template=${T}&period=${P}&round=preliminary`)).json();
    expect(list).toContainEqual(expect.objectContaining({ unitCode: A, status: 'submitted', deadline: '2027-07-15', isLate: true }));
  });

  it('rolls up preliminary figures until the official ones are submitted, which replace them, the maintained cells equal to a recompute', async () => {
    await save(A, 'preliminary', 10);
    await submit(A, 'preliminary');
    await save(B, 'preliminary', 5);
    await submit(B, 'preliminary');
    expect(await provinceArea()).toBe(15);
    // A draft of the official figures counts for nothing yet.
    await save(A, 'official', 12);
    expect(await provinceArea()).toBe(15);
    await submit(A, 'official');
    expect(await provinceArea()).toBe(17);
    let [maintained, recomputed] = await maintainedAndRecomputed();
    expect(maintained).toEqual(recomputed);
    // The preliminary figures alone, for a head comparing estimates.
    expect(await provinceArea('preliminary')).toBe(15);
    // Returned, the official report stops counting and the preliminary one is counted again.
    const returned = await call('lanhdao-20', `/api/reports/${T}/${P}/${A}/return`, { method: 'POST', json: { reason: 'Kiểm tra lại diện tích.' } });
    expect(returned.status, await returned.clone().text()).toBe(200);
    expect(await provinceArea()).toBe(15);
    [maintained, recomputed] = await maintainedAndRecomputed();
    expect(maintained).toEqual(recomputed);
    // Approving the preliminary report of a unit whose official one is counted changes nothing.
    await submit(A, 'official');
    const approved = await call('lanhdao-20', `/api/reports/${T}/${P}/${A}/approve?round=preliminary`, { method: 'POST' });
    expect(approved.status, await approved.clone().text()).toBe(200);
    expect(await provinceArea()).toBe(17);
    [maintained, recomputed] = await maintainedAndRecomputed();
    expect(maintained).toEqual(recomputed);
  });

  it('counts completeness per round', async () => {
    await save(A, 'preliminary', 10);
    await submit(A, 'preliminary');
    const official = (await (await call('lanhdao-20', `/api/aggregates/${T}/${P}/20?include=submitted`)).json()) as Aggregate;
    const preliminary = (await (await call('lanhdao-20', `/api/aggregates/${T}/${P}/20?include=submitted&round=preliminary`)).json()) as Aggregate;
    expect(official).toMatchObject({ round: 'official', completeness: { submitted: 0 } });
    expect(preliminary).toMatchObject({ round: 'preliminary', completeness: { submitted: 1, onTime: 1 } });
    expect(preliminary.children.find((c) => c.unitCode === A)?.status).toBe('submitted');
    expect(official.children.find((c) => c.unitCode === A)?.status).toBe('draft');
  });

  it('refuses a stale save of one round and leaves both rounds as they were', async () => {
    await save(A, 'preliminary', 10);
    await save(A, 'official', 12);
    const stale = await call(`canbo-${A}`, `/api/reports/${T}/${P}/${A}/values?round=preliminary`, { method: 'PUT', json: { revision: 0, values: [{ row: '3', col: 'thuc_hien', value: 99 }] } });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe('stale-revision');
    expect(forestArea(await report(A, 'preliminary'))).toBe(10);
    expect(forestArea(await report(A, 'official'))).toBe(12);
    expect((await report(A, 'preliminary')).revision).toBe(1);
  });

  it.each([
    ['an unknown round', `/api/reports/${T}/${P}/${A}?round=estimate`, 400, 'invalid-query', 'số ước'],
    ['an unknown round on a save', `/api/reports/${T}/${P}/${A}/values?round=final`, 400, 'invalid-query', 'số chính thức'],
    ['a round the form has not in that period', `/api/reports/${T}/202706/${A}?round=preliminary`, 404, 'unknown-round', 'không có lần gửi số ước'],
    ['a round of a form without rounds', `/api/reports/tiep-cong-dan-xa/2027Q2/${A}?round=preliminary`, 404, 'unknown-round', 'chỉ có số chính thức'],
    ['a roll-up of a round the form has not', `/api/aggregates/tiep-cong-dan-xa/2027Q2/20?round=preliminary`, 404, 'unknown-round', 'không có lần gửi số ước'],
  ])('answers %s in the one error shape with a 4xx, in Vietnamese first, saving nothing', async (_name, path, status, code, words) => {
    const user = path.startsWith('/api/aggregates') ? 'lanhdao-20' : `canbo-${A}`;
    const res = await call(user, path, path.includes('/values') ? { method: 'PUT', json: { revision: 0, values: [{ row: '3', col: 'thuc_hien', value: 1 }] } } : {});
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message).toContain(words);
    expect(await t.deps.store.db.all(sql`SELECT id FROM reports`)).toEqual([]);
  });
});

describe('the packages of each round', () => {
  beforeEach(async () => {
    await save(A, 'preliminary', 10);
    await submit(A, 'preliminary');
    await save(B, 'preliminary', 5);
    await submit(B, 'preliminary');
    await save(B, 'official', 6);
    await submit(B, 'official');
  });

  it('the JSON package says which round its figures are, and which round each unit report is', async () => {
    const official = v.parse(ReportPackageSchema, await (await call('lanhdao-20', `/api/exports/${T}/${P}/20.json?include=submitted`)).json());
    expect(official).toMatchObject({ formatVersion: '1.1', round: 'official', roundLabel: 'Số chính thức' });
    expect(official.reports.map((r) => [r.unit.code, r.round])).toEqual([
      [A, 'preliminary'],
      [B, 'official'],
    ]);
    expect(official.dataValues.find((d) => d.row === '3' && d.col === 'thuc_hien')?.value).toBe(16);
    const preliminary = v.parse(ReportPackageSchema, await (await call('lanhdao-20', `/api/exports/${T}/${P}/20.json?include=submitted&round=preliminary`)).json());
    expect(preliminary).toMatchObject({ round: 'preliminary', roundLabel: 'Số ước' });
    expect(preliminary.dataValues.find((d) => d.row === '3' && d.col === 'thuc_hien')?.value).toBe(15);
  });

  it('the Excel package prints "Số chính thức" or "Số ước" beside the period, and marks a unit counted by its estimate', async () => {
    const texts = async (round: string) => {
      const res = await call('lanhdao-20', `/api/exports/${T}/${P}/20.xlsx?include=submitted&round=${round}`);
      expect(res.status, await res.clone().text()).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await res.arrayBuffer());
      return workbook.worksheets.map((sheet) => {
        const out: string[] = [];
        sheet.eachRow((row) => row.eachCell((cell) => void out.push(String(cell.value))));
        return out;
      });
    };
    const official = await texts('official');
    expect(official[0]).toContain('Kỳ báo cáo: Tháng 07/2027 (Số chính thức)');
    const sheetOfA = official.find((s) => s.some((x) => x.includes(`Mã đơn vị: ${A}`)))!;
    expect(sheetOfA).toContain('Kỳ báo cáo: Tháng 07/2027 (Số ước)');
    expect(sheetOfA).toContain('Đơn vị chưa gửi số chính thức: đây là số ước đã gửi.');
    const preliminary = await texts('preliminary');
    expect(preliminary[0]).toContain('Kỳ báo cáo: Tháng 07/2027 (Số ước)');
  });

  it('the QCVN 125 report data carries the round of the figures (LoaiSoLieu)', async () => {
    const body = (await (await call('lanhdao-20', `/api/exports/${T}/${P}/20.qcvn125.json?include=submitted&round=preliminary`)).json()) as { NoiDung: Record<string, unknown> };
    expect(body.NoiDung.LoaiSoLieu).toBe('SO_UOC');
  });
});
