/** Normalises a {@link PlaceQuery} into one checked shape, and names its cache key. */
import { memo } from '../../common/memo.js';
import { InvalidForecastRequestError, PlaceNotFoundError } from './errors.js';
import type { PlaceQuery } from './types.js';

/** A checked place query. */
export type NormalizedPlaceQuery =
  | { readonly kind: 'name'; readonly name: string; readonly countryCode: string | undefined }
  | { readonly kind: 'postal'; readonly postalCode: string; readonly countryCode: string };

/** Longest place name looked up; longer slot values are not a city. */
export const MAX_PLACE_NAME_LENGTH = 100;
const COUNTRY_CODE = /^[A-Za-z]{2}$/;
const POSTAL_CODE = /^[A-Za-z0-9][A-Za-z0-9 -]{0,10}[A-Za-z0-9]$/;

/**
 * Trims and checks `query`. A blank name throws {@link PlaceNotFoundError} (`empty`); a name too
 * long to be a place, or a postal code of impossible shape, throws it with `no-match` (no call is
 * made); a malformed country code is a caller's bug ({@link InvalidForecastRequestError}).
 */
export function normalizePlaceQuery(query: PlaceQuery): NormalizedPlaceQuery {
  const value: unknown = query;
  if (typeof value === 'string') return byName(value, undefined);
  if (typeof value !== 'object' || value === null) {
    throw new InvalidForecastRequestError('bad-place', 'The place must be a name or a postal code');
  }
  const { name, postalCode, countryCode } = value as Record<string, unknown>;
  const country = checkCountry(countryCode, typeof postalCode === 'string');
  if (typeof name === 'string') return byName(name, country);
  if (typeof postalCode === 'string' && country !== undefined) {
    const code = postalCode.trim().replace(/\s+/g, ' ').toUpperCase();
    if (code === '') throw new PlaceNotFoundError('empty', undefined);
    if (!POSTAL_CODE.test(code)) throw new PlaceNotFoundError('no-match', undefined);
    return { kind: 'postal', postalCode: code, countryCode: country };
  }
  throw new InvalidForecastRequestError('bad-place', 'The place must be a name or a postal code');
}

function checkCountry(value: unknown, required: boolean): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || !COUNTRY_CODE.test(value)) {
    throw new InvalidForecastRequestError(
      'bad-country',
      'The country code must be two letters (ISO 3166-1 alpha-2)',
    );
  }
  return value.toUpperCase();
}

// Control characters never belong in a place name; whitespace runs collapse to one space.
const cleanName = memo((raw: string): string =>
  raw
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim(),
);

function byName(raw: string, countryCode: string | undefined): NormalizedPlaceQuery {
  const name = cleanName(raw);
  if (name === '') throw new PlaceNotFoundError('empty', name);
  if (name.length > MAX_PLACE_NAME_LENGTH) {
    throw new PlaceNotFoundError('no-match', name.slice(0, MAX_PLACE_NAME_LENGTH));
  }
  return { kind: 'name', name, countryCode };
}

/** The cache key of a query: case and spacing do not matter. */
export function placeCacheKey(query: NormalizedPlaceQuery): string {
  return query.kind === 'name'
    ? `name:${query.countryCode ?? ''}:${query.name.toLowerCase()}`
    : `postal:${query.countryCode}:${query.postalCode}`;
}

/** A checked place query and its cache key. */
export interface KeyedPlaceQuery {
  readonly query: NormalizedPlaceQuery;
  readonly key: string;
}

/**
 * {@link normalizePlaceQuery} and its {@link placeCacheKey} at once. A city name repeats across
 * requests (and is asked twice in one: the early lookup, then the forecast), so a name's are
 * worked out once; a failure is not remembered, it throws each time.
 */
export function keyedPlaceQuery(place: PlaceQuery): KeyedPlaceQuery {
  return typeof place === 'string' ? keyedName(place) : keyed(normalizePlaceQuery(place));
}

function keyed(query: NormalizedPlaceQuery): KeyedPlaceQuery {
  return { query, key: placeCacheKey(query) };
}

const keyedName = memo((name: string): KeyedPlaceQuery => keyed(normalizePlaceQuery(name)));
