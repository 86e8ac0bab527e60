import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeriodInfo, TemplateSummary } from '../../../schema/api';
import { createTestApp, type TestApp } from '../../helpers/test-app';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await t.login('canbo-05971');
});
afterAll(() => t.close());

describe('GET /api/templates', () => {
  it('lists the shipped templates with their versions', async () => {
    const list = (await (await t.request('/api/templates', { cookie })).json()) as TemplateSummary[];
    expect(list.map((x) => x.id).sort()).toEqual(['bieu-06-vpcp-kstt', 'chinh-quyen-so', 'kinh-te-xa-hoi-xa', 'tiep-cong-dan-xa', 'vu-viec-khieu-nai-to-cao-xa']);
    expect(list.find((x) => x.id === 'bieu-06-vpcp-kstt')).toMatchObject({
      formNumber: 'Biểu số 06/VPCP/KSTT',
      frequency: 'quarterly',
      versions: [
        { version: 1, effectiveFrom: expect.any(String) },
        { version: 2, effectiveFrom: '2025Q3' },
      ],
    });
  });

  it('serves the latest version and a given version in full, with rows, columns, rules and the regime', async () => {
    const latest = await (await t.request('/api/templates/bieu-06-vpcp-kstt', { cookie })).json();
    const v1 = await (await t.request('/api/templates/bieu-06-vpcp-kstt/versions/1', { cookie })).json();
    const v2 = await (await t.request('/api/templates/bieu-06-vpcp-kstt/versions/2', { cookie })).json();
    expect(v2).toEqual(latest);
    expect(v1.version).toBe(1);
    expect(v1.columns).toHaveLength(11);
    expect(new Set(v1.columns.map((c: { group?: string[] }) => c.group?.[0]))).toEqual(
      new Set(['Số hồ sơ nhận giải quyết', 'Số hồ sơ đã giải quyết', 'Số hồ sơ đang giải quyết']),
    );
    expect(v1.rules.map((r: { id: string }) => r.id)).toContain('received-equals-resolved-plus-pending');
    expect(v1.regime.legalBasis.map((d: { number: string }) => d.number).join(' ')).toContain('09/2019/NĐ-CP');
  });

  it('answers 404 for an unknown template or version, 401 without a session', async () => {
    expect((await t.request('/api/templates/khong-co', { cookie })).status).toBe(404);
    expect((await t.request('/api/templates/bieu-06-vpcp-kstt/versions/9', { cookie })).status).toBe(404);
    expect((await t.request('/api/templates/bieu-06-vpcp-kstt/versions/abc', { cookie })).status).toBe(404);
    expect((await t.request('/api/templates')).status).toBe(401);
  });
});

describe('GET /api/periods', () => {
  const periods = async (template: string, year: number) =>
    (await (await t.request(`/api/periods?template=${template}&year=${year}`, { cookie })).json()) as PeriodInfo[];

  it('gives Decree 09 monthly windows: 202201 is 2021-12-15 → 2022-01-14', async () => {
    const list = await periods('kinh-te-xa-hoi-xa', 2022);
    expect(list).toHaveLength(12);
    expect(list[0]).toMatchObject({ id: '202201', start: '2021-12-15', end: '2022-01-14', label: 'Tháng 01/2022' });
    expect(list[11]).toMatchObject({ id: '202212', start: '2022-11-15', end: '2022-12-14' });
  });

  it('gives Decree 09 quarterly windows with a deadline per level: 2022Q2 is 2022-03-15 → 2022-06-14', async () => {
    const list = await periods('bieu-06-vpcp-kstt', 2022);
    const q2 = list.find((p) => p.id === '2022Q2')!;
    expect(q2).toMatchObject({ start: '2022-03-15', end: '2022-06-14' });
    // 14/06/2022 is a Tuesday: 2, 4 and 6 working days later.
    expect(q2.deadlines).toEqual({ commune: '2022-06-16', district: '2022-06-20', province: '2022-06-22' });
    expect(q2.deadlines.province! <= '2022-06-25').toBe(true);
  });

  it('gives no district deadline once the district level is gone (2025 reform)', async () => {
    const q4 = (await periods('bieu-06-vpcp-kstt', 2025)).find((p) => p.id === '2025Q4')!;
    expect(Object.keys(q4.deadlines).sort()).toEqual(['commune', 'province']);
  });

  it('skips Tết in deadlines: the 2024 annual window closes 14/12 but the monthly 202402 deadline passes Tết', async () => {
    const feb = (await periods('kinh-te-xa-hoi-xa', 2024)).find((p) => p.id === '202402')!;
    // 14/02/2024 is the last day of the Tết holiday (08–14/02/2024); the first working day after is 15/02.
    expect(feb.end).toBe('2024-02-14');
    expect(feb.deadlines.commune! > '2024-02-14').toBe(true);
    expect(['2024-02-15', '2024-02-16']).toContain(feb.deadlines.commune);
  });

  it.each([
    ['no year', 'template=bieu-06-vpcp-kstt'],
    ['a year in words', 'template=bieu-06-vpcp-kstt&year=hai-nghin'],
    ['no template', 'year=2022'],
  ])('answers 400 invalid-query for %s', async (_name, query) => {
    const res = await t.request(`/api/periods?${query}`, { cookie });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid-query');
  });

  it('answers 404 for an unknown template and 401 without a session', async () => {
    expect((await t.request('/api/periods?template=x&year=2022', { cookie })).status).toBe(404);
    expect((await t.request('/api/periods?template=bieu-06-vpcp-kstt&year=2022')).status).toBe(401);
  });
});

describe('GET /api/health', () => {
  it('answers ok when the database answers, and says the database holds the demo', async () => {
    const res = await t.request('/api/health');
    expect(await res.json()).toEqual({ ok: true, demo: true });
  });
});
