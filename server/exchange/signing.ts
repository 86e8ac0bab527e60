// Detached Ed25519 signatures over package bytes, by the province's key (node:crypto). The private key
// is read from the file named by PACKAGE_SIGNING_KEY and never committed; `npm run keys:new` makes a
// pair and `npm run package:verify -- FILE SIG PUBKEY` checks a signature.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface PackageSigner {
  /** Base64 of the 64-byte Ed25519 signature over exactly these bytes. */
  sign(bytes: Uint8Array): string;
  /** The public key as SPKI PEM, for receivers to verify with. */
  publicKeyPem: string;
}

export function createSigner(privateKeyPem: string): PackageSigner {
  const key = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`The signing key must be Ed25519, not ${key.asymmetricKeyType}.`);
  const publicKeyPem = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
  return { sign: (bytes) => sign(null, bytes, key).toString('base64'), publicKeyPem };
}

/** The signer of the key file at `path`, or undefined when no path is configured. */
export function signerFromFile(path: string | undefined): PackageSigner | undefined {
  if (path === undefined || path === '') return undefined;
  return createSigner(readFileSync(path, 'utf8'));
}

export function newKeyPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/**
 * Checks a detached signature. `signature` is the base64 text a signer writes (surrounding white
 * space allowed) or the raw 64 bytes; anything else, or a key that is not Ed25519, does not verify.
 */
export function verifyDetached(bytes: Uint8Array, signature: Uint8Array, publicKeyPem: string): boolean {
  let key: KeyObject;
  try {
    key = createPublicKey(publicKeyPem);
  } catch {
    return false;
  }
  if (key.asymmetricKeyType !== 'ed25519') return false;
  const raw = signature.length === 64 ? Buffer.from(signature) : Buffer.from(Buffer.from(signature).toString('utf8').trim(), 'base64');
  if (raw.length !== 64) return false;
  return verify(null, bytes, key, raw);
}

/** The HTTP header that carries a package's signature: 'ed25519 <base64>'. */
export const SIGNATURE_HEADER = 'X-Package-Signature';
