// Imports of QCVN 125 packets and ADX: validated, all or nothing, a dry run that changes nothing, and
// refused for units or periods the sender does not own.
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../schema/api';
import { fromWire, toWire } from '../../../server/exchange/qcvn125-mapping';
import { PacketSchemas } from '../../../server/exchange/qcvn125-schema';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { FILL_NOW, fillTwoCommunes, P, T } from './exchange-fixtures';

let source: TestApp;
let target: TestApp;
let packet: Record<string, unknown>;
let adx: string;
beforeAll(async () => {
  source = await createTestApp({ now: FILL_NOW });
  await fillTwoCommunes(source);
  const head = await source.login('lanhdao-178');
  packet = (await (await source.request(`/api/exports/${T}/${P}/178.qcvn125.json?include=submitted`, { cookie: head })).json()) as Record<string, unknown>;
  adx = await (await source.request(`/api/exports/${T}/${P}/178.adx.xml?include=submitted`, { cookie: head })).text();
  target = await createTestApp({ now: FILL_NOW });
});
afterAll(() => {
  source.close();
  target.close();
});

const values = async (t: TestApp, cookie: string, unit: string) =>
  ((await (await t.request(`/api/reports/${T}/${P}/${unit}`, { cookie })).json()) as Report).values.filter((x) => x.value !== null && x.value !== 0);
const post = (path: string, cookie: string, body: unknown) => target.request(path, { method: 'POST', cookie, json: body });

/** The packet with its body edited in our field names, renamed back to the wire. */
function edited(edit: (body: v.InferOutput<(typeof PacketSchemas)['reportData']>) => void): unknown {
  const p = v.parse(PacketSchemas.reportData, fromWire(structuredClone(packet)));
  edit(p);
  return toWire(p);
}

describe('POST /api/exchange/import (QCVN 125 packets)', () => {
  it('uses the wire names of the mapping module and validates against the packet schema', () => {
    expect(packet).toMatchObject({ LoaiGoiTin: 'SO_LIEU_BAO_CAO', QuyChuan: 'QCVN 125:2021/BTTTT', DonViGui: { Ma: '178' } });
    expect(v.safeParse(PacketSchemas.reportData, fromWire(packet)).success).toBe(true);
  });

  it('a dry run lists what would change and stores nothing; the import then writes every unit', async () => {
    const head = await target.login('lanhdao-178');
    const dry = await post('/api/exchange/import?dryRun=true', head, packet);
    expect(dry.status).toBe(200);
    const plan = (await dry.json()) as { dryRun: boolean; packets: { outcome: string }[]; reports: { unitCode: string; changes: unknown[] }[] };
    expect(plan.dryRun).toBe(true);
    expect(plan.packets.map((p) => p.outcome)).toEqual(['applied']);
    expect(plan.reports.map((r) => [r.unitCode, r.changes.length])).toEqual([['05971', 22], ['05974', 22]]);
    expect(await values(target, head, '05971')).toEqual([]);

    expect((await post('/api/exchange/import', head, packet)).status).toBe(200);
    const sourceHead = await source.login('lanhdao-178');
    expect(await values(target, head, '05974')).toEqual(await values(source, sourceHead, '05974'));
  });

  it('refuses the whole import with 422 when one value breaks the template, and stores none of it', async () => {
    const fresh = await createTestApp({ now: FILL_NOW });
    try {
      const head = await fresh.login('lanhdao-178');
      const bad = edited((p) => {
        p.body.reports[1]!.values.find((dv) => !dv.computed)!.value = -5;
      });
      const res = await fresh.request('/api/exchange/import', { method: 'POST', cookie: head, json: bad });
      expect(res.status).toBe(422);
      const body = (await res.json()) as { error: { code: string; issues: { code: string }[] } };
      expect(body.error.code).toBe('invalid-values');
      expect(body.error.issues.map((i) => i.code)).toContain('below-min');
      expect(await values(fresh, head, '05971')).toEqual([]);
    } finally {
      fresh.close();
    }
  });

  it('refuses packets whose sender is not the caller, and units outside the caller’s subtree, with 403', async () => {
    const otherHead = await target.login('lanhdao-180');
    expect((await post('/api/exchange/import?dryRun=true', otherHead, packet)).status).toBe(403);
    const officer = await target.login('canbo-05971');
    const own = edited((p) => {
      p.sender.code = '05971';
    });
    // An officer may send its own unit's report, not its neighbour's.
    const res = await post('/api/exchange/import?dryRun=true', officer, own);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('05974');
  });

  it('refuses a period the unit does not exist in (05971 was merged away on 01/07/2025) and an unknown period', async () => {
    const later = edited((p) => {
      p.body.period.periodId = '2025Q4';
    });
    // By early 2026 the fourth quarter of 2025 is open to reports.
    target.now.value = new Date('2026-01-05T03:00:00Z');
    // The district's head holds no role in force by then: its packet is refused outright…
    const former = await post('/api/exchange/import?dryRun=true', await target.login('lanhdao-178'), later);
    expect(former.status).toBe(403);
    // …and even an admin relaying it cannot file figures for units that no longer exist.
    const res = await post('/api/exchange/import?dryRun=true', await target.login('admin'), later).finally(() => (target.now.value = FILL_NOW));
    // In Q4 2025 neither 05971 nor 05974 exists any more: nothing is imported.
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { issues: { code: string; col: string }[] } };
    expect(body.error.issues.map((i) => `${i.code}:${i.col}`)).toEqual(['unknown-unit:05971', 'unknown-unit:05974']);
    const unknown = edited((p) => {
      p.body.period.periodId = '2025Q9';
    });
    expect((await post('/api/exchange/import?dryRun=true', await target.login('lanhdao-178'), unknown)).status).toBe(404);
  });

  it('answers 400 naming the field for a packet that is not QCVN 125, and checks catalogue packets without writing', async () => {
    const head = await target.login('lanhdao-178');
    const res = await post('/api/exchange/import', head, { LoaiGoiTin: 'SO_LIEU_BAO_CAO', NoiDung: {} });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { issues: unknown[] } }).error.issues.length).toBeGreaterThan(0);
    const form = await (await target.request(`/api/exchange/${T}/form.json`, { cookie: head })).json();
    const checked = await post('/api/exchange/import?dryRun=true', head, [form]);
    expect(checked.status).toBe(200);
    expect(((await checked.json()) as { packets: { outcome: string }[] }).packets.map((p) => p.outcome)).toEqual(['checked']);
  });
});

