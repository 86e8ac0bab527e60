// Seeds the demo on an empty database: the Lạng Sơn sample hierarchy with its agencies, and the users
// of DEMO_USERS, all with SEED_PASSWORD.
import { count, eq } from 'drizzle-orm';
import { settings, units, unitSuccessions, userRoles, users } from '../../schema/db';
import type { RoleName } from '../../domain/access';
import { hashPassword, verifyPassword } from '../auth/passwords';
import type { Store } from '../db/client';
import { DEMO_SUCCESSIONS, DEMO_UNITS, type DemoUnit } from './demo-units';

/** SEED_PASSWORD when it is unset; the only password the login page may print. */
export const DEFAULT_SEED_PASSWORD = 'demo';

/** Each demo code's latest unit name, for the guide on the login page. */
export const DEMO_UNIT_NAMES: ReadonlyMap<string, string> = new Map(DEMO_UNITS.map((u) => [u.code, u.name]));

const defaultPasswordChecks = new WeakMap<Store, Promise<boolean>>();

/**
 * Whether the demo users still sign in with the default password: checked once against the stored hash,
 * so the login page never prints a password that would not work (or one chosen in SEED_PASSWORD).
 */
export function usesDefaultPassword(store: Store): Promise<boolean> {
  let check = defaultPasswordChecks.get(store);
  if (!check) {
    check = store.db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.username, 'admin'))
      .limit(1)
      .then(([row]) => (row ? verifyPassword(DEFAULT_SEED_PASSWORD, row.hash) : false));
    defaultPasswordChecks.set(store, check);
  }
  return check;
}

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

/**
 * The demo's users, named by role and unit code (api.md "Demo users"): `canbo-<code>` enters and
 * submits for that unit or agency, `lanhdao-<code>` heads it, `xem-<code>` reads its subtree; agency
 * codes are lower-cased in usernames. Each role is held on the unit *version* in force last (a code
 * reused by the 2025 reform names the new unit), from that version's first day.
 */
export interface DemoUser {
  username: string;
  name: string;
  roles: { role: RoleName; unitKey?: string }[];
}

const person = (prefix: string, title: string, role: RoleName, u: DemoUnit): DemoUser => ({
  username: `${prefix}-${u.code.toLowerCase()}`,
  name: `${title} ${u.name}`,
  roles: [{ role, unitKey: u.key }],
});

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', name: 'Quản trị hệ thống', roles: [{ role: 'admin' }] },
  ...latestByCode().flatMap((u): DemoUser[] => {
    if (u.level === 'commune') return [person('canbo', 'Cán bộ', 'officer', u)];
    const head = person('lanhdao', 'Lãnh đạo', 'head', u);
    return u.level === 'agency' ? [head, person('canbo', 'Cán bộ', 'officer', u)] : [head];
  }),
  { username: 'xem-20', name: 'Chuyên viên theo dõi (chỉ xem) tỉnh Lạng Sơn', roles: [{ role: 'viewer', unitKey: 'p20' }] },
];

function latestByCode(): DemoUnit[] {
  return [...new Map(DEMO_UNITS.map((u) => [u.code, u])).values()];
}

export async function seedDemoUsers(store: Store, password: string, now: Date): Promise<void> {
  const passwordHash = await hashPassword(password);
  const createdAt = now.toISOString();
  await store.write(async (tx) => {
    const unitRows = await tx.select({ id: units.id, code: units.code, validFrom: units.validFrom, validTo: units.validTo }).from(units);
    const idOf = (key: string) => {
      const demo = DEMO_UNITS.find((u) => u.key === key)!;
      return unitRows.find((r) => r.code === demo.code && r.validFrom === demo.validFrom)!;
    };
    for (const person of DEMO_USERS) {
      const [row] = await tx
        .insert(users)
        .values({ username: person.username, name: person.name, passwordHash, active: true, createdAt })
        .returning({ id: users.id });
      for (const r of person.roles) {
        const unit = r.unitKey ? idOf(r.unitKey) : undefined;
        await tx.insert(userRoles).values({
          userId: row!.id,
          role: r.role,
          unitId: unit?.id ?? null,
          validFrom: unit?.validFrom ?? '2000-01-01',
          // Open-ended: the officer of a unit merged by the reform still finishes its old reports, and
          // reaches nothing of the unit that took its code.
          validTo: null,
        });
      }
    }
  });
}

export async function markDemo(store: Store): Promise<void> {
  await store.db.insert(settings).values({ key: 'demo', value: '1' }).onConflictDoNothing();
}

export async function isDemo(store: Store): Promise<boolean> {
  const rows = await store.db.select().from(settings);
  return rows.some((r) => r.key === 'demo' && r.value === '1');
}
