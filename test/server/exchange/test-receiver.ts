// A stand-in for the Government's reporting system in tests: an HTTP server on 127.0.0.1 (port 0)
// that answers each delivery as the test's script says (accept, fail, hang, refuse) and counts every
// idempotency key once, as a real receiver must.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** 'lost': the receiver counts the packet but its answer never reaches the sender. */
export type Answer = 'accept' | 'fail' | 'hang' | 'lost' | { refuse: string };

export interface Delivery {
  n: number;
  key: string;
  packetType: string;
  signature: string | undefined;
}

export interface Receiver {
  url: string;
  deliveries: Delivery[];
  /** Keys in the order they were first counted. */
  counted: string[];
  /** Resolves when the n-th delivery (1-based) has arrived. */
  arrived(n: number): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(script: (d: Delivery) => Answer): Promise<Receiver> {
  const deliveries: Delivery[] = [];
  const counted: string[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { LoaiGoiTin?: string };
      const d: Delivery = {
        n: deliveries.length + 1,
        key: String(req.headers['idempotency-key'] ?? ''),
        packetType: body.LoaiGoiTin ?? '',
        signature: req.headers['x-package-signature'] as string | undefined,
      };
      deliveries.push(d);
      for (const w of waiters.filter((w) => w.n <= deliveries.length)) w.resolve();
      const answer = script(d);
      if (answer === 'hang') return; // never answers: the sender's timeout, or a kill, ends it
      if (answer === 'lost') {
        if (!counted.includes(d.key)) counted.push(d.key);
        return;
      }
      if (answer === 'fail') return void res.writeHead(503, { 'Content-Type': 'application/json' }).end('{"error":"tạm thời không nhận"}');
      if (typeof answer === 'object') {
        return void res.writeHead(422, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { code: 'refused', message: answer.refuse } }));
      }
      const duplicate = counted.includes(d.key);
      if (!duplicate) counted.push(d.key);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ accepted: true, duplicate }));
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/goi-tin`,
    deliveries,
    counted,
    arrived: (n) => new Promise<void>((resolve) => (deliveries.length >= n ? resolve() : waiters.push({ n, resolve }))),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
