/**
 * Errors of the local issuer. {@link OAuthError} is a protocol answer (RFC 6749 §5.2 shape),
 * {@link IssuerOptionsError} a mistake in the options given to `startLocalIssuer`.
 */

/** The `error` codes the issuer answers with (RFC 6749 §4.1.2.1 and §5.2). */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'invalid_scope'
  | 'access_denied'
  | 'server_error';

/** A protocol error: becomes `{ error, error_description }` with `status` on the wire. */
export class OAuthError extends Error {
  override readonly name = 'OAuthError';
  /** The RFC 6749 `error` value; also the stable code. */
  readonly code: OAuthErrorCode;
  /** HTTP status of the answer. */
  readonly status: number;

  constructor(code: OAuthErrorCode, description: string, status = 400) {
    super(description);
    this.code = code;
    this.status = status;
  }

  /** The JSON body: `{ error, error_description }`. */
  toJSON(): { error: OAuthErrorCode; error_description: string } {
    return { error: this.code, error_description: this.message };
  }
}

/** Bad options given to the issuer (a client without a secret, a non-loopback host, ...). */
export class IssuerOptionsError extends Error {
  override readonly name = 'IssuerOptionsError';
  readonly code = 'ERR_ISSUER_OPTIONS';
}
