import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Aggregate, CellValueOut, Report, TemplatePreview } from '../../../schema/api';
import type { TemplateFile } from '../../../schema/template';
import { createTestApp, type TestApp } from '../../helpers/test-app';

const T = 'bieu-06-vpcp-kstt';
const CASES = 'vu-viec-khieu-nai-to-cao-xa';
const SECTIONS = [
  { key: 'danh_gia_chung', text: 'Ổn định.' },
  { key: 'kho_khan_vuong_mac', text: 'Không có.' },
];

/** A consistent sector row scaled by k: received 10k = 6k + 4k + 0 = 7k resolved + 3k pending. */
const sector = (k: number, code = '01') =>
  Object.entries({ nhan_tong: 10, nhan_truc_tuyen: 6, nhan_truc_tiep: 4, nhan_ky_truoc: 0, da_gq_tong: 7, da_gq_truoc_han: 4, da_gq_dung_han: 3, da_gq_qua_han: 0, dang_gq_tong: 3, dang_gq_trong_han: 3, dang_gq_qua_han: 0 }).map(
    ([col, value]) => ({ row: code, col, value: value * k }),
  );

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ now: new Date('2025-09-17T03:00:00Z') });
});
afterEach(() => t.close());

async function save(user: string, template: string, unit: string, values: unknown[], sections = SECTIONS) {
  const res = await t.request(`/api/reports/${template}/2025Q3/${unit}/values`, { method: 'PUT', cookie: await t.login(user), json: { revision: 0, values, sections } });
  return res;
}

async function fileReport(user: string, unit: string, values: unknown[]) {
  const res = await save(user, T, unit, values);
  expect(res.status, await res.clone().text()).toBe(200);
  const submit = await t.request(`/api/reports/${T}/2025Q3/${unit}/submit`, { method: 'POST', cookie: await t.login(user) });
  expect(submit.status, await submit.clone().text()).toBe(200);
}

const at = (values: CellValueOut[], row: string, col: string) => values.find((v) => v.row === row && v.col === col)?.value;

