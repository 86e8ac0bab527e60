// Imports and the Excel upload store the derived list cells at once (issue 11): an open list's total
// (vu-viec-khieu-nai-to-cao-xa: the cases a commune adds) and a unit's own row of a generated list
// copying its total (Biểu 06 version 2: "B3.<commune>" from row TC). A report imported by ADX or QCVN
// 125, or uploaded as its Excel form, rolls up with them right away, without waiting for a later save,
// and the maintained roll-up equals a full recompute.
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Aggregate, Report } from '../../../schema/api';
import { findReport, loadValues } from '../../../server/db/reports';
import { rebuildPeriod } from '../../../server/services/rollup-build';
import { createTestApp, type TestApp } from '../../helpers/test-app';

const CASES = 'vu-viec-khieu-nai-to-cao-xa';
const B06 = 'bieu-06-vpcp-kstt';
const P = '2025Q3';
const NOW = new Date('2025-09-17T03:00:00Z');
const UNITS = ['05977', '05983'] as const;

/** k cases of a commune: content and kind as text, petitions, people, resolved. */
const cases = (k: number) =>
  Array.from({ length: k }, (_, i) => [
    { row: `DS.${i + 1}`, col: 'noi_dung', value: `Vụ việc thứ ${i + 1} của xã, có dấu phẩy, và "ngoặc kép"` },
    { row: `DS.${i + 1}`, col: 'loai', value: i % 2 === 0 ? 'Khiếu nại' : 'Tố cáo' },
    { row: `DS.${i + 1}`, col: 'so_don', value: i + 2 },
    { row: `DS.${i + 1}`, col: 'so_nguoi', value: 2 * i + 1 },
    { row: `DS.${i + 1}`, col: 'da_giai_quyet', value: i % 2 },
  ]).flat();
/** A consistent Biểu 06 sector row scaled by k: received 10k = 6k + 4k + 0 = 7k resolved + 3k pending. */
const sector = (k: number) =>
  Object.entries({ nhan_tong: 10, nhan_truc_tuyen: 6, nhan_truc_tiep: 4, nhan_ky_truoc: 0, da_gq_tong: 7, da_gq_truoc_han: 4, da_gq_dung_han: 3, da_gq_qua_han: 0, dang_gq_tong: 3, dang_gq_trong_han: 3, dang_gq_qua_han: 0 }).map(
    ([col, value]) => ({ row: '01', col, value: value * k }),
  );
const FIGURES: Record<string, (k: number) => { row: string; col: string; value: number | string }[]> = { [CASES]: (k) => cases(k + 2), [B06]: sector };

let source: TestApp;
const exported = new Map<string, string>();

