/**
 * The RS256 signature check (RSASSA-PKCS1-v1_5 with SHA-256, RFC 7518 section 3.3) with Node's own
 * primitive, synchronously on the main thread: no hop to libuv's thread pool and back, which cost
 * more than the check itself. jose, which verified here before, is the oracle the tests hold this
 * to (test/fuzz/verifier-oracle.fuzz.test.ts).
 *
 * What jose checked about the key is checked here too, once per key object: an RSA public key
 * (not RSA-PSS, whose key object `crypto.verify` would use with PSS padding), of at least 2048
 * bits; the padding is named, never left to the key's defaults.
 */
import { constants, verify, type KeyObject } from 'node:crypto';

/** The smallest modulus RS256 is verified with (RFC 7518 section 3.3; jose's rule too). */
export const MIN_RSA_MODULUS_BITS = 2048;

/** A key that cannot verify RS256: a configuration fault, never the token's. */
export class UnusableSigningKeyError extends TypeError {
  override readonly name = 'UnusableSigningKeyError';
}

const usable = new WeakSet<KeyObject>();

/** Throws {@link UnusableSigningKeyError} unless `key` is an RSA public key of 2048 bits or more. */
export function assertRs256Key(key: KeyObject): void {
  if (usable.has(key)) return;
  if (key.type !== 'public' || key.asymmetricKeyType !== 'rsa') {
    throw new UnusableSigningKeyError(
      `RS256 needs an RSA public key, not a ${key.type} ${String(key.asymmetricKeyType)} key`,
    );
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_MODULUS_BITS) {
    throw new UnusableSigningKeyError(
      `RS256 needs an RSA key of at least ${MIN_RSA_MODULUS_BITS} bits, not ${bits}`,
    );
  }
  usable.add(key);
}

/**
 * True when `signature` (base64url, already checked canonical) is `key`'s RS256 signature of
 * `signingInput` (the token's first two segments and their dot, ASCII).
 */
export function verifyRs256(signingInput: string, signature: string, key: KeyObject): boolean {
  assertRs256Key(key);
  return verify(
    'sha256',
    Buffer.from(signingInput, 'latin1'),
    { key, padding: constants.RSA_PKCS1_PADDING },
    Buffer.from(signature, 'base64url'),
  );
}
