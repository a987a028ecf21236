/**
 * The two Alexa APIs the skill reads, through Node's fetch with a deadline (ask-sdk-core's
 * DefaultApiClient has none, and Alexa waits only about 8 s for the whole answer):
 * - Device Address, country and postal code: `GET /v1/devices/{deviceId}/settings/address/countryAndPostalCode`
 * - Settings: `GET /v2/devices/{deviceId}/settings/System.temperatureUnit` and `System.timeZone`
 * Answers are cached for a few minutes, so a returning user costs no extra calls: Settings per
 * device, the address per Alexa account and device. An outage (a timeout, no connection, a 5xx)
 * is remembered for `failureTtlMs` under the same key, so an outage costs one call, not one per
 * request; any other failure, and a refusal above all (the permission may be granted a moment
 * later), is never remembered.
 */
import { defaultHttpFetch } from '../../common/http-fetch.js';
import { isKnownTimeZone } from '../weather/index.js';
import { AlexaApiUnavailableError, AlexaNoDataError, AlexaPermissionError } from './errors.js';

/** Where and as whom to call: from the request's `context.System`. */
export interface AlexaApiAccess {
  readonly apiEndpoint: string;
  readonly apiAccessToken: string;
  readonly deviceId: string;
  /**
   * The Alexa account (`context.System.user.userId`): the address permission is the account's,
   * so the address is cached per account and device (several accounts share an Echo).
   */
  readonly userId: string;
}

export interface PostalAddress {
  readonly countryCode: string;
  readonly postalCode: string;
}

export type TemperatureUnit = 'CELSIUS' | 'FAHRENHEIT';

export interface AlexaApi {
  /** The device's country and postal code; `AlexaPermissionError` when not granted. */
  postalAddress(access: AlexaApiAccess): Promise<PostalAddress>;
  /** The user's temperature unit. */
  temperatureUnit(access: AlexaApiAccess): Promise<TemperatureUnit>;
  /** The device's IANA time zone. */
  timeZone(access: AlexaApiAccess): Promise<string>;
}

export interface AlexaApiOptions {
  /** Deadline of one call, in milliseconds. Default 1500. */
  readonly timeoutMs?: number;
  /** How long an answer is reused for the same device. Default 5 minutes. */
  readonly cacheTtlMs?: number;
  /** Most devices remembered; the oldest is forgotten first. Default 1000. */
  readonly maxDevices?: number;
  /** How long an outage is remembered (answered without calling out). Default 30 s; 0: never. */
  readonly failureTtlMs?: number;
  readonly now?: () => number;
  readonly fetch?: typeof fetch;
}

interface Entry {
  readonly value: Promise<unknown>;
  readonly expiresAt: number;
}

