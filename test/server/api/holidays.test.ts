import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PeriodInfo } from '../../../schema/api';
import { createTestApp, type TestApp } from '../../helpers/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const q2Deadlines = async (cookie: string) =>
  ((await (await t.request('/api/periods?template=bieu-06-vpcp-kstt&year=2022', { cookie })).json()) as PeriodInfo[]).find(
    (p) => p.id === '2022Q2',
  )!.deadlines;

describe('/api/holidays', () => {
  it('lists the official days off, Tết included', async () => {
    const cookie = await t.login('canbo-05971');
    const days = (await (await t.request('/api/holidays', { cookie })).json()) as { date: string; kind: string }[];
    expect(days.filter((d) => d.date >= '2024-02-08' && d.date <= '2024-02-14' && d.kind === 'off')).toHaveLength(7);
  });

  it('lets an admin add a day off, and deadlines move past it at once', async () => {
    const admin = await t.login('admin');
    expect((await q2Deadlines(admin)).commune).toBe('2022-06-16');
    const res = await t.request('/api/holidays', { method: 'POST', cookie: admin, json: { date: '2022-06-16', name: 'Nghỉ đột xuất' } });
    expect(res.status).toBe(201);
    expect(await q2Deadlines(admin)).toMatchObject({ commune: '2022-06-17', district: '2022-06-21' });
  });

  it('lets an admin mark a Saturday as a make-up working day', async () => {
    const admin = await t.login('admin');
    await t.request('/api/holidays', { method: 'POST', cookie: admin, json: { date: '2022-06-18', name: 'Làm bù', kind: 'workday' } });
    expect((await q2Deadlines(admin)).district).toBe('2022-06-18');
  });

  it('answers 403 to a non-admin, 400 to a bad date, 401 without a session', async () => {
    const head = await t.login('lanhdao-20');
    expect((await t.request('/api/holidays', { method: 'POST', cookie: head, json: { date: '2022-06-16', name: 'x' } })).status).toBe(403);
    const admin = await t.login('admin');
    expect((await t.request('/api/holidays', { method: 'POST', cookie: admin, json: { date: '16/06/2022', name: 'x' } })).status).toBe(400);
    expect((await t.request('/api/holidays')).status).toBe(401);
  });
});
