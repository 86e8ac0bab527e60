import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitNode } from '../../../schema/api';
import { createTestApp, type TestApp } from '../../helpers/test-app';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await t.login('canbo-05971');
});
afterAll(() => t.close());

const unitsAt = async (at: string) => (await (await t.request(`/api/units?at=${at}`, { cookie })).json()) as UnitNode[];

describe('GET /api/units', () => {
  it('gives the three-level hierarchy in force before the 2025 reform', async () => {
    const units = await unitsAt('2025-03-01');
    expect(units.filter((u) => u.level === 'district')).toHaveLength(11);
    expect(units.find((u) => u.code === '05977')).toMatchObject({ name: 'Phường Vĩnh Trại', parentCode: '178' });
    expect(units.find((u) => u.code === '20')).toMatchObject({ name: 'Tỉnh Lạng Sơn', parentCode: null, level: 'province' });
  });

  it('with kind=agency gives the agencies in force that day, each with its parent unit and sector', async () => {
    const agencies = (await (await t.request('/api/units?at=2026-01-01&kind=agency', { cookie })).json()) as UnitNode[];
    expect(agencies.every((a) => a.kind === 'agency' && a.level === 'agency')).toBe(true);
    expect(agencies.find((a) => a.code === '20-TTR')).toMatchObject({ name: 'Thanh tra tỉnh Lạng Sơn', parentCode: '20', sector: 'thanh-tra' });
    expect(agencies.find((a) => a.code === '05977-VHXH')).toMatchObject({ parentCode: '05977', sector: 'van-hoa-xa-hoi' });
    // The communes' phòng exist only since the two-tier reform.
    const before = (await (await t.request('/api/units?at=2025-03-01&kind=agency', { cookie })).json()) as UnitNode[];
    expect(before.map((a) => a.code).sort()).toEqual(['20-KHCN', '20-NV', '20-TTR', '20-VP']);
    // Without kind, administrative units only, each saying so.
    expect((await unitsAt('2026-01-01')).every((u) => u.kind === 'administrative')).toBe(true);
  });

  it('gives the two-level hierarchy from 01/07/2025, where code 05977 names Phường Đông Kinh', async () => {
    const units = await unitsAt('2025-07-01');
    expect(units.some((u) => u.level === 'district')).toBe(false);
    expect(units.find((u) => u.code === '05977')).toMatchObject({ name: 'Phường Đông Kinh', parentCode: '20' });
    expect(units.find((u) => u.code === '06187')).toMatchObject({ name: 'Phường Kỳ Lừa' });
    expect(units.find((u) => u.code === '05971')).toBeUndefined();
    expect(units).toHaveLength(6);
  });

  it('switches hierarchy exactly between 30/06/2025 and 01/07/2025', async () => {
    expect((await unitsAt('2025-06-30')).find((u) => u.code === '05977')?.name).toBe('Phường Vĩnh Trại');
    expect((await unitsAt('2025-07-01')).find((u) => u.code === '05977')?.name).toBe('Phường Đông Kinh');
  });

  it.each(['2025-13-01', 'hôm qua', '2025-2-1'])('answers 400 invalid-query for at=%s', async (at) => {
    const res = await t.request(`/api/units?at=${encodeURIComponent(at)}`, { cookie });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid-query');
  });

  it('answers 401 without a session', async () => {
    expect((await t.request('/api/units?at=2025-03-01')).status).toBe(401);
  });
});
