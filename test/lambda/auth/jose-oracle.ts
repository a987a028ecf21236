/**
 * jose as the oracle of the verifier: the verdict jose's `jwtVerify` gives a token, in the
 * verifier's own error family, with the same shape check in front (jose accepts non-canonical
 * base64url, so the oracle could not judge it) and the rules jose leaves to the caller after it
 * (`sub`, `exp` required, `iat` not in the future, the scope). The verifier verified with jose
 * itself until it moved to node:crypto; the differential fuzz test holds it to this.
 */
import type { KeyObject } from 'node:crypto';
import { errors as jose, jwtVerify } from 'jose';
import { grantedScopes } from '../../../lambda/auth/claims.js';
import {
  AccessTokenError,
  TokenAudienceError,
  TokenExpiredError,
  TokenIssuerError,
  TokenMalformedError,
  TokenNotYetValidError,
  TokenScopeError,
  TokenSignatureError,
} from '../../../lambda/auth/errors.js';
import { inspectToken } from '../../../lambda/auth/token-shape.js';

export interface OracleRules {
  readonly issuer: string;
  readonly audience: string;
  readonly requiredScope: string | undefined;
  readonly clockToleranceSeconds: number;
  readonly maxTokenLength: number;
}

/**
 * `'accepted'`, or the verifier-family error jose's refusal translates to. `keyFor` gives the key
 * the issuer publishes for a `kid` (throwing the verifier's error when it publishes none).
 */
export async function joseVerdict(
  token: unknown,
  keyFor: (kid: string | undefined) => KeyObject,
  rules: OracleRules,
  nowMs: number,
): Promise<'accepted' | AccessTokenError> {
  try {
    const { kid } = inspectToken(token, rules.maxTokenLength);
    const { payload } = await jwtVerify(token as string, keyFor(kid), {
      algorithms: ['RS256'],
      issuer: rules.issuer,
      audience: rules.audience,
      clockTolerance: rules.clockToleranceSeconds,
      currentDate: new Date(nowMs),
    });
    afterJose(payload, rules, nowMs);
    return 'accepted';
  } catch (error) {
    const translated = fromJoseError(error, rules);
    if (translated instanceof AccessTokenError) return translated;
    throw translated;
  }
}

/** What the verifier checked after jose: `sub`, `exp` present, `iat` not in the future, scope. */
function afterJose(payload: Record<string, unknown>, rules: OracleRules, nowMs: number): void {
  const { sub, iat, exp } = payload;
  if (typeof sub !== 'string' || sub === '') throw new TokenMalformedError('bad-sub', 'no sub');
  if (typeof exp !== 'number' || !Number.isFinite(exp)) {
    throw new TokenMalformedError('bad-exp', 'no exp');
  }
  if (typeof iat === 'number' && iat > nowMs / 1000 + rules.clockToleranceSeconds) {
    throw new TokenNotYetValidError('iat-in-future', 'iat in the future');
  }
  const scopes = grantedScopes(payload);
  if (rules.requiredScope !== undefined && !scopes.includes(rules.requiredScope)) {
    throw new TokenScopeError(rules.requiredScope, scopes);
  }
}

/**
 * Translates an error from jose's `jwtVerify` into the verifier's family, keeping it as `cause`.
 * Anything else (one of the verifier's own errors, a bug, a bad key object) is returned unchanged.
 */
export function fromJoseError(
  error: unknown,
  expected: { issuer: string; audience: string },
): unknown {
  const options = { cause: error };
  if (error instanceof jose.JWTExpired) {
    return new TokenExpiredError('expired', 'The token has expired', options);
  }
  if (error instanceof jose.JWTClaimValidationFailed) {
    const claims = error.payload;
    switch (error.claim) {
      case 'iss':
        return new TokenIssuerError(expected.issuer, claims['iss'], options);
      case 'aud':
        return new TokenAudienceError(expected.audience, claims['aud'], options);
      case 'nbf':
        return error.reason === 'check_failed'
          ? new TokenNotYetValidError('nbf-in-future', 'The token is not valid yet', options)
          : new TokenMalformedError('bad-nbf', 'The nbf claim is malformed', options);
      default:
        return new TokenMalformedError(`bad-${error.claim}`, 'unusable claim', options);
    }
  }
  if (error instanceof jose.JWSSignatureVerificationFailed) {
    return new TokenSignatureError('bad-signature', 'The token signature does not verify', options);
  }
  if (error instanceof jose.JOSEAlgNotAllowed) {
    return new TokenSignatureError('alg-not-allowed', 'not allowed', options);
  }
  if (
    error instanceof jose.JWSInvalid ||
    error instanceof jose.JWTInvalid ||
    error instanceof jose.JOSENotSupported
  ) {
    return new TokenMalformedError('invalid-jws', 'The token is not a valid JWT', options);
  }
  return error;
}
