// `npm run package:verify -- FILE SIG PUBKEY`: checks the detached Ed25519 signature SIG (base64 text,
// as the X-Package-Signature header carries it after "ed25519 ", or 64 raw bytes) of FILE against the
// public key PUBKEY (PEM). Exit 0 when it verifies, 1 when it does not, 2 on a usage error.
import { existsSync, readFileSync } from 'node:fs';
import { verifyDetached } from '../server/exchange/signing';

const [file, sig, pub] = process.argv.slice(2);
if (!file || !sig || !pub || ![file, sig, pub].every((p) => existsSync(p))) {
  console.error('Cách dùng (usage): npm run package:verify -- FILE SIG PUBKEY');
  process.exit(2);
}
const signature = Buffer.from(readFileSync(sig, 'utf8').replace(/^\s*ed25519\s+/i, '').trim(), 'utf8');
const raw = readFileSync(sig);
const ok = verifyDetached(readFileSync(file), raw.length === 64 ? raw : signature, readFileSync(pub, 'utf8'));
console.log(ok ? `Chữ ký hợp lệ (signature valid): ${file}` : `Chữ ký KHÔNG hợp lệ (signature invalid): ${file}`);
process.exit(ok ? 0 : 1);
