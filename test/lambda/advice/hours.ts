/** Builds waking hours (7:00 to 21:00) for advice tests from a few numbers. */
import type { HourlyWeather } from '../../../lambda/weather/index.js';

export interface DayShape {
  /** Feels-like at 7:00 and at 15:00 (°C); the day rises linearly to 15:00, then eases back. */
  morning: number;
  afternoon: number;
  /** Per hour overrides; a function of the hour. */
  probability?: (hour: number) => number | null;
  mm?: (hour: number) => number | null;
  snowCm?: (hour: number) => number | null;
  windKmh?: number | null;
  uv?: number | null;
}

/** Waking hours shaped by `shape`. UV peaks at 13:00 at `uv`. */
export function hoursOf(shape: DayShape): HourlyWeather[] {
  const hours: HourlyWeather[] = [];
  for (let hour = 7; hour <= 21; hour += 1) {
    const t =
      hour <= 15
        ? shape.morning + ((shape.afternoon - shape.morning) * (hour - 7)) / 8
        : shape.afternoon - ((shape.afternoon - shape.morning) * (hour - 15)) / 12;
    const uv =
      shape.uv === null ? null : (shape.uv ?? 1) * Math.max(0, 1 - Math.abs(hour - 13) / 6);
    hours.push({
      hour,
      apparentTemperatureC: Math.round(t * 10) / 10,
      precipitationProbability: shape.probability ? shape.probability(hour) : 5,
      precipitationMm: shape.mm ? shape.mm(hour) : 0,
      snowfallCm: shape.snowCm ? shape.snowCm(hour) : 0,
      windSpeedKmh: shape.windKmh === undefined ? 10 : shape.windKmh,
      uvIndex: uv === null ? null : Math.round(uv * 10) / 10,
    });
  }
  return hours;
}

/** `value` between `from` and `to` (inclusive), else `otherwise`. */
export const during =
  (from: number, to: number, value: number, otherwise = 0) =>
  (hour: number): number =>
    hour >= from && hour <= to ? value : otherwise;

/** Waking hours 7:00 to 21:00, every hour the same unless `at` changes one. */
export function flat(
  over: Partial<Omit<HourlyWeather, 'hour'>> = {},
  at: (hour: number) => Partial<HourlyWeather> = () => ({}),
): HourlyWeather[] {
  return Array.from({ length: 15 }, (_, i) => ({
    hour: 7 + i,
    apparentTemperatureC: 18,
    precipitationProbability: 0,
    precipitationMm: 0,
    snowfallCm: 0,
    windSpeedKmh: 5,
    uvIndex: 1,
    ...over,
    ...at(7 + i),
  }));
}
