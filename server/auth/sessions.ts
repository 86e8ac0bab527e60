// Server-side sessions behind an httpOnly cookie; the database keeps only a hash of each token. A
// session carries its user's roles, read fresh on every request so a change by an admin applies at once.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import { sessions, userRoles, users } from '../../schema/db';
import type { Grant } from '../../domain/access';
import type { Db } from '../db/client';

export const SESSION_COOKIE = 'bc_session';
export const SESSION_HOURS = 12;

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface SessionUser {
  id: number;
  username: string;
  name: string;
  /** Every role the user holds, in force or not; `grantsInForce` picks today's. */
  grants: Grant[];
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
    .select({ id: users.id, username: users.username, name: users.name })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now.toISOString()), eq(users.active, true)))
    .limit(1);
  if (!row) return undefined;
  return { ...row, grants: await loadGrants(db, row.id) };
}

/** A user as a session would carry it, by username (the demo seed acts through the services as them). */
export async function findSessionUserByName(db: Db, username: string): Promise<SessionUser | undefined> {
  const [row] = await db.select({ id: users.id, username: users.username, name: users.name }).from(users).where(eq(users.username, username)).limit(1);
  return row && { ...row, grants: await loadGrants(db, row.id) };
}

export async function loadGrants(db: Db, userId: number): Promise<Grant[]> {
  return db
    .select({ role: userRoles.role, unitId: userRoles.unitId, validFrom: userRoles.validFrom, validTo: userRoles.validTo })
    .from(userRoles)
    .where(eq(userRoles.userId, userId))
    .orderBy(userRoles.id);
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** Ends every session of a user (deactivated, or a new password set by an admin). */
export async function deleteUserSessions(db: Db, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
