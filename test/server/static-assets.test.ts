// The built client over real HTTP: hashed assets compressed (brotli, gzip) with a year-long immutable cache,
// index.html revalidated on every load so a new release is picked up at once.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../server/start';

const CLIENT = 'dist/client';
let server: RunningServer;
let dir: string;
let script: string;

beforeAll(async () => {
  if (!existsSync(join(CLIENT, 'index.html'))) throw new Error('build the client first: npx vite build');
  script = /<script[^>]+src="([^"]+\.js)"/.exec(readFileSync(join(CLIENT, 'index.html'), 'utf8'))![1]!;
  dir = mkdtempSync(join(tmpdir(), 'bc-static-'));
  server = await startServer({ port: 0, host: '127.0.0.1', databaseUrl: `file:${join(dir, 'db.sqlite')}`, demo: false, seedPassword: 'x', clientDir: CLIENT });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A GET over node:http, which (unlike fetch) hands back the body as sent, still compressed. */
function raw(path: string, encoding?: string): Promise<{ res: { status: number; headers: { get(name: string): string | null } }; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = get(`${server.url}${path}`, { headers: encoding ? { 'Accept-Encoding': encoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const header = (name: string) => {
          const v = res.headers[name.toLowerCase()];
          return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
        };
        resolve({ res: { status: res.statusCode ?? 0, headers: { get: header } }, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
  });
}

describe('static assets of the built client', () => {
  it('serves a hashed script brotli-compressed to a browser that accepts it, cached for a year as immutable', async () => {
    const original = readFileSync(join(CLIENT, script));
    const { res, body } = await raw(script, 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(body.length).toBeLessThan(original.length / 2);
    expect(brotliDecompressSync(body).equals(original)).toBe(true);
  });

  it('serves gzip to a client that accepts only gzip, and the plain file to one that accepts neither', async () => {
    const original = readFileSync(join(CLIENT, script));
    const gz = await raw(script, 'gzip');
    expect(gz.res.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(gz.body).equals(original)).toBe(true);
    const plain = await raw(script, 'identity');
    expect(plain.res.headers.get('content-encoding')).toBeNull();
    expect(plain.body.equals(original)).toBe(true);
    expect(plain.res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('serves index.html with no-cache, at / and for any app path', async () => {
    for (const path of ['/', '/index.html', '/some/app/path']) {
      const { res, body } = await raw(path, 'gzip, br');
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      const html = res.headers.get('content-encoding') === 'br' ? brotliDecompressSync(body) : res.headers.get('content-encoding') === 'gzip' ? gunzipSync(body) : body;
      expect(html.toString('utf8'), path).toContain(script);
    }
  });

  it('does not cache the API for a year', async () => {
    const { res } = await raw('/api/health', 'gzip, br');
    expect(res.headers.get('cache-control') ?? '').not.toContain('immutable');
  });
});
