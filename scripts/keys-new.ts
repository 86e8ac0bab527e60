// `npm run keys:new -- [DIR]`: makes the province's Ed25519 key pair for signing packages, in DIR
// (default data/keys, which git ignores). The private key never leaves the machine or enters git;
// point PACKAGE_SIGNING_KEY at it and give the public key to the receivers.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { newKeyPair } from '../server/exchange/signing';

const dir = resolve(process.argv[2] ?? 'data/keys');
const privatePath = join(dir, 'province-ed25519.pem');
const publicPath = join(dir, 'province-ed25519.pub.pem');
if (existsSync(privatePath)) {
  console.error(`${privatePath} đã có; không ghi đè khóa (already exists, not overwritten).`);
  process.exit(1);
}
mkdirSync(dir, { recursive: true, mode: 0o700 });
const { privateKeyPem, publicKeyPem } = newKeyPair();
writeFileSync(privatePath, privateKeyPem, { mode: 0o600 });
writeFileSync(publicPath, publicKeyPem, { mode: 0o644 });
console.log(`Khóa bí mật (private key): ${privatePath}  → PACKAGE_SIGNING_KEY=${privatePath}`);
console.log(`Khóa công khai (public key): ${publicPath}`);
