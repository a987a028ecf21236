/**
 * Failures of the skill's HTTP endpoint, each with a stable `code` and the HTTP status it answers
 * with; {@link HttpEndpointOptionsError} is a mistake in the options, found at start.
 */

/** The codes the endpoint answers with, in `{ "error": <code> }`. */
export type SkillHttpErrorCode =
  | 'ERR_METHOD_NOT_ALLOWED'
  | 'ERR_BODY_TOO_LARGE'
  | 'ERR_BODY_TIMEOUT'
  | 'ERR_BODY_MALFORMED'
  | 'ERR_SIGNATURE_MISSING'
  | 'ERR_SIGNATURE_INVALID'
  | 'ERR_TIMESTAMP_INVALID'
  | 'ERR_SKILL_ID_MISMATCH'
  | 'ERR_SKILL_FAILED';

/** Base of the errors the endpoint answers with. */
export abstract class SkillHttpError extends Error {
  abstract readonly code: SkillHttpErrorCode;
  /** The HTTP status of the answer. */
  abstract readonly status: number;
}

/** Anything but `POST`. */
export class MethodNotAllowedError extends SkillHttpError {
  override readonly name: string = 'MethodNotAllowedError';
  readonly code = 'ERR_METHOD_NOT_ALLOWED';
  readonly status = 405;
}

/**
 * A body over the cap (413), one that did not all arrive in time (408), or one that is not a
 * JSON request envelope (400).
 */
export class RequestBodyError extends SkillHttpError {
  override readonly name: string = 'RequestBodyError';
  readonly status: number;
  constructor(
    readonly code: 'ERR_BODY_TOO_LARGE' | 'ERR_BODY_TIMEOUT' | 'ERR_BODY_MALFORMED',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.status = code === 'ERR_BODY_TOO_LARGE' ? 413 : code === 'ERR_BODY_TIMEOUT' ? 408 : 400;
  }
}

/**
 * A request that does not prove it comes from Alexa: signature headers missing, a signature or
 * certificate URL that fails verification, or a timestamp outside the tolerance. Amazon asks for
 * 400 Bad Request.
 */
export class RequestVerificationError extends SkillHttpError {
  override readonly name: string = 'RequestVerificationError';
  readonly status = 400;
  constructor(
    readonly code: 'ERR_SIGNATURE_MISSING' | 'ERR_SIGNATURE_INVALID' | 'ERR_TIMESTAMP_INVALID',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The skill refused the request (another skill id: 400) or failed (500). */
export class SkillInvocationError extends SkillHttpError {
  override readonly name: string = 'SkillInvocationError';
  readonly status: number;
  constructor(
    readonly code: 'ERR_SKILL_ID_MISMATCH' | 'ERR_SKILL_FAILED',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.status = code === 'ERR_SKILL_ID_MISMATCH' ? 400 : 500;
  }
}

/** Bad options given to the endpoint (local mode on a host that is not loopback, say). */
export class HttpEndpointOptionsError extends Error {
  override readonly name = 'HttpEndpointOptionsError';
  readonly code = 'ERR_HTTP_ENDPOINT_OPTIONS';
}
