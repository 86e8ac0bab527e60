import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TemplateFile } from '../../../schema/template';
import { createApp } from '../../../server/app';
import { openStore, type Store } from '../../../server/db/client';
import { createUnitTrees } from '../../../server/db/units';
import type { AppDeps } from '../../../server/env';
import { createHolidaySource } from '../../../server/holidays';
import { seedDemoUnits, seedDemoUsers } from '../../../server/seed/demo';
import { loadTemplateRegistry, TemplateLoadError } from '../../../server/templates/registry';

/** A small quarterly template: households and people, version 1 from 2024Q1. */
function template(overrides: Partial<TemplateFile> = {}): TemplateFile {
  return {
    id: 'dan-so',
    version: 1,
    effectiveFrom: '2024Q1',
    formNumber: 'Biểu thử',
    title: 'Dân số và hộ gia đình',
    frequency: 'quarterly',
    calendar: 'decree09',
    regime: {
      name: 'Báo cáo dân số',
      kind: 'periodic',
      content: 'Số hộ và nhân khẩu',
      reporters: [{ levels: ['commune', 'district', 'province'] }],
      recipient: 'UBND tỉnh',
      method: 'Hệ thống thông tin báo cáo',
      cutoff: 'Điều 12 Nghị định 09/2019/NĐ-CP',
      deadlineWorkingDays: { commune: 2, district: 4, province: 6 },
      legalBasis: [{ number: '09/2019/NĐ-CP', date: '2019-01-24' }],
    },
    columns: [{ key: 'so_lieu', label: 'Số liệu' }],
    rows: [
      { code: '1', label: 'Số hộ', unit: 'hộ' },
      { code: '2', label: 'Số người', unit: 'người' },
    ],
    ...overrides,
  };
}

const v2 = template({
  version: 2,
  effectiveFrom: '2025Q1',
  rows: [
    { code: '1', label: 'Số hộ', unit: 'hộ' },
    { code: '2a', label: 'Số nhân khẩu thực tế thường trú', unit: 'người', was: [{ code: '2', how: 'renamed' }] },
    { code: '3', label: 'Số hộ nghèo', unit: 'hộ' },
  ],
});

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bc-tpl-'));
  mkdirSync(join(dir, 'templates', 'dan-so'), { recursive: true });
  store = await openStore(`file:${join(dir, 'db.sqlite')}`);
  await seedDemoUnits(store);
  await seedDemoUsers(store, 'pw', new Date());
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const put = (file: TemplateFile, name = `${file.version}.json`, folder = file.id) => {
  mkdirSync(join(dir, 'templates', folder), { recursive: true });
  writeFileSync(join(dir, 'templates', folder, name), JSON.stringify(file, null, 2));
};

async function boot(now = new Date('2025-06-20T03:00:00Z')) {
  const holidays = createHolidaySource(store.db);
  const templates = await loadTemplateRegistry(store, join(dir, 'templates'), await holidays.calendar(), now);
  const deps: AppDeps = { store, templates, unitTrees: createUnitTrees(store.db), holidays, clock: () => now, demo: false };
  const app = createApp(deps);
  const login = async (username: string) => {
    const res = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: 'pw' }),
    });
    return res.headers.get('set-cookie')!.split(';')[0]!;
  };
  return { app, templates, login };
}

