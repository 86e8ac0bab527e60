import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UnitNode } from '../../../schema/api';
import { userRoles, users } from '../../../schema/db';
import { hashPassword } from '../../../server/auth/passwords';
import type { UnitImportResult } from '../../../server/services/unit-import';
import { sharedDataDir } from '../../helpers/shared-data';
import { createTestApp, PASSWORD, type TestApp } from '../../helpers/test-app';

const DATA = sharedDataDir();
const NATIONAL = readFileSync(join(DATA, 'units-2025-03-01-national.csv'));
const LANG_SON_BEFORE = readFileSync(join(DATA, 'units-2025-03-01-lang-son.csv'));
const LANG_SON_AFTER = readFileSync(join(DATA, 'units-2025-07-01-lang-son.csv'));

let t: TestApp;
afterEach(() => t.close());

async function importList(body: Uint8Array, query: string, cookie: string, type = 'text/csv') {
  return t.request(`/api/units/import?${query}`, { method: 'POST', cookie, headers: { 'Content-Type': type }, body: new Uint8Array(body) });
}

const count = async (query: string) => (await t.deps.store.db.all<{ n: number }>(sql.raw(query)))[0]!.n;

async function units(at: string, cookie: string): Promise<UnitNode[]> {
  return (await t.request(`/api/units?at=${at}`, { cookie })).json();
}

