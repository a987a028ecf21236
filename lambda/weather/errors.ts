/**
 * The weather provider's failures: one class per kind, under one base with a stable `code`, a
 * short machine-readable `reason` and the original `cause`. The skill maps each code to one
 * spoken outcome; tests assert classes and codes, never messages.
 */
import { CodedError } from '../../common/errors.js';
import type { IsoDate } from './types.js';

/** Every code a {@link WeatherError} can carry. */
export type WeatherErrorCode =
  | 'ERR_PLACE_NOT_FOUND'
  | 'ERR_DATE_OUT_OF_RANGE'
  | 'ERR_WEATHER_UNAVAILABLE'
  | 'ERR_FORECAST_REQUEST_INVALID';

/** Base of every weather failure (`reason` e.g. `timeout`, `past`). */
export abstract class WeatherError extends CodedError<WeatherErrorCode> {}

/** Why a place was not found: the query was blank, or the geocoder knows no such place. */
export type PlaceNotFoundReason = 'empty' | 'no-match';

/** No place matches the query. `query` is the name asked for (never a postal code). */
export class PlaceNotFoundError extends WeatherError {
  override readonly name: string = 'PlaceNotFoundError';
  readonly code = 'ERR_PLACE_NOT_FOUND';
  constructor(
    reason: PlaceNotFoundReason,
    /** The place name asked for, or undefined for a postal-code query (an address: never logged). */
    readonly query: string | undefined,
  ) {
    super(reason, 'No place matches the query');
  }
}

/** Why a date is out of range: before the place's today, or after the forecast horizon. */
export type DateOutOfRangeReason = 'past' | 'beyond-horizon';

/** The date is before the place's today or after the last date the provider forecasts. */
export class DateOutOfRangeError extends WeatherError {
  override readonly name: string = 'DateOutOfRangeError';
  readonly code = 'ERR_DATE_OUT_OF_RANGE';
  constructor(
    reason: DateOutOfRangeReason,
    /** The date asked for. */
    readonly date: IsoDate,
    /** Today in the place's time zone. */
    readonly today: IsoDate,
    /** The last date that can be forecast. */
    readonly lastDate: IsoDate,
    /** The place's name, as resolved. */
    readonly placeName: string,
  ) {
    super(
      reason,
      reason === 'past' ? 'The date is in the past' : 'The date is beyond the forecast horizon',
    );
  }
}

/** Why no forecast could be had. */
export type WeatherUnavailableReason =
  'timeout' | 'aborted' | 'network' | 'http-status' | 'invalid-response' | 'incomplete';

/** The weather service could not be reached in time, failed, or answered something unusable. */
export class WeatherUnavailableError extends WeatherError {
  override readonly name: string = 'WeatherUnavailableError';
  readonly code = 'ERR_WEATHER_UNAVAILABLE';
  /** The upstream HTTP status, for `http-status`. */
  readonly status: number | undefined;

  constructor(
    reason: WeatherUnavailableReason,
    message: string,
    options?: { cause?: unknown; status?: number },
  ) {
    super(reason, message, options);
    this.status = options?.status;
  }
}

/** The request itself is malformed (a date that is not `YYYY-MM-DD`, say): a caller's bug. */
export class InvalidForecastRequestError extends WeatherError {
  override readonly name: string = 'InvalidForecastRequestError';
  readonly code = 'ERR_FORECAST_REQUEST_INVALID';
}

/** True when `error` is a {@link WeatherError}. */
export function isWeatherError(error: unknown): error is WeatherError {
  return error instanceof WeatherError;
}
