/** Forecasts and advice for speech tests, built through the real advice rules. */
import { adviseDay, type Advice } from '../../../lambda/advice/index.js';
import type { DayForecast, HourlyWeather } from '../../../lambda/weather/index.js';

/** A seed for which every varied slot takes its first wording. */
export const FIRST_WORDING_SEED = 'request-79';

export const CHICAGO_PLACE: DayForecast['place'] = {
  name: 'Chicago',
  region: 'Illinois',
  countryCode: 'US',
  country: 'United States',
  latitude: 41.85,
  longitude: -87.65,
  timeZone: 'America/Chicago',
};

/** Hours from 7:00 to 21:00 with a feels-like rising from `low` (7:00) to `high` (15:00) and back a little. */
export function hours(
  low: number,
  high: number,
  extra: (hour: number) => Partial<HourlyWeather> = () => ({}),
): HourlyWeather[] {
  const out: HourlyWeather[] = [];
  for (let hour = 7; hour <= 21; hour += 1) {
    const t =
      hour <= 15 ? low + ((high - low) * (hour - 7)) / 8 : high - ((high - low) * (hour - 15)) / 16;
    out.push({
      hour,
      apparentTemperatureC: t,
      precipitationProbability: 10,
      precipitationMm: 0,
      snowfallCm: 0,
      windSpeedKmh: 12,
      uvIndex: 1,
      ...extra(hour),
    });
  }
  return out;
}

/** A forecast for `date` seen from `today`, with `hourly`. */
export function forecast(
  hourly: HourlyWeather[],
  options: Partial<Pick<DayForecast, 'date' | 'today' | 'provider' | 'stale' | 'place'>> = {},
): DayForecast {
  return {
    provider: options.provider ?? 'open-meteo',
    place: options.place ?? CHICAGO_PLACE,
    date: options.date ?? '2026-11-26',
    today: options.today ?? '2026-11-25',
    lastDate: '2026-12-10',
    hours: hourly,
    fetchedAt: 0,
    stale: options.stale ?? false,
  };
}

/** The example day: feels like 2 to 9 °C, rain likely after noon. */
export function exampleDay(): { day: DayForecast; advice: Advice } {
  const day = forecast(
    hours(2, 9, (h) => (h >= 13 ? { precipitationProbability: 80, precipitationMm: 1 } : {})),
  );
  return { day, advice: adviseDay(day.hours) };
}
