/**
 * Account linking: the token check that runs once per request for the requests that need the API,
 * and the one table that maps each verifier error code to what Alexa says and whether a
 * LinkAccount card is sent. "Key set unavailable" is an apology, never a card.
 */
import {
  getIntentName,
  getRequestType,
  type HandlerInput,
  type RequestInterceptor,
} from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import {
  AccessTokenError,
  TokenAudienceError,
  TokenIssuerError,
  type AccessTokenErrorCode,
  type VerifiedAccessToken,
} from '../auth/index.js';
import { isConsentAnswer } from './address-consent.js';
import { INTENTS } from './intents.js';
import type { AuthState, SkillDependencies } from './state.js';
import { requestState } from './state.js';

/** What Alexa does for each verifier failure. */
export const AUTH_OUTCOMES: Readonly<
  Record<AccessTokenErrorCode, { readonly speech: string; readonly linkAccountCard: boolean }>
> = {
  ERR_TOKEN_MISSING: {
    speech:
      'To tell you what to wear, I need you to link your account. I sent a card to the Alexa app to help you do that.',
    linkAccountCard: true,
  },
  ERR_TOKEN_EXPIRED: {
    speech:
      'Your sign-in has expired. Please link your account again, using the card I sent to the Alexa app.',
    linkAccountCard: true,
  },
  ERR_TOKEN_NOT_YET_VALID: {
    speech:
      "I couldn't confirm your sign-in. Please link your account again, using the card I sent to the Alexa app.",
    linkAccountCard: true,
  },
  ERR_TOKEN_MALFORMED: {
    speech:
      "I couldn't read your account link. Please link your account again, using the card I sent to the Alexa app.",
    linkAccountCard: true,
  },
  ERR_TOKEN_SIGNATURE: {
    speech:
      "I couldn't verify your account link. Please link your account again, using the card I sent to the Alexa app.",
    linkAccountCard: true,
  },
  ERR_TOKEN_ISSUER: {
    speech:
      "Your account is linked to a sign-in service I don't use. Please link your account again, using the card I sent to the Alexa app.",
    linkAccountCard: true,
  },
  ERR_TOKEN_AUDIENCE: {
    speech:
      "Your account link isn't meant for me. Please link your account again, using the card I sent to the Alexa app.",
    linkAccountCard: true,
  },
  ERR_TOKEN_SCOPE: {
    speech:
      "Your account link doesn't let me give outfit advice. Please link your account again and allow access, using the card I sent to the Alexa app.",
    linkAccountCard: true,
  },
  ERR_KEY_SET_UNAVAILABLE: {
    speech: "Sorry, I can't check your account right now. Please try again in a few minutes.",
    linkAccountCard: false,
  },
};

/**
 * True for the requests that need the API, and so a valid token. Never a CanFulfillIntentRequest:
 * Alexa asks it before the user chose the skill, linked or not.
 */
export function needsAccount(input: HandlerInput): boolean {
  const type = getRequestType(input.requestEnvelope);
  return (
    type === 'LaunchRequest' ||
    (type === 'IntentRequest' && getIntentName(input.requestEnvelope) === INTENTS.wear) ||
    isConsentAnswer(input)
  );
}

/**
 * Starts the token check, for requests that need it, and records it for the handlers, which await
 * it (see `answerWhenVerified`). It is not awaited here, so that a handler can prepare its answer
 * while the check runs on the thread pool. A failure other than the verifier's own rejects it.
 */
export function createAuthInterceptor(deps: Pick<SkillDependencies, 'verify'>): RequestInterceptor {
  return {
    process(input) {
      if (!needsAccount(input)) return;
      const state = requestState(input);
      const envelope = input.requestEnvelope;
      // Where ask-sdk-core's getAccountLinkingAccessToken() reads it, then the session's copy.
      const token = envelope.context.System.user.accessToken ?? envelope.session?.user.accessToken;
      const check = new Promise<VerifiedAccessToken>((resolve) => {
        resolve(deps.verify(token));
      }).then(
        (verified): AuthState => ({ ok: true, token: verified }),
        (error: unknown): AuthState => {
          if (!(error instanceof AccessTokenError)) throw error;
          logRefusal(state.logger, error);
          return { ok: false, error };
        },
      );
      // Handled where a handler awaits it; never an unhandled rejection meanwhile.
      check.catch(() => undefined);
      state.auth = check;
    },
  };
}

function logRefusal(
  logger: ReturnType<typeof requestState>['logger'],
  error: AccessTokenError,
): void {
  const fields = { errorCode: error.code, reason: error.reason };
  if (error instanceof TokenIssuerError || error instanceof TokenAudienceError) {
    // Usually a misconfiguration, not the user: say loudly what the token carried.
    logger.error('access token refused: issuer or audience mismatch', {
      ...fields,
      expected: error.expected,
      actual: error.actual,
    });
  } else if (error.code === 'ERR_KEY_SET_UNAVAILABLE') {
    logger.error('access token not checked: key set unavailable', {
      ...fields,
      cause: error.cause,
    });
  } else {
    logger.info('access token refused', fields);
  }
}

/**
 * The answer for a request whose token did not pass, or `undefined` when it passed, once the check
 * is done. Handlers that need the account await this first, or draft through `answerWhenVerified`.
 */
export async function refuseWithoutAccount(input: HandlerInput): Promise<Response | undefined> {
  const auth = await tokenCheck(input);
  return auth.ok ? undefined : refusal(input, auth.error);
}

/** The request's token check, as the auth interceptor started it; throws when it did not. */
export function tokenCheck(input: HandlerInput): Promise<AuthState> {
  const check = requestState(input).auth;
  if (check === undefined) throw new Error('The token was not checked for a request that needs it');
  return check;
}

/** What Alexa says (and whether a LinkAccount card goes) for a token that did not pass. */
export function refusal(input: HandlerInput, error: AccessTokenError): Response {
  const outcome = AUTH_OUTCOMES[error.code];
  requestState(input).outcome = outcome.linkAccountCard ? 'link-account' : 'key-set-unavailable';
  const builder = input.responseBuilder.speak(outcome.speech).withShouldEndSession(true);
  if (outcome.linkAccountCard) builder.withLinkAccountCard();
  return builder.getResponse();
}
