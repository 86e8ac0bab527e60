// The agreement test: one period's figures exported as QCVN 125 report data, ADX, SDMX-CSV and the
// Excel package agree value for value, and an ADX import of the export into another instance
// reproduces every unit's report exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../schema/api';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { figuresOfAdx, figuresOfQcvn, figuresOfSdmx, figuresOfWorkbook, FILL_NOW, fillTwoCommunes, P, T } from './exchange-fixtures';

let source: TestApp;
let head: string;
beforeAll(async () => {
  source = await createTestApp({ now: FILL_NOW });
  await fillTwoCommunes(source);
  head = await source.login('lanhdao-178');
});
afterAll(() => source.close());

const exportOf = (t: TestApp, cookie: string, format: string) => t.request(`/api/exports/${T}/${P}/178.${format}?include=submitted`, { cookie });

describe('one period in every format', () => {
  it('QCVN 125 report data, ADX, SDMX-CSV and the Excel package hold the same figures, value for value', async () => {
    const qcvn = figuresOfQcvn(await (await exportOf(source, head, 'qcvn125.json')).json());
    const adx = figuresOfAdx(await (await exportOf(source, head, 'adx.xml')).text());
    const sdmx = figuresOfSdmx(await (await exportOf(source, head, 'sdmx.csv')).text());
    const file = source.deps.templates.latest(T)!;
    const xlsx = await figuresOfWorkbook(
      await (await exportOf(source, head, 'xlsx')).arrayBuffer(),
      '178',
      file.compiled.columns.map((c) => c.key),
      new Set(file.compiled.dataRows.map((r) => r.code)),
    );
    // The roll-up and both communes' own reports, entered cells and totals alike.
    expect(qcvn.get('T|178|01|nhan_tong')).toBe(11 + 33);
    expect(qcvn.get('O|05974|02|da_gq_tong')).toBe(4 * 8);
    expect(qcvn.get('T|178|TC|nhan_tong')).toBe(11 + 33 + 22 + 44);
    expect(qcvn.size).toBeGreaterThan(40);
    expect(Object.fromEntries(adx)).toEqual(Object.fromEntries(qcvn));
    expect(Object.fromEntries(sdmx)).toEqual(Object.fromEntries(qcvn));
    expect(Object.fromEntries(xlsx)).toEqual(Object.fromEntries(qcvn));
  });

  it('an ADX import of the export into another instance reproduces every report exactly, after a dry run that changed nothing', async () => {
    const xml = await (await exportOf(source, head, 'adx.xml')).text();
    const target = await createTestApp({ now: FILL_NOW });
    try {
      const targetHead = await target.login('lanhdao-178');
      const dry = await target.request('/api/imports/adx?dryRun=true', { method: 'POST', cookie: targetHead, body: xml, headers: { 'Content-Type': 'application/adx+xml' } });
      expect(dry.status).toBe(200);
      const plan = (await dry.json()) as { dryRun: boolean; reports: { unitCode: string; created: boolean; changes: unknown[] }[]; skippedRollups: number };
      expect(plan.dryRun).toBe(true);
      expect(plan.skippedRollups).toBe(1);
      expect(plan.reports.map((r) => [r.unitCode, r.created, r.changes.length])).toEqual([
        ['05971', true, 22],
        ['05974', true, 22],
      ]);
      const before = (await (await target.request(`/api/reports/${T}/${P}/05971`, { cookie: targetHead })).json()) as Report;
      expect(before.revision).toBe(0);
      expect(before.values.filter((x) => x.value !== null && x.value !== 0)).toEqual([]);

      const done = await target.request('/api/imports/adx', { method: 'POST', cookie: targetHead, body: xml, headers: { 'Content-Type': 'application/adx+xml' } });
      expect(done.status).toBe(200);
      for (const unit of ['05971', '05974']) {
        const original = (await (await source.request(`/api/reports/${T}/${P}/${unit}`, { cookie: head })).json()) as Report;
        const copy = (await (await target.request(`/api/reports/${T}/${P}/${unit}`, { cookie: targetHead })).json()) as Report;
        expect(copy.values).toEqual(original.values);
        expect(copy.status).toBe('draft');
      }
      // Imported twice, nothing changes the second time.
      const again = await target.request('/api/imports/adx?dryRun=true', { method: 'POST', cookie: targetHead, body: xml });
      expect(((await again.json()) as { reports: { changes: unknown[] }[] }).reports.map((r) => r.changes.length)).toEqual([0, 0]);
    } finally {
      target.close();
    }
  });
});
