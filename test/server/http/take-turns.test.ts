// Writes arriving together take turns on the event loop: one starts per turn, in the order asked, and a
// timer due meanwhile runs between them instead of after all of them; reads never wait behind them.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { myTurn, writesTakeTurns } from '../../../server/http/take-turns';

/** Busy for `ms` of synchronous work, as a save's checks are. */
const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

describe('taking turns', () => {
  it('starts waiting work one per turn, in order, with timers running between them', async () => {
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

  it('on a real server, starts each write on a turn of its own with its body intact, and a read at once', async () => {
    const started: { method: string; at: number }[] = [];
    let turns = 0;
    const counter = setInterval(() => turns++, 0);
    server = createServer(
      writesTakeTurns((req, res) => {
        started.push({ method: req.method!, at: turns });
        // Each write's first steps are work, as a save's are; the body is read afterwards, as Hono does.
        if (req.method !== 'GET') busy(4);
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => res.end(Buffer.concat(chunks).toString() || 'read'));
      }),
    );
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const writes = Array.from({ length: 12 }, (_, i) => fetch(url, { method: 'PUT', body: `figures ${i}` }).then((r) => r.text()));
    await new Promise((r) => setTimeout(r, 20));
    const read = fetch(url).then((r) => r.text());
    const answers = await Promise.all([...writes, read]);
    clearInterval(counter);

    expect(answers).toEqual([...Array.from({ length: 12 }, (_, i) => `figures ${i}`), 'read']);
    const puts = started.filter((s) => s.method === 'PUT');
    expect(puts).toHaveLength(12);
    // A timer ran between every two writes: no two started in the same turn of the loop.
    for (let i = 1; i < puts.length; i++) expect(puts[i]!.at).toBeGreaterThan(puts[i - 1]!.at);
    // The read did not queue behind the writes still waiting.
    expect(started.findIndex((s) => s.method === 'GET')).toBeLessThan(started.length - 1);
  });
});
