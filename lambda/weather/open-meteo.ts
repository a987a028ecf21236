/**
 * `createOpenMeteoProvider(options)`: the real forecast, from Open-Meteo's geocoding and forecast
 * APIs through Node's fetch, within a time budget per request, cached across warm invocations.
 *
 * One forecast call fetches every day of the horizon for a place, so the forecast cache is per
 * place (rounded coordinates), not per day: any date of a cached place costs no call.
 */
import { defaultHttpFetch } from '../../common/http-fetch.js';
import type { Logger } from '../../common/logger.js';
import { startBudget, type Budget } from './budget.js';
import { forecastWindow, resolveRequestedDate, assertRequestedDate } from './date-range.js';
import { localDate } from './dates.js';
import { DateOutOfRangeError, PlaceNotFoundError, WeatherUnavailableError } from './errors.js';
import { getJson } from './http.js';
import { createLoadingCache } from './loading-cache.js';
import { checkOptions } from './options.js';
import {
  HOURLY_VARIABLES,
  parseForecast,
  parseGeocoding,
  type ForecastSeries,
} from './open-meteo-schema.js';
import { keyedPlaceQuery, placeCacheKey, type NormalizedPlaceQuery } from './place-query.js';
import { forecastCodec, placeCodec, type SharedCache } from './shared-cache/index.js';
import {
  DEFAULT_HORIZON_DAYS,
  DEFAULT_WAKING_HOURS,
  type DayForecast,
  type ResolvedPlace,
  type WakingHours,
  type WeatherProvider,
} from './types.js';

/** Open-Meteo's public forecast endpoint. */
export const OPEN_METEO_FORECAST_URL = 'https://api.open-meteo.com/v1/forecast';
/** Open-Meteo's public geocoding endpoint. */
export const OPEN_METEO_GEOCODING_URL = 'https://geocoding-api.open-meteo.com/v1/search';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Options of {@link createOpenMeteoProvider}. Every field has a default. */
export interface OpenMeteoProviderOptions {
  /** Forecast endpoint (`OPEN_METEO_FORECAST_URL`); https unless loopback. */
  forecastUrl?: string;
  /** Geocoding endpoint (`OPEN_METEO_GEOCODING_URL`); https unless loopback. */
  geocodingUrl?: string;
  /** Sent as `apikey` when set (`OPEN_METEO_API_KEY`, paid plan). Never logged. */
  apiKey?: string;
  /** Budget for all weather calls of one request, ms (`WEATHER_TIMEOUT_MS`). Default 2500; 1 to 7500. */
  budgetMs?: number;
  /** Deadline of one upstream call, ms. Default 2000 (never more than the budget matters). */
  callTimeoutMs?: number;
  /** Days forecast, today included. Default 16 (Open-Meteo's most); 1 to 16. */
  horizonDays?: number;
  /** Local hours that make the waking day. Default 7 to 21. */
  wakingHours?: WakingHours;
  /** Fewest waking hours a day needs to be advised on. Default: the waking hours less 3. */
  minWakingHours?: number;
  /** How long a geocoded place (or a place not found) is kept, ms. Default 24 hours. */
  geocodingTtlMs?: number;
  /** How long a forecast is fresh, ms. Default 20 minutes. */
  forecastTtlMs?: number;
  /** How old a cached forecast may be and still answer when Open-Meteo fails, ms. Default 3 hours. */
  forecastStaleIfErrorMs?: number;
  /** Places kept in the geocoding cache. Default 1000. */
  maxPlaces?: number;
  /** Places whose forecast is kept. Default 200. */
  maxForecasts?: number;
  /** Largest answer accepted, bytes. Default 1 MiB. */
  maxBytes?: number;
  /** Language of place names. Default `en`. */
  language?: string;
  /** The clock, ms since the epoch. Default `Date.now`. */
  now?: () => number;
  /** The fetch implementation. Default: the skill's node:http fetch (common/http-fetch.ts). */
  fetch?: typeof fetch;
  /** Where upstream calls and failures are logged (never URLs, keys or postal codes). */
  logger?: Logger;
  /**
   * The cache every instance shares (`WEATHER_CACHE_TABLE`), behind the in-memory caches: places
   * and forecasts another instance fetched cost no upstream call. Default: none.
   */
  sharedCache?: SharedCache;
}

