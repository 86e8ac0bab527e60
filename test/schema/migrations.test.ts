// Migrations only add: a database made by the first migration, with users who had one role and a unit
// code, migrates to roles held on unit versions, keeping every user, unit and session-less login.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../server/db/client';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bc-migrate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A migrations folder holding only the first `n` migrations of the project's. */
function firstMigrations(n: number): string {
  const folder = join(dir, `first-${n}`);
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  for (const e of journal.entries.slice(0, n)) cpSync(join(MIGRATIONS_FOLDER, `${e.tag}.sql`), join(folder, `${e.tag}.sql`));
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, n) }));
  return folder;
}

it("moves each user's single role and unit code to a role on the latest unit version with that code", async () => {
  const client = createClient({ url: `file:${join(dir, 'old.db')}` });
  const db = drizzle(client);
  await migrate(db, { migrationsFolder: firstMigrations(1) });
  await client.executeMultiple(`
    INSERT INTO units (id, code, name, kind, level, parent_id, valid_from, valid_to) VALUES
      (1, '20', 'Tỉnh Lạng Sơn', 'Tỉnh', 'province', NULL, '2020-01-01', NULL),
      (2, '05977', 'Phường Vĩnh Trại', 'Phường', 'commune', 1, '2020-01-01', '2025-06-30'),
      (3, '05977', 'Phường Đông Kinh', 'Phường', 'commune', 1, '2025-07-01', NULL);
    INSERT INTO users (id, username, name, password_hash, role, unit_code, created_at) VALUES
      (1, 'admin', 'Quản trị', 'h', 'admin', NULL, '2025-01-01'),
      (2, 'lanhdao-20', 'Lãnh đạo tỉnh', 'h', 'head', '20', '2025-01-01'),
      (3, 'canbo-05977', 'Cán bộ', 'h', 'officer', '05977', '2025-01-01');
  `);
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  const users = await client.execute('SELECT id, username, active FROM users ORDER BY id');
  expect(users.rows.map((r) => [r.username, r.active])).toEqual([
    ['admin', 1],
    ['lanhdao-20', 1],
    ['canbo-05977', 1],
  ]);
  const roles = await client.execute('SELECT user_id, role, unit_id, valid_from, valid_to FROM user_roles ORDER BY user_id');
  expect(roles.rows.map((r) => [r.user_id, r.role, r.unit_id, r.valid_from, r.valid_to])).toEqual([
    [1, 'admin', null, '2000-01-01', null],
    [2, 'head', 1, '2020-01-01', null],
    // The code 05977 now names Đông Kinh: the role is held on that unit, not on Vĩnh Trại.
    [3, 'officer', 3, '2025-07-01', null],
  ]);
  const columns = await client.execute('PRAGMA table_info(users)');
  expect(columns.rows.map((c) => c.name)).not.toContain('unit_code');
  client.close();
});

it('migrates an empty database from nothing to the latest schema', async () => {
  const client = createClient({ url: `file:${join(dir, 'new.db')}` });
  await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  const tables = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  expect(tables.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['user_roles', 'report_comments', 'report_submissions', 'units', 'users']));
  client.close();
});
