/**
 * Every threshold the advice uses, in one table. Temperatures are "feels like" (apparent)
 * temperatures in °C; wind in km/h; precipitation in mm and cm; probabilities in percent.
 */

/** How warm a part of the day feels. */
export type Warmth = 'hot' | 'warm' | 'mild' | 'cool' | 'cold' | 'freezing';
/** What to wear on top (under any outer layer). */
export type Top = 'light-t-shirt' | 't-shirt' | 'long-sleeves' | 'sweater' | 'thermal-layer';
/** What to wear on the legs. */
export type Legs = 'shorts' | 'long-pants' | 'thermal-leggings';
/** The outer layer, if any. */
export type Outer =
  'none' | 'windbreaker' | 'light-jacket' | 'jacket' | 'warm-coat' | 'winter-coat';

/** One band of feels-like temperature and what it calls for. */
export interface WarmthBand {
  readonly warmth: Warmth;
  /** Lowest feels-like temperature of the band, °C (inclusive). */
  readonly fromC: number;
  /** Chosen by the warmest hour of the day. */
  readonly top: Top;
  /** Chosen by the warmest hour of the day. */
  readonly legs: Legs;
  /** Chosen by the coldest hour of the day. */
  readonly outer: Outer;
}

/** The table. */
export interface Thresholds {
  /** Warmest band first; the last band's `fromC` is `-Infinity`. */
  readonly bands: readonly WarmthBand[];
  /** An hour with at least this probability of precipitation counts as wet, %. */
  readonly precipitationLikelyPercent: number;
  /** An hour with at least this probability makes precipitation "possible", %. */
  readonly precipitationPossiblePercent: number;
  /** An hour with at least this much precipitation counts as wet whatever its probability, mm. */
  readonly wetHourMm: number;
  /** Snowfall over the wet hours from which the precipitation is snow, cm. */
  readonly snowDayCm: number;
  /** Wind from which the day is windy, km/h. */
  readonly windyKmh: number;
  /** Wind from which an umbrella is useless (a hooded rain jacket instead), km/h. */
  readonly umbrellaUselessKmh: number;
  /** On a windy day with no outer layer and the coldest hour below this, a windbreaker, °C. */
  readonly windbreakerBelowC: number;
  /** UV index from which sunglasses and sunscreen are advised. */
  readonly sunProtectionUv: number;
  /** UV index from which the sun counts as strong (mentioned when dry). */
  readonly strongSunUv: number;
  /** UV index from which a sun hat is advised too. */
  readonly sunHatUv: number;
  /** Coldest feels-like at or below which a warm hat and gloves are advised, °C. */
  readonly hatAndGlovesAtOrBelowC: number;
  /** Coldest feels-like at or below which a scarf is advised too, °C. */
  readonly scarfAtOrBelowC: number;
  /** Difference between morning and afternoon averages that calls for layers, °C. */
  readonly swingC: number;
  /** Local hours (inclusive) averaged as the morning. */
  readonly morningHours: readonly [number, number];
  /** Local hours (inclusive) averaged as the afternoon. */
  readonly afternoonHours: readonly [number, number];
}

/** The thresholds the skill uses. */
export const THRESHOLDS: Thresholds = Object.freeze<Thresholds>({
  bands: Object.freeze<WarmthBand[]>([
    { warmth: 'hot', fromC: 27, top: 'light-t-shirt', legs: 'shorts', outer: 'none' },
    { warmth: 'warm', fromC: 21, top: 't-shirt', legs: 'shorts', outer: 'none' },
    { warmth: 'mild', fromC: 15, top: 't-shirt', legs: 'long-pants', outer: 'light-jacket' },
    { warmth: 'cool', fromC: 8, top: 'long-sleeves', legs: 'long-pants', outer: 'jacket' },
    { warmth: 'cold', fromC: 0, top: 'sweater', legs: 'long-pants', outer: 'warm-coat' },
    {
      warmth: 'freezing',
      fromC: Number.NEGATIVE_INFINITY,
      top: 'thermal-layer',
      legs: 'thermal-leggings',
      outer: 'winter-coat',
    },
  ]),
  precipitationLikelyPercent: 50,
  precipitationPossiblePercent: 30,
  wetHourMm: 0.5,
  snowDayCm: 0.5,
  windyKmh: 30,
  umbrellaUselessKmh: 50,
  windbreakerBelowC: 24,
  sunProtectionUv: 3,
  strongSunUv: 6,
  sunHatUv: 8,
  hatAndGlovesAtOrBelowC: 0,
  scarfAtOrBelowC: -10,
  swingC: 8,
  morningHours: [7, 11],
  afternoonHours: [12, 17],
});

/** The band a feels-like temperature falls in. */
export function bandFor(celsius: number, thresholds: Thresholds = THRESHOLDS): WarmthBand {
  const band = thresholds.bands.find((b) => celsius >= b.fromC);
  // The last band starts at -Infinity, so this is only reached for NaN.
  return band ?? (thresholds.bands[thresholds.bands.length - 1] as WarmthBand);
}
