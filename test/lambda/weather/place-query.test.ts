import { expect } from 'chai';
import { PlaceNotFoundError } from '../../../lambda/weather/errors.js';
import {
  keyedPlaceQuery,
  normalizePlaceQuery,
  placeCacheKey,
} from '../../../lambda/weather/place-query.js';

describe('weather/place-query keyedPlaceQuery', () => {
  it('gives a name the query and key normalizePlaceQuery and placeCacheKey give it', () => {
    const { query, key } = keyedPlaceQuery('  New   York ');
    expect(query).to.deep.equal(normalizePlaceQuery('  New   York '));
    expect(key).to.equal(placeCacheKey(normalizePlaceQuery('  New   York ')));
  });

  it('gives a postal code the query and key normalizePlaceQuery and placeCacheKey give it', () => {
    const place = { postalCode: ' sw1a 1aa ', countryCode: 'gb' };
    const { query, key } = keyedPlaceQuery(place);
    expect(query).to.deep.equal(normalizePlaceQuery(place));
    expect(key).to.equal(placeCacheKey(normalizePlaceQuery(place)));
  });

  it('refuses a blank name every time it is asked, not only the first', () => {
    expect(() => keyedPlaceQuery('   ')).to.throw(PlaceNotFoundError);
    expect(() => keyedPlaceQuery('   ')).to.throw(PlaceNotFoundError);
  });
});
