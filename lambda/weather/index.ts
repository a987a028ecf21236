export * from './types.js';
export * from './errors.js';
export { addDays, dayOfWeek, daysBetween, isIsoDate, isKnownTimeZone, localDate } from './dates.js';
export { forecastWindow, resolveRequestedDate, type ForecastWindow } from './date-range.js';
export { MAX_PLACE_NAME_LENGTH } from './place-query.js';
export {
  createOpenMeteoProvider,
  OPEN_METEO_FORECAST_URL,
  OPEN_METEO_GEOCODING_URL,
  type OpenMeteoProviderOptions,
} from './open-meteo.js';
export {
  createDemoProvider,
  DEMO_TIME_ZONES,
  DEMO_UNKNOWN_PLACES,
  type DemoProviderOptions,
} from './demo.js';
export {
  createWeatherProvider,
  weatherEnvSpec,
  type WeatherConfig,
  type WeatherDependencies,
} from './from-config.js';
export { hashString } from './seeded-random.js';
