/**
 * `createDemoProvider(options)`: deterministic, offline forecasts for any place name, for the
 * local stack and tests. The same name and date always give the same day; nothing is fetched.
 * Every forecast says `provider: 'demo'`, so logs and cards can label it.
 */
import { ConfigError } from '../../common/env.js';
import type { Logger } from '../../common/logger.js';
import { assertRequestedDate, forecastWindow, resolveRequestedDate } from './date-range.js';
import { daysBetween, isKnownTimeZone, localDate } from './dates.js';
import { PlaceNotFoundError } from './errors.js';
import { normalizePlaceQuery } from './place-query.js';
import { hashString, seededRandom } from './seeded-random.js';
import {
  DEFAULT_HORIZON_DAYS,
  DEFAULT_WAKING_HOURS,
  type DayForecast,
  type HourlyWeather,
  type IsoDate,
  type WakingHours,
  type WeatherProvider,
} from './types.js';

/** Place names the demo provider does not know, so the "not found" path can be tried offline. */
export const DEMO_UNKNOWN_PLACES: readonly string[] = Object.freeze(['nowhere', 'atlantis']);

/** Options of {@link createDemoProvider}. */
export interface DemoProviderOptions {
  /** The clock, ms since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Time zone of every demo place but the well-known cities of {@link DEMO_TIME_ZONES}. Default `UTC`. */
  timeZone?: string;
  /** Days forecast, today included. Default 16. */
  horizonDays?: number;
  /** Local hours that make the waking day. Default 7 to 21. */
  wakingHours?: WakingHours;
  /** Names (case-insensitive) that are "not found". Default {@link DEMO_UNKNOWN_PLACES}. */
  unknownPlaces?: readonly string[];
  /** Told of each forecast made, labelled `provider: demo`. */
  logger?: Logger;
}

/** Creates the demo {@link WeatherProvider}. */
export function createDemoProvider(options: DemoProviderOptions = {}): WeatherProvider {
  const now = options.now ?? Date.now;
  const timeZone = options.timeZone ?? 'UTC';
  if (!isKnownTimeZone(timeZone)) {
    throw new ConfigError([{ name: 'timeZone', problem: 'is not a known IANA time zone' }]);
  }
  const horizonDays = options.horizonDays ?? DEFAULT_HORIZON_DAYS;
  const waking = options.wakingHours ?? DEFAULT_WAKING_HOURS;
  const unknown = new Set(
    (options.unknownPlaces ?? DEMO_UNKNOWN_PLACES).map((n) => n.toLowerCase()),
  );
  const log = options.logger?.child({ provider: 'demo' });

  return {
    name: 'demo',
    forecastDay(request) {
      // Async so that every failure is a rejection, as with the real provider.
      return Promise.resolve().then(() => {
        assertRequestedDate(request.date);
        const query = normalizePlaceQuery(request.place);
        const name = query.kind === 'name' ? titleCase(query.name) : query.postalCode;
        if (query.kind === 'name' && unknown.has(query.name.toLowerCase())) {
          throw new PlaceNotFoundError('no-match', query.name);
        }
        const zone = DEMO_TIME_ZONES[name.toLowerCase()] ?? timeZone;
        const window = forecastWindow(localDate(now(), zone), horizonDays);
        const date = resolveRequestedDate(request.date, window, name);
        const seed = hashString(name.toLowerCase());
        log?.debug('weather demo forecast', { outcome: 'ok' });
        const forecast: DayForecast = {
          provider: 'demo',
          place: {
            name,
            ...(query.countryCode === undefined ? {} : { countryCode: query.countryCode }),
            // Somewhere plausible, derived from the name; never a real lookup.
            latitude: Number(demoLatitude(seed).toFixed(2)),
            longitude: Number((((seed >>> 8) % 36_000) / 100 - 180).toFixed(2)),
            timeZone: zone,
          },
          date,
          today: window.today,
          lastDate: window.lastDate,
          hours: demoHours(name.toLowerCase(), date, waking),
          fetchedAt: now(),
          stale: false,
        };
        return forecast;
      });
    },
  };
}

/**
 * The real time zones of some well-known cities, so that "today in Paris" asked in the evening
 * in Los Angeles is judged as it would be with real weather; any other place is in the
 * provider's `timeZone`.
 */
