/**
 * Checks Open-Meteo's answers field by field before anything reads them. Anything unexpected is
 * a {@link WeatherUnavailableError} (`invalid-response`): garbage never reaches the advice.
 */
import { isRecord } from '../../common/json.js';
import { isKnownTimeZone } from './dates.js';
import { WeatherUnavailableError } from './errors.js';
import type { HourlyWeather, IsoDate, ResolvedPlace, WakingHours } from './types.js';

/** The hourly variables asked of the forecast API, in metric units. */
export const HOURLY_VARIABLES = [
  'apparent_temperature',
  'precipitation_probability',
  'precipitation',
  'snowfall',
  'wind_speed_10m',
  'uv_index',
] as const;

/** One of {@link HOURLY_VARIABLES}. */
export type HourlyVariable = (typeof HOURLY_VARIABLES)[number];

/** Plausible bounds and the unit each variable must come in (undefined: not checked). */
const VARIABLE_RULES: Record<HourlyVariable, { min: number; max: number; unit?: string }> = {
  apparent_temperature: { min: -100, max: 80, unit: '°C' },
  precipitation_probability: { min: 0, max: 100, unit: '%' },
  precipitation: { min: 0, max: 1000, unit: 'mm' },
  snowfall: { min: 0, max: 1000, unit: 'cm' },
  wind_speed_10m: { min: 0, max: 600, unit: 'km/h' },
  uv_index: { min: 0, max: 40 },
};

/** A forecast as kept in the cache: per local date, the waking hours. */
export interface ForecastSeries {
  /** The time zone Open-Meteo used for the local times. */
  readonly timeZone: string;
  readonly utcOffsetSeconds: number;
  /** Waking hours per local date, in order; dates in order. */
  readonly days: ReadonlyMap<IsoDate, readonly HourlyWeather[]>;
  readonly firstDate: IsoDate;
  readonly lastDate: IsoDate;
}

/**
 * True when `value` is a finite number within the plausible bounds of `variable` (the same check
 * the forecast answer gets; the shared cache applies it to the items it reads back).
 */
export function isPlausible(variable: HourlyVariable, value: unknown): value is number {
  const rule = VARIABLE_RULES[variable];
  return (
    typeof value === 'number' && Number.isFinite(value) && value >= rule.min && value <= rule.max
  );
}

function invalid(what: string, detail: string): WeatherUnavailableError {
  return new WeatherUnavailableError('invalid-response', `The ${what} answer ${detail}`);
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * The first usable place in a geocoding answer, or `null` when there is none. A result without a
 * time zone (a country, say) is skipped; a result of the wrong shape makes the answer invalid.
 */
export function parseGeocoding(body: unknown): ResolvedPlace | null {
  if (!isRecord(body)) throw invalid('geocoding', 'is not a JSON object');
  if (body.error === true) throw invalid('geocoding', 'is an error');
  // Open-Meteo leaves `results` out entirely when nothing matches.
  if (body.results === undefined) return null;
  if (!Array.isArray(body.results)) throw invalid('geocoding', 'has no results array');
  for (const result of body.results as unknown[]) {
    if (!isRecord(result)) throw invalid('geocoding', 'has a result that is not an object');
    const { name, latitude, longitude, timezone, admin1, country_code, country } = result;
    if (typeof name !== 'string' || name.trim() === '') {
      throw invalid('geocoding', 'has a result without a name');
    }
    if (!isCoordinate(latitude, 90) || !isCoordinate(longitude, 180)) {
      throw invalid('geocoding', 'has a result without valid coordinates');
    }
    if (typeof timezone !== 'string' || !isKnownTimeZone(timezone)) continue;
    const region = optionalText(admin1);
    const countryCode = optionalText(country_code);
    const countryName = optionalText(country);
    return {
      name: name.trim(),
      latitude,
      longitude,
      timeZone: timezone,
      ...(region === undefined ? {} : { region }),
      ...(countryCode === undefined ? {} : { countryCode: countryCode.toUpperCase() }),
      ...(countryName === undefined ? {} : { country: countryName }),
    };
  }
  return null;
}

function isCoordinate(value: unknown, limit: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit;
}

const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):00$/;

