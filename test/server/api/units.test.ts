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