export const DEMO_TIME_ZONES: Readonly<Record<string, string>> = {
  paris: 'Europe/Paris',
  london: 'Europe/London',
  berlin: 'Europe/Berlin',
  rome: 'Europe/Rome',
  madrid: 'Europe/Madrid',
  amsterdam: 'Europe/Amsterdam',
  dublin: 'Europe/Dublin',
  oslo: 'Europe/Oslo',
  moscow: 'Europe/Moscow',
  'new york': 'America/New_York',
  boston: 'America/New_York',
  miami: 'America/New_York',
  chicago: 'America/Chicago',
  austin: 'America/Chicago',
  denver: 'America/Denver',
  phoenix: 'America/Phoenix',
  seattle: 'America/Los_Angeles',
  'los angeles': 'America/Los_Angeles',
  'san francisco': 'America/Los_Angeles',
  portland: 'America/Los_Angeles',
  honolulu: 'Pacific/Honolulu',
  anchorage: 'America/Anchorage',
  toronto: 'America/Toronto',
  vancouver: 'America/Vancouver',
  'mexico city': 'America/Mexico_City',
  'sao paulo': 'America/Sao_Paulo',
  tokyo: 'Asia/Tokyo',
  seoul: 'Asia/Seoul',
  beijing: 'Asia/Shanghai',
  'hong kong': 'Asia/Hong_Kong',
  singapore: 'Asia/Singapore',
  mumbai: 'Asia/Kolkata',
  delhi: 'Asia/Kolkata',
  dubai: 'Asia/Dubai',
  cairo: 'Africa/Cairo',
  sydney: 'Australia/Sydney',
  melbourne: 'Australia/Melbourne',
  perth: 'Australia/Perth',
  auckland: 'Pacific/Auckland',
};

function titleCase(name: string): string {
  return name.replace(
    /(^|[\s-])(\p{Ll})/gu,
    (_, sep: string, letter: string) => sep + letter.toUpperCase(),
  );
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** A made-up latitude from a name's hash: mostly northern mid-latitudes, where most users are. */
function demoLatitude(seed: number): number {
  const position = (seed % 10_000) / 10_000;
  return seed % 4 === 0 ? -45 + position * 70 : 25 + position * 35;
}

/** A plausible day for `place` on `date`: a climate from the name, weather from name and date. */
export function demoHours(place: string, date: IsoDate, waking: WakingHours): HourlyWeather[] {
  const seed = hashString(place);
  const climate = seededRandom(seed);
  // The same made-up latitude the forecast reports: warmer near the equator, and a season that
  // follows the hemisphere (mid-July warmest in the north, mid-January in the south).
  const latitude = demoLatitude(seed);
  const annualMeanC = 27 - Math.abs(latitude) * 0.45 + (climate() - 0.5) * 6;
  const seasonalSwingC = Math.abs(latitude) * 0.25;
  const dayOfYear = daysBetween(`${date.slice(0, 4)}-01-01`, date);
  const summer = Math.cos((2 * Math.PI * (dayOfYear - 196)) / 365.25);
  const baseC = annualMeanC + seasonalSwingC * (latitude >= 0 ? summer : -summer);
  const random = seededRandom(hashString(`${place}|${date}`));
  const meanC = baseC + (random() - 0.5) * 12;
  const amplitude = 2 + random() * 6;
  const wet = random() < 0.35;
  const wetFrom = waking.from + Math.floor(random() * 10);
  const wetTo = wetFrom + 2 + Math.floor(random() * 7);
  const windBase = 4 + random() * 36;
  const sunPeak = Math.max(0, Math.min(11, (meanC + 6) / 3.5));

  const hours: HourlyWeather[] = [];
  for (let hour = waking.from; hour <= waking.to; hour += 1) {
    const apparent = meanC + amplitude * Math.sin((Math.PI * (hour - 9)) / 12);
    const raining = wet && hour >= wetFrom && hour <= wetTo;
    const precipitationMm = raining ? round1(0.3 + random() * 2.5) : 0;
    const sunShape = Math.max(0, Math.cos((Math.PI * (hour - 13)) / 12));
    hours.push({
      hour,
      apparentTemperatureC: round1(apparent),
      precipitationProbability: raining
        ? 60 + Math.floor(random() * 35)
        : Math.floor(random() * 20),
      precipitationMm,
      snowfallCm: raining && apparent <= 1 ? round1(precipitationMm * 0.7) : 0,
      windSpeedKmh: round1(windBase + random() * 8),
      uvIndex: round1((raining ? 0.3 : 1) * sunPeak * sunShape),
    });
  }
  return hours;
}