/** Checks `options` (one `ConfigError` naming every bad one) and returns the provider. */
export function createOpenMeteoProvider(options: OpenMeteoProviderOptions = {}): WeatherProvider {
  const check = checkOptions();
  const forecastUrl = check.url('forecastUrl', options.forecastUrl, OPEN_METEO_FORECAST_URL);
  const geocodingUrl = check.url('geocodingUrl', options.geocodingUrl, OPEN_METEO_GEOCODING_URL);
  const budgetMs = check.number('budgetMs', options.budgetMs, 2500, 1, 7500);
  const callTimeoutMs = check.number('callTimeoutMs', options.callTimeoutMs, 2000, 1, 7500);
  const horizonDays = check.number('horizonDays', options.horizonDays, DEFAULT_HORIZON_DAYS, 1, 16);
  const waking = check.wakingHours('wakingHours', options.wakingHours, DEFAULT_WAKING_HOURS);
  const wakingSpan = waking.to - waking.from + 1;
  const minHours = check.number(
    'minWakingHours',
    options.minWakingHours,
    Math.max(1, wakingSpan - 3),
    1,
    wakingSpan,
  );
  const day = 24 * HOUR;
  const geocodingTtlMs = check.number('geocodingTtlMs', options.geocodingTtlMs, day, 0, 30 * day);
  const forecastTtlMs = check.number('forecastTtlMs', options.forecastTtlMs, 20 * MINUTE, 0, day);
  const staleMs = check.number(
    'forecastStaleIfErrorMs',
    options.forecastStaleIfErrorMs,
    3 * HOUR,
    0,
    day,
  );
  const maxPlaces = check.number('maxPlaces', options.maxPlaces, 1000, 1, 100_000);
  const maxForecasts = check.number('maxForecasts', options.maxForecasts, 200, 1, 10_000);
  const maxBytes = check.number('maxBytes', options.maxBytes, 1024 * 1024, 1024, 16 * 1024 * 1024);
  check.done();

  const now = options.now ?? Date.now;
  const fetchImpl = options.fetch ?? defaultHttpFetch();
  const log = options.logger?.child({ provider: 'open-meteo' });
  const apiKey = options.apiKey === undefined || options.apiKey === '' ? undefined : options.apiKey;
  const language = options.language ?? 'en';

  const places = createLoadingCache<ResolvedPlace | null>({
    maxEntries: maxPlaces,
    ttlMs: geocodingTtlMs,
    staleIfErrorMs: 7 * day,
    now,
  });
  const forecasts = createLoadingCache<ForecastSeries>({
    maxEntries: maxForecasts,
    ttlMs: forecastTtlMs,
    staleIfErrorMs: staleMs,
    now,
  });

  const call = async <T>(what: string, url: URL, parse: (body: unknown) => T): Promise<T> => {
    if (apiKey !== undefined) url.searchParams.set('apikey', apiKey);
    const started = now();
    try {
      const result = parse(
        await getJson(url, { timeoutMs: callTimeoutMs, maxBytes, fetch: fetchImpl, what }),
      );
      log?.debug('weather call', { call: what, outcome: 'ok', ms: now() - started });
      return result;
    } catch (error) {
      log?.warn('weather call failed', { call: what, error, ms: now() - started });
      throw error;
    }
  };

  const geocode = (query: NormalizedPlaceQuery): Promise<ResolvedPlace | null> => {
    const url = new URL(geocodingUrl);
    url.searchParams.set('name', query.kind === 'name' ? query.name : query.postalCode);
    url.searchParams.set('count', '5');
    url.searchParams.set('language', language);
    url.searchParams.set('format', 'json');
    if (query.countryCode !== undefined) url.searchParams.set('countryCode', query.countryCode);
    return call('geocoding', url, parseGeocoding);
  };

  const loadForecast = (latitude: string, longitude: string): Promise<ForecastSeries> => {
    const url = new URL(forecastUrl);
    url.searchParams.set('latitude', latitude);
    url.searchParams.set('longitude', longitude);
    url.searchParams.set('hourly', HOURLY_VARIABLES.join(','));
    url.searchParams.set('timezone', 'auto');
    url.searchParams.set('forecast_days', String(horizonDays));
    url.searchParams.set('temperature_unit', 'celsius');
    url.searchParams.set('wind_speed_unit', 'kmh');
    url.searchParams.set('precipitation_unit', 'mm');
    url.searchParams.set('timeformat', 'iso8601');
    return call('forecast', url, (body) => parseForecast(body, waking));
  };

  // Behind the in-memory caches: the table every instance shares, when there is one.
  const shared = options.sharedCache;
  const lookUpPlace = (query: NormalizedPlaceQuery): Promise<ResolvedPlace | null> =>
    shared === undefined
      ? geocode(query)
      : shared.get(placeCacheKey(query), () => geocode(query), {
          codec: placeCodec,
          ttlMs: geocodingTtlMs,
        });
  // Keyed by the place's today too: every instance asking that place that day finds one item.
  const fetchForecast = (lat: string, lon: string, today: string): Promise<ForecastSeries> =>
    shared === undefined
      ? loadForecast(lat, lon)
      : shared.get(`${lat},${lon}:${today}:${horizonDays}`, () => loadForecast(lat, lon), {
          codec: forecastCodec,
          ttlMs: forecastTtlMs,
        });

  return {
    name: 'open-meteo',
    async preparePlace(place, callOptions = {}) {
      let budget: Budget | undefined;
      try {
        const { query, key } = keyedPlaceQuery(place);
        if (places.peek(key) !== undefined) return;
        await places.get(key, () => lookUpPlace(query), {
          signal: () =>
            (budget ??= startBudget(
              Math.min(callOptions.timeoutMs ?? budgetMs, budgetMs),
              callOptions.signal,
            )).signal,
        });
      } catch {
        // forecastDay meets the same failure again, and reports it.
      } finally {
        budget?.dispose();
      }
    },
    async forecastDay(request, callOptions = {}) {
      assertRequestedDate(request.date);
      const { query, key: placeKey } = keyedPlaceQuery(request.place);
      // Started on the first upstream call only: a request answered from the cache needs no timer.
      let budget: Budget | undefined;
      const signal = (): AbortSignal =>
        (budget ??= startBudget(
          Math.min(callOptions.timeoutMs ?? budgetMs, budgetMs),
          callOptions.signal,
        )).signal;
      try {
        // A warm instance answers from its caches without waiting on a promise.
        const found =
          places.peek(placeKey) ??
          (await places.get(placeKey, () => lookUpPlace(query), { signal }));
        if (found.value === null) {
          throw new PlaceNotFoundError('no-match', query.kind === 'name' ? query.name : undefined);
        }
        const place = found.value;
        const window = forecastWindow(localDate(now(), place.timeZone), horizonDays);
        const date = resolveRequestedDate(request.date, window, place.name);

        const latitude = place.latitude.toFixed(2);
        const longitude = place.longitude.toFixed(2);
        const usable = (series: ForecastSeries): boolean =>
          (series.days.get(date)?.length ?? 0) >= minHours;
        const forecastKey = `${latitude},${longitude}`;
        const cached =
          forecasts.peek(forecastKey, usable) ??
          (await forecasts.get(
            forecastKey,
            () => fetchForecast(latitude, longitude, window.today),
            { signal, isUsable: usable },
          ));
        const series = cached.value;
        if (!usable(series)) {
          if (date > series.lastDate) {
            throw new DateOutOfRangeError(
              'beyond-horizon',
              date,
              window.today,
              series.lastDate,
              place.name,
            );
          }
          throw new WeatherUnavailableError('incomplete', 'The forecast lacks most of that day');
        }
        if (cached.stale)
          log?.info('weather stale forecast served', { ageMs: now() - cached.loadedAt });
        const forecast: DayForecast = {
          provider: 'open-meteo',
          place,
          date,
          today: window.today,
          lastDate: window.lastDate,
          hours: series.days.get(date) ?? [],
          fetchedAt: cached.loadedAt,
          stale: cached.stale,
        };
        return forecast;
      } finally {
        budget?.dispose();
      }
    },
  };
}
