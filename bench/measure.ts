// Timing helpers for npm run bench: medians over repeated runs after a warm-up, printed side by side
// with a baseline measured in the same run on the same machine.
export interface Timing {
  median: number;
  p95: number;
  first: number;
}

export async function measure(runs: number, fn: () => Promise<unknown> | unknown): Promise<Timing> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  const first = times[0]!;
  const sorted = times.slice(1).sort((a, b) => a - b);
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? first;
  return { median: pick(0.5), p95: pick(0.95), first };
}

export interface Row {
  name: string;
  ours: Timing;
  baselineName: string;
  baseline: Timing;
  note?: string;
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

export function printTable(rows: Row[]): void {
  const lines = rows.map((r) => [
    r.name,
    `${ms(r.ours.median)} ms (p95 ${ms(r.ours.p95)}, cold ${ms(r.ours.first)})`,
    r.baselineName,
    `${ms(r.baseline.median)} ms`,
    `×${(r.ours.median / r.baseline.median).toFixed(1)}`,
    r.note ?? '',
  ]);
  const header = ['benchmark', 'ours (median)', 'baseline', 'baseline (median)', 'ours/baseline', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const l of lines) console.log(fmt(l));
}
