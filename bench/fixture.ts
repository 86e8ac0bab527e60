// A benchmark database: a whole province's official unit list (from ../shared/data, not copied into
// the project), one head user, and an approved Biểu 06 report for every commune and district.
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cellValues, reports, units, userRoles, users } from '../schema/db';
import { hashPassword } from '../server/auth/passwords';
import { openStore, type Store } from '../server/db/client';
import { createUnitTrees } from '../server/db/units';
import type { AppDeps } from '../server/env';
import { createHolidaySource } from '../server/holidays';
import { loadTemplateRegistry, TEMPLATES_DIR } from '../server/templates/registry';

export const DATA_DIR = join(import.meta.dirname, '../../shared/data');

interface CsvUnit {
  province: [string, string];
  district: [string, string];
  commune: [string, string, string];
}

/** Rows of an official GSO list (Tỉnh Thành Phố, Mã TP, Quận Huyện, Mã QH, Phường Xã, Mã PX, Cấp). */
export function readGsoList(file: string, provinceCode?: string): CsvUnit[] {
  const lines = readFileSync(join(DATA_DIR, file), 'utf8').trim().split('\n').slice(1);
  return lines
    .map((line) => line.split(','))
    .filter((f) => !provinceCode || f[1] === provinceCode)
    .map((f) => ({ province: [f[1]!, f[0]!], district: [f[3]!, f[2]!], commune: [f[5]!, f[4]!, f[6]!.trim()] }));
}

export interface BenchFixture {
  deps: AppDeps;
  store: Store;
  provinceCode: string;
  communes: number;
  districts: number;
}

/** Loads the province, its districts and communes (valid from 2020) and fills 2025Q1 of Biểu 06. */
export async function createFixture(provinceCode: string, list = 'units-2025-03-01-national.csv'): Promise<BenchFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'bc-bench-'));
  const store = await openStore(`file:${join(dir, 'bench.db')}`);
  const rows = readGsoList(list, provinceCode);
  const now = new Date('2025-04-20T03:00:00Z');
  const districtIds = new Map<string, number>();
  const unitIds: number[] = [];
  await store.write(async (tx) => {
    const [p] = await tx
      .insert(units)
      .values({ code: provinceCode, name: rows[0]!.province[1], kind: 'Tỉnh', level: 'province', parentId: null, validFrom: '2020-01-01', validTo: null })
      .returning({ id: units.id });
    for (const r of rows) {
      if (!districtIds.has(r.district[0])) {
        const [d] = await tx
          .insert(units)
          .values({ code: r.district[0], name: r.district[1], kind: 'Huyện', level: 'district', parentId: p!.id, validFrom: '2020-01-01', validTo: null })
          .returning({ id: units.id });
        districtIds.set(r.district[0], d!.id);
        unitIds.push(d!.id);
      }
      const [c] = await tx
        .insert(units)
        .values({ code: r.commune[0], name: r.commune[1], kind: r.commune[2], level: 'commune', parentId: districtIds.get(r.district[0])!, validFrom: '2020-01-01', validTo: null })
        .returning({ id: units.id });
      unitIds.push(c!.id);
    }
    const [head] = await tx
      .insert(users)
      .values({ username: `lanhdao-${provinceCode}`, name: 'Lãnh đạo tỉnh', passwordHash: await hashPassword('bench'), createdAt: now.toISOString() })
      .returning({ id: users.id });
    await tx.insert(userRoles).values({ userId: head!.id, role: 'head', unitId: p!.id, validFrom: '2020-01-01', validTo: null });
  });

  const holidays = createHolidaySource(store.db);
  const templates = await loadTemplateRegistry(store, TEMPLATES_DIR, await holidays.calendar(), now);
  const b06 = templates.latest('bieu-06-vpcp-kstt')!;
  const sectorRows = b06.compiled.dataRows.filter((r) => !r.formula).map((r) => r.code);
  await store.write(async (tx) => {
    for (const [i, unitId] of unitIds.entries()) {
      const [report] = await tx
        .insert(reports)
        .values({ templateId: b06.file.id, templateVersion: 1, periodId: '2025Q1', unitId, status: 'approved', revision: 3, submittedAt: now.toISOString(), createdAt: now.toISOString(), updatedAt: now.toISOString() })
        .returning({ id: reports.id });
      const values = sectorRows.flatMap((row, k) => {
        const n = 5 + ((i * 31 + k * 7) % 40);
        const cells: Record<string, number> = {
          nhan_tong: n, nhan_truc_tuyen: n - 2, nhan_truc_tiep: 2, nhan_ky_truoc: 0,
          da_gq_tong: n - 1, da_gq_truoc_han: n - 3, da_gq_dung_han: 2, da_gq_qua_han: 0,
          dang_gq_tong: 1, dang_gq_trong_han: 1, dang_gq_qua_han: 0,
        };
        return Object.entries(cells).map(([colKey, numValue]) => ({ reportId: report!.id, rowCode: row, colKey, numValue, textValue: null }));
      });
      for (let k = 0; k < values.length; k += 500) await tx.insert(cellValues).values(values.slice(k, k + 500));
    }
  });
  const deps: AppDeps = { store, templates, unitTrees: createUnitTrees(store.db), holidays, clock: () => now, demo: false };
  return { deps, store, provinceCode, communes: rows.length, districts: districtIds.size };
}
