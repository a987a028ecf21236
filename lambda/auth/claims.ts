/**
 * Claim checks that jose does not make, and the translation of jose's errors into the verifier's
 * own. Kept apart from the verifier so each stays small.
 */
import { errors as jose, type JWTPayload } from 'jose';
import {
  TokenAudienceError,
  TokenExpiredError,
  TokenIssuerError,
  TokenMalformedError,
  TokenNotYetValidError,
  TokenScopeError,
  TokenSignatureError,
} from './errors.js';

/** What a verified token grants. */
export interface VerifiedAccessToken {
  /** `sub`: the user (or `client@clients` for a machine token). */
  readonly subject: string;
  /** Scopes from `scope` (space-separated) and Auth0's RBAC `permissions`, without repeats. */
  readonly scopes: readonly string[];
  /** When the token stops being valid (`exp`). */
  readonly expiresAt: Date;
}

/** What {@link checkClaims} checks against. */
export interface ClaimRules {
  readonly requiredScope: string | undefined;
  readonly clockToleranceSeconds: number;
}

/** Scopes granted by `scope` and `permissions`; malformed shapes are refused, not ignored. */
export function grantedScopes(payload: JWTPayload): string[] {
  const { scope, permissions } = payload;
  if (scope !== undefined && typeof scope !== 'string') {
    throw new TokenMalformedError('bad-scope', 'The scope claim is not a string');
  }
  if (
    permissions !== undefined &&
    (!Array.isArray(permissions) || !permissions.every((p) => typeof p === 'string'))
  ) {
    throw new TokenMalformedError(
      'bad-permissions',
      'The permissions claim is not a list of strings',
    );
  }
  const scopes = scope === undefined ? [] : scope.split(' ').filter((s) => s !== '');
  return [...new Set([...scopes, ...(permissions ?? [])])];
}

/**
 * Checks what jose leaves to the caller (`sub`, `iat` in the future, the scope) on a payload whose
 * signature, `iss`, `aud`, `exp` and `nbf` jose has already checked; returns the verified token.
 */
export function checkClaims(
  payload: JWTPayload,
  rules: ClaimRules,
  nowMs: number,
): VerifiedAccessToken {
  const { sub, iat, exp } = payload;
  if (typeof sub !== 'string' || sub === '') {
    throw new TokenMalformedError('bad-sub', 'The token has no subject');
  }
  if (typeof exp !== 'number') throw new TokenMalformedError('bad-exp', 'The token has no expiry');
  if (typeof iat === 'number' && iat > nowMs / 1000 + rules.clockToleranceSeconds) {
    throw new TokenNotYetValidError('iat-in-future', 'The token was issued in the future');
  }
  const scopes = grantedScopes(payload);
  if (rules.requiredScope !== undefined && !scopes.includes(rules.requiredScope)) {
    throw new TokenScopeError(rules.requiredScope, scopes);
  }
  return Object.freeze({
    subject: sub,
    scopes: Object.freeze(scopes),
    expiresAt: new Date(exp * 1000),
  });
}

/**
 * Translates an error from jose's `jwtVerify` into the verifier's family, keeping it as `cause`.
 * Anything else (one of the verifier's own errors, a bug, a bad key object) is returned unchanged,
 * so a configuration mistake is never reported as an invalid token.
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
        return new TokenMalformedError(
          `bad-${error.claim}`,
          `The ${error.claim} claim is unusable`,
          options,
        );
    }
  }
  if (error instanceof jose.JWSSignatureVerificationFailed) {
    return new TokenSignatureError('bad-signature', 'The token signature does not verify', options);
  }
  if (error instanceof jose.JOSEAlgNotAllowed) {
    return new TokenSignatureError(
      'alg-not-allowed',
      'The token algorithm is not allowed',
      options,
    );
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
