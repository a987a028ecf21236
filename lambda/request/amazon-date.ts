/**
 * AMAZON.DATE slot values narrowed to the days the advice is for. Alexa resolves what the user
 * said into one of these forms (Amazon's slot-type reference), never words:
 * `2026-12-02` a day; `2026-W49` a week; `2026-W49-WE` a weekend; `2026-12` a month; `2026` a
 * year; `202X` a decade; `2026-WI` (`SP`, `SU`, `FA`) a season; `PRESENT_REF` now; `XXXX-12-25`
 * a day with no year. Seen from Alexa in practice although not in that table: `2026-12-XX` (a
 * month), `2026-XX-XX` and `2026-XX` (a year), `2026-Q4` (a quarter). The forms are read by
 * date-period.ts.
 */

import type { IsoDate } from '../weather/index.js';
import { amazonDatePeriod, type DatePeriodOptions, type PeriodName } from './date-period.js';

export type { IsoDate } from '../weather/index.js';

/** The days meant, or why none can be chosen. */
export type AmazonDateResolution =
  /**
   * One day. From a longer period: the user's today when the period holds it, else its first
   * day (`period.started` false), which may lie beyond the forecast.
   */
  | {
      readonly kind: 'day';
      readonly date: IsoDate;
      readonly period?: { readonly name: PeriodName; readonly started: boolean };
    }
  /** A weekend: Saturday and Sunday, or Sunday alone when it is today. */
  | { readonly kind: 'weekend'; readonly days: readonly [IsoDate] | readonly [IsoDate, IsoDate] }
  /** A period that is over. */
  | { readonly kind: 'past'; readonly value: string; readonly period: PeriodName }
  /** Not an AMAZON.DATE value (or not a real date). */
  | { readonly kind: 'unsupported'; readonly value: string };

/**
 * Narrows `value` to the days to answer for, given the user's `today`: a day is that day (past
 * or not: the forecast says); a day without a year its next occurrence; a weekend its Saturday
 * and Sunday (Sunday alone on its Sunday; past once over); a week, month, quarter, year, decade
 * or season today when it holds today, else its first day, else past. No value, or
 * `PRESENT_REF`, is today.
 */
export function resolveAmazonDate(
  value: string | undefined,
  today: IsoDate,
  options: DatePeriodOptions = {},
): AmazonDateResolution {
  const v = (value ?? '').trim();
  if (v === '') return { kind: 'day', date: today };
  const period = amazonDatePeriod(v, today, options);
  if (period === undefined) return { kind: 'unsupported', value: v };
  const { first, last, name } = period;
  if (name === 'day') return { kind: 'day', date: first };
  if (last < today) return { kind: 'past', value: v, period: name };
  if (name === 'weekend') return { kind: 'weekend', days: today === last ? [last] : [first, last] };
  if (first <= today) return { kind: 'day', date: today, period: { name, started: true } };
  return { kind: 'day', date: first, period: { name, started: false } };
}
