/** nock stand-ins for the Alexa Settings and Device Address APIs at the test API endpoint. */
import nock from 'nock';
import { TEST_API_ACCESS_TOKEN, TEST_API_ENDPOINT, TEST_DEVICE_ID } from './requests.js';

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
