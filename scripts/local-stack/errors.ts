/** Failures of the local stack and of its Alexa stand-in, each with a stable `code`. */

/** The codes of {@link LocalStackError}. */
export type LocalStackErrorCode =
  /** A port asked for is taken. */
  | 'ERR_PORT_IN_USE'
  /** A server of the stack could not start for another reason. */
  | 'ERR_STACK_START';

/** The stack could not start. `message` is one line meant for people. */
export class LocalStackError extends Error {
  override readonly name = 'LocalStackError';
  constructor(
    readonly code: LocalStackErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The codes of {@link AccountLinkError}. */
export type AccountLinkErrorCode =
  /** `/authorize` did not redirect back with a code (an error, or an unexpected answer). */
  | 'ERR_AUTHORIZATION_FAILED'
  /** The access token URL could not be reached, or did not answer in time. */
  | 'ERR_TOKEN_URL_UNREACHABLE'
  /** The access token URL answered with an error status. */
  | 'ERR_TOKEN_URL_REFUSED'
  /** The access token URL answered 2xx without a usable JSON token response. */
  | 'ERR_TOKEN_RESPONSE_INVALID'
  /** There is no linked account (or no refresh token) to use. */
  | 'ERR_NOT_LINKED';

/** Account linking or a token refresh failed, as Alexa would see it. */
export class AccountLinkError extends Error {
  override readonly name = 'AccountLinkError';
  constructor(
    readonly code: AccountLinkErrorCode,
    message: string,
    /** The HTTP status and OAuth `error` of the answer, when there was one. */
    readonly answer?: { readonly status: number; readonly error?: string },
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The codes of {@link SkillCallError}. */
export type SkillCallErrorCode =
  /** The skill endpoint could not be reached, or did not answer within Alexa's wait. */
  | 'ERR_SKILL_UNREACHABLE'
  /** It answered with an error status, or with something that is not a response envelope. */
  | 'ERR_SKILL_RESPONSE_INVALID';

/** A call to the skill endpoint failed: Alexa says there was a problem with the skill. */
export class SkillCallError extends Error {
  override readonly name = 'SkillCallError';
  constructor(
    readonly code: SkillCallErrorCode,
    message: string,
    readonly status?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
