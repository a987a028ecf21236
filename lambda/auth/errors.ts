/**
 * The verifier's failures: one class per kind, under one base with a stable `code`, a short
 * machine-readable `reason` and the original `cause`. The skill maps each code to one spoken
 * outcome in one table; tests assert classes and codes, never messages.
 */

import { CodedError } from '../../common/errors.js';

/** Every code an {@link AccessTokenError} can carry. */
export type AccessTokenErrorCode =
  | 'ERR_TOKEN_MISSING'
  | 'ERR_TOKEN_MALFORMED'
  | 'ERR_TOKEN_SIGNATURE'
  | 'ERR_TOKEN_EXPIRED'
  | 'ERR_TOKEN_NOT_YET_VALID'
  | 'ERR_TOKEN_ISSUER'
  | 'ERR_TOKEN_AUDIENCE'
  | 'ERR_TOKEN_SCOPE'
  | 'ERR_KEY_SET_UNAVAILABLE';

/** Base of every verification failure (`reason` e.g. `unknown-kid`). Never carries the token itself. */
export abstract class AccessTokenError extends CodedError<AccessTokenErrorCode> {}

/** No token was given (absent or empty). */
export class TokenMissingError extends AccessTokenError {
  override readonly name: string = 'TokenMissingError';
  readonly code = 'ERR_TOKEN_MISSING';
}

/** Not a well-formed compact JWS JWT: size, segments, encoding, JSON, required claim shapes. */
export class TokenMalformedError extends AccessTokenError {
  override readonly name: string = 'TokenMalformedError';
  readonly code = 'ERR_TOKEN_MALFORMED';
}

/** Unknown key, algorithm not allowed, or a signature that does not verify. */
export class TokenSignatureError extends AccessTokenError {
  override readonly name: string = 'TokenSignatureError';
  readonly code = 'ERR_TOKEN_SIGNATURE';
}

/** `exp` is in the past, beyond the clock tolerance. */
export class TokenExpiredError extends AccessTokenError {
  override readonly name: string = 'TokenExpiredError';
  readonly code = 'ERR_TOKEN_EXPIRED';
}

/** `nbf` or `iat` is in the future, beyond the clock tolerance. */
export class TokenNotYetValidError extends AccessTokenError {
  override readonly name: string = 'TokenNotYetValidError';
  readonly code = 'ERR_TOKEN_NOT_YET_VALID';
}

/** `iss` is not the configured issuer. `actual` holds the token's value, for the logs. */
export class TokenIssuerError extends AccessTokenError {
  override readonly name: string = 'TokenIssuerError';
  readonly code = 'ERR_TOKEN_ISSUER';
  constructor(
    readonly expected: string,
    readonly actual: unknown,
    options?: { cause?: unknown },
  ) {
    super('issuer-mismatch', 'The token was issued by another issuer', options);
  }
}

/** `aud` does not contain the configured audience. `actual` holds the token's value. */
export class TokenAudienceError extends AccessTokenError {
  override readonly name: string = 'TokenAudienceError';
  readonly code = 'ERR_TOKEN_AUDIENCE';
  constructor(
    readonly expected: string,
    readonly actual: unknown,
    options?: { cause?: unknown },
  ) {
    super('audience-mismatch', 'The token is not meant for this API', options);
  }
}

/** The token does not grant the required scope. */
export class TokenScopeError extends AccessTokenError {
  override readonly name: string = 'TokenScopeError';
  readonly code = 'ERR_TOKEN_SCOPE';
  constructor(
    readonly required: string,
    readonly granted: readonly string[],
  ) {
    super('insufficient-scope', `The token does not grant ${required}`);
  }
}

/**
 * The key set could not be had (fetch failed, timed out, was refused by the rate limiter, or held
 * no usable key) and no usable cached key exists. Not the user's fault: try again shortly.
 */
export class KeySetUnavailableError extends AccessTokenError {
  override readonly name: string = 'KeySetUnavailableError';
  readonly code = 'ERR_KEY_SET_UNAVAILABLE';
}
