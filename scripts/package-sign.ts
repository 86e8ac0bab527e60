// `npm run package:sign -- FILE [SIG]`: writes the detached Ed25519 signature of FILE (base64) to SIG
// (default FILE.sig) with the province's key at PACKAGE_SIGNING_KEY, for packages made outside the
// server (the server signs its own exports in the X-Package-Signature header).
import { readFileSync, writeFileSync } from 'node:fs';
import { signerFromFile } from '../server/exchange/signing';

const [file, out = `${file}.sig`] = process.argv.slice(2);
const signer = signerFromFile(process.env.PACKAGE_SIGNING_KEY);
if (!file || !signer) {
  console.error('Cách dùng (usage): PACKAGE_SIGNING_KEY=key.pem npm run package:sign -- FILE [SIG]');
  process.exit(2);
}
writeFileSync(out, `${signer.sign(readFileSync(file))}\n`);
console.log(`Đã ký (signed): ${out}`);
