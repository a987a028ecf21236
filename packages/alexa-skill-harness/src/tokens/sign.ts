/** Compact JWS encoding with any header, any payload and any signing, including wrong ones. */
import { createHmac, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';

/** An RSA signing key with its public JWK. */
export interface TestKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** The public key as a JWK, with `kid`, `use: sig` and `alg: RS256`. */
  readonly jwk: Readonly<Record<string, unknown>>;
}

/** How a token is signed: by a test key (RS256), or deliberately wrongly. */
export type Signing =
  | { readonly alg: 'RS256'; readonly key: TestKey }
  | { readonly alg: 'HS256'; readonly secret: Buffer | string }
  | { readonly alg: 'ES256'; readonly privateKey: KeyObject }
  | { readonly alg: 'none' };

/** Makes an RSA-2048 key with the given `kid` (a random one by default). */
export function createTestKey(kid: string = randomUUID()): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };
  return { kid, privateKey, publicKey, jwk };
}

const shared = new Map<string, TestKey>();

/**
 * A key made once per process for `kid` (RSA key generation takes tens of milliseconds): for
 * issuers that many tests create. Never use it as a forger's key.
 */
export function sharedTestKey(kid: string): TestKey {
  let key = shared.get(kid);
  if (key === undefined) {
    key = createTestKey(kid);
    shared.set(kid, key);
  }
  return key;
}

/** Encodes `header.payload.signature` with any header, any payload (object or raw string) and any signing. */
export function signCompact(
  header: Readonly<Record<string, unknown>>,
  payload: unknown,
  signing: Signing,
): string {
  const encode = (value: unknown) =>
    Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
  const input = `${encode(header)}.${encode(payload)}`;
  const data = Buffer.from(input);
  let signature: Buffer;
  switch (signing.alg) {
    case 'RS256':
      signature = sign('sha256', data, signing.key.privateKey);
      break;
    case 'HS256':
      signature = createHmac('sha256', signing.secret).update(data).digest();
      break;
    case 'ES256':
      signature = sign('sha256', data, { key: signing.privateKey, dsaEncoding: 'ieee-p1363' });
      break;
    case 'none':
      signature = Buffer.alloc(0);
      break;
  }
  return `${input}.${signature.toString('base64url')}`;
}

/** The claims of a compact token, decoded without any check (for forging from a genuine one). */
export function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    throw new TypeError('The token carries no JSON object of claims');
  }
  return claims as Record<string, unknown>;
}
