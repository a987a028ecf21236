/**
 * Alexa request envelopes, typed with ask-sdk-model: launch, intents with slots (and entity
 * resolution), session ended, session resumed; the access token set in both places Alexa puts
 * it; the device's supported interfaces (screens); granted permissions and a consent token; the
 * device, API endpoint and API access token the Alexa APIs need; locale, skill id and the clock
 * (the real one unless the test fixes it).
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
import { requireInstant, requireString } from './errors.js';
import { PLACEHOLDER_SKILL_ID, type SlotInput } from './utterances/index.js';

/** The skill id of requests that name none (the resolver's placeholder id, so they agree). */
export const DEFAULT_SKILL_ID = PLACEHOLDER_SKILL_ID;
export const DEFAULT_DEVICE_ID = 'amzn1.ask.device.HARNESS';
/** The API endpoint Alexa sends in North America. */
export const DEFAULT_API_ENDPOINT = 'https://api.amazonalexa.com';
export const DEFAULT_API_ACCESS_TOKEN = 'harness-api-access-token';
export const DEFAULT_USER_ID = 'amzn1.ask.account.HARNESS';
export const DEFAULT_SESSION_ID = 'amzn1.echo-api.session.HARNESS';
export const DEFAULT_CONSENT_TOKEN = 'harness-consent-token';
/** The APL version a screen device declares with `apl: true`. */
export const DEFAULT_APL_MAX_VERSION = '2024.3';

/** Permissions the user granted (or denied), as Alexa sends them in `context.System.user`. */
export interface PermissionsOptions {
  /** The consent token (deprecated by Amazon, still sent). Default {@link DEFAULT_CONSENT_TOKEN}. */
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
  /** The request's instant (ms since the epoch). Default: the real clock. */
  readonly now?: number;
  readonly requestId?: string;
  /** Omit `apiEndpoint`/`apiAccessToken`, as for a simulator without them. */
  readonly withoutAlexaApi?: boolean;
  /** A device with a screen: declares `Alexa.Presentation.APL` (true, or its max version). */
  readonly apl?: boolean | string;
  /** The device's supported interfaces as Alexa sends them (merged with {@link apl}). */
  readonly supportedInterfaces?: SupportedInterfaces;
  /** Permissions granted by the user, with the consent token. None by default. */
  readonly permissions?: PermissionsOptions;
  /** The session id. Default {@link DEFAULT_SESSION_ID}. */
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
  const given = { ...options.supportedInterfaces };
  if (options.apl === undefined || options.apl === false) return given;
  const maxVersion = typeof options.apl === 'string' ? options.apl : DEFAULT_APL_MAX_VERSION;
  return { ...given, 'Alexa.Presentation.APL': { runtime: { maxVersion } } };
}

function envelope(
  request: LaunchRequest | IntentRequest | SessionEndedRequest | SessionResumedRequest,
  options: RequestOptions,
): RequestEnvelope {
  const skillId = options.skillId ?? DEFAULT_SKILL_ID;
  const user: User = {
    userId: options.userId ?? DEFAULT_USER_ID,
    ...(options.accessToken === undefined ? {} : { accessToken: options.accessToken }),
    ...(options.permissions === undefined
      ? {}
      : {
          permissions: {
            consentToken: options.permissions.consentToken ?? DEFAULT_CONSENT_TOKEN,
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
      sessionId: options.sessionId ?? DEFAULT_SESSION_ID,
      application: { applicationId: skillId },
      user,
      attributes: options.sessionAttributes ?? {},
    },
    context: {
      System: {
        application: { applicationId: skillId },
        user,
        device: {
          deviceId: options.deviceId ?? DEFAULT_DEVICE_ID,
          supportedInterfaces: supportedInterfaces(options),
        },
        ...(options.withoutAlexaApi
          ? {}
          : {
              apiEndpoint: options.apiEndpoint ?? DEFAULT_API_ENDPOINT,
              apiAccessToken: options.apiAccessToken ?? DEFAULT_API_ACCESS_TOKEN,
            }),
      },
    },
    request,
  } as RequestEnvelope;
}

function base(options: RequestOptions) {
  if (options.now !== undefined) requireInstant(options.now, 'now');
  counter += 1;
  return {
    requestId: options.requestId ?? `amzn1.echo-api.request.${counter}`,
    timestamp: new Date(options.now ?? Date.now()).toISOString(),
    locale: options.locale ?? 'en-US',
  };
}

/** A LaunchRequest ("Alexa, open <invocation name>"). */
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
  requireString(name, 'intentRequest(name): name');
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
