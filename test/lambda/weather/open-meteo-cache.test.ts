import { expect } from 'chai';
import { createOpenMeteoProvider, type WeatherProvider } from '../../../lambda/weather/index.js';
import {
  CHICAGO,
  cityNumbered,
  forecastBody,
  geocodingBody,
} from '../../harness/open-meteo-bodies.js';
import { serveForecast, serveGeocoding } from '../../harness/open-meteo.js';

const START = Date.parse('2026-11-25T18:00:00Z'); // noon in Chicago
const TODAY = '2026-11-25';
const MINUTE = 60_000;

describe('weather/open-meteo cache', () => {
  let clock: number;
  let weather: WeatherProvider;
  beforeEach(() => {
    clock = START;
    weather = createOpenMeteoProvider({ now: () => clock });
  });

  it('answers another day of a cached place with no call (one forecast holds all 16 days)', async () => {
    serveGeocoding('Chicago', geocodingBody(CHICAGO));
    serveForecast(forecastBody({ startDate: TODAY }));
    await weather.forecastDay({ place: 'Chicago', date: 'today' });
    // nock interceptors answer once: a second call would fail the request.
    const later = await weather.forecastDay({ place: 'chicago ', date: '2026-12-01' });
    expect(later.date).to.equal('2026-12-01');
  });

  it('fetches the forecast again after 20 minutes, without geocoding again', async () => {
    serveGeocoding('Chicago', geocodingBody(CHICAGO));
    serveForecast(forecastBody({ startDate: TODAY }));
    await weather.forecastDay({ place: 'Chicago', date: 'today' });
    clock += 20 * MINUTE;
    const again = serveForecast(forecastBody({ startDate: TODAY }));
    const day = await weather.forecastDay({ place: 'Chicago', date: 'today' });
    expect(again.isDone()).to.equal(true);
    expect(day.fetchedAt).to.equal(clock);
  });

  it('keeps a geocoded place for 24 hours', async () => {
    serveGeocoding('Chicago', geocodingBody(CHICAGO));
    serveForecast(forecastBody({ startDate: TODAY }));
    await weather.forecastDay({ place: 'Chicago', date: 'today' });
    clock += 24 * 60 * MINUTE;
    const geocoding = serveGeocoding('Chicago', geocodingBody(CHICAGO));
    serveForecast(forecastBody({ startDate: '2026-11-26' }));
    await weather.forecastDay({ place: 'Chicago', date: 'today' });
    expect(geocoding.isDone()).to.equal(true);
  });

  it('remembers a place that was not found', async () => {
    serveGeocoding('Xyzzyville', geocodingBody());
    const first = weather.forecastDay({ place: 'Xyzzyville', date: 'today' });
    await first.catch(() => undefined);
    let code: unknown;
    await weather.forecastDay({ place: 'Xyzzyville', date: 'today' }).catch((e: unknown) => {
      code = (e as { code?: unknown }).code;
    });
    expect(code).to.equal('ERR_PLACE_NOT_FOUND');
  });

  it('makes one geocoding and one forecast call for concurrent identical requests', async () => {
    serveGeocoding('Chicago', geocodingBody(CHICAGO));
    serveForecast(forecastBody({ startDate: TODAY }));
    const days = await Promise.all(
      Array.from({ length: 10 }, () => weather.forecastDay({ place: 'Chicago', date: 'today' })),
    );
    expect(days.every((d) => d.place.name === 'Chicago')).to.equal(true);
  });

  it('shares one forecast call between concurrent requests for different days of a place', async () => {
    serveGeocoding('Chicago', geocodingBody(CHICAGO));
    serveForecast(forecastBody({ startDate: TODAY }));
    const days = await Promise.all(
      ['today', '2026-11-26', '2026-11-27'].map((date) =>
        weather.forecastDay({ place: 'Chicago', date }),
      ),
    );
    expect(days.map((d) => d.date)).to.deep.equal([TODAY, '2026-11-26', '2026-11-27']);
  });

  it('serves the older forecast, marked stale, when a refresh fails', async () => {
    serveGeocoding('Chicago', geocodingBody(CHICAGO));
    serveForecast(forecastBody({ startDate: TODAY }));
    await weather.forecastDay({ place: 'Chicago', date: 'today' });
    clock += 30 * MINUTE;
    serveForecast({ error: true, reason: 'overloaded' }, { status: 503 });
    const day = await weather.forecastDay({ place: 'Chicago', date: 'today' });
    expect(day).to.include({ stale: true, fetchedAt: START });
  });

  it('apologises rather than serve a forecast older than 3 hours', async () => {
    serveGeocoding('Chicago', geocodingBody(CHICAGO));
    serveForecast(forecastBody({ startDate: TODAY }));
    await weather.forecastDay({ place: 'Chicago', date: 'today' });
    clock += 3 * 60 * MINUTE;
    serveForecast('down', { status: 503 });
    let reason: unknown;
    await weather.forecastDay({ place: 'Chicago', date: 'today' }).catch((e: unknown) => {
      reason = (e as { reason?: unknown }).reason;
    });
    expect(reason).to.equal('http-status');
  });

  it('keeps at most maxForecasts places, dropping the least recently used', async () => {
    weather = createOpenMeteoProvider({ now: () => clock, maxForecasts: 2 });
    for (const n of [1, 2, 3]) {
      serveGeocoding(`City ${n}`, geocodingBody(cityNumbered(n)));
      serveForecast(forecastBody({ startDate: TODAY }));
      await weather.forecastDay({ place: `City ${n}`, date: 'today' });
    }
    const refetch = serveForecast(forecastBody({ startDate: TODAY }));
    await weather.forecastDay({ place: 'City 1', date: 'today' });
    expect(refetch.isDone()).to.equal(true);
  });

  it('fetches again when a cached forecast lacks the day asked for', async () => {
    serveGeocoding('Chicago', geocodingBody(CHICAGO));
    serveForecast(forecastBody({ startDate: TODAY, days: 3 }));
    await weather.forecastDay({ place: 'Chicago', date: 'today' });
    const again = serveForecast(forecastBody({ startDate: TODAY }));
    const day = await weather.forecastDay({ place: 'Chicago', date: '2026-12-05' });
    expect(again.isDone()).to.equal(true);
    expect(day.date).to.equal('2026-12-05');
  });

  describe('20 cities x 3 days, one request a second', () => {
    const cities = Array.from({ length: 20 }, (_, n) => cityNumbered(n));
    const dates = [TODAY, '2026-11-26', '2026-11-28'];
    let counted: { geocoding: number; forecast: number };

    /** A fetch that answers like Open-Meteo and counts the calls. */
    const countingFetch: typeof fetch = (input) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname === '/v1/search') {
        counted.geocoding += 1;
        const city = cities.find((c) => c.name === url.searchParams.get('name'));
        return Promise.resolve(Response.json(geocodingBody(...(city ? [city] : []))));
      }
      counted.forecast += 1;
      return Promise.resolve(Response.json(forecastBody({ startDate: TODAY })));
    };

    const thousandRequests = async (from: number): Promise<void> => {
      for (let i = 0; i < 1000; i += 1) {
        clock = from + i * 1000; // 1000 requests take about 16.7 minutes
        const city = String(cities[(i * 7) % 20]?.name);
        await weather.forecastDay({ place: city, date: dates[(i * 11) % 3] ?? 'today' });
      }
    };

    beforeEach(() => {
      counted = { geocoding: 0, forecast: 0 };
      weather = createOpenMeteoProvider({ now: () => clock, fetch: countingFetch });
    });

    it('makes 40 upstream calls for the first 1000 requests (cold), far from 60', async () => {
      await thousandRequests(START);
      expect(counted).to.deep.equal({ geocoding: 20, forecast: 20 });
    });

    it('makes 20 forecast calls and no geocoding for each further 1000 requests (warm)', async () => {
      await thousandRequests(START);
      counted = { geocoding: 0, forecast: 0 };
      await thousandRequests(START + 1000 * 1000);
      expect(counted).to.deep.equal({ geocoding: 0, forecast: 20 });
    });
  });
});
