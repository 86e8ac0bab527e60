// The save rows: Lạng Sơn's 194 officers each saving a full form (220 cells) over HTTP on loopback,
// against a minimal server (node:http, JSON.parse, one upsert transaction) on the same machine.
// - `save burst`: all 194 at once, in rounds (each officer's next save waits for its last answer);
//   saves/s is the throughput, and p99 mostly the wait in the queue (194 / throughput at worst).
// - `save load 200/s`: the same officers saving at an offered 200 saves/s spread evenly (each every
//   0.97 s, a save waiting for that officer's previous answer); latency is counted from when the save
//   was due, so a server that falls behind pays for it (no coordinated omission).
// Nothing may be lost: every officer's last save must be stored with its revision.
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { child, type BenchContext, type RowModule } from '../context';
import { bieu06Row, T } from '../fixture';
import type { BenchRow } from '../measure';

const ROUNDS = 5;
const LOAD_RATE = 200;
const LOAD_SECONDS = 5;
const SAVE_PERIOD = '2025Q2';

interface Officer {
  code: string;
  cookie: string;
  revision: number;
}

interface Outcome {
  savesPerS: number;
  perSave: number;
  p50: number;
  p99: number;
  errors: number;
  saves: number;
}

function summary(latencies: number[], wall: number, errors: number): Outcome {
  latencies.sort((a, b) => a - b);
  return {
    saves: latencies.length,
    savesPerS: (latencies.length / wall) * 1000,
    perSave: wall / latencies.length,
    p50: latencies[Math.floor(latencies.length / 2)]!,
    p99: latencies[Math.floor(latencies.length * 0.99)]!,
    errors,
  };
}

export const saveRows: RowModule = {
  key: 'save',
  async run(ctx) {
    const template = ctx.fx.deps.templates.latest(T)!;
    const sectorRows = template.compiled.dataRows.filter((r) => !r.formula).map((r) => r.code);
    const body = (k: number, revision: number) =>
      JSON.stringify({ revision, values: sectorRows.flatMap((row) => Object.entries(bieu06Row(5 + (k % 30))).map(([col, value]) => ({ row, col, value }))) });
    const officers = (users: string[]) => Promise.all(users.map(async (u) => ({ code: u.slice('canbo-'.length), cookie: '', revision: 0, username: u })));
    const ours: Officer[] = await Promise.all((await officers(ctx.fx.officers)).map(async (o) => ({ ...o, cookie: await ctx.cookieOf(o.username) })));
    const theirs: Officer[] = ours.map((o) => ({ ...o, revision: 0 }));
    let k = 0;

    /** One save; false when it failed (a status other than 200, or a connection error). */
    async function save(url: string, o: Officer, tracked: boolean): Promise<boolean> {
      try {
        const res = await fetch(`${url}/api/reports/${T}/${SAVE_PERIOD}/${o.code}/values`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json', Cookie: o.cookie },
          body: body(k++, tracked ? o.revision : 0),
        });
        const answer = (await res.json()) as { revision?: number };
        if (res.status !== 200) return false;
        if (tracked) o.revision = answer.revision!;
        return true;
      } catch {
        return false;
      }
    }

    async function burst(url: string, list: Officer[], tracked: boolean): Promise<Outcome> {
      const latencies: number[] = [];
      let errors = 0;
      const t0 = performance.now();
      for (let round = 0; round < ROUNDS; round++) {
        await Promise.all(
          list.map(async (o) => {
            const t = performance.now();
            if (!(await save(url, o, tracked))) errors++;
            latencies.push(performance.now() - t);
          }),
        );
      }
      return summary(latencies, performance.now() - t0, errors);
    }

    async function load(url: string, list: Officer[], tracked: boolean): Promise<Outcome> {
      const latencies: number[] = [];
      let errors = 0;
      const interval = (1000 * list.length) / LOAD_RATE;
      const perOfficer = Math.round((LOAD_RATE * LOAD_SECONDS) / list.length);
      const t0 = performance.now() + 50;
      await Promise.all(
        list.map(async (o, i) => {
          for (let n = 0; n < perOfficer; n++) {
            const due = t0 + (i / list.length) * interval + n * interval;
            const wait = due - performance.now();
            if (wait > 0) await new Promise((r) => setTimeout(r, wait));
            if (!(await save(url, o, tracked))) errors++;
            latencies.push(performance.now() - due);
          }
        }),
      );
      return summary(latencies, performance.now() - t0, errors);
    }

    const minimal = await child('minimal-server.ts', { BENCH_DB: `file:${join(ctx.dir, 'minimal.db')}` });
    // Warm both servers up with one save per officer (reports created, code paths compiled).
    await Promise.all(ours.map((o) => save(ctx.server.url, o, true)));
    await Promise.all(theirs.map((o) => save(minimal.url, o, false)));

    const rows: BenchRow[] = [];
    const row = async (name: string, run: (url: string, list: Officer[], tracked: boolean) => Promise<Outcome>, what: string) => {
      await ctx.reset();
      const a = await run(ctx.server.url, ours, true);
      const s = await ctx.stats();
      const b = await run(minimal.url, theirs, false);
      await checkNothingLost(ctx, ours);
      rows.push({
        name,
        ms: a.perSave,
        baselineMs: b.perSave,
        ratio: a.perSave / b.perSave,
        rssMb: s.rssMb,
        maxLagMs: s.maxLagMs,
        baseline: 'minimal node:http + one upsert tx',
        savesPerS: a.savesPerS,
        p99Ms: a.p99,
        errors: a.errors,
        note: `${what}: ${a.savesPerS.toFixed(0)} saves/s, p50 ${a.p50.toFixed(0)} ms, p99 ${a.p99.toFixed(0)} ms, ${a.errors} errors of ${a.saves} (minimal: ${b.savesPerS.toFixed(0)}/s, p99 ${b.p99.toFixed(0)} ms, ${b.errors} errors); ms = wall time per save`,
      });
      ctx.log(`  ${name}: ${a.savesPerS.toFixed(0)} saves/s, p50 ${a.p50.toFixed(0)} ms, p99 ${a.p99.toFixed(0)} ms, errors ${a.errors}, max lag ${s.maxLagMs.toFixed(0)} ms (minimal ${b.savesPerS.toFixed(0)}/s, p99 ${b.p99.toFixed(0)} ms)`);
    };
    await row('save burst', burst, `194 officers at once × ${ROUNDS} rounds, 220 cells`);
    await row(`save load ${LOAD_RATE}/s`, load, `194 officers, ${LOAD_RATE} saves/s offered for ${LOAD_SECONDS} s, 220 cells`);
    await minimal.stop();
    return rows;
  },
};

/** Every officer's last answered revision is the stored one: no save lost, none applied twice. */
async function checkNothingLost(ctx: BenchContext, list: Officer[]) {
  const stored = new Map(
    (await ctx.fx.store.db.all<{ code: string; revision: number }>(sql`
      SELECT u.code, r.revision FROM reports r JOIN units u ON u.id = r.unit_id WHERE r.template_id = ${T} AND r.period_id = ${SAVE_PERIOD}`)).map((r) => [r.code, r.revision]),
  );
  const lost = list.filter((o) => stored.get(o.code) !== o.revision);
  if (lost.length > 0) throw new Error(`save rows lost saves: ${lost.length} officers' stored revision differs from their last answer (e.g. ${lost[0]!.code}: ${stored.get(lost[0]!.code)} ≠ ${lost[0]!.revision})`);
}
