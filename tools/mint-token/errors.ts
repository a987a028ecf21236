/**
 * mint-token's failures: one class per kind, under {@link MintTokenError} with a stable `code`.
 * Messages never hold the client secret or a token.
 */

/** Base of every mint-token failure. */
export class MintTokenError extends Error {
  override readonly name: string = 'MintTokenError';
  /** Stable code, e.g. `ERR_MINT_BAD_CREDENTIALS`. */
  readonly code: string = 'ERR_MINT';
}

/** Details of an OAuth error answer from the token endpoint. */
export interface EndpointAnswer {
  /** HTTP status. */
  readonly status: number;
  /** The `error` field, when the body had one. */
  readonly oauthError: string | undefined;
  /** The `error_description` field, when present. */
  readonly description: string | undefined;
}

/** The token endpoint answered with an OAuth error. */
export class TokenEndpointError extends MintTokenError {
  override readonly name: string = 'TokenEndpointError';
  override readonly code: string = 'ERR_MINT_TOKEN_ENDPOINT';
  readonly status: number;
  readonly oauthError: string | undefined;
  readonly description: string | undefined;

  constructor(message: string, answer: EndpointAnswer) {
    super(message);
    this.status = answer.status;
    this.oauthError = answer.oauthError;
    this.description = answer.description;
  }
}

/** The client id or secret was refused (`invalid_client`, or Auth0's 401 `access_denied`). */
export class BadCredentialsError extends TokenEndpointError {
  override readonly name = 'BadCredentialsError';
  override readonly code = 'ERR_MINT_BAD_CREDENTIALS';
}

/** The client may not use client credentials, or is not authorized for that API or scope. */
export class UnauthorizedClientError extends TokenEndpointError {
  override readonly name = 'UnauthorizedClientError';
  override readonly code = 'ERR_MINT_UNAUTHORIZED_CLIENT';
}

/** The tenant has no API with that audience (Auth0: `Service not found`). */
export class UnknownAudienceError extends TokenEndpointError {
  override readonly name = 'UnknownAudienceError';
  override readonly code = 'ERR_MINT_UNKNOWN_AUDIENCE';
}

/** The token endpoint could not be reached (DNS, refused connection, reset, ...). */
export class NetworkError extends MintTokenError {
  override readonly name = 'NetworkError';
  override readonly code = 'ERR_MINT_NETWORK';
}

/** The token endpoint did not answer within the timeout. */
export class TimeoutError extends MintTokenError {
  override readonly name = 'TimeoutError';
  override readonly code = 'ERR_MINT_TIMEOUT';
}

/** The endpoint answered 2xx with something that is not a token response. */
export class InvalidResponseError extends MintTokenError {
  override readonly name = 'InvalidResponseError';
  override readonly code = 'ERR_MINT_INVALID_RESPONSE';
}

/** The options given to `mintToken` are unusable. */
export class MintOptionsError extends MintTokenError {
  override readonly name = 'MintOptionsError';
  override readonly code = 'ERR_MINT_OPTIONS';
}

/** `--decode` was given something that is not a JWT. */
export class DecodeError extends MintTokenError {
  override readonly name = 'DecodeError';
  override readonly code = 'ERR_MINT_DECODE';
}

/**
 * The cache folder is not the user's own: a symlink, not a folder, owned by someone else, or
 * writable by others (who could plant a token there).
 */
export class CacheFolderError extends MintTokenError {
  override readonly name = 'CacheFolderError';
  override readonly code = 'ERR_MINT_CACHE_FOLDER';
}
