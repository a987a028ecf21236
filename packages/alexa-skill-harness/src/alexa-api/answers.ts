/**
 * What the Alexa APIs account-linked skills call answer, as a pure function of the request:
 * Settings (time zone, temperature and distance units), Device Address (full, and country and
 * postal code) and Customer Profile (name, given name, email, mobile number). Each is granted
 * (a value), denied (403), absent (204: the user set nothing), failing (500) or unreachable (the
 * connection dropped). A call without the envelope's `apiAccessToken` gets 401.
 */
import { HarnessOptionError } from '../errors.js';
import type { LoopbackAnswer } from '../loopback.js';
import { DEFAULT_API_ACCESS_TOKEN, DEFAULT_DEVICE_ID } from '../requests.js';

/** How an API answers when not with a value. */
export type ApiState = 'granted' | 'denied' | 'absent' | 'failing' | 'unreachable';

/** A full device address, as the Device Address API answers it. */
export interface DeviceAddress {
  readonly addressLine1?: string | null;
  readonly addressLine2?: string | null;
  readonly addressLine3?: string | null;
  readonly city?: string | null;
  readonly stateOrRegion?: string | null;
  readonly districtOrCounty?: string | null;
  readonly countryCode: string;
  readonly postalCode: string;
}

/** The device's settings. */
export interface DeviceSettings {
  /** Default `America/New_York`. */
  readonly timeZone?: string;
  /** Default `FAHRENHEIT`. */
  readonly temperatureUnit?: 'CELSIUS' | 'FAHRENHEIT';
  /** Default `IMPERIAL`. */
  readonly distanceUnits?: 'METRIC' | 'IMPERIAL';
}

/** A phone number, as the Customer Profile API answers it. */
export interface MobileNumber {
  readonly countryCode: string;
  readonly phoneNumber: string;
}

/**
 * The customer's profile, field by field: a value, or how the field's API answers (one of the
 * {@link ApiState} words: `'denied'`, `'absent'`...). A field not given is `absent`.
 */
export interface CustomerProfile {
  readonly name?: string;
  readonly givenName?: string;
  readonly email?: string;
  readonly mobileNumber?: MobileNumber | ApiState;
}

/** Options of {@link mockAlexaApi}: what each API answers. */
export interface AlexaApiMockOptions {
  /** The Settings API. Default: granted, with the defaults of {@link DeviceSettings}. */
  readonly settings?: DeviceSettings | Exclude<ApiState, 'absent'>;
  /** The full address (`/v1/devices/{id}/settings/address`). Default `denied`. */
  readonly address?: DeviceAddress | ApiState;
  /**
   * The country and postal code (`.../address/countryAndPostalCode`). Default: those of
   * `address` when it is given as an address or `granted`, else what `address` answers.
   */
  readonly postalCode?: Pick<DeviceAddress, 'countryCode' | 'postalCode'> | ApiState;
  /** The Customer Profile API, whole or per field. Default `denied`. */
  readonly profile?: CustomerProfile | ApiState;
  /** The device id the paths must name. Default the harness's device id. */
  readonly deviceId?: string;
  /** The bearer token calls must carry. Default the harness's `apiAccessToken`. */
  readonly apiAccessToken?: string;
}

/** The address `granted` serves. */
export const GRANTED_ADDRESS: DeviceAddress = {
  addressLine1: '410 Terry Ave North',
  addressLine2: null,
  addressLine3: null,
  city: 'Seattle',
  stateOrRegion: 'WA',
  districtOrCounty: null,
  countryCode: 'US',
  postalCode: '98109',
};

/** The profile `granted` serves. */
export const GRANTED_PROFILE = {
  name: 'Ada Lovelace',
  givenName: 'Ada',
  email: 'ada@example.com',
  mobileNumber: { countryCode: '+1', phoneNumber: '2065550100' },
} as const;

const STATES: readonly string[] = ['granted', 'denied', 'absent', 'failing', 'unreachable'];
const DEFAULT_SETTINGS: Required<DeviceSettings> = {
  timeZone: 'America/New_York',
  temperatureUnit: 'FAHRENHEIT',
  distanceUnits: 'IMPERIAL',
};

function stateAnswer(state: Exclude<ApiState, 'granted'>): LoopbackAnswer {
  switch (state) {
    case 'denied':
      return {
        status: 403,
        body: { type: 'FORBIDDEN', message: 'The authentication token is not valid.' },
      };
    case 'absent':
      return { status: 204 };
    case 'failing':
      return { status: 500, body: { type: 'INTERNAL_ERROR', message: 'Internal error' } };
    case 'unreachable':
      return 'drop';
  }
}