async function call(t: TestApp, user: string, path: string, init: { method?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {}) {
  return t.request(path, { method: init.method ?? 'GET', cookie: await t.login(user), ...(init.json !== undefined ? { json: init.json } : {}), ...(init.body ? { body: init.body } : {}), ...(init.headers ? { headers: init.headers } : {}) });
}
async function ok(res: Response | Promise<Response>) {
  const r = await res;
  expect(r.status, r.status === 200 ? '' : await r.clone().text()).toBe(200);
  return r;
}
const submitAll = async (t: TestApp, template: string) => {
  for (const unit of UNITS) await ok(call(t, `canbo-${unit}`, `/api/reports/${template}/${P}/${unit}/submit`, { method: 'POST' }));
};
const aggregate = async (t: TestApp, template: string) =>
  ((await (await ok(call(t, 'lanhdao-20', `/api/aggregates/${template}/${P}/20?include=submitted`))).json()) as Aggregate).values.filter((v) => v.value !== null);
const at = (values: { row: string; col: string; value: unknown }[], row: string, col: string) => values.find((v) => v.row === row && v.col === col)?.value;

/** The report's cells as stored (inputs and derived cells), straight from the database. */
async function stored(t: TestApp, template: string, unit: string) {
  const tree = await t.deps.unitTrees.at('2025-09-14');
  const row = await findReport(t.deps.store.db, template, P, tree.byCode(unit)!.id, 'official');
  return (await loadValues(t.deps.store.db, [row!.id])).get(row!.id)!;
}

/** The maintained roll-up cells of the period, and the same after a full recompute. */
async function maintainedAndRecomputed(t: TestApp, template: string) {
  const cells = () => t.deps.store.db.all(sql`SELECT unit_id, bucket, row_code, col_key, sum, count FROM rollup_cells
    WHERE template_id = ${template} AND period_id = ${P} ORDER BY unit_id, bucket, row_code, col_key`);
  const maintained = await cells();
  await t.deps.store.write((tx) => rebuildPeriod(tx, t.deps.templates, template, P, t.now.value.toISOString()));
  return [maintained, await cells()];
}

/** What the roll-up must hold after the import: the list rows of both communes. */
async function expectListsRolledUp(t: TestApp, template: string) {
  const values = await aggregate(t, template);
  if (template === CASES) {
    // 05977 has cases 1–3 (2 + 3 + 4 petitions), 05983 cases 1–4 (2 + 3 + 4 + 5).
    expect([at(values, 'DS', 'so_don'), at(values, 'DS', 'so_nguoi'), at(values, 'DS', 'da_giai_quyet')]).toEqual([23, 25, 3]);
  } else {
    expect([at(values, 'B3.05977', 'nhan_tong'), at(values, 'B3.05983', 'nhan_tong'), at(values, 'B3', 'da_gq_tong')]).toEqual([10, 20, 21]);
  }
  expect(values).toEqual(await aggregate(source, template));
  const [maintained, recomputed] = await maintainedAndRecomputed(t, template);
  expect(maintained).toEqual(recomputed);
}

beforeAll(async () => {
  source = await createTestApp({ now: NOW });
  for (const template of [CASES, B06]) {
    for (const [k, unit] of UNITS.entries()) {
      await ok(call(source, `canbo-${unit}`, `/api/reports/${template}/${P}/${unit}/values`, { method: 'PUT', json: { revision: 0, values: FIGURES[template]!(k + 1) } }));
    }
    await submitAll(source, template);
    for (const format of ['adx.xml', 'qcvn125.json']) {
      exported.set(`${template}.${format}`, await (await ok(call(source, 'lanhdao-20', `/api/exports/${template}/${P}/20.${format}?include=submitted`))).text());
    }
  }
}, 60_000);
afterAll(() => source.close());

describe.each([CASES, B06])('importing %s', (template) => {
  const derived = template === CASES ? ['DS|so_don', 3 + 4 + 2] : ['B3.05977|nhan_tong', 10];

  it('by ADX stores each commune’s derived list cells with its figures, and the roll-up has them at once', async () => {
    const t = await createTestApp({ now: NOW });
    try {
      const res = await ok(call(t, 'lanhdao-20', '/api/imports/adx', { method: 'POST', body: exported.get(`${template}.adx.xml`)! }));
      const result = (await res.json()) as { skippedComputed: number };
      // The list's total (and Biểu 06's own row) arrive as figures; computed, they are not the import's to write.
      expect(result.skippedComputed).toBeGreaterThan(0);
      expect((await stored(t, template, '05977')).get(derived[0] as string)).toBe(derived[1]);
      await submitAll(t, template);
      await expectListsRolledUp(t, template);
      const report = (await (await ok(call(t, 'canbo-05977', `/api/reports/${template}/${P}/05977`))).json()) as Report;
      const original = (await (await ok(call(source, 'canbo-05977', `/api/reports/${template}/${P}/05977`))).json()) as Report;
      expect(report.values).toEqual(original.values);
    } finally {
      t.close();
    }
  });

  it('by QCVN 125 stores them too, and importing the same packet again changes nothing', async () => {
    const t = await createTestApp({ now: NOW });
    try {
      const packet = JSON.parse(exported.get(`${template}.qcvn125.json`)!) as unknown;
      await ok(call(t, 'lanhdao-20', '/api/exchange/import', { method: 'POST', json: packet }));
      expect((await stored(t, template, '05977')).get(derived[0] as string)).toBe(derived[1]);
      // The packet replaces each report's figures: the derived cells it does not list stay, as they follow from the inputs.
      const again = (await (await ok(call(t, 'lanhdao-20', '/api/exchange/import', { method: 'POST', json: packet }))).json()) as { reports: { changes: unknown[] }[] };
      expect(again.reports.map((r) => r.changes)).toEqual([[], []]);
      expect((await stored(t, template, '05977')).get(derived[0] as string)).toBe(derived[1]);
      await submitAll(t, template);
      await expectListsRolledUp(t, template);
    } finally {
      t.close();
    }
  });
});

describe('the Excel upload of a form with a generated list', () => {
  /** The sheet cell of a row code (column A) and a column number ('(n)' in the numbering row). */
  function cellOf(ws: ExcelJS.Worksheet, row: string, colNumber: number): ExcelJS.Cell {
    let found: number | undefined;
    let numbering: ExcelJS.Row | undefined;
    ws.eachRow((r, n) => {
      if (numbering === undefined && r.getCell(1).value === 'A' && r.getCell(2).value === 'B') numbering = r;
      if (found === undefined && r.getCell(1).value === row) found = n;
    });
    let col: number | undefined;
    numbering!.eachCell((c, n) => {
      if (c.value === `(${colNumber})`) col = n;
    });
    return ws.getCell(found!, col!);
  }

  it('stores the commune’s own row of the list at once, so the roll-up lists it', async () => {
    const t = await createTestApp({ now: NOW });
    try {
      const columns = t.deps.templates.forPeriod(B06, P)!.compiled.columns.map((c) => c.key);
      for (const [k, unit] of UNITS.entries()) {
        const url = `/api/forms/${B06}/${P}/${unit}.xlsx`;
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(await (await ok(call(t, `canbo-${unit}`, url))).arrayBuffer());
        const ws = wb.worksheets[0]!;
        for (const { col, value } of sector(k + 1)) cellOf(ws, '01', columns.indexOf(col) + 1).value = value;
        const body = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
        await ok(call(t, `canbo-${unit}`, url, { method: 'POST', body, headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } }));
      }
      expect((await stored(t, B06, '05983')).get('B3.05983|nhan_tong')).toBe(20);
      await submitAll(t, B06);
      await expectListsRolledUp(t, B06);
    } finally {
      t.close();
    }
  });
});
