import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Aggregate, CellValueOut } from '../../../schema/api';
import { createTestApp, type TestApp } from '../../helpers/test-app';

const T = 'bieu-06-vpcp-kstt';
const GENERAL = { key: 'danh_gia_chung', text: 'Ổn định.' };

/** A consistent Biểu 06 row scaled by k: received 10k = 6k + 4k + 0 = 7k resolved + 3k pending. */
const hoTich = (k: number, code = '01') =>
  Object.entries({
    nhan_tong: 10,
    nhan_truc_tuyen: 6,
    nhan_truc_tiep: 4,
    nhan_ky_truoc: 0,
    da_gq_tong: 7,
    da_gq_truoc_han: 4,
    da_gq_dung_han: 3,
    da_gq_qua_han: 0,
    dang_gq_tong: 3,
    dang_gq_trong_han: 3,
    dang_gq_qua_han: 0,
  }).map(([col, value]) => ({ row: code, col, value: value * k }));

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ now: new Date('2025-03-17T03:00:00Z') });
});
afterEach(() => t.close());

async function file(user: string, template: string, period: string, unit: string, values: unknown[], sections = [GENERAL]) {
  const cookie = await t.login(user);
  const res = await t.request(`/api/reports/${template}/${period}/${unit}/values`, {
    method: 'PUT',
    cookie,
    json: { revision: 0, values, sections },
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const submit = await t.request(`/api/reports/${template}/${period}/${unit}/submit`, { method: 'POST', cookie });
  expect(submit.status, await submit.clone().text()).toBe(200);
}

async function approve(head: string, template: string, period: string, unit: string) {
  const res = await t.request(`/api/reports/${template}/${period}/${unit}/approve`, { method: 'POST', cookie: await t.login(head) });
  expect(res.status).toBe(200);
}

async function aggregate(user: string, path: string): Promise<Aggregate> {
  const res = await t.request(`/api/aggregates/${path}`, { cookie: await t.login(user) });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

const at = (values: CellValueOut[], row: string, col: string) => values.find((v) => v.row === row && v.col === col)?.value;

describe('GET /api/aggregates/:template/:period/:unit', () => {
  it('sums the approved reports of the subtree, or with include=submitted the submitted ones too', async () => {
    await file('canbo-05971', T, '2025Q1', '05971', hoTich(1));
    await file('canbo-05974', T, '2025Q1', '05974', hoTich(2));
    await file('lanhdao-178', T, '2025Q1', '178', hoTich(3));
    await approve('lanhdao-178', T, '2025Q1', '05971');
    await approve('lanhdao-20', T, '2025Q1', '178');
    // A draft with figures never counts.
    const draft = await t.login('canbo-05977');
    await t.request(`/api/reports/${T}/2025Q1/05977/values`, { method: 'PUT', cookie: draft, json: { revision: 0, values: hoTich(100) } });

    const approved = await aggregate('lanhdao-178', `${T}/2025Q1/178`);
    expect(at(approved.values, '01', 'nhan_tong')).toBe(40);
    expect(at(approved.values, 'TC', 'da_gq_tong')).toBe(28);
    const submitted = await aggregate('lanhdao-178', `${T}/2025Q1/178?include=submitted`);
    expect(at(submitted.values, '01', 'nhan_tong')).toBe(60);
    expect(submitted.include).toBe('submitted');
  });

  it('counts completeness: expected reporters, submitted, approved and on time', async () => {
    await file('canbo-05971', T, '2025Q1', '05971', hoTich(1));
    t.now.value = new Date('2025-03-25T03:00:00Z'); // after the commune deadline of 18/03/2025
    await file('canbo-05974', T, '2025Q1', '05974', hoTich(1));
    await approve('lanhdao-178', T, '2025Q1', '05971');
    const result = await aggregate('lanhdao-178', `${T}/2025Q1/178`);
    // Four communes and the district's own report.
    expect(result.completeness).toEqual({ expected: 5, submitted: 2, approved: 1, onTime: 1 });
  });

  it('lists each child with the status of its own report and its own roll-up', async () => {
    await file('canbo-05971', T, '2025Q1', '05971', hoTich(1));
    await approve('lanhdao-178', T, '2025Q1', '05971');
    await file('canbo-06184', T, '2025Q1', '06184', hoTich(5));
    await approve('lanhdao-183', T, '2025Q1', '06184');
    const result = await aggregate('lanhdao-20', `${T}/2025Q1/20`);
    expect(result.children.map((c) => c.unitCode)).toEqual(['178', '180', '181', '182', '183', '184', '185', '186', '187', '188', '189']);
    expect(at(result.children.find((c) => c.unitCode === '178')!.values, '01', 'nhan_tong')).toBe(10);
    expect(at(result.children.find((c) => c.unitCode === '183')!.values, '01', 'nhan_tong')).toBe(50);
    expect(result.children.find((c) => c.unitCode === '183')!.status).toBe('draft');
    expect(at(result.values, 'TC', 'nhan_tong')).toBe(60);
  });

  it('rolls up on the hierarchy of the period: after 01/07/2025 the province has communes directly', async () => {
    t.now.value = new Date('2025-09-16T03:00:00Z');
    await file('canbo-05977', T, '2025Q3', '05977', hoTich(1));
    // Biểu 06 version 2 (from 2025Q3): reports go to the Văn phòng UBND tỉnh (leadAgencies), whose head
    // approves them; the communes and the province's agencies report, the province itself does not.
    await approve('lanhdao-20-vp', T, '2025Q3', '05977');
    const result = await aggregate('lanhdao-20', `${T}/2025Q3/20`);
    expect(result.children.map((c) => [c.unitCode, c.unitName])).toEqual(expect.arrayContaining([
      ['05977', 'Phường Đông Kinh'],
      ['05983', 'Phường Lương Văn Tri'],
      ['05986', 'Phường Tam Thanh'],
      ['06001', 'Xã Đoàn Kết'],
      ['06187', 'Phường Kỳ Lừa'],
    ]));
    expect(result.completeness.expected).toBe(9);
    expect(at(result.values, '01', 'nhan_tong')).toBe(10);
    // The same code before the reform named Phường Vĩnh Trại, in district 178. The district's head held
    // their role until the district ended (30/06/2025); the province's head still reads its past.
    const before = await aggregate('lanhdao-20', `${T}/2025Q2/178`);
    expect(before.children.map((c) => c.unitCode)).toContain('05977');
  });

  it('makes a ratio at the district the ratio of summed parts, never the mean of ratios', async () => {
    const C = 'chinh-quyen-so';
    t.now.value = new Date('2021-06-15T03:00:00Z');
    await file('canbo-05971', C, '2021S1', '05971', [
      { row: '1', col: 'ky_nay', value: 97 },
      { row: '2', col: 'ky_nay', value: 100 },
    ]);
    await file('lanhdao-178', C, '2021S1', '178', [
      { row: '1', col: 'ky_nay', value: 50 },
      { row: '2', col: 'ky_nay', value: 50 },
    ]);
    const result = await aggregate('lanhdao-178', `${C}/2021S1/178?include=submitted`);
    expect(at(result.values, '1', 'ky_nay')).toBe(147);
    expect(at(result.values, '2', 'ky_nay')).toBe(150);
    // 147 / 150 = 98%, where the mean of 97% and 100% would be 98.5%.
    expect(at(result.values, '3', 'ky_nay')).toBeCloseTo(98, 6);
  });

  it('answers 403 to an officer asking for the district, 400 for a bad include, 401 without a session', async () => {
    const officer = await t.login('canbo-05971');
    const res = await t.request(`/api/aggregates/${T}/2025Q1/178`, { cookie: officer });
    expect(res.status).toBe(403);
    expect((await t.request(`/api/aggregates/${T}/2025Q1/178?include=all`, { cookie: officer })).status).toBe(400);
    expect((await t.request(`/api/aggregates/${T}/2025Q1/178`)).status).toBe(401);
  });
});
