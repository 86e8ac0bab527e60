// npm run bench: builds the national database (bench/fixture.ts), starts the server in its own process
// on 127.0.0.1, and runs the row modules below, each figure beside a baseline measured in the same run
// on the same data; prints the table and writes bench/last.json. Another figure is another module in
// bench/rows/ added to ROWS. BENCH_ROWS=rollups,save runs only those modules (rows are then missing
// from last.json); BENCH_SLICE=20,38 builds only those provinces (for development).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createContext, type RowModule } from './context';
import { type BenchRow, lastJson, printTable } from './measure';
import { dashboardRows } from './rows/dashboard';
import { excelRows } from './rows/excel';
import { rollupRows } from './rows/rollups';
import { saveRows } from './rows/save-burst';

/** In order: the recompute (first, it builds the maintained roll-ups the reads look up), reads, exports, saves. */
const ROWS: RowModule[] = [rollupRows, dashboardRows, excelRows, saveRows];

const log = (line: string) => console.log(line);
const only = process.env.BENCH_ROWS?.split(',');
const dir = mkdtempSync(join(tmpdir(), 'bc-bench-'));
const started = performance.now();
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
log(`Building the national database in ${dir} … (load average ${load()})`);
const ctx = await createContext(dir, log);
log(`Database built and server started in ${((performance.now() - started) / 1000).toFixed(0)} s`);

const rows: BenchRow[] = [];
let failure: unknown;
try {
  for (const module of ROWS) if (!only || only.includes(module.key)) rows.push(...(await module.run(ctx)));
} catch (error) {
  failure = error;
}
await ctx.server.stop();
ctx.fx.store.close();

console.log('');
console.log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average at the end ${load()}; total ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
printTable(rows);
rmSync(dir, { recursive: true, force: true });
if (failure) {
  console.error('The bench failed; bench/last.json is left as it was.', failure);
  process.exit(1);
}
writeFileSync(join(import.meta.dirname, 'last.json'), lastJson(rows));
log('Written bench/last.json');
process.exit(0);