describe('Biểu 06 version 2: rows by level generated from the hierarchy in force', () => {
  it('writes out one row per agency and per commune in force on the period’s last day, none for districts after the reform', async () => {
    const res = await t.request(`/api/templates/${T}/versions/2?period=2025Q3`, { cookie: await t.login('admin') });
    expect(res.status).toBe(200);
    const file = (await res.json()) as TemplateFile;
    const under = (code: string) => file.rows.filter((r) => r.partOf === code).map((r) => r.code);
    expect(under('B1')).toContain('B1.20-NV');
    expect(under('B1').length).toBeGreaterThanOrEqual(3);
    expect(under('B2')).toEqual([]);
    expect(under('B3')).toContain('B3.05977');
    expect(file.rows.find((r) => r.code === 'B3.05977')?.label).toMatch(/Đông Kinh/);
    expect(file.columns.find((c) => c.key === 'nhan_ky_truoc')?.group).toEqual(['Số hồ sơ nhận giải quyết']);
  });

  it('shows a commune its own row only, computed from its total, and stores it so the province roll-up lists every unit', async () => {
    await fileReport('canbo-05977', '05977', sector(1));
    await fileReport('canbo-20-nv', '20-NV', sector(2, '05'));
    const own = (await (await t.request(`/api/reports/${T}/2025Q3/05977`, { cookie: await t.login('canbo-05977') })).json()) as Report;
    expect(at(own.values, 'B3.05977', 'nhan_tong')).toBe(10);
    expect(at(own.values, 'B3', 'nhan_tong')).toBe(10);
    expect(own.values.some((v) => v.row === 'B1.20-NV')).toBe(false);

    const res = await t.request(`/api/aggregates/${T}/2025Q3/20?include=submitted`, { cookie: await t.login('lanhdao-20') });
    expect(res.status, await res.clone().text()).toBe(200);
    const agg = (await res.json()) as Aggregate;
    expect(at(agg.values, 'TC', 'nhan_tong')).toBe(30);
    expect(at(agg.values, 'B1.20-NV', 'nhan_tong')).toBe(20);
    expect(at(agg.values, 'B3.05977', 'nhan_tong')).toBe(10);
    expect(at(agg.values, 'B1', 'da_gq_tong')).toBe(14);
    expect(at(agg.values, 'B3', 'da_gq_tong')).toBe(7);
  });

  it('refuses a typed value in a generated row, and saves nothing', async () => {
    const res = await save('canbo-05977', T, '05977', [{ row: 'B3.05977', col: 'nhan_tong', value: 5 }]);
    expect(res.status).toBe(422);
    const report = (await (await t.request(`/api/reports/${T}/2025Q3/05977`, { cookie: await t.login('canbo-05977') })).json()) as Report;
    expect(report.revision).toBe(0);
  });

  it('carries the notes under the table and the narrative sections into the Excel package', async () => {
    await fileReport('canbo-05977', '05977', sector(1));
    const res = await t.request(`/api/exports/${T}/2025Q3/20.xlsx?include=submitted`, { cookie: await t.login('lanhdao-20') });
    expect(res.status, res.status === 200 ? '' : await res.clone().text()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const texts = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
    expect(texts.some((s) => s.includes('Cách ghi biểu'))).toBe(true);
    expect(texts.some((s) => s.includes('Đông Kinh'))).toBe(true);
    expect(texts.some((s) => s.includes('Ổn định.'))).toBe(true);
    const json = await t.request(`/api/exports/${T}/2025Q3/20.json?include=submitted`, { cookie: await t.login('lanhdao-20') });
    const pkg = (await json.json()) as { reports: { unit: { code: string }; sections?: { title: string; text: string }[] }[] };
    expect(pkg.reports.find((r) => r.unit.code === '05977')?.sections).toContainEqual({ key: 'danh_gia_chung', title: 'Đánh giá chung', text: 'Ổn định.' });
  });
});

describe('an open list: rows the officer adds', () => {
  const item = (n: number, so: number, done: number, text = `Vụ ${n}`) => [
    { row: `DS.${n}`, col: 'noi_dung', value: text },
    { row: `DS.${n}`, col: 'so_don', value: so },
    { row: `DS.${n}`, col: 'so_nguoi', value: so },
    { row: `DS.${n}`, col: 'da_giai_quyet', value: done },
  ];

  it('saves added rows with their column types, totals them, checks each row by the rules, and rolls the total up', async () => {
    const res = await save('canbo-05977', CASES, '05977', [...item(1, 2, 1), ...item(2, 3, 0)]);
    expect(res.status, await res.clone().text()).toBe(200);
    const own = (await (await t.request(`/api/reports/${CASES}/2025Q3/05977`, { cookie: await t.login('canbo-05977') })).json()) as Report;
    expect(at(own.values, 'DS.2', 'noi_dung')).toBe('Vụ 2');
    expect(at(own.values, 'DS', 'so_don')).toBe(5);
    expect(at(own.values, 'DS', 'da_giai_quyet')).toBe(1);

    const bad = await t.request(`/api/reports/${CASES}/2025Q3/05977/values`, { method: 'PUT', cookie: await t.login('canbo-05977'), json: { revision: own.revision, values: [{ row: 'DS.3', col: 'so_don', value: 'nhiều' }] } });
    expect(bad.status).toBe(422);
    const tooMany = await t.request(`/api/reports/${CASES}/2025Q3/05977/values`, { method: 'PUT', cookie: await t.login('canbo-05977'), json: { revision: own.revision, values: [{ row: 'DS.201', col: 'so_don', value: 1 }] } });
    expect(tooMany.status).toBe(422);
    const rule = await t.request(`/api/reports/${CASES}/2025Q3/05977/values`, { method: 'PUT', cookie: await t.login('canbo-05977'), json: { revision: own.revision, values: [{ row: 'DS.2', col: 'da_giai_quyet', value: 5 }] } });
    expect(rule.status).toBe(200);
    expect(((await rule.json()) as { issues: { row: string; code: string }[] }).issues).toContainEqual(expect.objectContaining({ row: 'DS.2', code: 'resolved-le-petitions' }));

    await t.request(`/api/reports/${CASES}/2025Q3/05977/values`, { method: 'PUT', cookie: await t.login('canbo-05977'), json: { revision: own.revision + 1, values: [{ row: 'DS.2', col: 'da_giai_quyet', value: 0 }] } });
    const submit = await t.request(`/api/reports/${CASES}/2025Q3/05977/submit`, { method: 'POST', cookie: await t.login('canbo-05977') });
    expect(submit.status, await submit.clone().text()).toBe(200);
    const agg = (await (await t.request(`/api/aggregates/${CASES}/2025Q3/20?include=submitted`, { cookie: await t.login('lanhdao-20') })).json()) as Aggregate;
    expect(at(agg.values, 'DS', 'so_don')).toBe(5);
  });

  it('raises the cross-template rule against the citizen-reception report of the same unit and period', async () => {
    const citizens = await save('canbo-05977', 'tiep-cong-dan-xa', '05977', [{ row: '2', col: 'ky_nay', value: 3 }], []);
    expect(citizens.status, await citizens.clone().text()).toBe(200);
    const res = await save('canbo-05977', CASES, '05977', [...item(1, 2, 1), ...item(2, 3, 0)]);
    const issues = ((await res.json()) as { issues: { code: string; severity: string; message: string }[] }).issues;
    const cross = issues.find((i) => i.code === 'listed-le-received');
    expect(cross?.severity).toBe('warning');
    expect(cross?.message).toContain('(5)');
    expect(cross?.message).toContain('(3)');
  });
});

describe('GET /api/templates/:id/versions/:version/preview (admin)', () => {
  it('shows a version’s grid, rules and deadlines for a chosen period, and says whether it is in force then', async () => {
    const res = await t.request(`/api/templates/${T}/versions/2/preview?period=2025Q3`, { cookie: await t.login('admin') });
    expect(res.status).toBe(200);
    const p = (await res.json()) as TemplatePreview;
    expect(p.inForce).toBe(true);
    expect(p.deadlines.commune).toMatch(/^2025-09-/);
    expect(p.rules.map((r) => r.id)).toContain('received-balance');
    expect(p.reporters.agencies).toBeGreaterThan(0);
    expect(p.template.rows.some((r) => r.code === 'B3.05977')).toBe(true);
    const early = (await (await t.request(`/api/templates/${T}/versions/2/preview?period=2025Q1`, { cookie: await t.login('admin') })).json()) as TemplatePreview;
    expect(early.inForce).toBe(false);
  });

  it.each([
    ['a head', 'lanhdao-20', 403],
    ['a bad period', 'admin', 404],
  ])('refuses %s', async (_name, user, status) => {
    const res = await t.request(`/api/templates/${T}/versions/2/preview?period=${user === 'admin' ? '2025X9' : '2025Q3'}`, { cookie: await t.login(user) });
    expect(res.status).toBe(status);
  });
});