async function save(app: Awaited<ReturnType<typeof boot>>['app'], cookie: string, period: string, values: unknown[]) {
  const res = await app.request(`/api/reports/dan-so/${period}/05971/values`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify({ revision: 0, values }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

describe('template versions', () => {
  it('picks the version in force for each period', async () => {
    put(template());
    put(v2);
    const { templates } = await boot();
    expect(templates.forPeriod('dan-so', '2024Q4')?.file.version).toBe(1);
    expect(templates.forPeriod('dan-so', '2025Q1')?.file.version).toBe(2);
    expect(templates.latest('dan-so')?.file.version).toBe(2);
  });

  it('leaves reports of earlier periods on the old version once a new one is added, and continues a row series', async () => {
    put(template());
    let booted = await boot();
    await save(booted.app, await booted.login('canbo-05971'), '2024Q4', [{ row: '2', col: 'so_lieu', value: 5100 }]);

    put(v2);
    booted = await boot();
    const cookie = await booted.login('canbo-05971');
    await save(booted.app, cookie, '2025Q1', [{ row: '2a', col: 'so_lieu', value: 5180 }]);
    const old = await (await booted.app.request('/api/reports/dan-so/2024Q4/05971', { headers: { Cookie: cookie } })).json();
    expect(old.templateVersion).toBe(1);
    expect(old.values).toEqual([{ row: '2', col: 'so_lieu', value: 5100 }]);
    const fresh = await (await booted.app.request('/api/reports/dan-so/2025Q1/05971', { headers: { Cookie: cookie } })).json();
    expect(fresh.templateVersion).toBe(2);

    const series = await (
      await booted.app.request('/api/series/dan-so/05971/2a?from=2024Q3&to=2025Q1', { headers: { Cookie: cookie } })
    ).json();
    expect(series.points.map((p: { period: string; value: number | null }) => [p.period, p.value])).toEqual([
      ['2024Q3', null],
      ['2024Q4', 5100],
      ['2025Q1', 5180],
    ]);
  });

  it('refuses to start when a version in use has changed, naming the file and the fix', async () => {
    put(template());
    const booted = await boot();
    await save(booted.app, await booted.login('canbo-05971'), '2024Q4', [{ row: '1', col: 'so_lieu', value: 1200 }]);
    put(template({ title: 'Dân số, hộ gia đình (sửa)' }));
    const error = await boot().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemplateLoadError);
    expect((error as Error).message).toMatch(/dan-so\/1\.json/);
    expect((error as Error).message).toMatch(/1 report\(s\) already use it/);
    expect((error as Error).message).toMatch(/new file 2\.json/);
  });

  it('accepts a changed version that no report uses yet', async () => {
    put(template());
    await boot();
    put(template({ title: 'Dân số và hộ gia đình (bản sửa)' }));
    const { templates } = await boot();
    expect(templates.latest('dan-so')?.file.title).toBe('Dân số và hộ gia đình (bản sửa)');
  });

  it('keeps serving a recorded version whose file was removed, for the reports made with it', async () => {
    put(template());
    put(v2);
    await boot();
    rmSync(join(dir, 'templates', 'dan-so', '1.json'));
    const { templates } = await boot();
    expect(templates.get('dan-so', 1)?.file.rows.map((r) => r.code)).toEqual(['1', '2']);
  });
});

describe('narrative sections (mẫu đề cương)', () => {
  it('refuse a submission while a required section is empty, naming it, and accept it once written', async () => {
    put(template({ sections: [{ key: 'danh_gia_chung', title: 'Đánh giá chung', required: true }] }));
    const { app, login } = await boot();
    const cookie = await login('canbo-05971');
    const url = '/api/reports/dan-so/2024Q4/05971';
    const headers = { 'Content-Type': 'application/json', Cookie: cookie };
    await save(app, cookie, '2024Q4', [{ row: '1', col: 'so_lieu', value: 1200 }]);
    const refused = await app.request(`${url}/submit`, { method: 'POST', headers });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.issues).toEqual([
      expect.objectContaining({ col: 'danh_gia_chung', code: 'section-required', message: 'Chưa viết mục "Đánh giá chung".' }),
    ]);
    await app.request(`${url}/values`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ revision: 1, values: [], sections: [{ key: 'danh_gia_chung', text: 'Dân số ổn định.' }] }),
    });
    expect((await app.request(`${url}/submit`, { method: 'POST', headers })).status).toBe(200);
    const report = await (await app.request(url, { headers })).json();
    expect(report.sections).toEqual([{ key: 'danh_gia_chung', text: 'Dân số ổn định.' }]);
  });

  it('refuse text for a section the template does not have, saving nothing', async () => {
    put(template({ sections: [{ key: 'danh_gia_chung', title: 'Đánh giá chung' }] }));
    const { app, login } = await boot();
    const res = await app.request('/api/reports/dan-so/2024Q4/05971/values', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Cookie: await login('canbo-05971') },
      body: JSON.stringify({ revision: 0, values: [{ row: '1', col: 'so_lieu', value: 5 }], sections: [{ key: 'khac', text: 'x' }] }),
    });
    expect(res.status).toBe(422);
    expect((await res.json()).error.issues[0]).toMatchObject({ col: 'khac', code: 'unknown-section' });
  });
});

