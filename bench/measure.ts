// Timing helpers for npm run bench: medians over repeated runs, and the table printed and written to
// bench/last.json, each figure beside a baseline measured in the same run on the same data.
export async function median(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export interface BenchRow {
  name: string;
  ms: number;
  baselineMs: number;
  ratio: number;
  /** Peak resident memory of the server process while the row ran. */
  rssMb: number;
  /** The worst event-loop delay of the server process while the row ran. */
  maxLagMs: number;
  note?: string;
  baseline?: string;
  /** Save rows: throughput, 99th percentile latency and failed saves (also in the note). */
  savesPerS?: number;
  p99Ms?: number;
  errors?: number;
}

/** The rows as bench/last.json holds them. */
export const lastJson = (rows: BenchRow[]) =>
  `${JSON.stringify(rows.map(({ name, ms, baselineMs, ratio, rssMb, maxLagMs }) => ({ name, ms, baselineMs, ratio, rssMb, maxLagMs })), null, 2)}\n`;

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

export function printTable(rows: BenchRow[]): void {
  const header = ['benchmark', 'ms', 'baseline ms', 'ratio', 'rss MB', 'max lag ms', 'baseline', 'note'];
  const lines = rows.map((r) => [r.name, fmt(r.ms), fmt(r.baselineMs), r.ratio.toFixed(3), r.rssMb.toFixed(0), fmt(r.maxLagMs), r.baseline ?? '', r.note ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const l of lines) console.log(line(l));
}
