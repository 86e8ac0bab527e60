// Opens the embedded libsql database, applies the committed migrations, and serialises writes.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import * as tables from '../../schema/db';

export type Db = LibSQLDatabase<typeof tables>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Store {
  db: Db;
  client: Client;
  /**
   * Runs fn in a transaction, one at a time. The process owns the embedded database, so an in-process
   * queue is cheaper and clearer than letting concurrent writers meet SQLITE_BUSY.
   */
  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): void;
}

export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '../../schema/migrations');

export async function openStore(url: string): Promise<Store> {
  if (url.startsWith('file:') && !url.includes(':memory:')) {
    mkdirSync(dirname(resolve(url.slice('file:'.length))), { recursive: true });
  }
  const client = createClient({ url, timeout: 5000 });
  if (!url.includes(':memory:')) {
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA synchronous = NORMAL');
  }
  const db = drizzle(client, { schema: tables });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });

  let queue: Promise<unknown> = Promise.resolve();
  return {
    db,
    client,
    write(fn) {
      const run = queue.then(() => db.transaction(fn));
      queue = run.catch(() => undefined);
      return run;
    },
    close: () => client.close(),
  };
}
