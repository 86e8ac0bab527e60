// Saves arriving together take turns on the event loop: one starts per turn, in the order they came,
// and a timer due meanwhile runs between them instead of after all of them.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { myTurn, takeTurns } from '../../../server/http/take-turns';

/** Busy for `ms` of synchronous work, as a save's checks are. */
const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('takeTurns', () => {
  it('starts waiting requests one per turn, in order, with timers running between them', async () => {
    const starts: { i: number; ticks: number }[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    await new Promise((r) => setTimeout(r, 5));
    await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        await myTurn();
        starts.push({ i, ticks });
        busy(5);
      }),
    );
    clearInterval(timer);
    expect(starts.map((s) => s.i)).toEqual([0, 1, 2, 3, 4, 5]);
    // Had all six started in one go (6 × 5 ms of work) the timer could not have fired between them.
    expect(starts.at(-1)!.ticks).toBeGreaterThan(starts[0]!.ticks);
  });

  it('as middleware, lets each request wait its turn and then answers it as usual', async () => {
    const app = new Hono().on('PUT', '/x', takeTurns).put('/x', (c) => c.json({ ok: true }));
    const answers = await Promise.all(Array.from({ length: 20 }, () => app.request('/x', { method: 'PUT' })));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(await answers[0]!.json()).toEqual({ ok: true });
  });
});
