/**
 * A token for every failure the verifier knows, built on {@link TestIssuer}; and the forgeries
 * that need only a genuine token and the issuer's public key, for suites run against a real
 * tenant (whose private key no test holds).
 */
import { createPublicKey, KeyObject, type JsonWebKey } from 'node:crypto';
import type { AccessTokenErrorCode } from '../../lambda/auth/index.js';
import { createTestKey, signCompact, TestIssuer } from './tokens.js';

/** One bad token and what the verifier must answer. */
export interface TokenFailure {
  /** A short name for test titles: `expired`, `alg none`, ... */
  readonly name: string;
  /** The verifier's error code. */
  readonly code: AccessTokenErrorCode;
  /** The verifier's `reason`. */
  readonly reason: string;
  /** True when the verifier fetches the key set before refusing it (serve the set then). */
  readonly needsKeySet: boolean;
  /** Makes the token. */
  readonly token: () => string;
}

/** The names of {@link tokenFailures}. */
export type TokenFailureName =
  | 'missing'
  | 'garbage'
  | 'expired'
  | 'notYetValid'
  | 'wrongAudience'
  | 'wrongIssuer'
  | 'missingScope'
  | 'algNone'
  | 'hs256Confusion'
  | 'unknownKid'
  | 'badSignature';

function pemOf(key: KeyObject): string {
  return key.export({ format: 'pem', type: 'spki' }).toString();
}

/**
 * Every failure, minted by `issuer` at its clock. `missing` is the empty string (the verifier
 * treats absent and empty alike).
 */
export function tokenFailures(
  issuer: TestIssuer = new TestIssuer(),
): Readonly<Record<TokenFailureName, TokenFailure>> {
  const now = Math.floor(issuer.now / 1000);
  const forged = forgeries(() => issuer.mint(), issuer.currentKey.publicKey, issuer.currentKey.kid);
  return {
    missing: {
      name: 'missing',
      code: 'ERR_TOKEN_MISSING',
      reason: 'absent',
      needsKeySet: false,
      token: () => '',
    },
    expired: {
      name: 'expired',
      code: 'ERR_TOKEN_EXPIRED',
      reason: 'expired',
      needsKeySet: true,
      token: () => issuer.mint({ iat: now - 7200, exp: now - 3600 }),
    },
    notYetValid: {
      name: 'not yet valid',
      code: 'ERR_TOKEN_NOT_YET_VALID',
      reason: 'nbf-in-future',
      needsKeySet: true,
      token: () => issuer.mint({ nbf: now + 600 }),
    },
    wrongAudience: {
      name: 'wrong audience',
      code: 'ERR_TOKEN_AUDIENCE',
      reason: 'audience-mismatch',
      needsKeySet: true,
      token: () => issuer.mint({ aud: 'https://another-api.example' }),
    },
    wrongIssuer: {
      name: 'wrong issuer',
      code: 'ERR_TOKEN_ISSUER',
      reason: 'issuer-mismatch',
      needsKeySet: true,
      token: () => issuer.mint({ iss: 'https://evil.example/' }),
    },
    missingScope: {
      name: 'missing scope',
      code: 'ERR_TOKEN_SCOPE',
      reason: 'insufficient-scope',
      needsKeySet: true,
      token: () => issuer.mint({ scope: 'openid profile' }),
    },
    ...forged,
  };
}

/**
 * The failures anyone can forge from a genuine token and the issuer's public key: garbage,
 * `alg: none`, HS256 signed with the public key as the secret, a `kid` the issuer never used,
 * and a genuine token with a changed payload. Used by the live suites.
 */
export function forgeries(
  genuine: () => string,
  publicKey: KeyObject | JsonWebKey,
  kid: string,
): Readonly<
  Record<'garbage' | 'algNone' | 'hs256Confusion' | 'unknownKid' | 'badSignature', TokenFailure>
> {
  const claimsOf = (token: string): Record<string, unknown> => {
    const payload = token.split('.')[1] ?? '';
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
  };
  const key =
    publicKey instanceof KeyObject ? publicKey : createPublicKey({ key: publicKey, format: 'jwk' });
  return {
    garbage: {
      name: 'garbage',
      code: 'ERR_TOKEN_MALFORMED',
      reason: 'not-compact-jws',
      needsKeySet: false,
      token: () => 'not-a-token',
    },
    algNone: {
      name: 'alg none',
      code: 'ERR_TOKEN_SIGNATURE',
      reason: 'alg-not-allowed',
      needsKeySet: false,
      token: () => signCompact({ alg: 'none', typ: 'JWT' }, claimsOf(genuine()), { alg: 'none' }),
    },
    hs256Confusion: {
      name: 'HS256 confusion',
      code: 'ERR_TOKEN_SIGNATURE',
      reason: 'alg-not-allowed',
      needsKeySet: false,
      token: () =>
        signCompact({ alg: 'HS256', typ: 'JWT', kid }, claimsOf(genuine()), {
          alg: 'HS256',
          secret: pemOf(key),
        }),
    },
    unknownKid: {
      name: 'unknown kid',
      code: 'ERR_TOKEN_SIGNATURE',
      reason: 'unknown-kid',
      needsKeySet: true,
      token: () => {
        const stranger = strangerKey();
        return signCompact({ alg: 'RS256', typ: 'JWT', kid: stranger.kid }, claimsOf(genuine()), {
          alg: 'RS256',
          key: stranger,
        });
      },
    },
    badSignature: {
      name: 'bad signature',
      code: 'ERR_TOKEN_SIGNATURE',
      reason: 'bad-signature',
      needsKeySet: true,
      token: () => {
        const [header = '', , signature = ''] = genuine().split('.');
        const claims = { ...claimsOf(genuine()), sub: 'auth0|someone-else' };
        const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
        return `${header}.${payload}.${signature}`;
      },
    },
  };
}

let stranger: ReturnType<typeof createTestKey> | undefined;

/** A key no issuer publishes, made once per process. */
function strangerKey(): ReturnType<typeof createTestKey> {
  stranger ??= createTestKey('stranger-kid-never-published');
  return stranger;
}
