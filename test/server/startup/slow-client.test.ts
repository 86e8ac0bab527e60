// A slow or stalled client cannot hold a request open: the server cuts a request whose headers do not
// arrive within the headers timeout, and still answers everyone else.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../../server/start';

let server: RunningServer;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bc-slow-'));
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: `file:${join(dir, 'slow.db')}`,
    demo: false,
    seedPassword: 'x',
    clientDir: join(dir, 'none'),
    headersTimeoutMs: 1_000,
    requestTimeoutMs: 2_000,
  });
}, 60_000);
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

it('closes a connection that sends half its headers and then nothing, and keeps serving others', async () => {
  const socket = connect(server.port, '127.0.0.1');
  await new Promise<void>((ok) => socket.once('connect', () => ok()));
  socket.write('POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: app');
  const reply = await new Promise<string>((ok) => {
    let got = '';
    socket.on('data', (d: Buffer) => (got += d.toString()));
    socket.on('close', () => ok(got));
  });
  // Node answers 408 Request Timeout, then closes.
  expect(reply).toMatch(/^HTTP\/1\.1 408/);
  const health = await fetch(`${server.url}/api/health`);
  expect(health.status).toBe(200);
}, 60_000);
