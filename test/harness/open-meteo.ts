/**
 * nock helpers that serve Open-Meteo answers (built in `open-meteo-bodies.ts`, re-exported here).
 * Reusable by the skill's suites: `serveGeocoding('Chicago', CHICAGO)`,
 * `serveForecast(forecastBody(...))`.
 */
import nock from 'nock';
import {
  FORECAST_ORIGIN,
  FORECAST_PATH,
  GEOCODING_ORIGIN,
  GEOCODING_PATH,
} from './open-meteo-bodies.js';

export * from './open-meteo-bodies.js';

type Query = Record<string, string | string[] | undefined>;

/** Serves one geocoding answer for a `name` query (and any other checks of `match`). */
export function serveGeocoding(
  name: string,
  body: unknown,
  options: { status?: number; match?: (query: Query) => boolean; origin?: string } = {},
): nock.Scope {
  return nock(options.origin ?? GEOCODING_ORIGIN)
    .get(GEOCODING_PATH)
    .query((q: Query) => q.name === name && (options.match?.(q) ?? true))
    .reply(options.status ?? 200, body as nock.Body);
}

/** Serves one forecast answer (for any coordinates unless `match` says otherwise). */
export function serveForecast(
  body: unknown,
  options: { status?: number; match?: (query: Query) => boolean; origin?: string } = {},
): nock.Scope {
  return nock(options.origin ?? FORECAST_ORIGIN)
    .get(FORECAST_PATH)
    .query((q: Query) => options.match?.(q) ?? true)
    .reply(options.status ?? 200, body as nock.Body);
}

/**
 * What the skill says when no forecast can be had (either wording, as SSML escapes it), and no
 * other "Sorry": a key-set apology must not pass for a weather failure.
 */
export const WEATHER_APOLOGY =
  /Sorry, (I can(?:'|&apos;)t get the forecast|the weather service isn(?:'|&apos;)t answering)/;
