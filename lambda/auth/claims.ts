/**
 * The token's claims: decoded from its payload segment and checked in the order jose checks them
 * (so a token wrong in two ways gets the refusal jose's verifier gave), then the rules jose left to
 * the caller (`sub`, `exp` required, `iat` in the future, the scope). Kept apart from the verifier
 * so each stays small.
 */
import {
  TokenAudienceError,
  TokenExpiredError,
  TokenIssuerError,
  TokenMalformedError,
  TokenNotYetValidError,
  TokenScopeError,
} from './errors.js';
import { decodeSegmentObject } from './token-shape.js';

/** A decoded claims set: a JSON object. */
export type Claims = Readonly<Record<string, unknown>>;

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
  /** `iss` must equal it. */
  readonly issuer: string;
  /** `aud` must be it, or a list that holds it. */
  readonly audience: string;
  readonly requiredScope: string | undefined;
  readonly clockToleranceSeconds: number;
}

/**
 * The claims set of a payload segment (canonical base64url, already checked): a JSON object, else
 * {@link TokenMalformedError} `bad-payload`.
 */
export function decodeClaims(segment: string): Claims {
  return decodeSegmentObject(segment, 'bad-payload');
}

/** Scopes granted by `scope` and `permissions`; malformed shapes are refused, not ignored. */
export function grantedScopes(payload: Claims): string[] {
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
 * Checks the claims of a token whose signature verified, and returns what it grants. In jose's
 * order: `iss` and `aud` present, `iss` equal, `aud` holding the audience, `iat` a number, `nbf` a number and not in the future,
 * `exp` a number and not past (each with the clock tolerance, against whole seconds); then `sub`,
 * `exp` present and finite, `iat` not in the future, the scope.
 */
export function checkClaims(
  payload: Claims,
  rules: ClaimRules,
  nowMs: number,
): VerifiedAccessToken {
  const { iss, aud, sub, iat, nbf, exp } = payload;
  // Both present first, then both values: a token with a wrong iss and no aud is an aud refusal.
  if (!Object.hasOwn(payload, 'iss')) throw new TokenIssuerError(rules.issuer, iss);
  if (!Object.hasOwn(payload, 'aud')) throw new TokenAudienceError(rules.audience, aud);
  if (iss !== rules.issuer) throw new TokenIssuerError(rules.issuer, iss);
  if (!audienceHolds(aud, rules.audience)) throw new TokenAudienceError(rules.audience, aud);
  const now = Math.floor(nowMs / 1000);
  const tolerance = rules.clockToleranceSeconds;
  if (iat !== undefined && typeof iat !== 'number') {
    throw new TokenMalformedError('bad-iat', 'The iat claim is not a number');
  }
  if (nbf !== undefined) {
    if (typeof nbf !== 'number') {
      throw new TokenMalformedError('bad-nbf', 'The nbf claim is not a number');
    }
    if (nbf > now + tolerance) {
      throw new TokenNotYetValidError('nbf-in-future', 'The token is not valid yet');
    }
  }
  if (exp !== undefined) {
    if (typeof exp !== 'number') {
      throw new TokenMalformedError('bad-exp', 'The exp claim is not a number');
    }
    if (exp <= now - tolerance) throw new TokenExpiredError('expired', 'The token has expired');
  }
  if (typeof sub !== 'string' || sub === '') {
    throw new TokenMalformedError('bad-sub', 'The token has no subject');
  }
  // A number by now when present (checked above): undefined and infinities are not finite.
  if (!Number.isFinite(exp)) throw new TokenMalformedError('bad-exp', 'The token has no expiry');
  const expiry = exp as number;
  // A number or undefined by now (checked above); undefined compares false.
  if ((iat as number) > nowMs / 1000 + tolerance) {
    throw new TokenNotYetValidError('iat-in-future', 'The token was issued in the future');
  }
  const scopes = grantedScopes(payload);
  if (rules.requiredScope !== undefined && !scopes.includes(rules.requiredScope)) {
    throw new TokenScopeError(rules.requiredScope, scopes);
  }
  return Object.freeze({
    subject: sub,
    scopes: Object.freeze(scopes),
    expiresAt: new Date(expiry * 1000),
  });
}

/** `aud` as a string equal to `audience`, or a list holding it (RFC 7519 section 4.1.3). */
function audienceHolds(aud: unknown, audience: string): boolean {
  return typeof aud === 'string' ? aud === audience : Array.isArray(aud) && aud.includes(audience);
}
