import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { holidays } from '../../../schema/db';
import { openStore, type Store } from '../../../server/db/client';

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bc-gc-'));
  store = await openStore(`file:${join(dir, 'db.sqlite')}`);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const add = (date: string) => store.write((tx) => tx.insert(holidays).values({ date, name: date, kind: 'off', createdBy: 'test' }));

describe('the write queue', () => {
  it('commits writes queued together, and a failing one undoes only itself', async () => {
    const results = await Promise.allSettled([
      add('2030-01-01'),
      add('2030-01-02'),
      store.write(async (tx) => {
        await tx.insert(holidays).values({ date: '2030-01-03', name: 'x', kind: 'off', createdBy: 'test' });
        throw new Error('this job fails after writing');
      }),
      add('2030-01-01'), // a duplicate key: fails
      add('2030-01-04'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected', 'fulfilled']);
    const rows = await store.db.all<{ date: string }>(sql`SELECT date FROM holidays ORDER BY date`);
    expect(rows.map((r) => r.date)).toEqual(['2030-01-01', '2030-01-02', '2030-01-04']);
  });

  it('holds queued writes while an exclusive job runs, then commits them', async () => {
    const order: string[] = [];
    let release!: () => void;
    const held = store.exclusive(() => new Promise<void>((resolve) => (release = () => (order.push('exclusive'), resolve()))));
    const write = add('2030-02-01').then(() => order.push('write'));
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]);
    release();
    await Promise.all([held, write]);
    expect(order).toEqual(['exclusive', 'write']);
  });
});
