/**
 * The day is judged in the named city's own time zone: "today" said on a device whose today is
 * already over in the city (or not yet begun) is the city's today, and the answer says so.
 * Edges: midnight in either zone, the date line, daylight-saving changes. The weather is the
 * Open-Meteo provider answering in Open-Meteo's own format (nock), so each city has its real zone.
 */
import { expect, use } from 'chai';
import { createOpenMeteoProvider } from '../../../lambda/weather/index.js';
import { alexaAssertions } from 'alexa-skill-harness';
import {
  skillConversation,
  createTestSkill,
  forecastBody,
  geocodingBody,
  nockAlexaApi,
  serveForecast,
  serveGeocoding,
  SkillTestIssuer,
  type GeocodingResult,
} from '../../harness/index.js';

use(alexaAssertions);

const PARIS: GeocodingResult = {
  id: 2988507,
  name: 'Paris',
  latitude: 48.85341,
  longitude: 2.3488,
  feature_code: 'PPLC',
  country_code: 'FR',
  timezone: 'Europe/Paris',
  country: 'France',
  admin1: 'Île-de-France',
};
const HONOLULU: GeocodingResult = {
  id: 5856195,
  name: 'Honolulu',
  latitude: 21.30694,
  longitude: -157.85833,
  feature_code: 'PPLA',
  country_code: 'US',
  timezone: 'Pacific/Honolulu',
  country: 'United States',
  admin1: 'Hawaii',
};
const AUCKLAND: GeocodingResult = {
  id: 2193733,
  name: 'Auckland',
  latitude: -36.84853,
  longitude: 174.76349,
  feature_code: 'PPLA',
  country_code: 'NZ',
  timezone: 'Pacific/Auckland',
  country: 'New Zealand',
  admin1: 'Auckland',
};
const NEW_YORK: GeocodingResult = {
  id: 5128581,
  name: 'New York',
  latitude: 40.71427,
  longitude: -74.00597,
  feature_code: 'PPL',
  country_code: 'US',
  timezone: 'America/New_York',
  country: 'United States',
  admin1: 'New York',
};

const LOS_ANGELES: GeocodingResult = {
  id: 5368361,
  name: 'Los Angeles',
  latitude: 34.05223,
  longitude: -118.24368,
  feature_code: 'PPLA2',
  country_code: 'US',
  timezone: 'America/Los_Angeles',
  country: 'United States',
  admin1: 'California',
};

/** Today at `instant` in `zone`. */
function dateIn(zone: string, instant: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(instant));
}

/**
 * What the skill says for `utterance` said at `instant` on a device in `deviceZone`, about
 * `city`; also the date the forecast was asked for.
 */
async function ask(
  utterance: string,
  instant: number,
  deviceZone: string,
  city: GeocodingResult,
  { forecast = true, settings = true, horizonDays = 16 } = {},
) {
  const issuer = new SkillTestIssuer(undefined, undefined, instant);
  issuer.serveJwks();
  nockAlexaApi({ settings: settings ? { timeZone: deviceZone, unit: 'CELSIUS' } : 'failing' });
  const zone = String(city['timezone']);
  serveGeocoding(String(city['name']), geocodingBody(city));
  if (forecast) {
    serveForecast(
      forecastBody({ startDate: dateIn(zone, instant), timezone: zone, days: horizonDays }),
    );
  }
  const now = () => instant;
  const { transport } = createTestSkill({
    issuer,
    now: instant,
    weather: createOpenMeteoProvider({ now, horizonDays }),
  });
  const alexa = skillConversation({
    transport,
    now: instant,
    timeZone: deviceZone,
    accessToken: issuer.mint(),
  });
  return alexa.say(utterance);
}

