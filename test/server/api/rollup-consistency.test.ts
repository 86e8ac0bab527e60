import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Aggregate } from '../../../schema/api';
import { aggregateCells } from '../../../client/views/Report/aggregate-cells';
import { cellKey } from '../../../domain/template/cell-key';
import { formLayout } from '../../../server/export/xlsx-layout';
import { createWorkers } from '../../../server/workers/pool';
import { periodFromId } from '../../../domain/periods';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { filingDay, grantPreReformRoles, rollupTemplatesDir, T } from '../services/rollup-fixtures';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ templatesDir: rollupTemplatesDir(), now: new Date('2025-10-20T03:00:00Z') });
  await grantPreReformRoles(t.deps.store.db);
  const filed: [string, string, number, number][] = [
    ['05977', '2024Q3', 12, 7.25],
    ['05980', '2024Q3', 3, 1.5],
    ['05977', '2025Q3', 20, 2.35],
    ['05983', '2025Q3', 9, 4.1],
  ];
  for (const [unit, period, a, b] of filed) {
    t.now.value = new Date(filingDay(periodFromId(t.deps.templates.latest(T)!.spec, period)!.end));
    const cookie = await t.login(`canbo-${unit}`);
    const values = ['s', 'l', 'v', 'lo', 'hi'].flatMap((row, i) => [
      { row, col: 'a', value: a + i },
      { row, col: 'b', value: b },
    ]);
    expect((await t.request(`/api/reports/${T}/${period}/${unit}/values`, { method: 'PUT', cookie, json: { revision: 0, values } })).status).toBe(200);
    expect((await t.request(`/api/reports/${T}/${period}/${unit}/submit`, { method: 'POST', cookie })).status).toBe(200);
  }
  t.now.value = new Date('2025-10-20T03:00:00Z');
});
afterEach(() => t.close());

/** Every figure of a sheet by (row code, column key), read back as Excel shows it. */
function figures(sheet: ExcelJS.Worksheet): Map<string, unknown> {
  const ct = t.deps.templates.latest(T)!.compiled;
  const layout = formLayout(ct);
  const out = new Map<string, unknown>();
  sheet.eachRow((row) => {
    const code = row.getCell(1).value;
    if (typeof code !== 'string' || !ct.row(code)) return;
    layout.dataColumns.forEach(({ column }, i) => {
      const value = row.getCell(layout.firstDataColumn + i).value;
      if (value !== null && value !== undefined && value !== '') out.set(cellKey(code, column.key), value);
    });
  });
  return out;
}

describe('one roll-up computation', () => {
  it('the roll-up tab shows, cell for cell, what the API and the Excel package say, computed cells included', async () => {
    const cookie = await t.login('lanhdao-20');
    const agg = (await (await t.request(`/api/aggregates/${T}/2025Q3/20?include=submitted`, { cookie })).json()) as Aggregate;
    const tab = aggregateCells(agg);
    const res = await t.request(`/api/exports/${T}/2025Q3/20.xlsx?include=submitted`, { cookie });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const excel = figures(wb.worksheets[0]!);
    // Last year's figures (2024Q3) come from the units Đông Kinh continues; the ratio is of the sums.
    expect(tab.get(cellKey('s', 'cung_ky'))).toBe(15);
    expect(tab.get(cellKey('r', 'a'))).toBeCloseTo(((20 + 9) / (21 + 10)) * 100, 2);
    expect(excel).toEqual(new Map([...tab].filter(([, v]) => v !== null)));
    expect(tab.size).toBeGreaterThan(10);
  });

  it('a workbook streamed from a worker thread is byte for byte the one written in-process', async () => {
    const cookie = await t.login('lanhdao-20');
    const path = `/api/exports/${T}/2025Q3/20.xlsx?include=submitted`;
    const inProcess = new Uint8Array(await (await t.request(path, { cookie })).arrayBuffer());
    const workers = createWorkers();
    try {
      t.deps.workers = workers;
      const res = await t.request(path, { cookie });
      expect(res.status).toBe(200);
      const streamed = new Uint8Array(await res.arrayBuffer());
      expect(streamed).toEqual(inProcess);
      // Refusals come before any byte: a commune officer asking for the province.
      expect((await t.request(path, { cookie: await t.login('canbo-05977') })).status).toBe(403);
    } finally {
      await workers.close();
      t.deps.workers = undefined;
    }
  }, 60_000);
});