/**
 * The waking hours of every day in a forecast answer. Hours whose apparent temperature is
 * missing are left out; the other variables may be `null` (the service has none for that hour).
 */
export function parseForecast(body: unknown, waking: WakingHours): ForecastSeries {
  if (!isRecord(body)) throw invalid('forecast', 'is not a JSON object');
  if (body.error === true) throw invalid('forecast', 'is an error');
  const { timezone, utc_offset_seconds: offset, hourly, hourly_units: units } = body;
  if (typeof timezone !== 'string' || timezone === '') {
    throw invalid('forecast', 'has no time zone');
  }
  if (typeof offset !== 'number' || !Number.isInteger(offset) || Math.abs(offset) > 18 * 3600) {
    throw invalid('forecast', 'has no valid UTC offset');
  }
  if (!isRecord(hourly)) throw invalid('forecast', 'has no hourly data');
  if (!isRecord(units)) throw invalid('forecast', 'has no hourly units');
  const time = hourly.time;
  if (!Array.isArray(time) || time.length === 0) throw invalid('forecast', 'has no hourly times');
  const columns = {} as Record<HourlyVariable, readonly (number | null)[]>;
  for (const variable of HOURLY_VARIABLES) {
    columns[variable] = column(hourly[variable], units[variable], variable, time.length);
  }

  const days = new Map<IsoDate, HourlyWeather[]>();
  let previous = '';
  (time as unknown[]).forEach((stamp, i) => {
    if (typeof stamp !== 'string') throw invalid('forecast', 'has a time that is not text');
    const match = LOCAL_TIME.exec(stamp);
    if (match === null) throw invalid('forecast', 'has a time that is not YYYY-MM-DDTHH:00');
    if (stamp <= previous) throw invalid('forecast', 'has times out of order');
    previous = stamp;
    const date = match[1] as IsoDate;
    const hour = Number(match[2]);
    if (hour > 23) throw invalid('forecast', 'has an hour past 23');
    const hours = days.get(date) ?? [];
    days.set(date, hours);
    const apparent = columns.apparent_temperature[i] ?? null;
    if (hour < waking.from || hour > waking.to || apparent === null) return;
    hours.push({
      hour,
      apparentTemperatureC: apparent,
      precipitationProbability: columns.precipitation_probability[i] ?? null,
      precipitationMm: columns.precipitation[i] ?? null,
      snowfallCm: columns.snowfall[i] ?? null,
      windSpeedKmh: columns.wind_speed_10m[i] ?? null,
      uvIndex: columns.uv_index[i] ?? null,
    });
  });
  const dates = [...days.keys()];
  return {
    timeZone: timezone,
    utcOffsetSeconds: offset,
    days,
    firstDate: dates[0] as IsoDate,
    lastDate: dates[dates.length - 1] as IsoDate,
  };
}

function column(
  values: unknown,
  unit: unknown,
  variable: HourlyVariable,
  length: number,
): readonly (number | null)[] {
  const rule = VARIABLE_RULES[variable];
  if (!Array.isArray(values)) throw invalid('forecast', `has no ${variable}`);
  if (values.length !== length) throw invalid('forecast', `has ${variable} of the wrong length`);
  if (rule.unit !== undefined && unit !== rule.unit) {
    throw invalid('forecast', `gives ${variable} in another unit`);
  }
  // An indexed loop with the bounds in hand: a fresh process runs this once over every hour of
  // the horizon (about 2,300 values) before V8 has optimised anything.
  const { min, max } = rule;
  for (let i = 0; i < length; i += 1) {
    const value: unknown = values[i];
    if (value === null) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw invalid('forecast', `has a ${variable} that is not a number`);
    }
    if (value < min || value > max) throw invalid('forecast', `has an implausible ${variable}`);
  }
  return values as (number | null)[];
}
