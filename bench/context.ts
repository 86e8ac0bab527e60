// What every row of npm run bench shares: the national database (fixture.ts), the server under test
// in its own process on 127.0.0.1 (server.ts), sessions, and `measure`, which times a figure over HTTP
// while polling /api/health and reads the server's worst event-loop delay and peak memory for it.
// A row module (bench/rows/*.ts) gets this context and returns its rows; run.ts lists the modules.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { users } from '../schema/db';
import { createSession, SESSION_COOKIE } from '../server/auth/sessions';
import { type BenchFixture, createFixture } from './fixture';
import { type BenchRow, median } from './measure';

export interface Child {
  proc: ReturnType<typeof fork>;
  url: string;
  call<R>(type: string, extra?: object): Promise<R>;
  stop(): Promise<void>;
}

/** A child process speaking the bench's IPC: { id, type, … } answered by { id, … }. */
export async function child(script: string, env: Record<string, string>): Promise<Child> {
  // BENCH_PROFILE=DIR: the server under test writes a CPU profile there when it stops (bench/profile-stalls.ts reads it).
  const profile = process.env.BENCH_PROFILE && script === 'server.ts' ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const proc = fork(join(import.meta.dirname, script), [], { execArgv: ['--import', 'tsx', ...profile], env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map<number, (body: Record<string, unknown>) => void>();
  let next = 1;
  const ready = new Promise<string>((resolve, reject) => {
    waiting.set(0, (body) => resolve(body.url as string));
    proc.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
  proc.on('message', (body: { id: number }) => waiting.get(body.id)?.(body));
  const call = <R>(type: string, extra: object = {}) =>
    new Promise<R>((resolve) => {
      const id = next++;
      waiting.set(id, (body) => resolve(body as R));
      proc.send({ id, type, ...extra });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (proc.exitCode !== null) return resolve();
      // A server that does not close within seconds (a keep-alive socket) is ended.
      const kill = setTimeout(() => proc.kill(), 5000);
      proc.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      proc.send({ type: 'stop' });
    });
  return { proc, url: await ready, call, stop };
}

export interface ServerStats {
  maxLagMs: number;
  rssMb: number;
}

export interface BenchContext {
  fx: BenchFixture;
  dir: string;
  server: Child;
  log(line: string): void;
  /** A session cookie of a fixture user. */
  cookieOf(username: string): Promise<string>;
  admin: string;
  head: string;
  /** GET over HTTP on loopback; anything but 200 fails the bench. */
  get(path: string, cookie: string): Promise<ArrayBuffer>;
  /** Clears the server's lag and memory peaks; `stats` reads them since. */
  reset(): Promise<void>;
  stats(): Promise<ServerStats>;
  /**
   * A row: the median of `runs` runs of `ours` while /api/health is polled, beside the median of a
   * baseline run in the same process on the same data (measured once per baseline function and shared).
   */
  measure(spec: { name: string; runs: number; ours: () => Promise<unknown>; baseline: string; baselineFn: () => Promise<unknown>; note?: string; warmup?: boolean }): Promise<BenchRow>;
}

// A row measured in this process (a maintained read) holds this process's event loop, so no health
// poll completes while it runs: say so rather than print 0.
const health = (ms: number | undefined) => (ms === undefined ? 'health not polled (runs in the bench process)' : `health max ${ms.toFixed(0)} ms`);

/**
 * A baseline, or a row measured in this process, is a synchronous query holding this process's event
 * loop (the embedded driver is synchronous): a kept-alive socket the server closed meanwhile (its
 * keep-alive timeout) is only seen once the loop polls again, so wait a little before the next request
 * rather than reuse a dead socket.
 */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

export async function createContext(dir: string, log: (line: string) => void): Promise<BenchContext> {
  const fx = await createFixture(join(dir, 'bench.db'), log);
  const server = await child('server.ts', { BENCH_DB: fx.url });
  const now = new Date();
  const cookieOf = async (username: string) => {
    const [user] = await fx.store.db.select().from(users).where(sql`username = ${username}`);
    return `${SESSION_COOKIE}=${await createSession(fx.store.db, user!.id, now)}`;
  };
  const reset = async () => void (await server.call('reset'));
  const stats = () => server.call<ServerStats>('stats');
  const get = async (path: string, cookie: string) => {
    const res = await fetch(`${server.url}${path}`, { headers: { Cookie: cookie } });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.arrayBuffer();
  };
  const baselines = new Map<() => Promise<unknown>, number>();

  /** Polls /api/health while fn runs and returns the slowest answer. */
  async function whilePolling<R>(fn: () => Promise<R>): Promise<{ result: R; healthMaxMs: number | undefined }> {
    let healthMaxMs = 0;
    let polls = 0;
    let running = true;
    const poll = (async () => {
      while (running) {
        const t = performance.now();
        await (await fetch(`${server.url}/api/health`)).arrayBuffer();
        healthMaxMs = Math.max(healthMaxMs, performance.now() - t);
        polls++;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    try {
      const result = await fn();
      return { result, healthMaxMs: polls > 0 ? healthMaxMs : undefined };
    } finally {
      running = false;
      await poll;
    }
  }

  // One warm-up run of each side unless told not to (a run of tens of seconds): figures are steady
  // states, not a first request's module loading and cold caches.
  const measure: BenchContext['measure'] = async ({ name, runs, ours, baseline, baselineFn, note = '', warmup = true }) => {
    await settle();
    if (warmup) await ours();
    await reset();
    const { result: ms, healthMaxMs } = await whilePolling(() => median(runs, ours));
    const s = await stats();
    if (!baselines.has(baselineFn)) {
      if (warmup) await baselineFn();
      baselines.set(baselineFn, await median(Math.min(runs, 3), baselineFn));
      await settle();
    }
    const baselineMs = baselines.get(baselineFn)!;
    const row: BenchRow = { name, ms, baselineMs, ratio: ms / baselineMs, rssMb: s.rssMb, maxLagMs: s.maxLagMs, baseline, note: `${note}${note ? '; ' : ''}${health(healthMaxMs)}` };
    log(`  ${name}: ${ms.toFixed(1)} ms (baseline ${baselineMs.toFixed(1)} ms), max lag ${s.maxLagMs.toFixed(1)} ms, rss ${s.rssMb.toFixed(0)} MB`);
    return row;
  };

  return { fx, dir, server, log, cookieOf, admin: await cookieOf('admin'), head: await cookieOf('lanhdao-20'), get, reset, stats, measure };
}

/** One part of the bench: a few rows measured on the shared context. */
export interface RowModule {
  /** What BENCH_ROWS names to run only some modules (e.g. BENCH_ROWS=rollups,save). */
  key: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}
