// Saves that arrive together take turns on the event loop. Each one's checks (the body against the
// template, the rules) are milliseconds of synchronous work, and the embedded database answers
// synchronously too; 194 officers saving at the same instant would otherwise run all of that in one
// go, with health checks, timers and every other request waiting behind it for a second or more.
// Here one waiting request starts per turn of the event loop, and everything else gets its turn in
// between. Throughput is unchanged (the work is the same); what changes is who waits.
import type { MiddlewareHandler } from 'hono';

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

/** Middleware: the rest of the request (body parsing and validation included) starts on a turn of its own. */
export const takeTurns: MiddlewareHandler = async (_c, next) => {
  await myTurn();
  await next();
};
