/**
 * Alexa request envelopes for tests, typed with ask-sdk-model: launch, intents with slots,
 * session ended; the access token set in both places Alexa puts it; device, API endpoint and API
 * access token for the Alexa API mocks; locale and skill id.
 */
import type {
  IntentRequest,
  LaunchRequest,
  RequestEnvelope,
  SessionEndedRequest,
  Slot,
} from 'ask-sdk-model';
import { TEST_NOW } from './tokens.js';

export const TEST_SKILL_ID = 'amzn1.ask.skill.00000000-0000-4000-8000-000000000001';
export const TEST_DEVICE_ID = 'amzn1.ask.device.TEST';
export const TEST_API_ENDPOINT = 'https://api.amazonalexa.com';
export const TEST_API_ACCESS_TOKEN = 'test-api-access-token-SECRET-7d1f';

export interface RequestOptions {
  /** The account-linking access token; none when absent (an unlinked user). */
  readonly accessToken?: string;
  readonly locale?: string;
  readonly skillId?: string;
  /** Session attributes carried from the previous turn; a new session when absent. */
  readonly sessionAttributes?: Record<string, unknown>;
  /** The request's instant. Default {@link TEST_NOW}. */
  readonly now?: number;
  readonly requestId?: string;
  /** Omit `apiEndpoint`/`apiAccessToken`, as for a simulator without them. */
  readonly withoutAlexaApi?: boolean;
}

let counter = 0;

function envelope(
  request: LaunchRequest | IntentRequest | SessionEndedRequest,
  options: RequestOptions,
): RequestEnvelope {
  const skillId = options.skillId ?? TEST_SKILL_ID;
  const user = {
    userId: 'amzn1.ask.account.TEST',
    ...(options.accessToken === undefined ? {} : { accessToken: options.accessToken }),
  };
  return {
    version: '1.0',
    session: {
      new: options.sessionAttributes === undefined,
      sessionId: 'amzn1.echo-api.session.TEST',
      application: { applicationId: skillId },
      user,
      attributes: options.sessionAttributes ?? {},
    },
    context: {
      System: {
        application: { applicationId: skillId },
        user,
        device: { deviceId: TEST_DEVICE_ID, supportedInterfaces: {} },
        ...(options.withoutAlexaApi
          ? {}
          : { apiEndpoint: TEST_API_ENDPOINT, apiAccessToken: TEST_API_ACCESS_TOKEN }),
      },
    },
    request,
  } as RequestEnvelope;
}

function base(options: RequestOptions) {
  counter += 1;
  return {
    requestId: options.requestId ?? `amzn1.echo-api.request.${counter}`,
    timestamp: new Date(options.now ?? TEST_NOW).toISOString(),
    locale: options.locale ?? 'en-US',
  };
}

export function launchRequest(options: RequestOptions = {}): RequestEnvelope {
  return envelope({ type: 'LaunchRequest', ...base(options) }, options);
}

export function intentRequest(
  name: string,
  slots: Record<string, string | undefined> = {},
  options: RequestOptions = {},
): RequestEnvelope {
  const slotMap: Record<string, Slot> = {};
  for (const [slotName, value] of Object.entries(slots)) {
    slotMap[slotName] = {
      name: slotName,
      confirmationStatus: 'NONE',
      ...(value === undefined ? {} : { value }),
    };
  }
  return envelope(
    {
      type: 'IntentRequest',
      ...base(options),
      dialogState: 'COMPLETED',
      intent: { name, confirmationStatus: 'NONE', slots: slotMap },
    },
    options,
  );
}

export function sessionEndedRequest(options: RequestOptions = {}): RequestEnvelope {
  return envelope(
    { type: 'SessionEndedRequest', ...base(options), reason: 'USER_INITIATED' },
    options,
  );
}
