// Outside the demo there are no default users: the first admin is created from ADMIN_PASSWORD on a
// database with no users, and is asked for nothing else; without it the server says how to make one.
import { count } from 'drizzle-orm';
import { userRoles, users } from '../../schema/db';
import { hashPassword } from '../auth/passwords';
import type { Store } from '../db/client';
import { StartupError } from '../startup-error';

/** 'created' the admin, users 'exist' already, or none and no password given ('missing'). */
export async function ensureFirstAdmin(store: Store, password: string | undefined, now: Date): Promise<'created' | 'exist' | 'missing'> {
  const [row] = await store.db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return 'exist';
  if (!password) return 'missing';
  if (password.length < 8) throw new StartupError('bad-environment', 'ADMIN_PASSWORD cần ít nhất 8 ký tự / ADMIN_PASSWORD needs at least 8 characters.');
  const passwordHash = await hashPassword(password);
  await store.write(async (tx) => {
    const [admin] = await tx.insert(users).values({ username: 'admin', name: 'Quản trị hệ thống', passwordHash, active: true, createdAt: now.toISOString() }).returning({ id: users.id });
    await tx.insert(userRoles).values({ userId: admin!.id, role: 'admin', unitId: null, validFrom: '2000-01-01', validTo: null });
  });
  return 'created';
}
