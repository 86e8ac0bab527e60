// A weak link between the browser and the server, as a TCP proxy on 127.0.0.1: every chunk waits half
// the round trip each way, and what comes down is limited to a commune's bandwidth. Unlike Chromium's
// network emulation (set per page over CDP), it slows the service worker's own requests too, so the
// figures with and without the worker are measured on the same link.
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface Link {
  /** Round trip added to every exchange, in ms. */
  latencyMs: number;
  /** Bytes per second, server to browser. */
  downBytesPerSecond: number;
  /** Bytes per second, browser to server. */
  upBytesPerSecond: number;
}

export interface SlowProxy {
  url: string;
  close(): Promise<void>;
}

/** One direction of a connection: each chunk leaves half a round trip after it came, no faster than the rate allows. */
function throttle(from: Socket, to: Socket, oneWayMs: number, bytesPerSecond: number): void {
  let freeAt = 0;
  from.on('data', (chunk: Buffer) => {
    const now = performance.now();
    const start = Math.max(now, freeAt);
    freeAt = start + (chunk.length / bytesPerSecond) * 1000;
    setTimeout(() => {
      if (!to.destroyed) to.write(chunk);
    }, freeAt + oneWayMs - now);
  });
  from.on('end', () => setTimeout(() => to.end(), Math.max(0, freeAt - performance.now()) + oneWayMs));
}

export async function startSlowProxy(target: string, link: Link): Promise<SlowProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const server: Server = createServer((browser) => {
    const upstream = connect(Number(port), hostname);
    for (const s of [browser, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        browser.destroy();
        upstream.destroy();
      });
    }
    throttle(browser, upstream, link.latencyMs / 2, link.upBytesPerSecond);
    throttle(upstream, browser, link.latencyMs / 2, link.downBytesPerSecond);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the slow proxy has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
