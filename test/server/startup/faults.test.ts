// Start-up faults, as `npm start` meets them: the real entry point in a child process. Each fault prints
// one clear line in Vietnamese and English, exits non-zero, and leaves no database behind.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATES_DIR } from '../../../server/templates/registry';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bc-faults-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node --import tsx server/index.ts` with env until it exits (or until `until` shows in stdout). */
function runServer(env: Record<string, string>, until?: string): Promise<Run & { kill(): void }> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = { stdout: '', stderr: '' };
    const done = (code: number | null) => resolveRun({ code, ...out, kill: () => child.kill('SIGTERM') });
    child.stdout.on('data', (d: Buffer) => {
      out.stdout += d.toString();
      if (until && out.stdout.includes(until)) done(null);
    });
    child.stderr.on('data', (d: Buffer) => (out.stderr += d.toString()));
    child.on('exit', (code) => done(code));
  });
}

const occupy = () =>
  new Promise<Server>((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => ok(s));
  });

describe('npm start meets a fault', () => {
  it('a port in use: one line in both languages, exit code 3, and the database is never created', async () => {
    const blocker = await occupy();
    const port = (blocker.address() as { port: number }).port;
    const db = join(dir, 'port.db');
    const run = await runServer({ PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `file:${db}` });
    blocker.close();
    expect(run.code).toBe(3);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`Cổng 127.0.0.1:${port} đang được dùng`);
    expect(run.stderr).toContain('is already in use');
    expect(existsSync(db)).toBe(false);
  }, 60_000);

  it('a database URL that is not libsql: exit code 3 with the fix', async () => {
    const run = await runServer({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: 'postgres://localhost/bc' });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('DATABASE_URL "postgres://localhost/bc" không hợp lệ');
    expect(run.stderr).toContain('is not a libsql URL');
  }, 60_000);

  it('a PORT that is not a number: exit code 3', async () => {
    const run = await runServer({ PORT: 'tám nghìn', DATABASE_URL: `file:${join(dir, 'nan.db')}` });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('is not a port number');
    expect(existsSync(join(dir, 'nan.db'))).toBe(false);
  }, 60_000);

  it('a broken template: exit code 2 naming the file, and the database is never created', async () => {
    const templates = join(dir, 'templates');
    cpSync(TEMPLATES_DIR, templates, { recursive: true });
    writeFileSync(join(templates, 'tiep-cong-dan-xa', '1.json'), '{ "id": "tiep-cong-dan-xa", ');
    const db = join(dir, 'broken.db');
    const run = await runServer({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `file:${db}`, TEMPLATES_DIR: templates });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('tiep-cong-dan-xa');
    expect(existsSync(db)).toBe(false);
  }, 60_000);

  it('HOST chooses the interface it listens on', async () => {
    const run = await runServer({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `file:${join(dir, 'host.db')}`, DEMO: '0' }, 'http://127.0.0.1:');
    run.kill();
    expect(run.stdout).toMatch(/http:\/\/127\.0\.0\.1:\d+/);
  }, 60_000);
});
