/**
 * The proxy's failures: one class per kind, under {@link ProxyError}, each with a stable `code`,
 * the HTTP status it answers with and the OAuth 2.0 `error` value of its body (RFC 6749 5.2).
 */

/** The OAuth 2.0 error values the proxy itself answers with. */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'unsupported_grant_type'
  | 'server_error'
  | 'temporarily_unavailable';

/** Base of every failure the proxy answers for itself (not an upstream error passed through). */
export abstract class ProxyError extends Error {
  /** A stable code for tests and logs, such as `ERR_PROXY_METHOD`. */
  abstract readonly code: string;
  /** The HTTP status of the reply. */
  abstract readonly status: number;
  /** The OAuth `error` value of the reply body. */
  abstract readonly oauthError: OAuthErrorCode;
}

/** Any method but POST: 405. */
export class MethodNotAllowedError extends ProxyError {
  override readonly name = 'MethodNotAllowedError';
  readonly code = 'ERR_PROXY_METHOD';
  readonly status = 405;
  readonly oauthError = 'invalid_request';
}

/** A content type other than form-urlencoded or JSON (or a charset other than UTF-8): 415. */
export class UnsupportedMediaTypeError extends ProxyError {
  override readonly name = 'UnsupportedMediaTypeError';
  readonly code = 'ERR_PROXY_MEDIA_TYPE';
  readonly status = 415;
  readonly oauthError = 'invalid_request';
}

/** A body over the size cap: 413. */
export class PayloadTooLargeError extends ProxyError {
  override readonly name = 'PayloadTooLargeError';
  readonly code = 'ERR_PROXY_TOO_LARGE';
  readonly status = 413;
  readonly oauthError = 'invalid_request';
}

/** A body that cannot be read, a repeated or missing parameter: 400 `invalid_request`. */
export class InvalidRequestError extends ProxyError {
  override readonly name = 'InvalidRequestError';
  readonly code = 'ERR_PROXY_INVALID_REQUEST';
  readonly status = 400;
  readonly oauthError = 'invalid_request';
}

/** A grant type other than `authorization_code` and `refresh_token`: 400. */
export class UnsupportedGrantTypeError extends ProxyError {
  override readonly name = 'UnsupportedGrantTypeError';
  readonly code = 'ERR_PROXY_GRANT_TYPE';
  readonly status = 400;
  readonly oauthError = 'unsupported_grant_type';
}

/** No client id, an unreadable `Authorization` header, or a client id not served: 401. */
export class InvalidClientError extends ProxyError {
  override readonly name = 'InvalidClientError';
  readonly code = 'ERR_PROXY_INVALID_CLIENT';
  readonly status = 401;
  readonly oauthError = 'invalid_client';
}

/** The upstream could not be reached (refused, reset, DNS, TLS): 502. */
export class UpstreamUnreachableError extends ProxyError {
  override readonly name = 'UpstreamUnreachableError';
  readonly code = 'ERR_PROXY_UPSTREAM_UNREACHABLE';
  readonly status = 502;
  readonly oauthError = 'temporarily_unavailable';
}

/** The upstream did not answer in time: 504. */
export class UpstreamTimeoutError extends ProxyError {
  override readonly name = 'UpstreamTimeoutError';
  readonly code = 'ERR_PROXY_UPSTREAM_TIMEOUT';
  readonly status = 504;
  readonly oauthError = 'temporarily_unavailable';
}

/**
 * The upstream answered something the proxy will not pass on: a redirect, a body that is not a
 * JSON object, or a success without a string `access_token`: 502.
 */
export class UpstreamResponseError extends ProxyError {
  override readonly name = 'UpstreamResponseError';
  readonly code = 'ERR_PROXY_UPSTREAM_RESPONSE';
  readonly status = 502;
  readonly oauthError = 'server_error';
}

/** A bug: anything thrown that is not one of the above; 500 `server_error`. */
export class ProxyInternalError extends ProxyError {
  override readonly name = 'ProxyInternalError';
  readonly code = 'ERR_PROXY_INTERNAL';
  readonly status = 500;
  readonly oauthError = 'server_error';
}
