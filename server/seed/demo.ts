// Seeds the demo on an empty database: the Lạng Sơn sample hierarchy and one user per role and unit
// (api.md: admin, canbo-<commune>, lanhdao-<district or province>), all with SEED_PASSWORD.
import { count } from 'drizzle-orm';
import { settings, units, unitSuccessions, users } from '../../schema/db';
import { hashPassword } from '../auth/passwords';
import type { Store } from '../db/client';
import { DEMO_SUCCESSIONS, DEMO_UNITS } from './demo-units';

export async function isEmptyDatabase(store: Store): Promise<boolean> {
  const [row] = await store.db.select({ n: count() }).from(users);
  const [unitRow] = await store.db.select({ n: count() }).from(units);
  return (row?.n ?? 0) === 0 && (unitRow?.n ?? 0) === 0;
}

export async function seedDemoUnits(store: Store): Promise<void> {
  await store.write(async (tx) => {
    const ids = new Map<string, number>();
    for (const { key, parentKey, ...unit } of DEMO_UNITS) {
      const parentId = parentKey ? ids.get(parentKey) : null;
      if (parentId === undefined) throw new Error(`demo unit ${key} names parent ${parentKey} before it`);
      const [row] = await tx.insert(units).values({ ...unit, parentId }).returning({ id: units.id });
      ids.set(key, row!.id);
    }
    await tx.insert(unitSuccessions).values(
      DEMO_SUCCESSIONS.map(([from, to, share]) => ({ predecessorId: ids.get(from)!, successorId: ids.get(to)!, share })),
    );
  });
}

/** One user per role and unit code; a code reused across the reform gets one user, named by its latest unit. */
export async function seedDemoUsers(store: Store, password: string, now: Date): Promise<void> {
  const latestByCode = new Map(DEMO_UNITS.map((u) => [u.code, u]));
  const passwordHash = await hashPassword(password);
  const createdAt = now.toISOString();
  const rows: (typeof users.$inferInsert)[] = [
    { username: 'admin', name: 'Quản trị hệ thống', role: 'admin', unitCode: null, passwordHash, createdAt },
  ];
  for (const unit of latestByCode.values()) {
    const isCommune = unit.level === 'commune';
    rows.push({
      username: `${isCommune ? 'canbo' : 'lanhdao'}-${unit.code}`,
      name: `${isCommune ? 'Cán bộ' : 'Lãnh đạo'} ${unit.name}`,
      role: isCommune ? 'officer' : 'head',
      unitCode: unit.code,
      passwordHash,
      createdAt,
    });
  }
  await store.write((tx) => tx.insert(users).values(rows));
}

export async function markDemo(store: Store): Promise<void> {
  await store.db.insert(settings).values({ key: 'demo', value: '1' }).onConflictDoNothing();
}

export async function isDemo(store: Store): Promise<boolean> {
  const rows = await store.db.select().from(settings);
  return rows.some((r) => r.key === 'demo' && r.value === '1');
}
