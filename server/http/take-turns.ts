// Writes that arrive together take turns on the event loop. Each save's checks (the body against the
// template, the rules) are milliseconds of synchronous work, and the embedded database answers
// synchronously too; 194 officers saving at the same instant would otherwise run all of that in one
// go, with health checks, timers and every other request waiting behind it for a second or more.
// Here one waiting request starts per turn of the event loop, and everything else gets its turn in
// between. Throughput is unchanged (the work is the same); what changes is who waits.
//
// The turn is taken before Hono sees the request (`writesTakeTurns`, on Node's request listener): a
// CPU profile of a 194-save burst showed the loop held 250–450 ms by the requests' first steps alone
// (the web Request built from the socket, security headers, the body limit, the session lookup), all
// run in the one poll phase in which the requests arrived, before a turn-taking middleware was reached.
import type { RequestListener } from 'node:http';

const waiting: (() => void)[] = [];
let scheduled = false;

function startNext(): void {
  scheduled = false;
  waiting.shift()?.();
  // setImmediate from inside a check-phase callback runs on the next turn, after timers and I/O.
  if (waiting.length > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(startNext);
}

/** Resolves on a turn of its own, in the order asked. */
export function myTurn(): Promise<void> {
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    schedule();
  });
}

/** Reads that never wait behind a burst of writes: a health check, a page, a form being opened. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Wraps Node's request listener: a write (PUT, POST, PATCH, DELETE) starts on a turn of its own, in
 * the order it arrived; a read starts at once. Its body waits in the socket meanwhile (Node reads an
 * IncomingMessage only when asked).
 */
export function writesTakeTurns(listener: RequestListener): RequestListener {
  return (req, res) => {
    if (READS.has(req.method ?? 'GET')) return void listener(req, res);
    void myTurn().then(() => listener(req, res));
  };
}
