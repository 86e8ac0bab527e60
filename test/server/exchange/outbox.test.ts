// The outbox in-process: an approval queues the report's packets inside its transaction, in approval
// order; the sender delivers them one by one to a test receiver that fails, times out and comes back,
// retrying with exponential backoff under one idempotency key, and records a refusal with its reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../schema/api';
import { allOutbox } from '../../../server/exchange/outbox';
import { createOutboxSender } from '../../../server/exchange/outbox-sender';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { FILL_NOW, P, sectorValues, T } from './exchange-fixtures';
import { type Answer, type Receiver, startReceiver } from './test-receiver';

let t: TestApp;
let head: string;
beforeAll(async () => {
  t = await createTestApp({ now: FILL_NOW });
  head = await t.login('lanhdao-178');
  for (const [unit, k] of [['05974', 2], ['05971', 1]] as const) {
    const cookie = await t.login(`canbo-${unit}`);
    await t.request(`/api/reports/${T}/${P}/${unit}/values`, { method: 'PUT', cookie, json: { revision: 0, values: sectorValues(k), sections: [{ key: 'danh_gia_chung', text: 'Ổn định.' }] } });
    await t.request(`/api/reports/${T}/${P}/${unit}/submit`, { method: 'POST', cookie });
  }
});
afterAll(() => t.close());

describe('queueing on approval', () => {
  it('queues nothing before approval, then each approved report’s data, status and outline packets in approval order', async () => {
    expect(await allOutbox(t.deps.store.db)).toEqual([]);
    for (const unit of ['05974', '05971']) {
      expect((await t.request(`/api/reports/${T}/${P}/${unit}/approve`, { method: 'POST', cookie: head })).status).toBe(200);
    }
    const items = await allOutbox(t.deps.store.db);
    expect(items.map((i) => `${i.unitCode}:${i.packetType}:${i.status}`)).toEqual([
      '05974:SO_LIEU_BAO_CAO:waiting',
      '05974:TRANG_THAI_BAO_CAO:waiting',
      '05974:GUI_DE_CUONG_BAO_CAO:waiting',
      '05971:SO_LIEU_BAO_CAO:waiting',
      '05971:TRANG_THAI_BAO_CAO:waiting',
      '05971:GUI_DE_CUONG_BAO_CAO:waiting',
    ]);
    expect(new Set(items.map((i) => i.idempotencyKey)).size).toBe(6);
  });

  it('shows the province head the packets and their status, and nobody below the province', async () => {
    const province = await t.login('lanhdao-20');
    const res = await t.request('/api/outbox', { cookie: province });
    expect(res.status).toBe(200);
    expect(((await res.json()) as OutboxItem[]).length).toBe(6);
    expect((await t.request('/api/outbox', { cookie: head })).status).toBe(403);
    expect((await t.request('/api/outbox', { cookie: await t.login('canbo-05971') })).status).toBe(403);
  });
});

describe('delivery', () => {
  let receiver: Receiver;
  const answers: Answer[] = ['fail', 'hang', 'accept', 'accept', 'accept', 'accept', { refuse: 'Mã đơn vị 05971 chưa được đăng ký.' }, 'accept'];
  beforeAll(async () => {
    receiver = await startReceiver((d) => answers[d.n - 1] ?? 'accept');
  });
  afterAll(() => receiver.close());

  it('fails, times out and comes back: retries the first packet with backoff under one key, then delivers the rest in order', async () => {
    const sender = createOutboxSender(t.deps.store, t.deps.clock, { endpoint: receiver.url, timeoutMs: 300, baseDelayMs: 1000, maxDelayMs: 60_000, pollMs: 50 });
    const first = (await allOutbox(t.deps.store.db))[0]!;

    expect(await sender.deliverNext()).toMatchObject({ kind: 'retry', id: first.id });
    let item = (await allOutbox(t.deps.store.db))[0]!;
    expect(item).toMatchObject({ status: 'waiting', attempts: 1, lastError: expect.stringContaining('503') });
    expect(new Date(item.nextAttemptAt!).getTime() - t.now.value.getTime()).toBe(1000);
    // Not due yet: the packet, and every one behind it, waits.
    expect(await sender.deliverNext()).toEqual({ kind: 'wait', ms: 1000 });

    t.now.value = new Date(t.now.value.getTime() + 1000);
    expect(await sender.deliverNext()).toMatchObject({ kind: 'retry', id: first.id });
    item = (await allOutbox(t.deps.store.db))[0]!;
    expect(item).toMatchObject({ status: 'waiting', attempts: 2, lastError: expect.stringContaining('TimeoutError') });
    expect(new Date(item.nextAttemptAt!).getTime() - t.now.value.getTime()).toBe(2000);

    t.now.value = new Date(t.now.value.getTime() + 2000);
    const outcomes = [];
    for (let i = 0; i < 6; i++) outcomes.push((await sender.deliverNext()).kind);
    expect(outcomes).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'refused', 'accepted']);
    expect(await sender.deliverNext()).toEqual({ kind: 'idle' });

    const items = await allOutbox(t.deps.store.db);
    expect(receiver.deliveries.slice(0, 3).map((d) => d.key)).toEqual([first.idempotencyKey, first.idempotencyKey, first.idempotencyKey]);
    expect(receiver.counted).toEqual(items.filter((i) => i.status === 'accepted').map((i) => i.idempotencyKey));
    expect(items.map((i) => i.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'refused', 'accepted']);
    expect(items[4]!.refusalReason).toBe('Mã đơn vị 05971 chưa được đăng ký.');
  });

  it('lets the province head see accepted and refused packets with the reason', async () => {
    const province = await t.login('lanhdao-20');
    const refused = (await (await t.request('/api/outbox?status=refused', { cookie: province })).json()) as OutboxItem[];
    expect(refused.map((i) => [i.unitCode, i.packetType, i.refusalReason])).toEqual([['05971', 'TRANG_THAI_BAO_CAO', 'Mã đơn vị 05971 chưa được đăng ký.']]);
  });
});
