// The benchmark database, built by the bench itself: the official national unit list loaded through
// the unit list import (10,047 communes under 691 districts, 63 provinces and the nation), users, and
// an approved Biểu 06 for every commune in 2025Q1 (220 cells each, 2.21 million values) written in
// bulk, after which the project's own full recompute builds the maintained roll-ups.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { userRoles, users } from '../schema/db';
import { hashPassword } from '../server/auth/passwords';
import { openStore, type Store } from '../server/db/client';
import { createUnitTrees } from '../server/db/units';
import type { AppDeps } from '../server/env';
import { createHolidaySource } from '../server/holidays';
import { importUnitList } from '../server/services/unit-import';
import { loadTemplateRegistry, TEMPLATES_DIR } from '../server/templates/registry';
import { parseList, readTable } from '../server/units/gso-list';
import { sharedDataDir } from '../test/helpers/shared-data';

/** ../shared/data beside the repository, found by walking up (SHARED_DATA_DIR overrides). */
export const DATA_DIR = sharedDataDir(import.meta.dirname);
export const T = 'bieu-06-vpcp-kstt';
export const PERIOD = '2025Q1';
export const PASSWORD = 'bench';

export interface BenchFixture {
  deps: AppDeps;
  store: Store;
  url: string;
  communes: number;
  /** Officers of Lạng Sơn's 194 communes, for the save burst. */
  officers: string[];
}

/** Consistent Biểu 06 figures of one sector row: received = online + direct + carried, and so on. */
export function bieu06Row(n: number): Record<string, number> {
  return {
    nhan_tong: n, nhan_truc_tuyen: n - 2, nhan_truc_tiep: 2, nhan_ky_truoc: 0,
    da_gq_tong: n - 1, da_gq_truoc_han: n - 3, da_gq_dung_han: 2, da_gq_qua_han: 0,
    dang_gq_tong: 1, dang_gq_trong_han: 1, dang_gq_qua_han: 0,
  };
}

export async function createFixture(file: string, log: (line: string) => void): Promise<BenchFixture> {
  const url = `file:${file}`;
  const store = await openStore(url);
  const now = new Date('2025-04-20T03:00:00Z');
  let t = performance.now();
  const full = parseList(await readTable(readFileSync(join(DATA_DIR, 'units-2025-03-01-national.csv'))));
  // BENCH_SLICE=20,38 keeps only those provinces: for developing against a smaller slice.
  const slice = process.env.BENCH_SLICE?.split(',');
  const list = slice ? { ...full, rows: full.rows.filter((r) => slice.includes(r.province.code)) } : full;
  await importUnitList(store, list, '2020-01-01', false);
  log(`  unit list imported (${list.rows.length} communes) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const holidays = createHolidaySource(store.db);
  const templates = await loadTemplateRegistry(store, TEMPLATES_DIR, await holidays.calendar(), now);
  const deps: AppDeps = { store, templates, unitTrees: createUnitTrees(store.db), holidays, clock: () => now, demo: false };
  const passwordHash = await hashPassword(PASSWORD);
  const langSon = list.rows.filter((r) => r.province.code === '20').map((r) => r.commune.code);
  const unitIdOf = new Map(
    (await store.db.all<{ id: number; code: string }>(sql`SELECT id, code FROM units WHERE level IN ('province', 'commune')`)).map((u) => [u.code, u.id]),
  );
  await store.write(async (tx) => {
    const people: [string, string, 'admin' | 'head' | 'officer', number | null][] = [
      ['admin', 'Quản trị', 'admin', null],
      ['lanhdao-20', 'Lãnh đạo tỉnh', 'head', unitIdOf.get('20')!],
      ...langSon.map((code): [string, string, 'officer', number] => [`canbo-${code}`, `Cán bộ ${code}`, 'officer', unitIdOf.get(code)!]),
    ];
    for (let i = 0; i < people.length; i += 100) {
      const chunk = people.slice(i, i + 100);
      const ids = await tx
        .insert(users)
        .values(chunk.map(([username, name]) => ({ username, name, passwordHash, createdAt: now.toISOString() })))
        .returning({ id: users.id });
      await tx.insert(userRoles).values(chunk.map(([, , role, unitId], k) => ({ userId: ids[k]!.id, role, unitId, validFrom: '2020-01-01', validTo: null })));
    }
  });

  t = performance.now();
  const template = templates.latest(T)!;
  const rows = template.compiled.dataRows.filter((r) => !r.formula).map((r) => r.code);
  const communes = await store.db.all<{ id: number }>(sql`SELECT id FROM units WHERE level = 'commune' ORDER BY id`);
  const at = now.toISOString();
  for (let i = 0; i < communes.length; i += 500) {
    const chunk = communes.slice(i, i + 500);
    await store.write(async (tx) => {
      const reports = chunk.map((c) => [T, template.file.version, PERIOD, c.id, 'approved', 3, at, at, at, at]);
      await tx.run(sql`INSERT INTO reports (template_id, template_version, period_id, unit_id, status, revision, submitted_at, decided_at, created_at, updated_at)
        SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8, value ->> 9 FROM json_each(${JSON.stringify(reports)})`);
      const ids = await tx.all<{ id: number; unit_id: number }>(sql`SELECT id, unit_id FROM reports WHERE template_id = ${T} AND period_id = ${PERIOD}
        AND unit_id IN (SELECT value FROM json_each(${JSON.stringify(chunk.map((c) => c.id))}))`);
      const values: [number, string, string, number][] = [];
      for (const { id, unit_id } of ids) {
        rows.forEach((row, k) => {
          for (const [col, v] of Object.entries(bieu06Row(5 + ((unit_id * 31 + k * 7) % 40)))) values.push([id, row, col, v]);
        });
      }
      await tx.run(sql`INSERT INTO cell_values (report_id, row_code, col_key, num_value)
        SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(${JSON.stringify(values)})`);
    });
  }
  const [{ n }] = (await store.db.all<{ n: number }>(sql`SELECT COUNT(*) AS n FROM cell_values`)) as [{ n: number }];
  log(`  ${communes.length} approved reports, ${n.toLocaleString('en')} values written in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return { deps, store, url, communes: communes.length, officers: langSon.map((c) => `canbo-${c}`) };
}
