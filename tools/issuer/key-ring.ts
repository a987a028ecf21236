/**
 * The issuer's RS256 signing keys: one current key signs; after a rotation the previous keys stay
 * in the published key set until their grace period ends (as Auth0 keeps a rotated key).
 */
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';

interface RingKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
  /** Epoch ms after which the key is no longer published; undefined while current. */
  retireAt: number | undefined;
}

/** The signing keys of one issuer. */
export interface KeyRing {
  /** The key that signs new tokens. */
  current(): { kid: string; privateKey: CryptoKey };
  /** The public key set: the current key and every rotated key still in its grace period. */
  jwks(): { keys: JWK[] };
  /** Makes a new current key; the old one stays published for `graceMs`. Returns the new kid. */
  rotate(graceMs: number): Promise<string>;
}

async function newKey(): Promise<RingKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', {
    modulusLength: 2048,
    extractable: false,
  });
  const kid = randomBytes(12).toString('base64url');
  const jwk = await exportJWK(publicKey);
  return {
    kid,
    privateKey,
    publicJwk: { kty: jwk.kty, n: jwk.n, e: jwk.e, kid, alg: 'RS256', use: 'sig' },
    retireAt: undefined,
  };
}

/** Creates a key ring with one fresh 2048-bit RSA key; `now` is the clock (epoch ms). */
export async function createKeyRing(now: () => number): Promise<KeyRing> {
  let keys: RingKey[] = [await newKey()];
  const live = (): RingKey[] => {
    const t = now();
    keys = keys.filter((k) => k.retireAt === undefined || k.retireAt > t);
    return keys;
  };
  return {
    current() {
      const key = keys[0];
      if (key === undefined) throw new Error('unreachable: the key ring is never empty');
      return { kid: key.kid, privateKey: key.privateKey };
    },
    jwks: () => ({ keys: live().map((k) => ({ ...k.publicJwk })) }),
    async rotate(graceMs) {
      const fresh = await newKey();
      const t = now();
      for (const k of keys) k.retireAt ??= t + graceMs;
      keys = [fresh, ...live()];
      return fresh.kid;
    },
  };
}
