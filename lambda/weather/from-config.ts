/**
 * The weather part of the skill's environment, as `parseEnv` fields the Lambda entry spreads into
 * its spec, and the factory that turns the parsed values into a provider.
 */
import { int, oneOf, optionalStr, serviceUrl } from '../../common/env.js';
import type { Logger } from '../../common/logger.js';
import { createDemoProvider } from './demo.js';
import {
  createOpenMeteoProvider,
  OPEN_METEO_FORECAST_URL,
  OPEN_METEO_GEOCODING_URL,
} from './open-meteo.js';
import { createDynamoDbSharedCache, type SharedCache } from './shared-cache/index.js';
import type { WeatherProvider } from './types.js';

/** The variables of CONTRACT.md "Environment" that configure the weather, with their defaults. */
export const weatherEnvSpec = {
  WEATHER_PROVIDER: oneOf(['open-meteo', 'demo'], { default: 'open-meteo' }),
  OPEN_METEO_FORECAST_URL: serviceUrl({ default: OPEN_METEO_FORECAST_URL }),
  OPEN_METEO_GEOCODING_URL: serviceUrl({ default: OPEN_METEO_GEOCODING_URL }),
  OPEN_METEO_API_KEY: optionalStr(),
  // Alexa waits about 8 s for the whole answer; the key set may take up to 3 s of it.
  WEATHER_TIMEOUT_MS: int({ default: 2500, min: 100, max: 4500 }),
  // DynamoDB's own rule for table names; unset: each instance caches in memory only.
  WEATHER_CACHE_TABLE: optionalStr({
    pattern: /^[A-Za-z0-9_.-]{3,255}$/,
    describe: 'a DynamoDB table name (3 to 255 of A-Z, a-z, 0-9, _ . -)',
  }),
};

/** The parsed values of {@link weatherEnvSpec}. */
export interface WeatherConfig {
  readonly WEATHER_PROVIDER: 'open-meteo' | 'demo';
  readonly OPEN_METEO_FORECAST_URL: string;
  readonly OPEN_METEO_GEOCODING_URL: string;
  readonly OPEN_METEO_API_KEY: string | undefined;
  readonly WEATHER_TIMEOUT_MS: number;
  /** The shared cache's DynamoDB table; undefined: in-memory caches only (and no SDK loaded). */
  readonly WEATHER_CACHE_TABLE?: string | undefined;
}

/** What the provider needs besides configuration. */
export interface WeatherDependencies {
  /** The clock, ms since the epoch. Default `Date.now`. */
  readonly now?: () => number;
  readonly logger?: Logger;
  /** The fetch implementation (Open-Meteo only). */
  readonly fetch?: typeof fetch;
  /**
   * The shared cache to use instead of the DynamoDB one `WEATHER_CACHE_TABLE` names (Open-Meteo
   * only; tests). Default: built from `WEATHER_CACHE_TABLE` when set.
   */
  readonly sharedCache?: SharedCache;
}

/** Builds the provider `config` names. Call once per container so that its cache is shared. */
export function createWeatherProvider(
  config: WeatherConfig,
  dependencies: WeatherDependencies = {},
): WeatherProvider {
  if (config.WEATHER_PROVIDER === 'demo') {
    return createDemoProvider({
      ...(dependencies.now === undefined ? {} : { now: dependencies.now }),
      ...(dependencies.logger === undefined ? {} : { logger: dependencies.logger }),
    });
  }
  const table = config.WEATHER_CACHE_TABLE;
  const sharedCache =
    dependencies.sharedCache ??
    (table === undefined
      ? undefined
      : createDynamoDbSharedCache({
          tableName: table,
          budgetMs: config.WEATHER_TIMEOUT_MS,
          ...(dependencies.now === undefined ? {} : { now: dependencies.now }),
          ...(dependencies.logger === undefined ? {} : { logger: dependencies.logger }),
        }));
  return createOpenMeteoProvider({
    forecastUrl: config.OPEN_METEO_FORECAST_URL,
    geocodingUrl: config.OPEN_METEO_GEOCODING_URL,
    ...(config.OPEN_METEO_API_KEY === undefined ? {} : { apiKey: config.OPEN_METEO_API_KEY }),
    budgetMs: config.WEATHER_TIMEOUT_MS,
    callTimeoutMs: Math.min(2000, config.WEATHER_TIMEOUT_MS),
    ...dependencies,
    ...(sharedCache === undefined ? {} : { sharedCache }),
  });
}
