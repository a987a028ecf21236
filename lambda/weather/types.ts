/**
 * The weather provider's vocabulary: what a caller asks for and the day's forecast it gets back.
 * Values are metric (Celsius, km/h, mm, cm), local times are the place's wall-clock times.
 */

/** A place by name ("Chicago"), optionally narrowed to a country (ISO 3166-1 alpha-2, "US"). */
export interface PlaceByName {
  readonly name: string;
  readonly countryCode?: string;
}

/** A place by postal code within a country (from the Device Address API). */
export interface PlaceByPostalCode {
  readonly postalCode: string;
  readonly countryCode: string;
}

/** What to look up: a city name (shorthand for `{ name }`), a name with a country, or a postal code. */
export type PlaceQuery = string | PlaceByName | PlaceByPostalCode;

/** A local calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** One forecast request: a place and a local date in that place (or `today` there). */
export interface ForecastRequest {
  readonly place: PlaceQuery;
  /** `YYYY-MM-DD` in the place's time zone, or the word `today` (the place's today). */
  readonly date: string;
}

/** How long a caller lets the provider work. */
export interface ForecastCallOptions {
  /** Aborts the request (the caller's own deadline); the provider answers `ERR_WEATHER_UNAVAILABLE`. */
  readonly signal?: AbortSignal;
  /** A tighter budget than the provider's own for this call, in milliseconds. */
  readonly timeoutMs?: number;
}

/** The place a query resolved to. */
export interface ResolvedPlace {
  /** The place's name as it should be spoken ("Chicago"). */
  readonly name: string;
  /** First-level administrative area ("Illinois"), when known. */
  readonly region?: string;
  /** ISO 3166-1 alpha-2 code ("US"), when known. */
  readonly countryCode?: string;
  /** Country name ("United States"), when known. */
  readonly country?: string;
  readonly latitude: number;
  readonly longitude: number;
  /** IANA time zone of the place ("America/Chicago"). */
  readonly timeZone: string;
}

/** One hour of the forecast. Only the apparent temperature is guaranteed; the rest may be unknown. */
export interface HourlyWeather {
  /** Local wall-clock hour, 0-23. */
  readonly hour: number;
  /** "Feels like" temperature, °C. */
  readonly apparentTemperatureC: number;
  /** Probability of precipitation, 0-100 %, or null when the service has none for that hour. */
  readonly precipitationProbability: number | null;
  /** Precipitation (rain, showers, snow as water) over the preceding hour, mm. */
  readonly precipitationMm: number | null;
  /** Snowfall over the preceding hour, cm. */
  readonly snowfallCm: number | null;
  /** Wind speed at 10 m, km/h. */
  readonly windSpeedKmh: number | null;
  /** UV index. */
  readonly uvIndex: number | null;
}

/** Names of the providers, as they appear in logs and on {@link DayForecast.provider}. */
export type WeatherProviderName = 'open-meteo' | 'demo';

/** One day's forecast for one place, over waking hours. */
export interface DayForecast {
  readonly provider: WeatherProviderName;
  readonly place: ResolvedPlace;
  /** The forecast's local date, `YYYY-MM-DD`. */
  readonly date: IsoDate;
  /** Today in the place's time zone, by the provider's clock. */
  readonly today: IsoDate;
  /** The last date the provider can forecast (today plus the horizon, less one). */
  readonly lastDate: IsoDate;
  /** Waking hours (by default 7:00 to 21:00), in order, one entry per local hour present. */
  readonly hours: readonly HourlyWeather[];
  /** When the forecast was fetched (epoch ms, provider's clock). */
  readonly fetchedAt: number;
  /** True when a fresh forecast could not be had and an older cached one was used instead. */
  readonly stale: boolean;
}

/** The interface the skill uses: one day's forecast for a place, or a typed {@link WeatherError}. */
export interface WeatherProvider {
  readonly name: WeatherProviderName;
  /**
   * Resolves the place, checks the date against the place's today and the forecast horizon, and
   * returns that day's forecast over waking hours. Throws `PlaceNotFoundError`,
   * `DateOutOfRangeError` or `WeatherUnavailableError`; never anything else for a well-formed
   * request (a malformed one throws `InvalidForecastRequestError`).
   */
  forecastDay(request: ForecastRequest, options?: ForecastCallOptions): Promise<DayForecast>;
  /**
   * Starts resolving `place` (geocoding, through the same cache `forecastDay` reads), so that a
   * request that must first learn the day (Settings) loses no round trip on it. Never rejects: a
   * failure here is met again, and reported, by `forecastDay`. Providers without a lookup of
   * their own leave it out.
   */
  preparePlace?(place: ForecastRequest['place'], options?: ForecastCallOptions): Promise<void>;
}

/** Local hours (inclusive) that count as the waking day. */
export interface WakingHours {
  readonly from: number;
  readonly to: number;
}

/** 7:00 to 21:00 local time. */
export const DEFAULT_WAKING_HOURS: WakingHours = Object.freeze({ from: 7, to: 21 });

/** Open-Meteo forecasts up to 16 days: today and the 15 after it. */
export const DEFAULT_HORIZON_DAYS = 16;
