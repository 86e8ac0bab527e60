// Server-side sessions behind an httpOnly cookie; the database keeps only a hash of each token.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import { sessions, users } from '../../schema/db';
import type { Db } from '../db/client';

export const SESSION_COOKIE = 'bc_session';
export const SESSION_HOURS = 12;

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface SessionUser {
  id: number;
  username: string;
  name: string;
  role: 'officer' | 'head' | 'admin';
  unitCode: string | null;
}

export async function createSession(db: Db, userId: number, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  // Expired sessions are swept on login rather than by a timer: logins are rare and cheap.
  await db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString()));
  return token;
}

export async function findSessionUser(db: Db, token: string, now: Date): Promise<SessionUser | undefined> {
  const [row] = await db
    .select({ id: users.id, username: users.username, name: users.name, role: users.role, unitCode: users.unitCode })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now.toISOString())))
    .limit(1);
  return row;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}
