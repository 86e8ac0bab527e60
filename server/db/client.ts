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
   * queue is cheaper and clearer than letting concurrent writers meet SQLITE_BUSY. Writes queued while
   * one runs are committed together (group commit), each in its own savepoint: a job that throws
   * undoes only its own changes, and every job's promise settles once the group is committed.
   */
  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs fn with the write queue held, outside any transaction of this connection: for a worker thread
   * that writes through its own connection (a national recompute), so that this process's writers wait
   * in the queue, without blocking the event loop on SQLite's busy handler.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** The URL the store was opened with (worker threads open their own connection to it). */
  url: string;
  close(): void;
}

/** At most this many queued writes share one transaction, so one commit never waits on too many. */
const GROUP_LIMIT = 64;

export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '../../schema/migrations');

export async function openStore(url: string, options: { migrate?: boolean } = {}): Promise<Store> {
  if (url.startsWith('file:') && !url.includes(':memory:')) {
    mkdirSync(dirname(resolve(url.slice('file:'.length))), { recursive: true });
  }
  const client = createClient({ url, timeout: 5000 });
  if (!url.includes(':memory:')) {
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA synchronous = NORMAL');
  }
  const db = drizzle(client, { schema: tables });
  if (options.migrate !== false) await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return { db, client, url, ...createWriteQueue(db), close: () => client.close() };
}

interface Job {
  run?: (tx: Tx) => Promise<unknown>;
  alone?: () => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** One turn of the event loop (the embedded driver answers synchronously, so awaits alone never yield). */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

function createWriteQueue(db: Db): Pick<Store, 'write' | 'exclusive'> {
  const pending: Job[] = [];
  let running = false;

  async function drain() {
    running = true;
    while (pending.length > 0) {
      const head = pending[0]!;
      if (head.alone) {
        pending.shift();
        await head.alone().then(head.resolve, head.reject);
        continue;
      }
      const group: Job[] = [];
      while (group.length < GROUP_LIMIT && pending[0]?.run) group.push(pending.shift()!);
      await commitGroup(group);
      await turn();
    }
    running = false;
  }

  async function commitGroup(group: Job[]) {
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      if (group.length === 1) {
        outcomes.push({ ok: true, value: await db.transaction(group[0]!.run!) });
      } else {
        await db.transaction(async (tx) => {
          for (const [i, job] of group.entries()) {
            // The embedded driver answers synchronously: without a turn of the event loop between
            // jobs a group of saves would hold it for all of them. Other requests only read through
            // other connections, which see nothing of this transaction until it commits.
            if (i > 0) await turn();
            try {
              outcomes.push({ ok: true, value: await tx.transaction(job.run!) });
            } catch (error) {
              outcomes.push({ ok: false, value: error });
            }
          }
        });
      }
    } catch (error) {
      // The commit itself failed (or the single job threw): nothing of the group is stored.
      for (const job of group) job.reject(error);
      return;
    }
    void settle(group, outcomes);
  }

  /**
   * Settles a committed group one job per turn of the event loop: what each caller does next (a save
   * checks its rules and answers) would otherwise run for the whole group in one go, and health checks
   * and timers would wait behind it. The next group does not wait for this.
   */
  async function settle(group: Job[], outcomes: { ok: boolean; value: unknown }[]) {
    for (const [i, job] of group.entries()) {
      if (i > 0) await turn();
      if (outcomes[i]!.ok) job.resolve(outcomes[i]!.value);
      else job.reject(outcomes[i]!.value);
    }
  }

  const enqueue = <T>(job: Omit<Job, 'resolve' | 'reject'>) =>
    new Promise<T>((resolve, reject) => {
      pending.push({ ...job, resolve: resolve as (v: unknown) => void, reject });
      if (!running) void drain();
    });

  return {
    write: (fn) => enqueue({ run: fn as (tx: Tx) => Promise<unknown> }),
    exclusive: (fn) => enqueue({ alone: fn }),
  };
}
