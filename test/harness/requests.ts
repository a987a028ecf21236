/**
 * Alexa request envelopes for tests, typed with ask-sdk-model: launch, intents with slots (and
 * entity resolution), session ended; the access token set in both places Alexa puts it; devices
 * with and without APL; granted permissions and a consent token; device, API endpoint and API
 * access token for the Alexa API mocks; locale, skill id and a fixed clock.
 */
import type {
  DialogState,
  IntentRequest,
  LaunchRequest,
  RequestEnvelope,
  SessionEndedReason,
  SessionEndedRequest,
  SessionResumedRequest,
  Slot,
  SupportedInterfaces,
  User,
} from 'ask-sdk-model';
import { PLACEHOLDER_SKILL_ID, type SlotInput } from '../../tools/utterances/index.js';
import { TEST_NOW } from './tokens.js';

/** The slot input and entity-resolution builder live with the utterance resolver. */
export { entityResolution, type SlotInput } from '../../tools/utterances/index.js';

/** The skill id of every test request (the resolver's placeholder id, so they agree). */
export const TEST_SKILL_ID = PLACEHOLDER_SKILL_ID;
export const TEST_DEVICE_ID = 'amzn1.ask.device.TEST';
export const TEST_API_ENDPOINT = 'https://api.amazonalexa.com';
export const TEST_API_ACCESS_TOKEN = 'test-api-access-token-SECRET-7d1f';
export const TEST_USER_ID = 'amzn1.ask.account.TEST';
export const TEST_SESSION_ID = 'amzn1.echo-api.session.TEST';
export const TEST_CONSENT_TOKEN = 'test-consent-token-SECRET-2b9c';
/** The APL version a screen device declares by default. */
export const TEST_APL_MAX_VERSION = '2024.3';

/** Permissions the user granted (or denied), as Alexa sends them in `context.System.user`. */
export interface PermissionsOptions {
  /** The consent token (deprecated by Amazon, still sent). Default {@link TEST_CONSENT_TOKEN}. */
  readonly consentToken?: string;
  /** Scopes and their status, e.g. `{ 'read::alexa:device:all:address': 'GRANTED' }`. */
  readonly scopes?: Readonly<Record<string, 'GRANTED' | 'DENIED'>>;
}

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
  /** A device with a screen: declares `Alexa.Presentation.APL` (true, or its max version). */
  readonly apl?: boolean | string;
  /** Permissions granted by the user, with the consent token. None by default. */
  readonly permissions?: PermissionsOptions;
  /** The session id. Default {@link TEST_SESSION_ID}. */
  readonly sessionId?: string;
  /** `session.new`. Default: true exactly when `sessionAttributes` is absent. */
  readonly newSession?: boolean;
  /** The intent request's `dialogState`. Default `COMPLETED`. */
  readonly dialogState?: DialogState;
  readonly userId?: string;
  readonly deviceId?: string;
  readonly apiEndpoint?: string;
  readonly apiAccessToken?: string;
}

let counter = 0;

function supportedInterfaces(options: RequestOptions): SupportedInterfaces {
  if (options.apl === undefined || options.apl === false) return {};
  const maxVersion = typeof options.apl === 'string' ? options.apl : TEST_APL_MAX_VERSION;
  return { 'Alexa.Presentation.APL': { runtime: { maxVersion } } };
}

function envelope(
  request: LaunchRequest | IntentRequest | SessionEndedRequest | SessionResumedRequest,
  options: RequestOptions,
): RequestEnvelope {
  const skillId = options.skillId ?? TEST_SKILL_ID;
  const user: User = {
    userId: options.userId ?? TEST_USER_ID,
    ...(options.accessToken === undefined ? {} : { accessToken: options.accessToken }),
    ...(options.permissions === undefined
      ? {}
      : {
          permissions: {
            consentToken: options.permissions.consentToken ?? TEST_CONSENT_TOKEN,
            ...(options.permissions.scopes === undefined
              ? {}
              : {
                  scopes: Object.fromEntries(
                    Object.entries(options.permissions.scopes).map(([s, status]) => [
                      s,
                      { status },
                    ]),
                  ),
                }),
          },
        }),
  };
  return {
    version: '1.0',
    session: {
      new: options.newSession ?? options.sessionAttributes === undefined,
      sessionId: options.sessionId ?? TEST_SESSION_ID,
      application: { applicationId: skillId },
      user,
      attributes: options.sessionAttributes ?? {},
    },
    context: {
      System: {
        application: { applicationId: skillId },
        user,
        device: {
          deviceId: options.deviceId ?? TEST_DEVICE_ID,
          supportedInterfaces: supportedInterfaces(options),
        },
        ...(options.withoutAlexaApi
          ? {}
          : {
              apiEndpoint: options.apiEndpoint ?? TEST_API_ENDPOINT,
              apiAccessToken: options.apiAccessToken ?? TEST_API_ACCESS_TOKEN,
            }),
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

/** A LaunchRequest ("Alexa, open weather wardrobe"). */
export function launchRequest(options: RequestOptions = {}): RequestEnvelope {
  return envelope({ type: 'LaunchRequest', ...base(options) }, options);
}

/**
 * An IntentRequest for `name` with `slots`: a string is the slot's value, `undefined` an empty
 * slot, a {@link SlotInput} a value with entity resolution.
 */
export function intentRequest(
  name: string,
  slots: Record<string, string | SlotInput | undefined> = {},
  options: RequestOptions = {},
): RequestEnvelope {
  const slotMap: Record<string, Slot> = {};
  for (const [slotName, given] of Object.entries(slots)) {
    const input: SlotInput = typeof given === 'string' ? { value: given } : (given ?? {});
    slotMap[slotName] = {
      name: slotName,
      confirmationStatus: input.confirmationStatus ?? 'NONE',
      ...(input.value === undefined ? {} : { value: input.value }),
      ...(input.resolutions === undefined ? {} : { resolutions: input.resolutions }),
    };
  }
  return envelope(
    {
      type: 'IntentRequest',
      ...base(options),
      dialogState: options.dialogState ?? 'COMPLETED',
      intent: { name, confirmationStatus: 'NONE', slots: slotMap },
    },
    options,
  );
}

/** A SessionEndedRequest (default reason `USER_INITIATED`). */
export function sessionEndedRequest(
  options: RequestOptions & { readonly reason?: SessionEndedReason } = {},
): RequestEnvelope {
  return envelope(
    { type: 'SessionEndedRequest', ...base(options), reason: options.reason ?? 'USER_INITIATED' },
    options,
  );
}

/** What the user answered to a skill connection (voice consent: ACCEPTED, DENIED, NOT_ANSWERED). */
export interface ConnectionResult {
  /** The token the skill sent with `Connections.StartConnection`. */
  readonly token?: string;
  /** The connection's own status; default 200 OK. */
  readonly statusCode?: string;
  /** The connection's result, e.g. `{ status: 'ACCEPTED', permissionScope }`. */
  readonly result?: Record<string, unknown>;
}

/**
 * A SessionResumedRequest: Alexa gives the session back after a skill connection (Amazon's voice
 * consent skill), with its outcome as `cause`.
 */
export function sessionResumedRequest(
  connection: ConnectionResult,
  options: RequestOptions = {},
): RequestEnvelope {
  return envelope(
    {
      type: 'SessionResumedRequest',
      ...base(options),
      cause: {
        type: 'ConnectionCompleted',
        ...(connection.token === undefined ? {} : { token: connection.token }),
        status: { code: connection.statusCode ?? '200', message: 'OK' },
        ...(connection.result === undefined ? {} : { result: connection.result }),
      },
    },
    options,
  );
}
