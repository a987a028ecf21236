/** Checks a requested date against a place's today and the forecast horizon. */
import { addDays, isIsoDate } from './dates.js';
import { DateOutOfRangeError, InvalidForecastRequestError } from './errors.js';
import type { IsoDate } from './types.js';

/** The dates a provider can forecast for one place right now. */
export interface ForecastWindow {
  /** Today in the place's time zone. */
  readonly today: IsoDate;
  /** The last date that can be forecast. */
  readonly lastDate: IsoDate;
}

/** The window of `horizonDays` days starting at `today`. */
export function forecastWindow(today: IsoDate, horizonDays: number): ForecastWindow {
  return { today, lastDate: addDays(today, horizonDays - 1) };
}

/**
 * Turns `requested` (`YYYY-MM-DD` or `today`) into a date inside `window`, or throws
 * {@link DateOutOfRangeError} (`past` or `beyond-horizon`).
 */
export function resolveRequestedDate(
  requested: string,
  window: ForecastWindow,
  placeName: string,
): IsoDate {
  if (requested === 'today') return window.today;
  // ISO dates compare correctly as strings.
  if (requested < window.today) {
    throw new DateOutOfRangeError('past', requested, window.today, window.lastDate, placeName);
  }
  if (requested > window.lastDate) {
    throw new DateOutOfRangeError(
      'beyond-horizon',
      requested,
      window.today,
      window.lastDate,
      placeName,
    );
  }
  return requested;
}

/** Throws {@link InvalidForecastRequestError} unless `date` is `today` or a real `YYYY-MM-DD`. */
export function assertRequestedDate(date: unknown): asserts date is IsoDate {
  if (date !== 'today' && !isIsoDate(date)) {
    throw new InvalidForecastRequestError(
      'bad-date',
      'The date must be "today" or a calendar date written YYYY-MM-DD',
    );
  }
}
