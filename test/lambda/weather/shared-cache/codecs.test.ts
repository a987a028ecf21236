import { expect } from 'chai';
import { DEFAULT_WAKING_HOURS } from '../../../../lambda/weather/index.js';
import { parseForecast, parseGeocoding } from '../../../../lambda/weather/open-meteo-schema.js';
import {
  CorruptItemError,
  forecastCodec,
  placeCodec,
} from '../../../../lambda/weather/shared-cache/index.js';
import {
  CHICAGO,
  forecastBody,
  geocodingBody,
  SYDNEY,
} from '../../../harness/open-meteo-bodies.js';

const series = parseForecast(
  forecastBody({
    startDate: '2026-11-25',
    // Some hours without values, and one without a temperature: both must survive the trip.
    hour: (date, hour) => ({
      apparent_temperature: date === '2026-11-26' && hour === 12 ? null : -5 + hour,
      precipitation_probability: hour === 8 ? null : 40,
      precipitation: 0.4,
      snowfall: 0,
      wind_speed_10m: 20,
      uv_index: null,
    }),
  }),
  DEFAULT_WAKING_HOURS,
);

function decodeFails(decode: () => unknown): void {
  expect(decode).to.throw(CorruptItemError);
}

describe('weather/shared-cache: stored items', () => {
  it('stores a forecast compactly and reads back the same series', () => {
    const text = forecastCodec.encode(series);

    expect(forecastCodec.decode(text)).to.deep.equal(series);
    expect(text.length).to.be.below(8 * 1024);
  });

  it('stores a place, and "no such place", and reads back the same', () => {
    for (const place of [
      parseGeocoding(geocodingBody(CHICAGO)),
      parseGeocoding(geocodingBody(SYDNEY)),
      null,
    ]) {
      expect(placeCodec.decode(placeCodec.encode(place))).to.deep.equal(place);
    }
  });

  it('refuses forecast items that were not written by the codec', () => {
    const good = JSON.parse(forecastCodec.encode(series)) as Record<string, unknown>;
    const days = good['days'] as [string, unknown[][]][];
    const firstHour = days[0]?.[1][0] ?? [];
    const variants: unknown[] = [
      'not json',
      '[]',
      { ...good, tz: '' },
      { ...good, off: 99_999 },
      { ...good, days: [] },
      { ...good, first: '2026-11-24' },
      { ...good, days: [...days].reverse() },
      {
        ...good,
        days: [['2026-11-25', [[7, 200, 0, 0, 0, 0, 0]]]],
        first: '2026-11-25',
        last: '2026-11-25',
      },
      {
        ...good,
        days: [['2026-11-25', [[7, null, 0, 0, 0, 0, 0]]]],
        first: '2026-11-25',
        last: '2026-11-25',
      },
      {
        ...good,
        days: [['2026-11-25', [[25, ...firstHour.slice(1)]]]],
        first: '2026-11-25',
        last: '2026-11-25',
      },
      {
        ...good,
        days: [['2026-11-25', [firstHour, firstHour]]],
        first: '2026-11-25',
        last: '2026-11-25',
      },
      {
        ...good,
        days: [['2026-11-25', [firstHour.slice(0, 3)]]],
        first: '2026-11-25',
        last: '2026-11-25',
      },
    ];
    for (const variant of variants) {
      decodeFails(() =>
        forecastCodec.decode(typeof variant === 'string' ? variant : JSON.stringify(variant)),
      );
    }
  });

  it('refuses place items that were not written by the codec', () => {
    const place = JSON.parse(placeCodec.encode(parseGeocoding(geocodingBody(CHICAGO)))) as {
      results: Record<string, unknown>[];
    };
    const result = place.results[0] ?? {};
    for (const variant of [
      'not json',
      '{}',
      '{"found": true}',
      JSON.stringify({ found: true, results: [] }),
      JSON.stringify({ found: true, results: [result, result] }),
      JSON.stringify({ found: true, results: [{ ...result, latitude: 91 }] }),
      JSON.stringify({ found: true, results: [{ ...result, timezone: 'Mars/Olympus' }] }),
      JSON.stringify({ found: false, results: [result] }),
    ]) {
      decodeFails(() => placeCodec.decode(variant));
    }
  });
});
