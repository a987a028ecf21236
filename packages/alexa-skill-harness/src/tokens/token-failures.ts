/**
 * Bad tokens, named by what is wrong with them: those only the issuer's private key can make
 * (expired, another audience...), and the forgeries anyone can make from a genuine token and
 * the issuer's public key (for suites run against a real tenant).
 */
import { createPublicKey, KeyObject, type JsonWebKey } from 'node:crypto';
import { HarnessOptionError, requireString } from '../errors.js';
import { claimsOf, createTestKey, signCompact, type TestKey } from './sign.js';
import { TestIssuer } from './test-issuer.js';

/** One bad token. */
export interface TokenFailure {
  /** What is wrong with the token, for test titles: `expired`, `alg none`, ... */
  readonly name: TokenFailureName;
  /** The token; undefined for `no token` (an unlinked user). */
  readonly token: string | undefined;
  /**
   * True when a verifier must read the key set before it can refuse the token (a signature to
   * check); false when the token can be refused on sight.
   */
  readonly needsKeySet: boolean;
}

/** The names of {@link tokenFailures}, in the order it lists them. */
export type TokenFailureName =
  | 'no token'
  | 'garbage'
  | 'expired'
  | 'not yet valid'
  | 'wrong audience'
  | 'wrong issuer'
  | 'missing scope'
  | 'alg none'
  | 'HS256 signed with the public key'
  | 'unknown kid'
  | 'bad signature';

/** A key no issuer publishes, made once per process. */
let stranger: TestKey | undefined;

function pemOf(key: KeyObject): string {
  return key.export({ format: 'pem', type: 'spki' }).toString();
}

/**
 * Every bad token `issuer` can make, at its clock: no token, garbage, expired an hour ago, not
 * valid for ten minutes, another audience, another issuer, without the issuer's scope (only when
 * it has one), and the {@link forgeries}.
 */
export function tokenFailures(issuer: TestIssuer): TokenFailure[] {
  if (!(issuer instanceof TestIssuer)) {
    throw new HarnessOptionError('tokenFailures(issuer): issuer must be a TestIssuer');
  }
  const now = Math.floor(issuer.nowMs() / 1000);
  const [noToken, garbage, ...forged] = forgeries(
    issuer.mint(),
    issuer.currentKey.publicKey,
    issuer.currentKey.kid,
  );
  const signed = (name: TokenFailureName, token: string): TokenFailure => ({
    name,
    token,
    needsKeySet: true,
  });
  const failures: (TokenFailure | undefined)[] = [
    noToken,
    garbage,
    signed('expired', issuer.mint({ iat: now - 7200, exp: now - 3600 })),
    signed('not yet valid', issuer.mint({ nbf: now + 600 })),
    signed('wrong audience', issuer.mint({ aud: 'https://another-api.example' })),
    signed('wrong issuer', issuer.mint({ iss: 'https://another-issuer.example/' })),
    issuer.scope === undefined
      ? undefined
      : signed('missing scope', issuer.mint({ scope: undefined })),
    ...forged,
  ];
  return failures.filter((f) => f !== undefined);
}

/**
 * The bad tokens anyone can make from a `genuine` token and the issuer's public key (a
 * `KeyObject` or a JWK, with its `kid`): no token, garbage, `alg: none`, HS256 signed with the
 * public key as the secret, a `kid` the issuer never published, and the genuine token with a
 * changed payload. What a suite against a real tenant can check.
 */
export function forgeries(
  genuine: string,
  publicKey: KeyObject | JsonWebKey,
  kid: string,
): TokenFailure[] {
  requireString(genuine, 'forgeries(genuine): genuine');
  requireString(kid, 'forgeries(..., kid): kid');
  let claims: Record<string, unknown>;
  try {
    claims = claimsOf(genuine);
  } catch (cause) {
    throw new HarnessOptionError('forgeries(genuine): genuine is not a compact JWT', { cause });
  }
  const key =
    publicKey instanceof KeyObject ? publicKey : createPublicKey({ key: publicKey, format: 'jwk' });
  stranger ??= createTestKey('stranger-kid-never-published');
  const [header = '', , signature = ''] = genuine.split('.');
  const changed = Buffer.from(JSON.stringify({ ...claims, sub: `${String(claims['sub'])}-x` }));
  return [
    { name: 'no token', token: undefined, needsKeySet: false },
    { name: 'garbage', token: 'not-a-token', needsKeySet: false },
    {
      name: 'alg none',
      token: signCompact({ alg: 'none', typ: 'JWT' }, claims, { alg: 'none' }),
      needsKeySet: false,
    },
    {
      name: 'HS256 signed with the public key',
      token: signCompact({ alg: 'HS256', typ: 'JWT', kid }, claims, {
        alg: 'HS256',
        secret: pemOf(key),
      }),
      needsKeySet: false,
    },
    {
      name: 'unknown kid',
      token: signCompact({ alg: 'RS256', typ: 'JWT', kid: stranger.kid }, claims, {
        alg: 'RS256',
        key: stranger,
      }),
      needsKeySet: true,
    },
    {
      name: 'bad signature',
      token: `${header}.${changed.toString('base64url')}.${signature}`,
      needsKeySet: true,
    },
  ];
}