describe('POST /api/units/import on an empty database: the national list, then Lạng Sơn after the reform', { timeout: 120_000 }, () => {
  let admin: string;
  beforeEach(async () => {
    t = await createTestApp({ seed: false });
    const [row] = await t.deps.store.db.insert(users).values({ username: 'admin', name: 'Quản trị', passwordHash: await hashPassword(PASSWORD), createdAt: '2025-01-01T00:00:00Z' }).returning({ id: users.id });
    await t.deps.store.db.insert(userRoles).values({ userId: row!.id, role: 'admin', unitId: null, validFrom: '2020-01-01', validTo: null });
    admin = await t.login('admin');
  });

  it('dry-runs the national list (nation, 63 provinces, the 691 districts it lists, 10,047 communes) writing nothing, then loads it all', async () => {
    const dry = await importList(NATIONAL, 'validFrom=2025-03-01&dryRun=true', admin);
    expect(dry.status, await dry.clone().text()).toBe(200);
    const plan = (await dry.json()) as UnitImportResult;
    expect(plan.dryRun).toBe(true);
    expect(plan.added.filter((u) => u.level === 'province')).toHaveLength(63);
    expect(plan.added.filter((u) => u.level === 'district')).toHaveLength(691);
    expect(plan.added.filter((u) => u.level === 'commune')).toHaveLength(10_047);
    expect(plan.versions).toBe(1 + 63 + 691 + 10_047);
    expect(await count('SELECT COUNT(*) AS n FROM units')).toBe(0);

    const res = await importList(NATIONAL, 'validFrom=2025-03-01', admin);
    expect(res.status).toBe(200);
    const tree = await units('2025-03-01', admin);
    expect(tree).toHaveLength(1 + 63 + 691 + 10_047);
    expect(tree.filter((u) => u.parentCode === 'VN')).toHaveLength(63);
    expect(tree.find((u) => u.code === '05977')).toMatchObject({ name: 'Phường Vĩnh Trại', level: 'commune', parentCode: '178' });
    // The subtree relation: the nation is above every unit, Lạng Sơn above its 11 districts and 194 communes.
    expect(await count(`SELECT COUNT(*) AS n FROM unit_closure c JOIN units u ON u.id = c.ancestor_id WHERE u.code = 'VN'`)).toBe(1 + 63 + 691 + 10_047);
    expect(await count(`SELECT COUNT(*) AS n FROM unit_closure c JOIN units u ON u.id = c.ancestor_id WHERE u.code = '20' AND c.depth > 0`)).toBe(11 + 194);

    // The same list again changes nothing.
    const again = (await (await importList(NATIONAL, 'validFrom=2025-03-01&dryRun=true', admin)).json()) as UnitImportResult;
    expect([again.added.length, again.renamed.length, again.moved.length, again.closed.length]).toEqual([0, 0, 0, 0]);
    expect(again.unchanged).toBe(63 + 691 + 10_047);
  });

  it('loads Lạng Sơn of 01/07/2025: 65 communes formed from the old ones, districts closed, other provinces untouched', async () => {
    expect((await importList(NATIONAL, 'validFrom=2025-03-01', admin)).status).toBe(200);
    const plan = (await (await importList(LANG_SON_AFTER, 'validFrom=2025-07-01&dryRun=true', admin)).json()) as UnitImportResult;
    expect(plan.added).toHaveLength(65);
    expect(plan.unchanged).toBe(1); // the province itself
    expect(plan.closed.filter((u) => u.level === 'district')).toHaveLength(11);
    expect(plan.closed.filter((u) => u.level === 'commune')).toHaveLength(194);
    expect(plan.added.find((u) => u.code === '05977')).toMatchObject({
      name: 'Phường Đông Kinh',
      parentCode: '20',
      from: [
        { code: '05977', name: 'Phường Vĩnh Trại', share: 'full' },
        { code: '05980', name: 'Phường Đông Kinh', share: 'full' },
        { code: '05992', name: 'Xã Mai Pha', share: 'full' },
        { code: '06247', name: 'Xã Yên Trạch', share: 'full' },
      ],
    });
    expect(plan.added.find((u) => u.code === '06625')!.from).toContainEqual({ code: '06622', name: 'Xã Bính Xá', share: 'partial' });

    expect((await importList(LANG_SON_AFTER, 'validFrom=2025-07-01', admin)).status).toBe(200);
    const after = await units('2025-07-01', admin);
    expect(after.filter((u) => u.parentCode === '20').map((u) => u.level)).toEqual(Array(65).fill('commune'));
    expect(after.find((u) => u.code === '05977')!.name).toBe('Phường Đông Kinh');
    expect(after.filter((u) => u.parentCode === 'VN')).toHaveLength(63);
    expect(after.find((u) => u.code === '00001')!.name).toBe('Phường Phúc Xá');
    const before = await units('2025-06-30', admin);
    expect(before.find((u) => u.code === '05977')!.name).toBe('Phường Vĩnh Trại');
    // Closing sets validTo to the day before; the reused code is a new row.
    const rows = await t.deps.store.db.all<{ name: string; valid_from: string; valid_to: string | null }>(sql`SELECT name, valid_from, valid_to FROM units WHERE code = '05977' ORDER BY valid_from`);
    expect(rows).toEqual([
      { name: 'Phường Vĩnh Trại', valid_from: '2025-03-01', valid_to: '2025-06-30' },
      { name: 'Phường Đông Kinh', valid_from: '2025-07-01', valid_to: null },
    ]);
    const links = LANG_SON_AFTER.toString('utf8').trim().split('\n').slice(1).reduce((n, line) => n + line.split(',')[5]!.split(';').length, 0);
    expect(await count('SELECT COUNT(*) AS n FROM unit_successions')).toBe(links);
  });

  it('leaves agencies alone: a sở under the province stays in force through the reform list', async () => {
    expect((await importList(LANG_SON_BEFORE, 'validFrom=2025-03-01', admin)).status).toBe(200);
    await t.deps.store.db.run(sql`INSERT INTO units (code, name, kind, level, parent_id, valid_from) SELECT 'SNV', 'Sở Nội vụ', 'Sở', 'agency', id, '2020-01-01' FROM units WHERE code = '20'`);
    const res = await importList(LANG_SON_AFTER, 'validFrom=2025-07-01', admin);
    expect(res.status).toBe(200);
    expect(((await res.json()) as UnitImportResult).closed.map((u) => u.code)).not.toContain('SNV');
    expect(await t.deps.store.db.all(sql`SELECT valid_to FROM units WHERE code = 'SNV'`)).toEqual([{ valid_to: null }]);
  });

  it('refuses a list with a predecessor that is not in force, changing nothing (all or nothing)', async () => {
    expect((await importList(LANG_SON_BEFORE, 'validFrom=2025-03-01', admin)).status).toBe(200);
    const before = await count('SELECT COUNT(*) AS n FROM units');
    const broken = Buffer.from(LANG_SON_AFTER.toString('utf8').replace('05980: Phường Đông Kinh', '09999: Phường Không Có'));
    const res = await importList(broken, 'validFrom=2025-07-01', admin);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('invalid-list');
    expect(body.error.issues[0].message).toContain('09999');
    expect(await count('SELECT COUNT(*) AS n FROM units')).toBe(before);
    expect(await count('SELECT COUNT(*) AS n FROM unit_successions')).toBe(0);
  });

  it('answers 422 naming the line for a malformed list, 400 for a bad date, 403 to a non-admin, 401 without a session', async () => {
    const bad = await importList(Buffer.from('Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp\nTỉnh X,2,Huyện Y,001,Xã Z,1,Xã\n'), 'validFrom=2025-03-01', admin);
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues.map((i: { message: string }) => i.message)).toEqual([
      'Dòng 2: mã tỉnh "2" phải có 2 chữ số.',
      'Dòng 2: mã xã "1" phải có 5 chữ số.',
    ]);
    expect((await importList(Buffer.from('a,b\n1,2\n'), 'validFrom=2025-03-01', admin)).status).toBe(422);
    expect((await importList(LANG_SON_BEFORE, 'validFrom=2025-02-30', admin)).status).toBe(400);
    expect((await t.request('/api/units/import?validFrom=2025-03-01', { method: 'POST', body: LANG_SON_BEFORE })).status).toBe(401);
  });
});

describe('POST /api/units/import on the demo database', () => {
  beforeEach(async () => {
    t = await createTestApp();
  });

  it('reads the same list from XLSX as from CSV, and keeps the demo units that match it', async () => {
    const admin = await t.login('admin');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('DanhMuc');
    for (const line of LANG_SON_BEFORE.toString('utf8').trim().split('\n')) sheet.addRow(line.split(','));
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    const fromCsv = (await (await importList(LANG_SON_BEFORE, 'validFrom=2025-03-01&dryRun=true', admin)).json()) as UnitImportResult;
    const fromXlsx = (await (await importList(xlsx, 'validFrom=2025-03-01&dryRun=true', admin, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).json()) as UnitImportResult;
    expect(fromXlsx).toEqual(fromCsv);
    // The demo's province, 11 districts and 10 communes are the official ones: kept; 184 communes added.
    expect(fromCsv.unchanged).toBe(1 + 11 + 10);
    expect(fromCsv.added.filter((u) => u.level === 'commune')).toHaveLength(184);
    expect(fromCsv.closed).toEqual([]);
  });

  it('an officer may not import (403)', async () => {
    expect((await importList(LANG_SON_AFTER, 'validFrom=2025-07-01', await t.login('canbo-05971'))).status).toBe(403);
  });
});
