// What a commune's weak link is spared: API answers over 1 KB travel gzipped to a browser that accepts it
// (and unchanged to one that does not), and a template version as written out for a period is kept by the
// browser as long as what it depends on allows: a day without lists, an hour with generated lists (the
// hierarchy), never with open lists (the report's own rows).
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptsGzip } from '../../../server/http/compress';
import { createTestApp, type TestApp } from '../../helpers/test-app';

let t: TestApp;
let cookie: string;
beforeEach(async () => {
  t = await createTestApp({ now: new Date('2025-12-16T02:00:00Z') });
  cookie = await t.login('canbo-05977');
});
afterEach(() => t.close());

const get = (path: string, encoding?: string) => t.request(path, { cookie, headers: encoding ? { 'Accept-Encoding': encoding } : {} });

describe('API answers on a weak link', () => {
  it('gzips a large JSON answer for a browser that accepts gzip, with the same content', async () => {
    const path = '/api/templates/bieu-06-vpcp-kstt/versions/1?period=2024Q4&unit=05977';
    const plain = await get(path);
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    const text = await plain.text();
    expect(text.length).toBeGreaterThan(1024);

    const zipped = await get(path, 'gzip, deflate, br');
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('Content-Encoding')).toBe('gzip');
    expect(zipped.headers.get('Vary')).toMatch(/Accept-Encoding/i);
    const bytes = Buffer.from(await zipped.arrayBuffer());
    expect(bytes.length).toBeLessThan(text.length / 2);
    expect(JSON.parse(gunzipSync(bytes).toString('utf8'))).toEqual(JSON.parse(text));
  });

  it('leaves a small answer and an error uncompressed, and errors keep their shape', async () => {
    const health = await get('/api/health', 'gzip');
    expect(health.headers.get('Content-Encoding')).toBeNull();
    const missing = await get('/api/templates/khong-co/versions/1', 'gzip');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('unknown-template');
  });
});

describe('acceptsGzip', () => {
  it('reads Accept-Encoding as browsers and proxies write it', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('br')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });

  it('sends a large answer plain to a client that takes only brotli', async () => {
    const res = await get('/api/templates/bieu-06-vpcp-kstt/versions/1?period=2024Q4&unit=05977', 'br');
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(((await res.json()) as { id: string }).id).toBe('bieu-06-vpcp-kstt');
  });
});

describe('caching a template version written out for a period', () => {
  const cacheOf = async (path: string) => (await get(path)).headers.get('Cache-Control');

  it('lets the browser keep a version without lists for a day, one with generated lists for an hour, one with open lists not at all', async () => {
    expect(await cacheOf('/api/templates/bieu-06-vpcp-kstt/versions/1?period=2024Q4&unit=05977')).toBe('private, max-age=86400');
    expect(await cacheOf('/api/templates/bieu-06-vpcp-kstt/versions/2?period=2025Q4&unit=05977')).toBe('private, max-age=3600');
    expect(await cacheOf('/api/templates/vu-viec-khieu-nai-to-cao-xa/versions/1?period=2026Q1&unit=05977')).toBe('no-store');
    // The report itself changes with every save.
    expect(await cacheOf('/api/reports/vu-viec-khieu-nai-to-cao-xa/2026Q1/05977')).toBe('no-store');
  });
});
