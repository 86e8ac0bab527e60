// What ran while the server's event loop was held. Run a bench row with BENCH_PROFILE=DIR, then
//   npx tsx bench/profile-stalls.ts DIR
// The server under test leaves there a CPU profile (node --cpu-prof) and the turns of its loop that came
// late (stalls.<pid>.json, on the profile's own monotonic clock); this prints, for the longest stalls and
// for all of them together, the functions that held the loop, by self time.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const dir = process.argv[2];
if (!dir) {
  console.error('Cách dùng / usage: npx tsx bench/profile-stalls.ts DIR   (DIR: the BENCH_PROFILE folder)');
  process.exit(2);
}

const nameOf = (node: ProfileNode) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^file:\/\//, '').replace(/^.*node_modules\//, '');
  return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
};

/** Self time (ms) per function over the samples that fall in [from, to). */
function selfTimes(profile: CpuProfile, names: Map<number, string>, from: number, to: number): Map<string, number> {
  const times = new Map<string, number>();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i]!;
    if (t < from || t >= to) continue;
    const name = names.get(profile.samples[i]!)!;
    // Each sample stands for the time until the next one.
    times.set(name, (times.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  }
  return times;
}

const top = (times: Map<string, number>, n: number) =>
  [...times].filter(([name]) => !name.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, ms]) => `    ${ms.toFixed(1).padStart(8)} ms  ${name}`).join('\n');

for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
  const pid = file.split('.').at(-4);
  let stalls: [number, number][];
  try {
    stalls = JSON.parse(readFileSync(join(dir, `stalls.${pid}.json`), 'utf8'));
  } catch {
    console.log(`${file}: no stalls.${pid}.json beside it (was it written by bench/server.ts?)`);
    continue;
  }
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  const names = new Map(profile.nodes.map((n) => [n.id, nameOf(n)]));
  const total = new Map<string, number>();
  console.log(`${file}: ${stalls.length} stalls over 45 ms, longest ${Math.max(0, ...stalls.map(([a, b]) => (b - a) / 1000)).toFixed(0)} ms`);
  for (const [from, to] of stalls) for (const [name, ms] of selfTimes(profile, names, from, to)) total.set(name, (total.get(name) ?? 0) + ms);
  for (const [from, to] of [...stalls].sort((a, b) => b[1] - b[0] - (a[1] - a[0])).slice(0, 3)) {
    console.log(`  stall of ${((to - from) / 1000).toFixed(0)} ms:\n${top(selfTimes(profile, names, from, to), 8)}`);
  }
  console.log(`  all stalls together:\n${top(total, 15)}`);
}