describe('POST /api/imports/adx', () => {
  it('refuses units outside the caller’s subtree with 403 and changes nothing', async () => {
    const fresh = await createTestApp({ now: FILL_NOW });
    try {
      const other = await fresh.login('lanhdao-180');
      const res = await fresh.request('/api/imports/adx', { method: 'POST', cookie: other, body: adx });
      expect(res.status).toBe(403);
      const admin = await fresh.login('admin');
      expect(await values(fresh, admin, '05971')).toEqual([]);
    } finally {
      fresh.close();
    }
  });

  it('an admin may import for any unit; malformed XML, a foreign root and an unknown period are 400 or 422', async () => {
    const fresh = await createTestApp({ now: FILL_NOW });
    try {
      const admin = await fresh.login('admin');
      const ok = await fresh.request('/api/imports/adx?dryRun=true', { method: 'POST', cookie: admin, body: adx });
      expect(ok.status).toBe(200);
      const send = (body: string) => fresh.request('/api/imports/adx', { method: 'POST', cookie: admin, body });
      expect((await send('<adx xmlns="urn:ihe:qrph:adx:2015"><group')).status).toBe(400);
      expect((await send('<adx xmlns="urn:other" exported="2025-01-01"/>')).status).toBe(400);
      const res = await send(adx.replaceAll('2024-12-15/P3M', '2024-12-16/P3M'));
      expect(res.status).toBe(422);
      expect(((await res.json()) as { error: { issues: { code: string }[] } }).error.issues[0]?.code).toBe('unknown-period');
      // One bad value among many: nothing at all is stored.
      const bad = await send(adx.replace(/value="(\d+)"/g, (m, n, at: number) => (at > adx.length / 2 ? 'value="abc"' : m)));
      expect(bad.status).toBe(422);
      expect(await values(fresh, admin, '05971')).toEqual([]);
    } finally {
      fresh.close();
    }
  });
});
