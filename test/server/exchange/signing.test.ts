// Signed packages: `npm run keys:new` makes a key pair, the server signs every package with the
// private key (X-Package-Signature), `npm run package:verify` accepts the package and refuses it once
// a single byte has changed, or under another key.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { createSigner, verifyDetached } from '../../../server/exchange/signing';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { FILL_NOW, fillTwoCommunes, P, T } from './exchange-fixtures';

const run = promisify(execFile);
const npmRun = (script: string, ...args: string[]) => run('npm', ['run', '--silent', script, '--', ...args], { timeout: 60_000 });

let dir: string;
let t: TestApp;
let head: string;
/** The same installation, configured with the province's signing key. */
let signed: ReturnType<typeof createApp>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bc-keys-'));
  await npmRun('keys:new', join(dir, 'keys'));
  t = await createTestApp({ now: FILL_NOW });
  signed = createApp({ ...t.deps, signer: createSigner(readFileSync(join(dir, 'keys', 'province-ed25519.pem'), 'utf8')) });
  await fillTwoCommunes(t);
  head = await t.login('lanhdao-178');
}, 120_000);
afterAll(() => {
  t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Downloads a package and writes it and its detached signature (from the header) to files. */
async function save(format: string): Promise<{ file: string; sig: string }> {
  const res = await signed.request(`/api/exports/${T}/${P}/178.${format}?include=submitted`, { headers: { Cookie: head } });
  expect(res.status).toBe(200);
  const header = res.headers.get('x-package-signature') ?? '';
  expect(header).toMatch(/^ed25519 [A-Za-z0-9+/]{86}==$/);
  const file = join(dir, `package.${format}`);
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  writeFileSync(`${file}.sig`, header);
  return { file, sig: `${file}.sig` };
}

const verify = (file: string, sig: string, pub: string) =>
  npmRun('package:verify', file, sig, pub).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
  );

describe('signed packages', () => {
  it('keys:new writes a private key readable only by its owner and never overwrites one', async () => {
    expect(readFileSync(join(dir, 'keys', 'province-ed25519.pub.pem'), 'utf8')).toContain('BEGIN PUBLIC KEY');
    expect(statSync(join(dir, 'keys', 'province-ed25519.pem')).mode & 0o777).toBe(0o600);
    await expect(npmRun('keys:new', join(dir, 'keys'))).rejects.toMatchObject({ code: 1 });
  });

  it.each(['xlsx', 'qcvn125.json', 'adx.xml', 'sdmx.csv', 'json'])('package:verify accepts the %s package as sent and refuses it with one byte changed', async (format) => {
    const { file, sig } = await save(format);
    const pub = join(dir, 'keys', 'province-ed25519.pub.pem');
    const ok = await verify(file, sig, pub);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('hợp lệ');
    const bytes = readFileSync(file);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0x01;
    writeFileSync(file, bytes);
    expect((await verify(file, sig, pub)).code).toBe(1);
  }, 120_000);

  it('refuses a signature checked against another key, and a signature that is not one', async () => {
    const { file, sig } = await save('adx.xml');
    await npmRun('keys:new', join(dir, 'other'));
    expect((await verify(file, sig, join(dir, 'other', 'province-ed25519.pub.pem'))).code).toBe(1);
    const bytes = readFileSync(file);
    expect(verifyDetached(bytes, Buffer.from('not a signature'), readFileSync(join(dir, 'keys', 'province-ed25519.pub.pem'), 'utf8'))).toBe(false);
  }, 120_000);

  it('publishes the public key the packages are signed with', async () => {
    const res = await signed.request('/api/exchange/public-key');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(readFileSync(join(dir, 'keys', 'province-ed25519.pub.pem'), 'utf8'));
  });
});