/** Builds an {@link AlexaApi}; call once per container so the cache is shared. */
export function createAlexaApi(options: AlexaApiOptions = {}): AlexaApi {
  const timeoutMs = options.timeoutMs ?? 1500;
  const ttl = options.cacheTtlMs ?? 5 * 60_000;
  const failureTtl = options.failureTtlMs ?? 30_000;
  const maxEntries = options.maxDevices ?? 1000;
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? defaultHttpFetch();
  // One map per API, keyed by the device (and account) itself: no key string built per request.
  const addresses = new Map<string, Entry>();
  const units = new Map<string, Entry>();
  const zones = new Map<string, Entry>();

  async function getJson(access: AlexaApiAccess, path: string): Promise<unknown> {
    const url = new URL(
      path.replace('{deviceId}', encodeURIComponent(access.deviceId)),
      access.apiEndpoint,
    );
    let response: Response;
    try {
      response = await doFetch(url, {
        headers: { authorization: `Bearer ${access.apiAccessToken}`, accept: 'application/json' },
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      throw new AlexaApiUnavailableError(
        isTimeout(cause) ? 'timeout' : 'unreachable',
        `The Alexa API did not answer (${path})`,
        { cause },
      );
    }
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      throw new AlexaPermissionError(
        'refused',
        `The Alexa API refused access (${response.status})`,
      );
    }
    if (response.status === 204)
      throw new AlexaNoDataError('no-data', 'The Alexa API has no data for this device');
    if (!response.ok) {
      await response.body?.cancel();
      throw new AlexaApiUnavailableError('status', `The Alexa API answered ${response.status}`, {
        httpStatus: response.status,
      });
    }
    try {
      const body: unknown = await response.json();
      return body;
    } catch (cause) {
      throw new AlexaApiUnavailableError(
        'not-json',
        'The Alexa API answered something that is not JSON',
        {
          cause,
        },
      );
    }
  }

  /** `load(access)`'s answer under `key` in `cache`, called only when none is held. */
  function cached<T>(
    cache: Map<string, Entry>,
    key: string,
    access: AlexaApiAccess,
    load: (access: AlexaApiAccess) => Promise<T>,
  ): Promise<T> {
    const t = now();
    const hit = cache.get(key);
    if (hit !== undefined && t < hit.expiresAt) return hit.value as Promise<T>;
    const value = load(access);
    const entry: Entry = { value, expiresAt: t + ttl };
    cache.delete(key);
    cache.set(key, entry);
    value.catch((error: unknown) => {
      if (cache.get(key) !== entry) return; // replaced meanwhile
      // An outage is remembered briefly, from when it was seen; anything else not at all.
      if (error instanceof AlexaApiUnavailableError && error.outage && failureTtl > 0) {
        cache.set(key, { value, expiresAt: now() + failureTtl });
      } else {
        cache.delete(key);
      }
    });
    while (cache.size > maxEntries) {
      const oldest = cache.keys().next().value;
      if (oldest === undefined) break;
      cache.delete(oldest);
    }
    return value;
  }

  const loadAddress = async (access: AlexaApiAccess): Promise<PostalAddress> => {
    const body = await getJson(
      access,
      '/v1/devices/{deviceId}/settings/address/countryAndPostalCode',
    );
    const { countryCode, postalCode } = (body ?? {}) as Record<string, unknown>;
    if (
      typeof postalCode !== 'string' ||
      postalCode.trim() === '' ||
      typeof countryCode !== 'string'
    ) {
      throw new AlexaNoDataError('no-data', 'The device has no postal code set');
    }
    return { countryCode: countryCode.trim().toUpperCase(), postalCode: postalCode.trim() };
  };
  const loadUnit = async (access: AlexaApiAccess): Promise<TemperatureUnit> => {
    const body = await getJson(access, '/v2/devices/{deviceId}/settings/System.temperatureUnit');
    if (body !== 'CELSIUS' && body !== 'FAHRENHEIT') {
      throw new AlexaApiUnavailableError(
        'bad-answer',
        'The temperature unit is not one Alexa documents',
      );
    }
    return body;
  };
  const loadZone = async (access: AlexaApiAccess): Promise<string> => {
    const body = await getJson(access, '/v2/devices/{deviceId}/settings/System.timeZone');
    if (typeof body !== 'string' || !isKnownTimeZone(body)) {
      throw new AlexaApiUnavailableError('bad-answer', 'The time zone is not an IANA zone');
    }
    return body;
  };

  return {
    // Per account and device: another account on the same Echo, without the permission, must
    // get its own refusal. A refusal is never remembered (see `cached`).
    postalAddress: (access) =>
      cached(addresses, `${access.userId}\n${access.deviceId}`, access, loadAddress),
    temperatureUnit: (access) => cached(units, access.deviceId, access, loadUnit),
    timeZone: (access) => cached(zones, access.deviceId, access, loadZone),
  };
}

/** An `AbortSignal.timeout` firing (a `TimeoutError`), as opposed to a failed connection. */
function isTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === 'TimeoutError';
}
