/**
 * nock stand-ins for the Alexa Settings and Device Address APIs at the test API endpoint, in this
 * process (the harness package's `mockAlexaApi` serves them on loopback instead).
 */
import nock from 'nock';
import { TEST_API_ACCESS_TOKEN, TEST_API_ENDPOINT, TEST_DEVICE_ID } from './requests.js';
import { networkError } from './network-error.js';

const device = `/v2/devices/${encodeURIComponent(TEST_DEVICE_ID)}/settings`;
const address = `/v1/devices/${encodeURIComponent(TEST_DEVICE_ID)}/settings/address/countryAndPostalCode`;

function api(): nock.Scope {
  return nock(TEST_API_ENDPOINT, {
    reqheaders: { authorization: `Bearer ${TEST_API_ACCESS_TOKEN}` },
  });
}

/** Serves the temperature unit and time zone (or a status for both). Optional: tests need not call them. */
export function serveSettings(
  options: { unit?: string; timeZone?: string; status?: number } = {},
): void {
  const status = options.status ?? 200;
  api()
    .get(`${device}/System.temperatureUnit`)
    .optionally()
    .reply(status, JSON.stringify(options.unit ?? 'FAHRENHEIT'), {
      'content-type': 'application/json',
    });
  api()
    .get(`${device}/System.timeZone`)
    .optionally()
    .reply(status, JSON.stringify(options.timeZone ?? 'America/Chicago'), {
      'content-type': 'application/json',
    });
}

/** Serves the device's country and postal code, or a refusal status (403: permission not granted). */
export function serveAddress(
  answer: { countryCode: string; postalCode: string } | number,
): nock.Scope {
  return typeof answer === 'number'
    ? api()
        .get(address)
        .reply(answer, { type: 'FORBIDDEN', message: 'The authentication token is not valid.' })
    : api()
        .get(address)
        .reply(200, { ...answer, stateOrRegion: null, city: null });
}

/** What the Settings API answers: values, an HTTP status, or a network failure. */
export type SettingsMock =
  | {
      readonly unit?: 'CELSIUS' | 'FAHRENHEIT';
      readonly timeZone?: string;
    }
  | 'failing'
  | 'unreachable';

/** What the Device Address API answers. */
export type AddressMock =
  | { readonly countryCode: string; readonly postalCode: string }
  | 'granted'
  | 'denied'
  | 'absent'
  | 'failing'
  | 'unreachable';

/** The address {@link nockAlexaApi} serves for `'granted'`. */
export const TEST_POSTAL_ADDRESS = { countryCode: 'US', postalCode: '60601' } as const;

/** Options of {@link nockAlexaApi}. */
export interface NockAlexaApiOptions {
  /** The Settings API (time zone, temperature unit); optional calls. Default: served, Fahrenheit, America/Chicago. `false`: not mocked. */
  readonly settings?: SettingsMock | false;
  /** The Device Address API; the call must happen. Not mocked when absent. */
  readonly address?: AddressMock;
}

/** What was mocked, to check the calls were made. */
export interface NockAlexaApi {
  /** The address interceptor, when one was set. */
  readonly address?: nock.Scope;
}

function serveSettingsFailure(kind: 'failing' | 'unreachable'): void {
  for (const name of ['System.temperatureUnit', 'System.timeZone']) {
    const interceptor = api().get(`${device}/${name}`).optionally();
    if (kind === 'failing') interceptor.reply(500, { type: 'INTERNAL_ERROR', message: 'down' });
    else interceptor.replyWithError(networkError('ECONNRESET'));
  }
}

/**
 * Mocks the Alexa APIs at the test API endpoint, as one call: Settings (`{ unit, timeZone }`, or
 * `'failing'` for a 500, `'unreachable'` for a network error) and Device Address (`'granted'` or
 * an address, `'denied'` for a 403, `'absent'` for a 204 with no address set, `'failing'`,
 * `'unreachable'`).
 */
export function nockAlexaApi(options: NockAlexaApiOptions = {}): NockAlexaApi {
  const settings = options.settings ?? {};
  if (settings === 'failing' || settings === 'unreachable') serveSettingsFailure(settings);
  else if (settings !== false) serveSettings(settings);
  const answer = options.address;
  if (answer === undefined) return {};
  let scope: nock.Scope;
  switch (answer) {
    case 'granted':
      scope = serveAddress(TEST_POSTAL_ADDRESS);
      break;
    case 'denied':
      scope = serveAddress(403);
      break;
    case 'absent':
      scope = api().get(address).reply(204);
      break;
    case 'failing':
      scope = serveAddress(500);
      break;
    case 'unreachable':
      scope = api().get(address).replyWithError(networkError('ECONNRESET'));
      break;
    default:
      scope = serveAddress(answer);
  }
  return { address: scope };
}
