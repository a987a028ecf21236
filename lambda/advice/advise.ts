/**
 * `adviseDay(hours)`: a day's waking hours in, what to wear and what to bring out. Pure: the same
 * hours always give the same advice; every number it compares against is in thresholds.ts.
 */
import type { DayForecast, HourlyWeather } from '../weather/index.js';
import { summarizeDay, type DaySummary } from './summary.js';
import {
  bandFor,
  THRESHOLDS,
  type Legs,
  type Outer,
  type Thresholds,
  type Top,
  type Warmth,
} from './thresholds.js';

/** Rain or snow expected during waking hours. */
export interface Precipitation {
  readonly kind: 'rain' | 'snow';
  /** `likely`: some hour is wet; `possible`: some hour has a fair chance. */
  readonly chance: 'likely' | 'possible';
  /** First and last local hour concerned (inclusive). */
  readonly fromHour: number;
  readonly toHour: number;
}

/** A change of feels-like temperature between morning and afternoon worth dressing in layers for. */
export interface Swing {
  readonly direction: 'warming' | 'cooling';
  readonly morningC: number;
  readonly afternoonC: number;
}

/** Things to take along, in the order they are spoken. */
export type Item =
  | 'umbrella'
  | 'rain-jacket'
  | 'waterproof-boots'
  | 'sunglasses'
  | 'sunscreen'
  | 'sun-hat'
  | 'warm-hat'
  | 'gloves'
  | 'scarf';

const ITEM_ORDER: readonly Item[] = [
  'umbrella',
  'rain-jacket',
  'waterproof-boots',
  'sunglasses',
  'sunscreen',
  'sun-hat',
  'warm-hat',
  'gloves',
  'scarf',
];

/** What to wear and bring on one day. */
export interface Advice {
  readonly summary: DaySummary;
  /** How the warmest part of the day feels. */
  readonly warmth: Warmth;
  /** How the coldest part of the day feels. */
  readonly coldest: Warmth;
  readonly top: Top;
  readonly legs: Legs;
  readonly outer: Outer;
  readonly precipitation: Precipitation | null;
  readonly windy: boolean;
  /** Strong UV and no precipitation likely. */
  readonly strongSun: boolean;
  readonly swing: Swing | null;
  readonly bring: readonly Item[];
}

/** Advice for the waking hours of one day. Throws `NoForecastHoursError` for no hours. */
export function adviseDay(
  hours: readonly HourlyWeather[],
  thresholds: Thresholds = THRESHOLDS,
): Advice {
  const t = thresholds;
  const summary = summarizeDay(hours, t);
  const warmest = bandFor(summary.warmestC, t);
  const coldest = bandFor(summary.coldestC, t);
  const windy = summary.maxWindKmh !== null && summary.maxWindKmh >= t.windyKmh;
  const precipitation = precipitationOf(hours, t);
  const rainLikely = precipitation?.chance === 'likely';

  let outer = coldest.outer;
  if (outer === 'none' && windy && summary.coldestC < t.windbreakerBelowC) outer = 'windbreaker';

  const uv = summary.maxUvIndex ?? 0;
  const bring = new Set<Item>();
  if (rainLikely && precipitation.kind === 'rain') {
    const stormy = summary.maxWindKmh !== null && summary.maxWindKmh >= t.umbrellaUselessKmh;
    bring.add(stormy ? 'rain-jacket' : 'umbrella');
  }
  if (rainLikely && precipitation.kind === 'snow') bring.add('waterproof-boots');
  if (uv >= t.sunProtectionUv) {
    bring.add('sunglasses');
    bring.add('sunscreen');
  }
  if (uv >= t.sunHatUv) bring.add('sun-hat');
  if (summary.coldestC <= t.hatAndGlovesAtOrBelowC) {
    bring.add('warm-hat');
    bring.add('gloves');
  }
  if (summary.coldestC <= t.scarfAtOrBelowC) bring.add('scarf');

  return {
    summary,
    warmth: warmest.warmth,
    coldest: coldest.warmth,
    top: warmest.top,
    legs: warmest.legs,
    outer,
    precipitation,
    windy,
    strongSun: uv >= t.strongSunUv && !rainLikely,
    swing: swingOf(summary, t),
    bring: ITEM_ORDER.filter((item) => bring.has(item)),
  };
}

/** Advice for a provider's {@link DayForecast}. */
export function adviseForecast(day: DayForecast, thresholds: Thresholds = THRESHOLDS): Advice {
  if (thresholds !== THRESHOLDS) return adviseDay(day.hours, thresholds);
  // A cached forecast hands out the same hours array on every request: advise on it once.
  let advice = adviceByHours.get(day.hours);
  if (advice === undefined) {
    advice = adviseDay(day.hours, thresholds);
    adviceByHours.set(day.hours, advice);
  }
  return advice;
}

const adviceByHours = new WeakMap<readonly HourlyWeather[], Advice>();

function precipitationOf(hours: readonly HourlyWeather[], t: Thresholds): Precipitation | null {
  const wet = hours.filter(
    (h) =>
      (h.precipitationProbability ?? 0) >= t.precipitationLikelyPercent ||
      (h.precipitationMm ?? 0) >= t.wetHourMm,
  );
  const possible = hours.filter(
    (h) => (h.precipitationProbability ?? 0) >= t.precipitationPossiblePercent,
  );
  const concerned = wet.length > 0 ? wet : possible;
  const first = concerned[0];
  if (first === undefined) return null;
  const last = concerned.at(-1) ?? first;
  const snow = concerned.reduce((sum, h) => sum + (h.snowfallCm ?? 0), 0);
  return {
    kind: snow >= t.snowDayCm ? 'snow' : 'rain',
    chance: wet.length > 0 ? 'likely' : 'possible',
    fromHour: first.hour,
    toHour: last.hour,
  };
}

function swingOf(summary: DaySummary, t: Thresholds): Swing | null {
  const { morningC, afternoonC } = summary;
  if (morningC === null || afternoonC === null) return null;
  if (Math.abs(afternoonC - morningC) < t.swingC) return null;
  return { direction: afternoonC > morningC ? 'warming' : 'cooling', morningC, afternoonC };
}
