/** The few numbers of a day the advice rests on, from its waking hours. */
import type { HourlyWeather } from '../weather/index.js';
import type { Thresholds } from './thresholds.js';

/** A day in figures (metric). `null` where the forecast has no value at all. */
export interface DaySummary {
  /** Lowest feels-like temperature over waking hours, °C. */
  readonly coldestC: number;
  /** Highest feels-like temperature over waking hours, °C. */
  readonly warmestC: number;
  /** Average feels-like over the morning hours, °C. */
  readonly morningC: number | null;
  /** Average feels-like over the afternoon hours, °C. */
  readonly afternoonC: number | null;
  readonly maxPrecipitationProbability: number | null;
  /** Total precipitation over waking hours, mm. */
  readonly totalPrecipitationMm: number;
  /** Total snowfall over waking hours, cm. */
  readonly totalSnowfallCm: number;
  readonly maxWindKmh: number | null;
  readonly maxUvIndex: number | null;
}

/** Thrown when there is nothing to advise on: no hours at all. A caller's bug. */
export class NoForecastHoursError extends Error {
  readonly code = 'ERR_ADVICE_NO_HOURS';
  override readonly name = 'NoForecastHoursError';
}

function maxOf(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : Math.max(...known);
}

function sumOf(values: readonly (number | null)[]): number {
  return values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
}

function averageOver(
  hours: readonly HourlyWeather[],
  [from, to]: readonly [number, number],
): number | null {
  const inside = hours.filter((h) => h.hour >= from && h.hour <= to);
  if (inside.length === 0) return null;
  return sumOf(inside.map((h) => h.apparentTemperatureC)) / inside.length;
}

/** Summarises `hours` (a day's waking hours). Throws {@link NoForecastHoursError} when empty. */
export function summarizeDay(hours: readonly HourlyWeather[], thresholds: Thresholds): DaySummary {
  if (hours.length === 0) throw new NoForecastHoursError('A day needs at least one hour');
  const temperatures = hours.map((h) => h.apparentTemperatureC);
  return {
    coldestC: Math.min(...temperatures),
    warmestC: Math.max(...temperatures),
    morningC: averageOver(hours, thresholds.morningHours),
    afternoonC: averageOver(hours, thresholds.afternoonHours),
    maxPrecipitationProbability: maxOf(hours.map((h) => h.precipitationProbability)),
    totalPrecipitationMm: sumOf(hours.map((h) => h.precipitationMm)),
    totalSnowfallCm: sumOf(hours.map((h) => h.snowfallCm)),
    maxWindKmh: maxOf(hours.map((h) => h.windSpeedKmh)),
    maxUvIndex: maxOf(hours.map((h) => h.uvIndex)),
  };
}
