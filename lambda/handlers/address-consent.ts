/**
 * Asking for the device's postal code by voice (Amazon's voice-forward consent): the skill hands
 * the user to Amazon's consent skill with `Connections.StartConnection` to
 * `connection://AMAZON.AskForPermissionsConsent/2`, and gets the answer back in a
 * `SessionResumedRequest` (`cause.result.status` ACCEPTED, DENIED or NOT_ANSWERED). The consent
 * card stays the fallback: sent when the user says no or does not answer, and when the skill
 * already asked by voice in this session.
 */
import { getRequestType, type HandlerInput, type ResponseBuilder } from 'ask-sdk-core';
import type { SessionResumedRequest } from 'ask-sdk-model';

/** The permission scope of the country and postal code, as the manifest and the consent skill name it. */
export const ADDRESS_CONSENT_SCOPE = 'alexa:devices:all:address:country_and_postal_code:read';
/** The scope the consent card asks for. */
export const ADDRESS_PERMISSION = 'read::alexa:device:all:address:country_and_postal_code';
/** The connection that asks for consent by voice. */
export const CONSENT_URI = 'connection://AMAZON.AskForPermissionsConsent/2';
/** The token the skill sends with the connection, and finds again in the resumed request. */
export const CONSENT_TOKEN = 'address-consent';
/** Session attribute: the skill asked by voice in this session (it asks once). */
export const ASKED_BY_VOICE = 'addressConsentAsked';

/** What the user answered to the consent skill. */
export type ConsentAnswer = 'ACCEPTED' | 'DENIED' | 'NOT_ANSWERED';

/** Adds the directive that hands the user to Amazon's consent skill. */
export function askForAddressByVoice(builder: ResponseBuilder): ResponseBuilder {
  return builder.addDirective({
    type: 'Connections.StartConnection',
    uri: CONSENT_URI,
    input: {
      '@type': 'AskForPermissionsConsentRequest',
      '@version': '2',
      permissionScopes: [{ permissionScope: ADDRESS_CONSENT_SCOPE, consentLevel: 'ACCOUNT' }],
    },
    token: CONSENT_TOKEN,
  });
}

/** True for the request that brings back the answer to the skill's own consent question. */
export function isConsentAnswer(input: HandlerInput): boolean {
  if (getRequestType(input.requestEnvelope) !== 'SessionResumedRequest') return false;
  const cause = (input.requestEnvelope.request as SessionResumedRequest).cause;
  return cause?.type === 'ConnectionCompleted' && cause.token === CONSENT_TOKEN;
}

/**
 * What the user answered, from a request {@link isConsentAnswer} accepts: NOT_ANSWERED for a
 * failed connection or an answer in no known form.
 */
export function consentAnswer(input: HandlerInput): ConsentAnswer {
  const cause = (input.requestEnvelope.request as SessionResumedRequest).cause;
  const status = (cause?.result as { status?: unknown } | undefined)?.status;
  const connected = cause?.status === undefined || cause.status.code === '200';
  return connected && (status === 'ACCEPTED' || status === 'DENIED') ? status : 'NOT_ANSWERED';
}
