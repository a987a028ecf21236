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
} from '../auth/index.js';
import { isConsentAnswer } from './address-consent.js';
import { INTENTS } from './intents.js';
import { requestState, type SkillDependencies } from './state.js';

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
 * Checks the token, for the requests that need it, and records the result for the handlers (see
 * `refuseWithoutAccount`); nothing else runs for the request meanwhile. A failure other than the
 * verifier's own goes to the error handler.
 */
export function createAuthInterceptor(deps: Pick<SkillDependencies, 'verify'>): RequestInterceptor {
  return {
    async process(input) {
      if (!needsAccount(input)) return;
      const state = requestState(input);
      const envelope = input.requestEnvelope;
      // Where ask-sdk-core's getAccountLinkingAccessToken() reads it, then the session's copy.
      const token = envelope.context.System.user.accessToken ?? envelope.session?.user.accessToken;
      try {
        state.auth = { ok: true, token: await deps.verify(token) };
      } catch (error) {
        if (!(error instanceof AccessTokenError)) throw error;
        logRefusal(state.logger, error);
        state.auth = { ok: false, error };
      }
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
 * The answer for a request whose token did not pass, or `undefined` when it passed. Handlers that
 * need the account call this first. Throws when the auth interceptor did not check the token.
 */
export function refuseWithoutAccount(input: HandlerInput): Response | undefined {
  const auth = requestState(input).auth;
  if (auth === undefined) throw new Error('The token was not checked for a request that needs it');
  return auth.ok ? undefined : refusal(input, auth.error);
}

/** What Alexa says (and whether a LinkAccount card goes) for a token that did not pass. */
export function refusal(input: HandlerInput, error: AccessTokenError): Response {
  const outcome = AUTH_OUTCOMES[error.code];
  requestState(input).outcome = outcome.linkAccountCard ? 'link-account' : 'key-set-unavailable';
  const builder = input.responseBuilder.speak(outcome.speech).withShouldEndSession(true);
  if (outcome.linkAccountCard) builder.withLinkAccountCard();
  return builder.getResponse();
}
