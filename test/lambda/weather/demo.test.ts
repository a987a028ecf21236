import { expect } from 'chai';
import { ConfigError } from '../../../common/env.js';
import { createDemoProvider, type DayForecast } from '../../../lambda/weather/index.js';

const NOW = Date.parse('2026-11-25T12:00:00Z');

async function code(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: unknown; reason?: unknown }).reason ?? error;
  }
  return 'resolved';
}

describe('weather/demo', () => {
  const demo = createDemoProvider({ now: () => NOW });

  it('judges the day of a well-known city in its real zone, any other place in the default', async () => {
    // 23:30 UTC on Wednesday 25 November: already Thursday in Paris, still Wednesday in Seattle.
    const late = createDemoProvider({ now: () => Date.parse('2026-11-25T23:30:00Z') });
    const paris = await late.forecastDay({ place: 'Paris', date: 'today' });
    expect(paris).to.deep.include({ today: '2026-11-26', date: '2026-11-26' });
    expect(paris.place.timeZone).to.equal('Europe/Paris');
    expect((await late.forecastDay({ place: 'Seattle', date: 'today' })).today).to.equal(
      '2026-11-25',
    );
    expect(
      (await late.forecastDay({ place: 'Springfield', date: 'today' })).place.timeZone,
    ).to.equal('UTC');
  });

  it('labels every forecast as demo', async () => {
    const day = await demo.forecastDay({ place: 'Chicago', date: 'today' });
    expect([demo.name, day.provider]).to.deep.equal(['demo', 'demo']);
  });

  it('gives the same forecast for the same name and date, whatever the spelling case', async () => {
    const a = await demo.forecastDay({ place: 'chicago', date: '2026-11-27' });
    const b = await createDemoProvider({ now: () => NOW + 3_600_000 }).forecastDay({
      place: ' CHICAGO ',
      date: '2026-11-27',
    });
    expect(b.hours).to.deep.equal(a.hours);
  });

  it('gives different days different weather', async () => {
    const a = await demo.forecastDay({ place: 'Chicago', date: '2026-11-26' });
    const b = await demo.forecastDay({ place: 'Chicago', date: '2026-11-27' });
    expect(b.hours).to.not.deep.equal(a.hours);
  });

  it('speaks a name in title case', async () => {
    const day = await demo.forecastDay({ place: 'new york', date: 'today' });
    expect(day.place.name).to.equal('New York');
  });

  it('covers the waking hours with plausible values', async () => {
    const days: DayForecast[] = [];
    for (const place of ['Chicago', 'Oslo', 'Cairo', 'Lima', 'Perth', 'Anchorage']) {
      for (const date of ['2026-11-25', '2026-11-30', '2026-12-05']) {
        days.push(await demo.forecastDay({ place, date }));
      }
    }
    for (const day of days) {
      expect(day.hours.map((h) => h.hour)).to.deep.equal([
        7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
      ]);
      for (const h of day.hours) {
        expect(h.apparentTemperatureC).to.be.within(-40, 50);
        expect(h.precipitationProbability).to.be.within(0, 100);
        expect(h.uvIndex).to.be.within(0, 12);
      }
    }
  });

  it('has a place it does not know, for trying the not-found path offline', async () => {
    expect(await code(demo.forecastDay({ place: 'Nowhere', date: 'today' }))).to.equal('no-match');
  });

  it('refuses a past date and one beyond 16 days, like the real provider', async () => {
    const past = await code(demo.forecastDay({ place: 'Chicago', date: '2026-11-24' }));
    const far = await code(demo.forecastDay({ place: 'Chicago', date: '2026-12-11' }));
    expect([past, far]).to.deep.equal(['past', 'beyond-horizon']);
  });

  it('computes today in its configured time zone', async () => {
    const tokyo = createDemoProvider({
      now: () => Date.parse('2026-11-25T20:00:00Z'),
      timeZone: 'Asia/Tokyo',
    });
    const day = await tokyo.forecastDay({ place: 'Tokyo', date: 'today' });
    expect(day).to.include({ today: '2026-11-26', date: '2026-11-26' });
  });

  it('answers a postal code by the code itself', async () => {
    const day = await demo.forecastDay({
      place: { postalCode: '60601', countryCode: 'US' },
      date: 'today',
    });
    expect(day.place).to.include({ name: '60601', countryCode: 'US' });
  });

  it('refuses an unknown time zone with a ConfigError', () => {
    expect(() => createDemoProvider({ timeZone: 'Mars/Olympus' })).to.throw(ConfigError);
  });
});
