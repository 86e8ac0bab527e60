// The server under test, in its own process (so the load the bench generates does not share its event
// loop): the real startServer on 127.0.0.1, plus an IPC channel for what only the process can measure:
// its event-loop delay, its peak memory, and a recompute run through its own worker pool.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { rebuild } from '../server/services/rollup-build';
import { startServer } from '../server/start';

const server = await startServer({ port: 0, host: '127.0.0.1', databaseUrl: process.env.BENCH_DB!, demo: false, seedPassword: 'x', clientDir: '/nonexistent' });
const lag = monitorEventLoopDelay({ resolution: 5 });
lag.enable();
let peakRss = 0;
setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 25).unref();

// With BENCH_PROFILE, the turns of the event loop that came late (over 45 ms), on the clock of the CPU
// profile (microseconds, monotonic), so bench/profile-stalls.ts can say what ran while the loop was held.
const stalls: [number, number][] = [];
if (process.env.BENCH_PROFILE) {
  let last = process.hrtime.bigint();
  setInterval(() => {
    const now = process.hrtime.bigint();
    if (now - last > 45_000_000n) stalls.push([Number(last / 1000n) + 5000, Number(now / 1000n)]);
    last = now;
  }, 5).unref();
}

process.on('message', async (message: { id: number; type: string; templateId?: string; periodId?: string }) => {
  const reply = (body: object) => process.send!({ id: message.id, ...body });
  if (message.type === 'reset') {
    lag.reset();
    peakRss = process.memoryUsage.rss();
    return reply({});
  }
  if (message.type === 'stats') return reply({ maxLagMs: lag.max / 1e6, rssMb: Math.max(peakRss, process.memoryUsage.rss()) / 2 ** 20 });
  if (message.type === 'recompute') {
    const started = performance.now();
    await rebuild(server.deps, message.templateId!, message.periodId!, { inWorker: true });
    return reply({ ms: performance.now() - started });
  }
  if (message.type === 'stop') {
    if (process.env.BENCH_PROFILE) writeFileSync(join(process.env.BENCH_PROFILE, `stalls.${process.pid}.json`), JSON.stringify(stalls));
    await server.close();
    process.exit(0);
  }
});
process.send!({ id: 0, url: server.url });
