/**
 * The first request's critical path: with a named city, geocoding runs while the Settings API
 * answers (the day needs the device's time zone, the place does not), so a first request makes
 * two sequential upstream round trips (Settings and geocoding, then the forecast), not three.
 */
import { expect } from 'chai';
import { createOpenMeteoProvider } from '../../../lambda/weather/index.js';
import { CHICAGO, forecastBody, geocodingBody } from '../../harness/open-meteo-bodies.js';
import { skillConversation, createTestSkill, SkillTestIssuer } from '../../harness/index.js';

describe('the first request: geocoding alongside the Settings calls', () => {
  it('asks Open-Meteo for a named city before the Settings API has answered', async () => {
    const issuer = new SkillTestIssuer();
    issuer.serveJwks();
    const events: string[] = [];
    let releaseSettings: () => void = () => undefined;
    const settingsHeld = new Promise<void>((resolve) => {
      releaseSettings = resolve;
    });
    let settingsAsked = 0;
    const alexaFetch = (async (input: string | URL | Request) => {
      const url = new URL(input instanceof Request ? input.url : input.toString());
      settingsAsked += 1;
      events.push('settings asked');
      await settingsHeld;
      events.push('settings answered');
      const body = url.pathname.endsWith('System.timeZone') ? '"America/Chicago"' : '"FAHRENHEIT"';
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    const today = new Date(issuer.now).toISOString().slice(0, 10);
    const weatherFetch = ((input: string | URL | Request) => {
      const url = new URL(input instanceof Request ? input.url : input.toString());
      const kind = url.pathname.endsWith('/search') ? 'geocoding' : 'forecast';
      events.push(`${kind} asked`);
      const body =
        kind === 'geocoding' ? geocodingBody(CHICAGO) : forecastBody({ startDate: today });
      return Promise.resolve(Response.json(body));
    }) as typeof fetch;
    const { transport } = createTestSkill({
      issuer,
      weather: createOpenMeteoProvider({ now: () => issuer.now, fetch: weatherFetch }),
      alexaFetch,
    });
    const alexa = skillConversation({ transport, now: issuer.now, accessToken: issuer.mint() });
    const turn = alexa.say('what should I wear in Chicago');
    // Wait until both Settings calls are out and held.
    for (let i = 0; i < 200 && settingsAsked < 2; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).to.include('geocoding asked');
    expect(events).not.to.include('settings answered');
    releaseSettings();
    const reply = await turn;
    // The advice for Chicago, not "I couldn't find a place called Chicago".
    expect(JSON.stringify(reply.response.outputSpeech)).to.match(/Chicago.*feel like/);
    expect(events.filter((e) => e === 'geocoding asked')).to.have.length(1);
    // The forecast waits for the day, which waits for the time zone.
    expect(events.indexOf('forecast asked')).to.be.above(events.indexOf('settings answered'));
  });
});

describe('preparePlace', () => {
  it('never rejects, and leaves the failure for forecastDay to report', async () => {
    let calls = 0;
    const failing = createOpenMeteoProvider({
      now: () => Date.UTC(2026, 11, 2, 12),
      fetch: () => {
        calls += 1;
        return Promise.resolve(new Response('oops', { status: 500 }));
      },
    });
    await failing.preparePlace?.({ name: 'Chicago' });
    await failing.preparePlace?.({ name: '' });
    expect(calls).to.equal(1);
    let thrown: unknown;
    try {
      await failing.forecastDay({ place: { name: 'Chicago' }, date: 'today' });
    } catch (error) {
      thrown = error;
    }
    expect((thrown as { code?: string }).code).to.equal('ERR_WEATHER_UNAVAILABLE');
  });
});