describe('time zones: the day is judged in the city', () => {
  it("answers for Paris's today, and says so, when it is already tomorrow there", async () => {
    // 20:00 in Los Angeles on Wednesday 2 December is 05:00 on Thursday in Paris.
    const reply = await ask(
      'what should I wear in Paris today',
      Date.parse('2026-12-03T04:00:00Z'),
      'America/Los_Angeles',
      PARIS,
    );
    expect(reply).to.have.speech(/^It's already Thursday in Paris\. /);
    expect(reply).to.have.speech(/\btoday\b/i);
    expect(reply).not.to.have.speech(/look back/);
    expect(reply).to.have.card({ title: 'Paris, Île-de-France: Today, Thursday, December 3rd' });
  });

  it('says so when the day said is the city\'s today: "tomorrow in Paris", asked in the evening in Los Angeles', async () => {
    const reply = await ask(
      'what should I wear in Paris tomorrow',
      Date.parse('2026-12-03T04:00:00Z'),
      'America/Los_Angeles',
      PARIS,
    );
    expect(reply).to.have.speech(/^It's already Thursday in Paris\. /);
    expect(reply).to.have.speech(/\btoday\b/i);
    expect(reply).to.have.card({ title: 'Paris, Île-de-France: Today, Thursday, December 3rd' });
  });

  it("says so when the day said is the city's tomorrow", async () => {
    const reply = await ask(
      'what should I wear in Paris on Friday',
      Date.parse('2026-12-03T04:00:00Z'),
      'America/Los_Angeles',
      PARIS,
    );
    expect(reply).to.have.speech(/^It's already Thursday in Paris\. /);
    expect(reply).to.have.speech(/\btomorrow\b/i);
  });

  it('says nothing of the zones for a day further on, named the same in both', async () => {
    const reply = await ask(
      'what should I wear in Paris on Saturday',
      Date.parse('2026-12-03T04:00:00Z'),
      'America/Los_Angeles',
      PARIS,
    );
    expect(reply).not.to.have.speech(/already|still/);
    expect(reply).to.have.speech(/Saturday/);
  });

  it('says nothing of the zones when the city is behind the device', async () => {
    // 02:00 on Thursday in Paris is 17:00 on Wednesday in Los Angeles: "tomorrow" is Friday there.
    const reply = await ask(
      'what should I wear in Los Angeles tomorrow',
      Date.parse('2026-12-03T01:00:00Z'),
      'Europe/Paris',
      LOS_ANGELES,
    );
    expect(reply).not.to.have.speech(/already|still/);
  });

  it('says nothing of the zones when both are on the same day', async () => {
    const reply = await ask(
      'what should I wear in Paris',
      Date.parse('2026-12-02T16:00:00Z'),
      'America/Los_Angeles',
      PARIS,
    );
    expect(reply).not.to.have.speech(/already|still/);
  });

  describe('midnight', () => {
    it('one minute before midnight on the device: the city is already on the next day', async () => {
      // 23:59 on Wednesday in Los Angeles: Thursday 08:59 in Paris.
      const reply = await ask(
        'what should I wear in Paris today',
        Date.parse('2026-12-03T07:59:00Z'),
        'America/Los_Angeles',
        PARIS,
      );
      expect(reply).to.have.speech(/^It's already Thursday in Paris\./);
    });

    it('at midnight on the device: the device has caught up, nothing to say', async () => {
      const reply = await ask(
        'what should I wear in Paris today',
        Date.parse('2026-12-03T08:00:00Z'),
        'America/Los_Angeles',
        PARIS,
      );
      expect(reply).not.to.have.speech(/already|still/);
      expect(reply).to.have.card({ title: 'Paris, Île-de-France: Today, Thursday, December 3rd' });
    });

    it('one minute before midnight in the city: still the same day', async () => {
      // 23:59 on Wednesday in Paris is 17:59 in New York.
      const reply = await ask(
        'what should I wear in Paris today',
        Date.parse('2026-12-02T22:59:00Z'),
        'America/New_York',
        PARIS,
      );
      expect(reply).not.to.have.speech(/already|still/);
    });

    it('at midnight in the city: the city has moved on', async () => {
      const reply = await ask(
        'what should I wear in Paris today',
        Date.parse('2026-12-02T23:00:00Z'),
        'America/New_York',
        PARIS,
      );
      expect(reply).to.have.speech(/^It's already Thursday in Paris\./);
    });
  });

  it('across the date line: from Honolulu, Auckland is already on the next day', async () => {
    // Wednesday 11:00 in Honolulu (UTC-10) is Thursday 10:00 in Auckland (UTC+13).
    const reply = await ask(
      'what should I wear in Auckland today',
      Date.parse('2026-12-02T21:00:00Z'),
      'Pacific/Honolulu',
      AUCKLAND,
    );
    expect(reply).to.have.speech(/^It's already Thursday in Auckland\./);
    expect(reply).to.have.card({ title: 'Auckland, Auckland: Today, Thursday, December 3rd' });
  });

  // Thursday 10:00 in Auckland is Wednesday 11:00 in Honolulu: Thursday is Honolulu's tomorrow,
  // answered as such, never taken for Honolulu's today.
  for (const said of [
    'what should I wear in Honolulu today',
    'what should I wear in Honolulu on Thursday',
  ]) {
    it(`across the date line: from Auckland, "${said}" is answered for the day said`, async () => {
      const reply = await ask(
        said,
        Date.parse('2026-12-02T21:00:00Z'),
        'Pacific/Auckland',
        HONOLULU,
      );
      expect(reply).to.have.card({ title: 'Honolulu, Hawaii: Tomorrow, Thursday, December 3rd' });
      expect(reply).not.to.have.speech(/already|still|look back/);
    });
  }

  it("answers for Paris's today when the device's zone is unknown (Settings failing)", async () => {
    // 20:00 in New York on Wednesday: 01:00 Thursday in UTC, 02:00 Thursday in Paris. Alexa sends
    // the device's Wednesday; the skill, without the zone, knows only UTC's Thursday.
    const reply = await ask(
      'what should I wear in Paris today',
      Date.parse('2026-12-03T01:00:00Z'),
      'America/New_York',
      PARIS,
      { settings: false },
    );
    expect(reply).to.have.speech(/^It's already Thursday in Paris\./);
    expect(reply).not.to.have.speech(/look back/);
  });

  describe('weekends', () => {
    it('answers Sunday alone, and says why, when Saturday is already over in the city', async () => {
      // Saturday 23:00 in Los Angeles is Sunday 08:00 in Paris.
      const reply = await ask(
        'what should I wear in Paris this weekend',
        Date.parse('2026-12-06T07:00:00Z'),
        'America/Los_Angeles',
        PARIS,
      );
      expect(reply).to.have.speech(/^Saturday is already over in Paris\. /);
      expect(reply).not.to.have.speech(/Sunday and Sunday/);
      expect(reply).to.have.card({ title: 'Paris, Île-de-France: Today, Sunday, December 6th' });
    });

    it('asks which day when the weekend is already over in the city', async () => {
      // Sunday 23:00 in Los Angeles is Monday 08:00 in Paris.
      const reply = await ask(
        'what should I wear in Paris this weekend',
        Date.parse('2026-12-07T07:00:00Z'),
        'America/Los_Angeles',
        PARIS,
        { forecast: false },
      );
      expect(reply).to.have.speech(
        /^That weekend is already over in Paris\. .*Which day should I check\?$/,
      );
      expect(reply).to.elicitSlot('date');
    });

    it('answers Saturday and says Sunday is beyond the forecast at its edge', async () => {
      // Wednesday 2 December, a forecast of 4 days: Saturday the 5th is its last.
      const reply = await ask(
        'what should I wear in New York this weekend',
        Date.parse('2026-12-02T17:00:00Z'),
        'America/New_York',
        NEW_YORK,
        { horizonDays: 4 },
      );
      expect(reply).to.have.speech(/^Sunday is beyond the forecast\. /);
      expect(reply).to.have.card({ title: 'New York, New York: Saturday, December 5th' });
    });
  });

  it("a day before the user's today is past, wherever it is asked about", async () => {
    const reply = await ask(
      'what should I wear in Paris yesterday',
      Date.parse('2026-12-02T16:00:00Z'),
      'America/Los_Angeles',
      PARIS,
      { forecast: false },
    );
    expect(reply).to.have.speech(/look back|already passed/);
  });

  describe('daylight-saving changes', () => {
    it('the night clocks spring forward: "tomorrow" is the next calendar day', async () => {
      // 01:30 EST on Sunday 8 March 2026, half an hour before clocks go to 03:00 EDT.
      const reply = await ask(
        'what should I wear in New York tomorrow',
        Date.parse('2026-03-08T06:30:00Z'),
        'America/New_York',
        NEW_YORK,
      );
      expect(reply).to.have.card({ title: 'New York, New York: Tomorrow, Monday, March 9th' });
    });

    for (const [instant, which] of [
      ['2026-11-01T05:30:00Z', '01:30 EDT'],
      ['2026-11-01T06:30:00Z', '01:30 EST, the repeated hour'],
    ] as const) {
      it(`the night clocks fall back, at ${which}: still Sunday`, async () => {
        const reply = await ask(
          'what should I wear in New York today',
          Date.parse(instant),
          'America/New_York',
          NEW_YORK,
        );
        expect(reply).to.have.card({ title: 'New York, New York: Today, Sunday, November 1st' });
        expect(reply).not.to.have.speech(/already|still/);
      });
    }

    it('Europe changes a week before America: the zones still agree on the day', async () => {
      // Sunday 29 March 2026, 08:00 in New York (EDT) is 14:00 in Paris (CEST, since 02:00).
      const reply = await ask(
        'what should I wear in Paris today',
        Date.parse('2026-03-29T12:00:00Z'),
        'America/New_York',
        PARIS,
      );
      expect(reply).to.have.card({ title: 'Paris, Île-de-France: Today, Sunday, March 29th' });
    });
  });
});
