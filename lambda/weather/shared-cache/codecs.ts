/**
 * What the shared cache stores, and how it is read back: small JSON documents holding only what
 * the advice reads (a resolved place, a forecast's waking hours), never Open-Meteo's raw body.
 * Every decode checks the document field by field as strictly as the upstream answer is checked;
 * anything else throws {@link CorruptItemError}, which the cache treats as a miss.
 */
import { isRecord } from '../../../common/json.js';
import { isIsoDate } from '../dates.js';
import {
  isPlausible,
  parseGeocoding,
  type ForecastSeries,
  type HourlyVariable,
} from '../open-meteo-schema.js';
import type { HourlyWeather, IsoDate, ResolvedPlace } from '../types.js';

/** A stored document that cannot be read back (wrong shape, implausible values, not JSON). */
export class CorruptItemError extends Error {
  override readonly name = 'CorruptItemError';
  readonly code = 'ERR_SHARED_CACHE_CORRUPT_ITEM';
}

/** Turns a value into the text stored in the table, and the text back into a checked value. */
export interface ItemCodec<V> {
  /** A short name for logs and item keys (`place`, `forecast`). */
  readonly kind: string;
  encode(value: V): string;
  /** The value `text` holds; throws {@link CorruptItemError} for anything not written by `encode`. */
  decode(text: string): V;
}

function corrupt(kind: string, detail: string, cause?: unknown): CorruptItemError {
  return new CorruptItemError(`The shared ${kind} item ${detail}`, { cause });
}

function parseJson(kind: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw corrupt(kind, 'is not JSON', cause);
  }
}

/**
 * A geocoding answer: the place, or `null` for "no such place". Stored in Open-Meteo's own result
 * shape, so that reading it back goes through the same checks as the upstream answer.
 */
export const placeCodec: ItemCodec<ResolvedPlace | null> = {
  kind: 'place',
  encode(place) {
    if (place === null) return JSON.stringify({ found: false });
    const result = {
      name: place.name,
      latitude: place.latitude,
      longitude: place.longitude,
      timezone: place.timeZone,
      ...(place.region === undefined ? {} : { admin1: place.region }),
      ...(place.countryCode === undefined ? {} : { country_code: place.countryCode }),
      ...(place.country === undefined ? {} : { country: place.country }),
    };
    return JSON.stringify({ found: true, results: [result] });
  },
  decode(text) {
    const body = parseJson('place', text);
    if (!isRecord(body)) throw corrupt('place', 'is not an object');
    if (body.found === false && body.results === undefined) return null;
    if (body.found !== true || !Array.isArray(body.results) || body.results.length !== 1) {
      throw corrupt('place', 'has neither one place nor "not found"');
    }
    let place: ResolvedPlace | null;
    try {
      place = parseGeocoding({ results: body.results });
    } catch (cause) {
      throw corrupt('place', 'holds an invalid place', cause);
    }
    if (place === null) throw corrupt('place', 'holds a place without a known time zone');
    return place;
  },
};

/** The hour's fields in stored order, each with the variable whose bounds it must respect. */
const HOUR_FIELDS: readonly [Exclude<keyof HourlyWeather, 'hour'>, HourlyVariable][] = [
  ['apparentTemperatureC', 'apparent_temperature'],
  ['precipitationProbability', 'precipitation_probability'],
  ['precipitationMm', 'precipitation'],
  ['snowfallCm', 'snowfall'],
  ['windSpeedKmh', 'wind_speed_10m'],
  ['uvIndex', 'uv_index'],
];

/** One stored hour: `[hour, apparent °C, precipitation %, mm, snow cm, wind km/h, UV]`. */
type StoredHour = [number, ...(number | null)[]];

function decodeHour(raw: unknown, previous: number): HourlyWeather {
  if (!Array.isArray(raw) || raw.length !== HOUR_FIELDS.length + 1) {
    throw corrupt('forecast', 'has an hour of the wrong shape');
  }
  const [hour, ...values] = raw as unknown[];
  if (typeof hour !== 'number' || !Number.isInteger(hour) || hour <= previous || hour > 23) {
    throw corrupt('forecast', 'has an hour out of order or out of range');
  }
  const decoded: Record<string, number | null> = { hour };
  HOUR_FIELDS.forEach(([field, variable], i) => {
    const value = values[i];
    const required = field === 'apparentTemperatureC';
    if (value === null && !required) {
      decoded[field] = null;
      return;
    }
    if (!isPlausible(variable, value)) throw corrupt('forecast', `has an implausible ${field}`);
    decoded[field] = value;
  });
  return decoded as unknown as HourlyWeather;
}

/**
 * A forecast series: the time zone, the dates it covers, and each date's waking hours as compact
 * tuples (about 5 KB for 16 days, against Open-Meteo's 30 KB body).
 */
export const forecastCodec: ItemCodec<ForecastSeries> = {
  kind: 'forecast',
  encode(series) {
    const days = [...series.days].map(([date, hours]) => [
      date,
      hours.map((h): StoredHour => [h.hour, ...HOUR_FIELDS.map(([field]) => h[field])]),
    ]);
    return JSON.stringify({
      tz: series.timeZone,
      off: series.utcOffsetSeconds,
      first: series.firstDate,
      last: series.lastDate,
      days,
    });
  },
  decode(text) {
    const body = parseJson('forecast', text);
    if (!isRecord(body)) throw corrupt('forecast', 'is not an object');
    const { tz, off, first, last, days } = body;
    if (typeof tz !== 'string' || tz === '') throw corrupt('forecast', 'has no time zone');
    if (typeof off !== 'number' || !Number.isInteger(off) || Math.abs(off) > 18 * 3600) {
      throw corrupt('forecast', 'has no valid UTC offset');
    }
    if (!Array.isArray(days) || days.length === 0) throw corrupt('forecast', 'has no days');
    const map = new Map<IsoDate, readonly HourlyWeather[]>();
    let previousDate = '';
    for (const entry of days as unknown[]) {
      if (!Array.isArray(entry) || entry.length !== 2) {
        throw corrupt('forecast', 'has a day of the wrong shape');
      }
      const [date, hours] = entry as unknown[];
      if (!isIsoDate(date) || date <= previousDate) {
        throw corrupt('forecast', 'has a date that is invalid or out of order');
      }
      if (!Array.isArray(hours)) throw corrupt('forecast', 'has a day without hours');
      previousDate = date;
      let previousHour = -1;
      map.set(
        date,
        (hours as unknown[]).map((raw) => {
          const hour = decodeHour(raw, previousHour);
          previousHour = hour.hour;
          return hour;
        }),
      );
    }
    const dates = [...map.keys()];
    if (first !== dates[0] || last !== dates[dates.length - 1]) {
      throw corrupt('forecast', 'names a first or last date it does not hold');
    }
    return {
      timeZone: tz,
      utcOffsetSeconds: off,
      days: map,
      firstDate: first as IsoDate,
      lastDate: last as IsoDate,
    };
  },
};
