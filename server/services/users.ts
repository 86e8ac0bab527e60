// Users and their roles: how a role is shown (the unit version it is held on, named by code and dates)
// and how one sent by an admin is resolved to a unit version (the unit holding the code on its first day).
import { asc, eq, inArray } from 'drizzle-orm';
import type { Issue, RoleInput, RoleOut, UserOut } from '../../schema/api';
import { userRoles, users } from '../../schema/db';
import type { Grant } from '../../domain/access';
import { vnDate } from '../../domain/vn-time';
import { hashPassword } from '../auth/passwords';
import { deleteUserSessions, loadGrants } from '../auth/sessions';
import type { Db, Tx } from '../db/client';
import { findUnitAt, findUnitVersions } from '../db/units';
import type { AppDeps } from '../env';
import { ApiError, conflict, notFound } from '../errors';

export async function describeGrants(db: Db, grants: readonly Grant[]): Promise<RoleOut[]> {
  const ids = [...new Set(grants.flatMap((g) => (g.unitId === null ? [] : [g.unitId])))];
  const versions = new Map((await findUnitVersions(db, ids)).map((u) => [u.id, u]));
  return grants.map((g) => {
    const unit = g.unitId === null ? undefined : versions.get(g.unitId);
    return {
      role: g.role,
      unitCode: unit?.code ?? null,
      unit: unit ? { code: unit.code, name: unit.name, level: unit.level, validFrom: unit.validFrom, validTo: unit.validTo } : null,
      from: g.validFrom,
      to: g.validTo,
    };
  });
}

/**
 * The grants an admin asked for: each unit code resolved on the role's first day (today when not
 * given), so "05977 from 2025-07-01" is Đông Kinh and "05977 from 2021-01-01" Vĩnh Trại. A role never
 * outlives the unit it is held on.
 */
export async function resolveRoleInputs(db: Db, inputs: readonly RoleInput[], today: string): Promise<Grant[]> {
  const issues: Issue[] = [];
  const grants: Grant[] = [];
  for (const [i, input] of inputs.entries()) {
    const from = input.from ?? today;
    if (input.to && input.to < from) {
      issues.push({ row: '', col: `roles.${i}.to`, code: 'invalid-field', message: `Vai trò thứ ${i + 1}: ngày kết thúc trước ngày bắt đầu.` });
      continue;
    }
    if (input.role === 'admin') {
      grants.push({ role: 'admin', unitId: null, validFrom: from, validTo: input.to ?? null });
      continue;
    }
    if (!input.unitCode) {
      issues.push({ row: '', col: `roles.${i}.unitCode`, code: 'missing-field', message: `Vai trò thứ ${i + 1}: cần mã đơn vị.` });
      continue;
    }
    const unit = await findUnitAt(db, input.unitCode, from);
    if (!unit) {
      issues.push({ row: '', col: `roles.${i}.unitCode`, code: 'unknown-unit', message: `Vai trò thứ ${i + 1}: không có đơn vị mã "${input.unitCode}" vào ngày ${from}.` });
      continue;
    }
    const [version] = await findUnitVersions(db, [unit.id]);
    const unitEnd = version?.validTo ?? null;
    const to = input.to && unitEnd ? (input.to < unitEnd ? input.to : unitEnd) : (input.to ?? unitEnd);
    grants.push({ role: input.role, unitId: unit.id, validFrom: from, validTo: to });
  }
  if (issues.length > 0) throw new ApiError(400, 'invalid-body', issues.map((x) => x.message).join(' '), issues);
  return grants;
}

export async function listUsers(db: Db): Promise<UserOut[]> {
  const all = await db.select({ id: users.id, username: users.username, name: users.name, active: users.active }).from(users).orderBy(asc(users.username));
  const roles = all.length === 0 ? [] : await db.select().from(userRoles).where(inArray(userRoles.userId, all.map((u) => u.id))).orderBy(asc(userRoles.id));
  const described = await describeGrants(db, roles);
  const byGrant = new Map(roles.map((r, i) => [r.id, described[i]!]));
  return all.map((u) => ({
    username: u.username,
    name: u.name,
    active: u.active,
    roles: roles.filter((r) => r.userId === u.id).map((r) => byGrant.get(r.id)!),
  }));
}

export async function getUser(db: Db, username: string): Promise<UserOut> {
  const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  if (!row) throw notFound('not-found', `Không có người dùng "${username}".`);
  return { username: row.username, name: row.name, active: row.active, roles: await describeGrants(db, await loadGrants(db, row.id)) };
}

export async function createUser(
  deps: AppDeps,
  body: { username: string; name: string; password: string; roles: RoleInput[] },
): Promise<UserOut> {
  const grants = await resolveRoleInputs(deps.store.db, body.roles, vnDate(deps.clock()));
  const passwordHash = await hashPassword(body.password);
  await deps.store.write(async (tx) => {
    const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.username, body.username)).limit(1);
    if (exists) throw conflict('wrong-state', `Tên đăng nhập "${body.username}" đã có người dùng.`);
    const [row] = await tx
      .insert(users)
      .values({ username: body.username, name: body.name, passwordHash, active: true, createdAt: deps.clock().toISOString() })
      .returning({ id: users.id });
    await writeGrants(tx, row!.id, grants);
  });
  return getUser(deps.store.db, body.username);
}

export async function updateUser(
  deps: AppDeps,
  username: string,
  patch: { name?: string; active?: boolean; password?: string; roles?: RoleInput[] },
): Promise<UserOut> {
  const [row] = await deps.store.db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
  if (!row) throw notFound('not-found', `Không có người dùng "${username}".`);
  const grants = patch.roles ? await resolveRoleInputs(deps.store.db, patch.roles, vnDate(deps.clock())) : undefined;
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  await deps.store.write(async (tx) => {
    const set = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(passwordHash ? { passwordHash } : {}),
    };
    if (Object.keys(set).length > 0) await tx.update(users).set(set).where(eq(users.id, row.id));
    if (grants) {
      await tx.delete(userRoles).where(eq(userRoles.userId, row.id));
      await writeGrants(tx, row.id, grants);
    }
  });
  // A deactivated user, or one whose password an admin reset, is signed out everywhere.
  if (patch.active === false || passwordHash) await deleteUserSessions(deps.store.db, row.id);
  return getUser(deps.store.db, username);
}

async function writeGrants(tx: Tx, userId: number, grants: readonly Grant[]) {
  if (grants.length === 0) return;
  await tx.insert(userRoles).values(grants.map((g) => ({ userId, role: g.role, unitId: g.unitId, validFrom: g.validFrom, validTo: g.validTo })));
}