/** A value, or the answer its state gives (`granted` gives `granted`). */
function answer<T>(
  given: T | ApiState | undefined,
  fallback: ApiState,
  granted: T,
): LoopbackAnswer {
  const value = given ?? fallback;
  if (typeof value === 'string' && STATES.includes(value)) {
    return value === 'granted'
      ? { status: 200, body: granted }
      : stateAnswer(value as Exclude<ApiState, 'granted'>);
  }
  return { status: 200, body: value };
}

function checkOptions(options: AlexaApiMockOptions): void {
  if (typeof options !== 'object' || (options as unknown) === null) {
    throw new HarnessOptionError('mockAlexaApi(options): options must be an object');
  }
  const known = ['settings', 'address', 'postalCode', 'profile', 'deviceId', 'apiAccessToken'];
  const unknown = Object.keys(options).filter((k) => !known.includes(k));
  if (unknown.length > 0) {
    throw new HarnessOptionError(
      `mockAlexaApi(options): unknown option ${unknown.join(', ')} (known: ${known.join(', ')})`,
    );
  }
  for (const [name, value] of Object.entries(options)) {
    if (
      typeof value === 'string' &&
      name !== 'deviceId' &&
      name !== 'apiAccessToken' &&
      !STATES.includes(value)
    ) {
      throw new HarnessOptionError(
        `mockAlexaApi: ${name} "${value}" is not one of ${STATES.join(', ')}`,
      );
    }
  }
  if (options.settings === 'granted' || (options.settings as string | undefined) === 'absent') {
    throw new HarnessOptionError(
      'mockAlexaApi: settings are given as values, denied, failing or unreachable',
    );
  }
}

/** Answers one Alexa API call: `(method, path with query, authorization header) -> answer`. */
export type AlexaApiResponder = (
  method: string,
  path: string,
  authorization: string | undefined,
) => LoopbackAnswer;

/** The pure core of {@link mockAlexaApi}: answers calls as `options` say (see the module comment). */
export function alexaApiResponder(options: AlexaApiMockOptions = {}): AlexaApiResponder {
  checkOptions(options);
  const device = encodeURIComponent(options.deviceId ?? DEFAULT_DEVICE_ID);
  const token = options.apiAccessToken ?? DEFAULT_API_ACCESS_TOKEN;
  const settings = options.settings ?? {};
  const address = options.address ?? 'denied';
  const postal =
    options.postalCode ??
    (typeof address === 'object'
      ? { countryCode: address.countryCode, postalCode: address.postalCode }
      : address);
  const profile = options.profile ?? 'denied';
  const field = (name: keyof CustomerProfile): LoopbackAnswer =>
    typeof profile === 'string'
      ? answer(undefined, profile, GRANTED_PROFILE[name])
      : answer(profile[name], 'absent', GRANTED_PROFILE[name]);
  const routes: Record<string, () => LoopbackAnswer> = {
    [`/v1/devices/${device}/settings/address`]: () => answer(address, 'denied', GRANTED_ADDRESS),
    [`/v1/devices/${device}/settings/address/countryAndPostalCode`]: () =>
      answer(postal, 'denied', {
        countryCode: GRANTED_ADDRESS.countryCode,
        postalCode: GRANTED_ADDRESS.postalCode,
      }),
    '/v2/accounts/~current/settings/Profile.name': () => field('name'),
    '/v2/accounts/~current/settings/Profile.givenName': () => field('givenName'),
    '/v2/accounts/~current/settings/Profile.email': () => field('email'),
    '/v2/accounts/~current/settings/Profile.mobileNumber': () => field('mobileNumber'),
  };
  for (const name of ['timeZone', 'temperatureUnit', 'distanceUnits'] as const) {
    routes[`/v2/devices/${device}/settings/System.${name}`] = () =>
      typeof settings === 'string'
        ? answer(undefined, settings, DEFAULT_SETTINGS[name])
        : { status: 200, body: settings[name] ?? DEFAULT_SETTINGS[name] };
  }
  return (method, path, authorization) => {
    const route = routes[path.split('?')[0] ?? ''];
    if (route === undefined) {
      return {
        status: 404,
        body: { type: 'NOT_FOUND', message: `No mocked Alexa API at ${path}` },
      };
    }
    if (method !== 'GET')
      return { status: 405, body: { type: 'METHOD_NOT_ALLOWED', message: method } };
    if (authorization !== `Bearer ${token}`) {
      return {
        status: 401,
        body: { type: 'UNAUTHORIZED', message: 'The apiAccessToken is missing or wrong' },
      };
    }
    return route();
  };
}