describe('a template file with a mistake is refused with the file, the place and the fix', () => {
  const refused = async (file: unknown, name = '1.json') => {
    mkdirSync(join(dir, 'templates', 'dan-so'), { recursive: true });
    writeFileSync(join(dir, 'templates', 'dan-so', name), typeof file === 'string' ? file : JSON.stringify(file, null, 2));
    const error = await boot().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemplateLoadError);
    const message = (error as Error).message;
    expect(message).toContain('dan-so/1.json');
    expect(message).toContain('fix:');
    return message;
  };

  it('an unknown cell in a formula', async () => {
    const message = await refused(template({ rows: [{ code: '1', label: 'Số hộ' }, { code: '2', label: 'Tổng', formula: "row('9')" }] }));
    expect(message).toMatch(/rows\[1\]\.formula/);
    expect(message).toMatch(/'9'/);
  });

  it('a cycle between formulas', async () => {
    const message = await refused(
      template({
        rows: [
          { code: '1', label: 'A', formula: "row('2') + 1" },
          { code: '2', label: 'B', formula: "row('1') + 1" },
        ],
      }),
    );
    expect(message).toMatch(/cycle/i);
    expect(message).toMatch(/1.*→.*2|2.*→.*1/);
  });

  it('a deadline that breaks Art. 8(5): no working day between cutoff and deadline', async () => {
    const base = template();
    const message = await refused({ ...base, regime: { ...base.regime, deadlineWorkingDays: { commune: 0, district: 4, province: 6 } } });
    expect(message).toMatch(/regime\.deadlineWorkingDays/);
    expect(message).toMatch(/commune/);
  });

  it('a province deadline after the 25th of the last month, for a report to the Government (Art. 13)', async () => {
    const base = template();
    const message = await refused({ ...base, regime: { ...base.regime, recipientKind: 'government', deadlineWorkingDays: { commune: 2, district: 5, province: 9 } } });
    expect(message).toMatch(/25/);
    expect(message).toMatch(/province/);
    expect(message).toContain('Điều 13');
  });

  it('prints Vietnamese first and English second', async () => {
    const base = template();
    const message = await refused({ ...base, regime: { ...base.regime, deadlineWorkingDays: { commune: 0, district: 4, province: 6 } } });
    expect(message.indexOf('bị từ chối')).toBeLessThan(message.indexOf('is refused'));
    expect(message.indexOf('khoản 5 Điều 8')).toBeLessThan(message.indexOf('Art. 8(5)'));
    expect(message.indexOf('cách sửa:')).toBeLessThan(message.indexOf('fix:'));
  });

  it('a project-defined form whose number looks like a ministry form number', async () => {
    const message = await refused(template({ definedBy: 'project', formNumber: 'Biểu số 01/DS' }));
    expect(message).toMatch(/formNumber/);
    expect(message).toContain('mẫu riêng của Hệ thống');
  });

  it('Vietnamese text in decomposed Unicode, named by its place', async () => {
    const message = await refused(template({ title: 'Dân số'.normalize('NFD') }));
    expect(message).toContain('title: chữ tiếng Việt ở dạng Unicode tổ hợp');
    expect(message).toContain('NFC');
  });

  it('a missing required field, named as missing', async () => {
    const { formNumber: _dropped, ...base } = template();
    const message = await refused(base);
    expect(message).toContain('formNumber: thiếu trường bắt buộc');
  });

  it('a further collection at the frequency the form already has, or with a deadline that breaks Art. 8(5)', async () => {
    const message = await refused(
      template({
        collections: [
          { frequency: 'quarterly', levels: ['province'], deadlineWorkingDays: {} },
          { frequency: 'annual', levels: ['province'], deadlineWorkingDays: { province: 0 } },
        ],
      }),
    );
    expect(message).toContain('collections[0].frequency: biểu đã được thu theo kỳ quarterly');
    expect(message).toContain('collections[1].deadlineWorkingDays.province');
  });

  it('a duplicated row code', async () => {
    const message = await refused(template({ rows: [{ code: '1', label: 'A' }, { code: '1', label: 'B' }] }));
    expect(message).toMatch(/rows\[1\]/);
    expect(message).toMatch(/duplicate|twice|more than once|already/i);
  });

  it('a misspelt key, named by its path', async () => {
    const base = template();
    const message = await refused({ ...base, rows: [{ code: '1', label: 'A', fromula: "row('1')" }] });
    expect(message).toMatch(/rows\[0\]/);
    expect(message).toMatch(/fromula/);
  });

  it('a file that is not JSON, with the line', async () => {
    const message = await refused('{\n  "id": "dan-so",\n  "version": 1\n  "title": "x"\n}');
    expect(message).toMatch(/line 4/);
  });

  it('a version that differs from its file name', async () => {
    const message = await refused(template({ version: 3 }));
    expect(message).toMatch(/3\.json/);
  });
});
