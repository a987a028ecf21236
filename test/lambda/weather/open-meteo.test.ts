import { expect } from 'chai';
import nock from 'nock';
import { ConfigError } from '../../../common/env.js';
import { createLogger } from '../../../common/logger.js';
import { networkError } from '../../harness/network-error.js';
import {
  createOpenMeteoProvider,
  DateOutOfRangeError,
  InvalidForecastRequestError,
  PlaceNotFoundError,
  WeatherUnavailableError,
  type OpenMeteoProviderOptions,
  type WeatherProvider,
} from '../../../lambda/weather/index.js';
import {
  CHICAGO,
  forecastBody,
  geocodingBody,
  mildHour,
  SYDNEY,
} from '../../harness/open-meteo-bodies.js';
import { serveForecast, serveGeocoding } from '../../harness/open-meteo.js';

/** Noon in Chicago (CST, UTC-6) on 2026-11-25. */
const NOON_CHICAGO = Date.parse('2026-11-25T18:00:00Z');
const TODAY = '2026-11-25';

function provider(options: OpenMeteoProviderOptions = {}): WeatherProvider {
  return createOpenMeteoProvider({ now: () => NOON_CHICAGO, ...options });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('weather/open-meteo', () => {
  describe('a forecast', () => {
    it('asks the geocoder for the name, in English, a few results', async () => {
      const geocoding = serveGeocoding('Chicago', geocodingBody(CHICAGO), {
        match: (q) => q.count === '5' && q.language === 'en' && q.format === 'json',
      });
      serveForecast(forecastBody({ startDate: TODAY }));
      await provider().forecastDay({ place: 'Chicago', date: 'today' });
      expect(geocoding.isDone()).to.equal(true);
    });

    it('asks for every hourly variable in metric units, the whole horizon, timezone=auto', async () => {
      serveGeocoding('Chicago', geocodingBody(CHICAGO));
      const forecast = serveForecast(forecastBody({ startDate: TODAY }), {
        match: (q) =>
          q.latitude === '41.85' &&
          q.longitude === '-87.65' &&
          q.hourly ===
            'apparent_temperature,precipitation_probability,precipitation,snowfall,wind_speed_10m,uv_index' &&
          q.timezone === 'auto' &&
          q.forecast_days === '16' &&
          q.temperature_unit === 'celsius' &&
          q.wind_speed_unit === 'kmh' &&
          q.precipitation_unit === 'mm' &&
          q.apikey === undefined,
      });
      await provider().forecastDay({ place: 'Chicago', date: 'today' });
      expect(forecast.isDone()).to.equal(true);
    });

    it('returns the resolved place with its region, country and time zone', async () => {
      serveGeocoding('Chicago', geocodingBody(CHICAGO));
      serveForecast(forecastBody({ startDate: TODAY }));
      const day = await provider().forecastDay({ place: 'Chicago', date: 'today' });
      expect(day.place).to.deep.equal({
        name: 'Chicago',
        region: 'Illinois',
        countryCode: 'US',
        country: 'United States',
        latitude: 41.85003,
        longitude: -87.65005,
        timeZone: 'America/Chicago',
      });
    });

    it('returns the waking hours 7:00 to 21:00 of the day asked for, in metric units', async () => {
      serveGeocoding('Chicago', geocodingBody(CHICAGO));
      serveForecast(forecastBody({ startDate: TODAY }));
      const day = await provider().forecastDay({ place: 'Chicago', date: '2026-11-27' });
      expect(day.date).to.equal('2026-11-27');
      expect(day.hours.map((h) => h.hour)).to.deep.equal([
        7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
      ]);
      expect(day.hours[8]).to.deep.equal({
        hour: 15,
        apparentTemperatureC: mildHour(15).apparent_temperature,
        precipitationProbability: 5,
        precipitationMm: 0,
        snowfallCm: 0,
        windSpeedKmh: 12.3,
        uvIndex: 3.1,
      });
    });

    it('labels the forecast open-meteo, fresh, with the fetch time', async () => {
      serveGeocoding('Chicago', geocodingBody(CHICAGO));
      serveForecast(forecastBody({ startDate: TODAY }));
      const day = await provider().forecastDay({ place: 'Chicago', date: 'today' });
      expect(day).to.include({ provider: 'open-meteo', stale: false, fetchedAt: NOON_CHICAGO });
    });

    it("resolves 'today' and the horizon in the place's time zone, not UTC", async () => {
      // 03:00 UTC on the 26th is still 21:00 on the 25th in Chicago.
      serveGeocoding('Chicago', geocodingBody(CHICAGO));
      serveForecast(forecastBody({ startDate: TODAY }));
      const day = await provider({ now: () => Date.parse('2026-11-26T03:00:00Z') }).forecastDay({
        place: 'Chicago',
        date: 'today',
      });
      expect(day).to.include({ date: TODAY, today: TODAY, lastDate: '2026-12-10' });
    });

    it("uses the far side of the date line for Sydney's today", async () => {
      serveGeocoding('Sydney', geocodingBody(SYDNEY));
      serveForecast(
        forecastBody({
          startDate: '2026-11-26',
          timezone: 'Australia/Sydney',
          utcOffsetSeconds: 39600,
        }),
      );
      const day = await provider().forecastDay({ place: 'Sydney', date: 'today' });
      expect(day.today).to.equal('2026-11-26');
    });

    it('sends the API key as apikey on both calls when one is configured', async () => {
      const geocoding = serveGeocoding('Chicago', geocodingBody(CHICAGO), {
        match: (q) => q.apikey === 'k-123',
      });
      const forecast = serveForecast(forecastBody({ startDate: TODAY }), {
        match: (q) => q.apikey === 'k-123',
      });
      await provider({ apiKey: 'k-123' }).forecastDay({ place: 'Chicago', date: 'today' });
      expect(geocoding.isDone() && forecast.isDone()).to.equal(true);
    });

    it('uses configured base URLs (a customer subdomain)', async () => {
      serveGeocoding('Chicago', geocodingBody(CHICAGO), {
        origin: 'https://customer-geocoding-api.open-meteo.com',
      });
      const forecast = serveForecast(forecastBody({ startDate: TODAY }), {
        origin: 'https://customer-api.open-meteo.com',
      });
      await provider({
        forecastUrl: 'https://customer-api.open-meteo.com/v1/forecast',
        geocodingUrl: 'https://customer-geocoding-api.open-meteo.com/v1/search',
      }).forecastDay({ place: 'Chicago', date: 'today' });
      expect(forecast.isDone()).to.equal(true);
    });

    it('looks a postal code up within its country', async () => {
      const geocoding = serveGeocoding('60601', geocodingBody(CHICAGO), {
        match: (q) => q.countryCode === 'US',
      });
      serveForecast(forecastBody({ startDate: TODAY }));
      const day = await provider().forecastDay({
        place: { postalCode: '60601', countryCode: 'us' },
        date: 'today',
      });
      expect(geocoding.isDone()).to.equal(true);
      expect(day.place.name).to.equal('Chicago');
    });

    it('narrows a name to a country when asked', async () => {
      const geocoding = serveGeocoding('Sydney', geocodingBody(SYDNEY), {
        match: (q) => q.countryCode === 'AU',
      });
      serveForecast(forecastBody({ startDate: '2026-11-26', timezone: 'Australia/Sydney' }));
      await provider().forecastDay({ place: { name: 'Sydney', countryCode: 'AU' }, date: 'today' });
      expect(geocoding.isDone()).to.equal(true);
    });

    it('skips a geocoding result without a time zone (a country) for the next one', async () => {
      const mexico = {
        id: 3996063,
        name: 'Mexico',
        latitude: 23,
        longitude: -102,
        country_code: 'MX',
      };
      const city = { ...CHICAGO, name: 'Mexico', admin1: 'Missouri' };
      serveGeocoding('Mexico', geocodingBody(mexico, city));
      serveForecast(forecastBody({ startDate: TODAY }));
      const day = await provider().forecastDay({ place: 'Mexico', date: 'today' });
      expect(day.place.region).to.equal('Missouri');
    });

    it('keeps hours whose optional values are null, as null', async () => {
      serveGeocoding('Chicago', geocodingBody(CHICAGO));
      serveForecast(
        forecastBody({
          startDate: TODAY,
          hour: (_d, h) => ({ ...mildHour(h), uv_index: null, precipitation_probability: null }),
        }),
      );
      const day = await provider().forecastDay({ place: 'Chicago', date: 'today' });
      expect(day.hours[0]).to.include({ uvIndex: null, precipitationProbability: null });
    });
  });

  describe('places', () => {
    it('rejects an unknown place with PlaceNotFoundError and makes no forecast call', async () => {
      serveGeocoding('Xyzzyville', geocodingBody());
      const error = await rejection(provider().forecastDay({ place: 'Xyzzyville', date: 'today' }));
      expect(error).to.be.instanceOf(PlaceNotFoundError);
      expect(error).to.include({
        code: 'ERR_PLACE_NOT_FOUND',
        reason: 'no-match',
        query: 'Xyzzyville',
      });
    });

    it('rejects a blank place without any call', async () => {
      const error = await rejection(provider().forecastDay({ place: ' \t ', date: 'today' }));
      expect(error).to.include({ code: 'ERR_PLACE_NOT_FOUND', reason: 'empty' });
    });

    it('rejects a name too long to be a place without any call', async () => {
      const error = await rejection(
        provider().forecastDay({ place: 'x'.repeat(500), date: 'today' }),
      );
      expect(error).to.include({ code: 'ERR_PLACE_NOT_FOUND', reason: 'no-match' });
    });

    it('never names a postal code in a not-found error (it is an address)', async () => {
      serveGeocoding('99999', geocodingBody());
      const error = await rejection(
        provider().forecastDay({
          place: { postalCode: '99999', countryCode: 'US' },
          date: 'today',
        }),
      );
      expect(error).to.include({ code: 'ERR_PLACE_NOT_FOUND', query: undefined });
    });

    it('collapses spaces and control characters in a name before the lookup', async () => {
      serveGeocoding('New York', geocodingBody({ ...CHICAGO, name: 'New York' }));
      serveForecast(forecastBody({ startDate: TODAY }));
      const day = await provider().forecastDay({ place: '  New\u0000  York ', date: 'today' });
      expect(day.place.name).to.equal('New York');
    });
  });

  describe('dates', () => {
    it('rejects a past date as past, with today and the last date, without a forecast call', async () => {
      serveGeocoding('Chicago', geocodingBody(CHICAGO));
      const error = await rejection(
        provider().forecastDay({ place: 'Chicago', date: '2026-11-24' }),
      );
      expect(error).to.be.instanceOf(DateOutOfRangeError);
      expect(error).to.include({
        code: 'ERR_DATE_OUT_OF_RANGE',
        reason: 'past',
        date: '2026-11-24',
        today: TODAY,
        lastDate: '2026-12-10',
        placeName: 'Chicago',
      });
    });

    it('rejects a date after the 16-day horizon as beyond-horizon', async () => {
      serveGeocoding('Chicago', geocodingBody(CHICAGO));
      const error = await rejection(
        provider().forecastDay({ place: 'Chicago', date: '2026-12-11' }),
      );
      expect(error).to.include({ code: 'ERR_DATE_OUT_OF_RANGE', reason: 'beyond-horizon' });
    });

    it('accepts the last day of the horizon', async () => {
      serveGeocoding('Chicago', geocodingBody(CHICAGO));
      serveForecast(forecastBody({ startDate: TODAY }));
      const day = await provider().forecastDay({ place: 'Chicago', date: '2026-12-10' });
      expect(day.hours).to.have.length(15);
    });

    it('rejects a malformed date as a caller bug, before any call', async () => {
      const error = await rejection(
        provider().forecastDay({ place: 'Chicago', date: '2026-02-30' }),
      );
      expect(error).to.be.instanceOf(InvalidForecastRequestError);
      expect(error).to.include({ code: 'ERR_FORECAST_REQUEST_INVALID' });
    });

    it('answers beyond-horizon, with the last date served, when the service returns fewer days', async () => {
      serveGeocoding('Chicago', geocodingBody(CHICAGO));
      serveForecast(forecastBody({ startDate: TODAY, days: 7 }));
      const error = await rejection(
        provider().forecastDay({ place: 'Chicago', date: '2026-12-05' }),
      );
      expect(error).to.include({ reason: 'beyond-horizon', lastDate: '2026-12-01' });
    });
  });

  describe('when the service fails', () => {
    it('answers weather-unavailable (http-status, 503) when the forecast is down', async () => {
      serveGeocoding('Chicago', geocodingBody(CHICAGO));
      serveForecast({ error: true, reason: 'Service unavailable' }, { status: 503 });
      const error = await rejection(provider().forecastDay({ place: 'Chicago', date: 'today' }));
      expect(error).to.be.instanceOf(WeatherUnavailableError);
      expect(error).to.include({
        code: 'ERR_WEATHER_UNAVAILABLE',
        reason: 'http-status',
        status: 503,
      });
    });

    it("keeps Open-Meteo's own reason of a 400 in the message", async () => {
      serveGeocoding('Chicago', geocodingBody(CHICAGO));
      serveForecast(
        { error: true, reason: 'Parameter forecast_days must be 0 to 16' },
        { status: 400 },
      );
      const error = await rejection(provider().forecastDay({ place: 'Chicago', date: 'today' }));
      expect((error as Error).message).to.contain('forecast_days must be 0 to 16');
    });

    it('answers weather-unavailable (http-status) when geocoding is down', async () => {
      serveGeocoding('Chicago', 'Bad gateway', { status: 502 });
      const error = await rejection(provider().forecastDay({ place: 'Chicago', date: 'today' }));
      expect(error).to.include({ reason: 'http-status', status: 502 });
    });

    it('answers weather-unavailable (network) when the connection fails, keeping the cause', async () => {
      nock('https://geocoding-api.open-meteo.com')
        .get('/v1/search')
        .query(true)
        .replyWithError(networkError('ECONNRESET'));
      const error = await rejection(provider().forecastDay({ place: 'Chicago', date: 'today' }));
      expect(error).to.include({ reason: 'network' });
      // As fetch fails: a TypeError whose own cause is the connection's error.
      const cause = (error as Error).cause as Error;
      expect(cause).to.be.instanceOf(TypeError);
      expect(cause.cause).to.include({ code: 'ECONNRESET' });
    });

    it('does not follow a redirect (the URL may carry the key)', async () => {
      serveGeocoding('Chicago', '', { status: 302 });
      const error = await rejection(provider().forecastDay({ place: 'Chicago', date: 'today' }));
      expect(error).to.include({ reason: 'http-status', status: 302 });
    });

    it('gives up on a slow call at the per-call timeout', async () => {
      nock('https://geocoding-api.open-meteo.com')
        .get('/v1/search')
        .query(true)
        .delay(1000)
        .reply(200, geocodingBody(CHICAGO));
      const started = Date.now();
      const error = await rejection(
        provider({ callTimeoutMs: 40 }).forecastDay({ place: 'Chicago', date: 'today' }),
      );
      expect(error).to.include({ reason: 'timeout' });
      expect(Date.now() - started).to.be.below(500);
    });

    it('answers within the budget even while a call is still running', async () => {
      serveGeocoding('Chicago', geocodingBody(CHICAGO));
      nock('https://api.open-meteo.com')
        .get('/v1/forecast')
        .query(true)
        .delay(300)
        .reply(200, forecastBody({ startDate: TODAY }));
      const started = Date.now();
      const error = await rejection(
        provider({ budgetMs: 40, callTimeoutMs: 1000 }).forecastDay({
          place: 'Chicago',
          date: 'today',
        }),
      );
      expect(error).to.include({ reason: 'timeout' });
      expect(Date.now() - started).to.be.below(250);
    });

    it("honours the caller's tighter timeout", async () => {
      nock('https://geocoding-api.open-meteo.com')
        .get('/v1/search')
        .query(true)
        .delay(300)
        .reply(200, geocodingBody(CHICAGO));
      const error = await rejection(
        provider().forecastDay({ place: 'Chicago', date: 'today' }, { timeoutMs: 30 }),
      );
      expect(error).to.include({ reason: 'timeout' });
    });

    it("stops waiting when the caller's signal aborts", async () => {
      const controller = new AbortController();
      controller.abort();
      const error = await rejection(
        provider().forecastDay({ place: 'Chicago', date: 'today' }, { signal: controller.signal }),
      );
      expect(error).to.include({ code: 'ERR_WEATHER_UNAVAILABLE', reason: 'aborted' });
    });
  });

  describe('garbage and partial answers', () => {
    const garbage: [string, unknown][] = [
      ['a body that is not JSON', '<html>oops</html>'],
      ['a JSON array', [1, 2, 3]],
      ['no hourly data', { ...forecastBody({ startDate: TODAY }), hourly: undefined }],
      ['temperatures as text', withColumn('apparent_temperature', (v) => String(v))],
      ['an implausible temperature', withColumn('apparent_temperature', () => 999)],
      ['a negative probability', withColumn('precipitation_probability', () => -5)],
      ['a column of the wrong length', withColumn('uv_index', undefined, (col) => col.slice(1))],
      ['a missing variable', withColumn('snowfall', undefined, () => undefined)],
      ['temperatures in Fahrenheit', withUnits({ apparent_temperature: '°F' })],
      ['wind in mph', withUnits({ wind_speed_10m: 'mp/h' })],
      ['no hourly units', { ...forecastBody({ startDate: TODAY }), hourly_units: undefined }],
      ['times that are not local ISO hours', withTimes((t) => `${t}:00Z`)],
      ['times out of order', withTimes((t, i) => (i === 30 ? '2026-11-25T05:00' : t))],
      ['no time zone', { ...forecastBody({ startDate: TODAY }), timezone: 42 }],
      ['an error object with 200', { error: true, reason: 'nope' }],
    ];
    for (const [name, body] of garbage) {
      it(`answers weather-unavailable (invalid-response) for ${name}`, async () => {
        serveGeocoding('Chicago', geocodingBody(CHICAGO));
        serveForecast(body);
        const error = await rejection(provider().forecastDay({ place: 'Chicago', date: 'today' }));
        expect(error).to.include({ code: 'ERR_WEATHER_UNAVAILABLE', reason: 'invalid-response' });
      });
    }

    const badGeocoding: [string, unknown][] = [
      ['results that are not an array', { results: 'Chicago' }],
      ['a result without coordinates', geocodingBody({ ...CHICAGO, latitude: undefined })],
      ['a latitude out of range', geocodingBody({ ...CHICAGO, latitude: 123 })],
      ['a result without a name', geocodingBody({ ...CHICAGO, name: '' })],
      ['a result that is not an object', { results: [null] }],
    ];
    for (const [name, body] of badGeocoding) {
      it(`answers weather-unavailable (invalid-response) for geocoding with ${name}`, async () => {
        serveGeocoding('Chicago', body);
        const error = await rejection(provider().forecastDay({ place: 'Chicago', date: 'today' }));
        expect(error).to.include({ reason: 'invalid-response' });
      });
    }

    it('refuses an answer larger than maxBytes', async () => {
      serveGeocoding('Chicago', geocodingBody(CHICAGO));
      serveForecast(forecastBody({ startDate: TODAY }));
      const error = await rejection(
        provider({ maxBytes: 4096 }).forecastDay({ place: 'Chicago', date: 'today' }),
      );
      expect(error).to.include({ reason: 'invalid-response' });
    });

    it('answers incomplete when most waking hours of the day have no temperature', async () => {
      serveGeocoding('Chicago', geocodingBody(CHICAGO));
      serveForecast(
        forecastBody({
          startDate: TODAY,
          hour: (date, h) =>
            date === TODAY && h >= 10
              ? { ...mildHour(h), apparent_temperature: null }
              : mildHour(h),
        }),
      );
      const error = await rejection(provider().forecastDay({ place: 'Chicago', date: 'today' }));
      expect(error).to.include({ code: 'ERR_WEATHER_UNAVAILABLE', reason: 'incomplete' });
    });

    it('still answers when a few waking hours lack a temperature', async () => {
      serveGeocoding('Chicago', geocodingBody(CHICAGO));
      serveForecast(
        forecastBody({
          startDate: TODAY,
          hour: (_d, h) =>
            h === 7 || h === 21 ? { ...mildHour(h), apparent_temperature: null } : mildHour(h),
        }),
      );
      const day = await provider().forecastDay({ place: 'Chicago', date: 'today' });
      expect(day.hours).to.have.length(13);
    });
  });

  describe('logs', () => {
    it('logs a failed call with its reason, labelled open-meteo', async () => {
      const lines: string[] = [];
      serveGeocoding('Chicago', 'down', { status: 503 });
      await rejection(
        provider({ logger: createLogger({ sink: (l) => lines.push(l) }) }).forecastDay({
          place: 'Chicago',
          date: 'today',
        }),
      );
      const line = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
      expect(line).to.include({ level: 'warn', provider: 'open-meteo', call: 'geocoding' });
    });

    it('never logs the API key, a postal code or a URL', async () => {
      const lines: string[] = [];
      serveGeocoding('60601', geocodingBody(CHICAGO));
      serveForecast('<html>', { status: 500 });
      await rejection(
        provider({
          apiKey: 'secret-key-123',
          logger: createLogger({ level: 'debug', sink: (l) => lines.push(l) }),
        }).forecastDay({ place: { postalCode: '60601', countryCode: 'US' }, date: 'today' }),
      );
      expect(lines).to.have.length(2);
      expect(lines.join('\n')).not.to.match(/secret-key-123|60601|https?:/);
    });
  });

  describe('options', () => {
    it('names every bad option in one ConfigError', () => {
      expect(() =>
        createOpenMeteoProvider({
          forecastUrl: 'http://api.open-meteo.com/v1/forecast',
          budgetMs: 0,
          horizonDays: 17,
        }),
      )
        .to.throw(ConfigError)
        .with.property('problems')
        .that.has.length(3);
    });

    it('accepts a loopback http URL (the local stack)', () => {
      expect(() =>
        createOpenMeteoProvider({ forecastUrl: 'http://127.0.0.1:8080/v1/forecast' }),
      ).not.to.throw();
    });
  });
});

function withColumn(
  name: string,
  map?: (value: unknown) => unknown,
  whole?: (column: unknown[]) => unknown,
): Record<string, unknown> {
  const body = forecastBody({ startDate: TODAY });
  const hourly = { ...(body.hourly as Record<string, unknown[]>) };
  const column = hourly[name] ?? [];
  (hourly as Record<string, unknown>)[name] = whole ? whole(column) : column.map((v) => map?.(v));
  return { ...body, hourly };
}

function withUnits(units: Record<string, string>): Record<string, unknown> {
  const body = forecastBody({ startDate: TODAY });
  return { ...body, hourly_units: { ...(body.hourly_units as object), ...units } };
}

function withTimes(map: (time: string, index: number) => string): Record<string, unknown> {
  const body = forecastBody({ startDate: TODAY });
  const hourly = body.hourly as Record<string, unknown[]>;
  return { ...body, hourly: { ...hourly, time: (hourly.time as string[]).map(map) } };
}
