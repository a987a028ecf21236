/**
 * Request envelopes as this skill's suites send them: the harness package's builders, at the
 * fixed clock {@link TEST_NOW}, with an `apiAccessToken` and a consent token that log-redaction
 * tests can look for.
 */
import * as harness from 'alexa-skill-harness';
import type { RequestEnvelope, SessionEndedReason } from 'ask-sdk-model';
import { TEST_NOW } from './tokens.js';

export const TEST_SKILL_ID = harness.DEFAULT_SKILL_ID;
export const TEST_DEVICE_ID = harness.DEFAULT_DEVICE_ID;
export const TEST_API_ENDPOINT = harness.DEFAULT_API_ENDPOINT;
export const TEST_USER_ID = harness.DEFAULT_USER_ID;
export const TEST_SESSION_ID = harness.DEFAULT_SESSION_ID;
export const TEST_APL_MAX_VERSION = harness.DEFAULT_APL_MAX_VERSION;
export const TEST_API_ACCESS_TOKEN = 'test-api-access-token-SECRET-7d1f';
export const TEST_CONSENT_TOKEN = 'test-consent-token-SECRET-2b9c';

/** This skill's defaults under `options`. */
function defaults(options: harness.RequestOptions): harness.RequestOptions {
  return {
    now: TEST_NOW,
    apiAccessToken: TEST_API_ACCESS_TOKEN,
    ...options,
    ...(options.permissions === undefined
      ? {}
      : { permissions: { consentToken: TEST_CONSENT_TOKEN, ...options.permissions } }),
  };
}

/** {@link harness.launchRequest} with this skill's defaults. */
export function launchRequest(options: harness.RequestOptions = {}): RequestEnvelope {
  return harness.launchRequest(defaults(options));
}

/** {@link harness.intentRequest} with this skill's defaults. */
export function intentRequest(
  name: string,
  slots: Record<string, string | harness.SlotInput | undefined> = {},
  options: harness.RequestOptions = {},
): RequestEnvelope {
  return harness.intentRequest(name, slots, defaults(options));
}

/** {@link harness.sessionEndedRequest} with this skill's defaults. */
export function sessionEndedRequest(
  options: harness.RequestOptions & { readonly reason?: SessionEndedReason } = {},
): RequestEnvelope {
  return harness.sessionEndedRequest({ ...options, ...defaults(options) });
}

/** {@link harness.sessionResumedRequest} with this skill's defaults. */
export function sessionResumedRequest(
  connection: harness.ConnectionResult,
  options: harness.RequestOptions = {},
): RequestEnvelope {
  return harness.sessionResumedRequest(connection, defaults(options));
}
