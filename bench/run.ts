// npm run bench: builds the national database (bench/fixture.ts), starts the server in its own process
// on 127.0.0.1, and measures over HTTP on loopback each figure the issue names beside a baseline
// measured in the same run on the same data; prints the table and writes bench/last.json.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { users } from '../schema/db';
import { createSession, SESSION_COOKIE } from '../server/auth/sessions';
import { periodFromId } from '../domain/periods';
import { readSubtrees } from '../server/services/rollup-read';
import { bieu06Row, createFixture, PERIOD, T } from './fixture';
import { benchDashboard } from './dashboard';
import { type BenchRow, median, printTable } from './measure';

const log = (line: string) => console.log(line);
const dir = mkdtempSync(join(tmpdir(), 'bc-bench-'));
const started = performance.now();
log(`Building the national database in ${dir} …`);
const fx = await createFixture(join(dir, 'bench.db'), log);
const db = fx.store.db;

/** A child process speaking the bench's IPC: { id, type, … } answered by { id, … }. */
async function child(script: string, env: Record<string, string>) {
  const proc = fork(join(import.meta.dirname, script), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map<number, (body: Record<string, unknown>) => void>();
  let next = 1;
  const ready = new Promise<string>((resolve) => waiting.set(0, (body) => resolve(body.url as string)));
  proc.on('message', (body: { id: number }) => waiting.get(body.id)?.(body));
  const call = <R>(type: string, extra: object = {}) =>
    new Promise<R>((resolve) => {
      const id = next++;
      waiting.set(id, (body) => resolve(body as R));
      proc.send({ id, type, ...extra });
    });
  return { proc, url: await ready, call };
}

const server = await child('server.ts', { BENCH_DB: fx.url });
const now = new Date();
const cookieOf = async (username: string) => {
  const [user] = await db.select().from(users).where(sql`username = ${username}`);
  return `${SESSION_COOKIE}=${await createSession(db, user!.id, now)}`;
};
const admin = await cookieOf('admin');
const head = await cookieOf('lanhdao-20');
log(`Database built and server started in ${((performance.now() - started) / 1000).toFixed(0)} s`);

const rows: BenchRow[] = [];
const stats = () => server.call<{ maxLagMs: number; rssMb: number }>('stats');

/** Polls /api/health while fn runs and returns the slowest answer. */
async function whilePolling<R>(fn: () => Promise<R>): Promise<{ result: R; healthMaxMs: number }> {
  let healthMaxMs = 0;
  let running = true;
  const poll = (async () => {
    while (running) {
      const t = performance.now();
      await (await fetch(`${server.url}/api/health`)).arrayBuffer();
      healthMaxMs = Math.max(healthMaxMs, performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  try {
    return { result: await fn(), healthMaxMs };
  } finally {
    running = false;
    await poll;
  }
}

/** Baselines measured once and shared by the rows that compare against them (a nation's GROUP BY is slow). */
const baselines = new Map<() => Promise<unknown>, number>();

async function row(name: string, runs: number, ours: () => Promise<unknown>, baselineName: string, baseline: () => Promise<unknown>, note = '') {
  await server.call('reset');
  const { result: ms, healthMaxMs } = await whilePolling(() => median(runs, ours));
  const s = await stats();
  if (!baselines.has(baseline)) baselines.set(baseline, await median(Math.min(runs, 3), baseline));
  const baselineMs = baselines.get(baseline)!;
  const r: BenchRow = { name, ms, baselineMs, ratio: ms / baselineMs, rssMb: s.rssMb, maxLagMs: s.maxLagMs, baseline: baselineName, note: `${note}${note ? '; ' : ''}health max ${healthMaxMs.toFixed(0)} ms` };
  rows.push(r);
  log(`  ${name}: ${ms.toFixed(1)} ms (baseline ${baselineMs.toFixed(1)} ms), max lag ${s.maxLagMs.toFixed(1)} ms`);
}

const get = async (path: string, cookie: string) => {
  const res = await fetch(`${server.url}${path}`, { headers: { Cookie: cookie } });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.arrayBuffer();
};

const groupBy = (where = sql``) =>
  db.all(sql`SELECT cv.row_code, cv.col_key, SUM(cv.num_value) FROM reports r ${where} JOIN cell_values cv ON cv.report_id = r.id
    WHERE r.template_id = ${T} AND r.period_id = ${PERIOD} AND r.status = 'approved' GROUP BY cv.row_code, cv.col_key`);
const [province] = await db.all<{ id: number }>(sql`SELECT id FROM units WHERE code = '20' AND level = 'province'`);
const [nation] = await db.all<{ id: number }>(sql`SELECT id FROM units WHERE code = 'VN'`);
const provinceGroupBy = () => groupBy(sql`JOIN unit_closure c ON c.unit_id = r.unit_id AND c.ancestor_id = ${province!.id}`);
const nationGroupBy = () => groupBy();

// 1. The reference recompute from raw values, in the server's worker thread; it also builds the
//    maintained roll-ups every read below looks up.
await row('nation recompute', 1, () => server.call('recompute', { templateId: T, periodId: PERIOD }), 'plain GROUP BY of the nation', nationGroupBy, `${fx.communes} reports, 2.21 M values, worker thread`);

// 2. Roll-ups over HTTP.
await row('province rollup', 15, () => get(`/api/aggregates/${T}/${PERIOD}/20`, head), 'plain GROUP BY of the province', provinceGroupBy, 'Lạng Sơn: 194 communes, 11 districts; with children and completeness');
await row('nation rollup', 7, () => get(`/api/aggregates/${T}/${PERIOD}/VN`, admin), 'plain GROUP BY of the nation', nationGroupBy, '10,047 communes to districts, provinces, nation; 63 children');

// 2b. The province's dashboard (issue 12, bench/dashboard.ts).
const indicator = fx.deps.templates.latest(T)!.compiled.dataRows.find((r) => !r.header && !r.formula)!.code;
await benchDashboard({ row, get, head, db, provinceId: province!.id, template: T, period: PERIOD, indicator });

// 3. The maintained roll-ups read directly: the nation and its 63 provinces.
const period = periodFromId(fx.deps.templates.latest(T)!.spec, PERIOD)!;
const provinceIds = (await db.all<{ id: number }>(sql`SELECT id FROM units WHERE level = 'province'`)).map((p) => p.id);
await row('maintained read', 15, () => readSubtrees(fx.deps, T, period, ['approved'], [nation!.id, ...provinceIds]), 'plain GROUP BY of the nation', nationGroupBy, 'nation + 63 provinces, one lookup');

// 4. Excel packages, streamed from the worker thread.
const plainWorkbook = async (sheets: number, streaming: boolean) => {
  const sink = new Writable({ write: (_c, _e, done) => done() });
  const wb = streaming ? new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink }) : new ExcelJS.Workbook();
  for (let s = 0; s < sheets; s++) {
    const ws = wb.addWorksheet(`S${s}`);
    for (let r = 0; r < 21; r++) ws.addRow(Array.from({ length: 11 }, (_, c) => r * c));
    if (streaming) (ws as ExcelJS.Worksheet & { commit(): void }).commit();
  }
  if (streaming) await (wb as ExcelJS.stream.xlsx.WorkbookWriter).commit();
  else await (wb as ExcelJS.Workbook).xlsx.writeBuffer();
};
await row('excel province', 3, () => get(`/api/exports/${T}/${PERIOD}/20.xlsx`, head), 'plain exceljs, same cells', () => plainWorkbook(195, false), '195 sheets');
await row('excel nation', 1, () => get(`/api/exports/${T}/${PERIOD}/VN.xlsx`, admin), 'plain exceljs streaming, same cells', () => plainWorkbook(fx.communes + 1, true), `${fx.communes + 1} sheets`);

// 5. The save burst: Lạng Sơn's 194 officers each saving a full form at once, in rounds, over HTTP.
const template = fx.deps.templates.latest(T)!;
const sectorRows = template.compiled.dataRows.filter((r) => !r.formula).map((r) => r.code);
const body = (k: number, revision: number) =>
  JSON.stringify({ revision, values: sectorRows.flatMap((row) => Object.entries(bieu06Row(5 + k)).map(([col, value]) => ({ row: row, col, value }))) });
const officers = await Promise.all(fx.officers.map(async (u) => ({ code: u.slice('canbo-'.length), cookie: await cookieOf(u), revision: 0 })));
const ROUNDS = 5;
async function burst(url: string, tracked: boolean) {
  const latencies: number[] = [];
  let errors = 0;
  const t0 = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    await Promise.all(
      officers.map(async (o) => {
        const t = performance.now();
        try {
          const res = await fetch(`${url}/api/reports/${T}/2025Q2/${o.code}/values`, {
            method: 'PUT',
            headers: { 'Content-Type': 'application/json', Cookie: o.cookie },
            body: body(round, tracked ? o.revision : 0),
          });
          const answer = (await res.json()) as { revision?: number };
          if (res.status !== 200) errors++;
          else if (tracked) o.revision = answer.revision!;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t);
      }),
    );
  }
  const wall = performance.now() - t0;
  latencies.sort((a, b) => a - b);
  return { perSave: wall / latencies.length, savesPerS: (latencies.length / wall) * 1000, p99: latencies[Math.floor(latencies.length * 0.99)]!, errors };
}
const minimal = await child('minimal-server.ts', { BENCH_DB: `file:${join(dir, 'minimal.db')}` });
await server.call('reset');
const ours = await burst(server.url, true);
const s = await stats();
const base = await burst(minimal.url, false);
rows.push({
  name: 'save burst',
  ms: ours.perSave,
  baselineMs: base.perSave,
  ratio: ours.perSave / base.perSave,
  rssMb: s.rssMb,
  maxLagMs: s.maxLagMs,
  baseline: 'minimal node:http + one upsert tx',
  note: `194 officers × ${ROUNDS} rounds, 220 cells: ${ours.savesPerS.toFixed(0)} saves/s, p99 ${ours.p99.toFixed(0)} ms, ${ours.errors} errors (minimal: ${base.savesPerS.toFixed(0)}/s, p99 ${base.p99.toFixed(0)} ms, ${base.errors} errors); ms = wall time per save`,
});
log(`  save burst: ${ours.savesPerS.toFixed(0)} saves/s, p99 ${ours.p99.toFixed(0)} ms, errors ${ours.errors}`);

// Nothing lost: every officer's last save is stored with its revision.
const [stored] = await db.all<{ n: number }>(sql`SELECT COUNT(*) AS n FROM reports WHERE template_id = ${T} AND period_id = '2025Q2' AND revision = ${ROUNDS}`);
if (stored!.n !== officers.length) throw new Error(`save burst lost saves: ${stored!.n} of ${officers.length} reports at revision ${ROUNDS}`);

// 'stop' is not answered: the server process exits.
server.proc.send({ type: 'stop' });
minimal.proc.send({ type: 'stop' });
fx.store.close();

console.log('');
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; total ${((performance.now() - started) / 1000).toFixed(0)} s`);
printTable(rows);
writeFileSync(join(import.meta.dirname, 'last.json'), `${JSON.stringify(rows.map(({ name, ms, baselineMs, ratio, rssMb, maxLagMs }) => ({ name, ms, baselineMs, ratio, rssMb, maxLagMs })), null, 2)}\n`);
rmSync(dir, { recursive: true, force: true });
process.exit(0);
