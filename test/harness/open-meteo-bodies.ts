/**
 * Open-Meteo answers shaped like the real ones (geocoding `/v1/search`, forecast `/v1/forecast`
 * with hourly variables, `timezone=auto`), as plain data: no nock here, so that the benchmarks
 * and the load script can use them without nock taking over node:http in their processes.
 */
export const FORECAST_ORIGIN = 'https://api.open-meteo.com';
export const FORECAST_PATH = '/v1/forecast';
export const GEOCODING_ORIGIN = 'https://geocoding-api.open-meteo.com';
export const GEOCODING_PATH = '/v1/search';

/** One geocoding result, as Open-Meteo writes it. */
export type GeocodingResult = Record<string, unknown>;

export const CHICAGO: GeocodingResult = {
  id: 4887398,
  name: 'Chicago',
  latitude: 41.85003,
  longitude: -87.65005,
  elevation: 179.0,
  feature_code: 'PPLA2',
  country_code: 'US',
  admin1_id: 4896861,
  admin2_id: 4888671,
  timezone: 'America/Chicago',
  population: 2720546,
  postcodes: ['60601', '60602', '60603'],
  country_id: 6252001,
  country: 'United States',
  admin1: 'Illinois',
  admin2: 'Cook',
};

export const SYDNEY: GeocodingResult = {
  id: 2147714,
  name: 'Sydney',
  latitude: -33.86785,
  longitude: 151.20732,
  elevation: 58.0,
  feature_code: 'PPLA',
  country_code: 'AU',
  admin1_id: 2155400,
  timezone: 'Australia/Sydney',
  population: 4627345,
  country_id: 2077456,
  country: 'Australia',
  admin1: 'New South Wales',
};

/** A geocoding answer; no results means no `results` key at all, as Open-Meteo does. */
export function geocodingBody(...results: GeocodingResult[]): Record<string, unknown> {
  return results.length === 0 ? { generationtime_ms: 0.61 } : { results, generationtime_ms: 1.02 };
}

/** A place like {@link CHICAGO} elsewhere: a distinct name and coordinates. */
export function cityNumbered(n: number): GeocodingResult {
  return {
    ...CHICAGO,
    id: 1_000_000 + n,
    name: `City ${n}`,
    latitude: 30 + n * 0.5,
    longitude: -100 + n * 0.5,
  };
}

/** One hour's values, metric; `null` where the service has no value. */
export interface HourValues {
  apparent_temperature: number | null;
  precipitation_probability: number | null;
  precipitation: number | null;
  snowfall: number | null;
  wind_speed_10m: number | null;
  uv_index: number | null;
}

/** A mild, dry hour: the default of {@link forecastBody}. */
export function mildHour(hour: number): HourValues {
  return {
    apparent_temperature: 10 + Math.round(6 * Math.sin((Math.PI * (hour - 9)) / 12) * 10) / 10,
    precipitation_probability: 5,
    precipitation: 0,
    snowfall: 0,
    wind_speed_10m: 12.3,
    uv_index: hour >= 9 && hour <= 17 ? 3.1 : 0,
  };
}

export interface ForecastBodyOptions {
  /** First local date (the place's today). */
  startDate: string;
  /** Days of hourly data. Default 16. */
  days?: number;
  timezone?: string;
  utcOffsetSeconds?: number;
  /** The values of each hour. Default {@link mildHour}. */
  hour?: (date: string, hour: number) => HourValues;
}

/** A forecast answer with hourly data for `days` days from `startDate`. */
export function forecastBody(options: ForecastBodyOptions): Record<string, unknown> {
  const days = options.days ?? 16;
  const hourOf = options.hour ?? ((_date: string, hour: number) => mildHour(hour));
  const time: string[] = [];
  const columns: Record<keyof HourValues, (number | null)[]> = {
    apparent_temperature: [],
    precipitation_probability: [],
    precipitation: [],
    snowfall: [],
    wind_speed_10m: [],
    uv_index: [],
  };
  const start = Date.parse(`${options.startDate}T00:00:00Z`);
  for (let d = 0; d < days; d += 1) {
    const date = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
    for (let h = 0; h < 24; h += 1) {
      time.push(`${date}T${String(h).padStart(2, '0')}:00`);
      const values = hourOf(date, h);
      for (const key of Object.keys(columns) as (keyof HourValues)[]) {
        columns[key].push(values[key]);
      }
    }
  }
  return {
    latitude: 41.862915,
    longitude: -87.64877,
    generationtime_ms: 0.2,
    utc_offset_seconds: options.utcOffsetSeconds ?? -21600,
    timezone: options.timezone ?? 'America/Chicago',
    timezone_abbreviation: 'GMT-6',
    elevation: 180.0,
    hourly_units: {
      time: 'iso8601',
      apparent_temperature: '°C',
      precipitation_probability: '%',
      precipitation: 'mm',
      snowfall: 'cm',
      wind_speed_10m: 'km/h',
      uv_index: '',
    },
    hourly: { time, ...columns },
  };
}
