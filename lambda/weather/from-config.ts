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
import type { WeatherProvider } from './types.js';

/** The variables of CONTRACT.md "Environment" that configure the weather, with their defaults. */
export const weatherEnvSpec = {
  WEATHER_PROVIDER: oneOf(['open-meteo', 'demo'], { default: 'open-meteo' }),
  OPEN_METEO_FORECAST_URL: serviceUrl({ default: OPEN_METEO_FORECAST_URL }),
  OPEN_METEO_GEOCODING_URL: serviceUrl({ default: OPEN_METEO_GEOCODING_URL }),
  OPEN_METEO_API_KEY: optionalStr(),
  // Alexa waits about 8 s for the whole answer; the key set may take up to 3 s of it.
  WEATHER_TIMEOUT_MS: int({ default: 2500, min: 100, max: 4500 }),
};

/** The parsed values of {@link weatherEnvSpec}. */
export interface WeatherConfig {
  readonly WEATHER_PROVIDER: 'open-meteo' | 'demo';
  readonly OPEN_METEO_FORECAST_URL: string;
  readonly OPEN_METEO_GEOCODING_URL: string;
  readonly OPEN_METEO_API_KEY: string | undefined;
  readonly WEATHER_TIMEOUT_MS: number;
}

/** What the provider needs besides configuration. */
export interface WeatherDependencies {
  /** The clock, ms since the epoch. Default `Date.now`. */
  readonly now?: () => number;
  readonly logger?: Logger;
  /** The fetch implementation (Open-Meteo only). */
  readonly fetch?: typeof fetch;
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
  return createOpenMeteoProvider({
    forecastUrl: config.OPEN_METEO_FORECAST_URL,
    geocodingUrl: config.OPEN_METEO_GEOCODING_URL,
    ...(config.OPEN_METEO_API_KEY === undefined ? {} : { apiKey: config.OPEN_METEO_API_KEY }),
    budgetMs: config.WEATHER_TIMEOUT_MS,
    callTimeoutMs: Math.min(2000, config.WEATHER_TIMEOUT_MS),
    ...dependencies,
  });
}
