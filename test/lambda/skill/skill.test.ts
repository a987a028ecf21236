import { expect } from 'chai';
import type { Intent, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import type { AccessTokenErrorCode } from '../../../lambda/auth/index.js';
import { AUTH_OUTCOMES, HANDLED_INTENTS } from '../../../lambda/handlers/index.js';
import { SkillIdMismatchError } from '../../../lambda/skill.js';
import { createOpenMeteoProvider, type WeatherProvider } from '../../../lambda/weather/index.js';
import { serveAddress, serveSettings } from '../../harness/alexa-api.js';
import { createTestSkill } from '../../harness/test-skill.js';
import { CHICAGO, forecastBody, geocodingBody } from '../../harness/open-meteo-bodies.js';
import { serveForecast, serveGeocoding, WEATHER_APOLOGY } from '../../harness/open-meteo.js';
import {
  intentRequest,
  launchRequest,
  sessionEndedRequest,
  TEST_API_ACCESS_TOKEN,
  TEST_SKILL_ID,
} from '../../harness/requests.js';
import { TEST_NOW, SkillTestIssuer } from '../../harness/tokens.js';

interface Harness {
  invoke: (event: RequestEnvelope) => Promise<ResponseEnvelope>;
  logs: string[];
}

const WEAR = 'WhatShouldIWearIntent';

function speechOf(envelope: ResponseEnvelope): string {
  const speech = envelope.response.outputSpeech;
  const text = speech?.type === 'SSML' ? speech.ssml.replace(/<[^>]+>/g, '') : (speech?.text ?? '');
  const entities: Record<string, string> = {
    '&amp;': '&',
    '&lt;': '<',
    '&gt;': '>',
    '&quot;': '"',
    '&apos;': "'",
  };
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (e) => entities[e] ?? e);
}

describe('the skill', () => {
  let issuer: SkillTestIssuer;

  beforeEach(() => {
    issuer = new SkillTestIssuer();
  });

  function harness(options: { weather?: WeatherProvider; skillId?: string } = {}): Harness {
    const { skill, logs } = createTestSkill({ issuer, ...options });
    return { invoke: (event) => skill.invoke(event, {}), logs };
  }

  describe('with a valid token', () => {
    it('answers what to wear from the Open-Meteo forecast, with a card', async () => {
      issuer.serveJwks();
      serveSettings({ unit: 'CELSIUS', timeZone: 'America/Chicago' });
      serveGeocoding('Chicago', geocodingBody(CHICAGO));
      serveForecast(forecastBody({ startDate: '2026-11-25' }));
      const now = () => TEST_NOW;
      const { invoke } = harness({ weather: createOpenMeteoProvider({ now }) });
      const reply = await invoke(
        intentRequest(
          WEAR,
          { city: 'Chicago', date: '2026-11-26' },
          { accessToken: issuer.mint() },
        ),
      );
      expect(speechOf(reply)).to.match(
        /(In Chicago tomorrow|Tomorrow in Chicago)[^.]*feel like -?\d+ to -?\d+ degrees/,
      );
      expect(reply.response.card?.type).to.equal('Standard');
      expect(reply.response.shouldEndSession).to.equal(true);
    });

    it('speaks the temperature unit the device is set to', async () => {
      issuer.serveJwks();
      const feels = async (unit: string) => {
        serveSettings({ unit });
        const reply = await harness().invoke(
          intentRequest(WEAR, { city: 'Paris' }, { accessToken: issuer.mint() }),
        );
        const match = /feel like (-?\d+)/.exec(speechOf(reply));
        return Number(match?.[1]);
      };
      const celsius = await feels('CELSIUS');
      const fahrenheit = await feels('FAHRENHEIT');
      expect(fahrenheit).to.be.closeTo(celsius * 1.8 + 32, 1.5);
    });

    it('welcomes the user on launch and keeps the session open', async () => {
      issuer.serveJwks();
      const reply = await harness().invoke(launchRequest({ accessToken: issuer.mint() }));
      expect(speechOf(reply)).to.match(/Welcome to Weather Wardrobe/);
      expect(reply.response.shouldEndSession).to.equal(false);
    });

    it('uses the device postal code when the user granted it', async () => {
      issuer.serveJwks();
      serveSettings();
      const address = serveAddress({ countryCode: 'US', postalCode: '60601' });
      const reply = await harness().invoke(intentRequest(WEAR, {}, { accessToken: issuer.mint() }));
      expect(address.isDone()).to.equal(true);
      expect(speechOf(reply)).to.match(/feel like/);
    });

    it('asks for the postal code by voice when not granted, keeping the day', async () => {
      issuer.serveJwks();
      serveSettings();
      serveAddress(403);
      const reply = await harness().invoke(
        intentRequest(WEAR, { date: '2026-11-28' }, { accessToken: issuer.mint() }),
      );
      expect(reply.response.directives).to.deep.equal([
        {
          type: 'Connections.StartConnection',
          uri: 'connection://AMAZON.AskForPermissionsConsent/2',
          input: {
            '@type': 'AskForPermissionsConsentRequest',
            '@version': '2',
            permissionScopes: [
              {
                permissionScope: 'alexa:devices:all:address:country_and_postal_code:read',
                consentLevel: 'ACCOUNT',
              },
            ],
          },
          token: 'address-consent',
        },
      ]);
      expect(reply.response.card).to.equal(undefined);
      expect(reply.response.reprompt).to.equal(undefined);
      expect(reply.sessionAttributes).to.deep.equal({
        question: { slot: 'city', date: '2026-11-28' },
        addressConsentAsked: true,
      });
    });

    it('asks which city with the consent card once it asked by voice in the session', async () => {
      issuer.serveJwks();
      serveSettings();
      serveAddress(403);
      const reply = await harness().invoke(
        intentRequest(
          WEAR,
          { date: '2026-11-28' },
          { accessToken: issuer.mint(), sessionAttributes: { addressConsentAsked: true } },
        ),
      );
      expect(reply.response.card).to.deep.include({ type: 'AskForPermissionsConsent' });
      expect(speechOf(reply)).to.match(/Which city/);
      expect(reply.response.shouldEndSession).to.equal(false);
      expect(reply.response.directives?.[0]).to.deep.include({
        type: 'Dialog.ElicitSlot',
        slotToElicit: 'city',
      });
      expect(reply.sessionAttributes).to.deep.equal({
        question: { slot: 'city', date: '2026-11-28' },
        addressConsentAsked: true,
      });
    });

    it('asks which city when the address API fails, then answers for the kept day', async () => {
      issuer.serveJwks();
      serveSettings();
      serveAddress(500);
      const h = harness();
      const first = await h.invoke(
        intentRequest(WEAR, { date: '2026-11-28' }, { accessToken: issuer.mint() }),
      );
      expect(speechOf(first)).to.match(/Which city should I check on Saturday/);
      const second = await h.invoke(
        intentRequest(
          WEAR,
          { city: 'Boston' },
          {
            accessToken: issuer.mint(),
            sessionAttributes: first.sessionAttributes ?? {},
            dialogState: 'IN_PROGRESS',
          },
        ),
      );
      expect(speechOf(second)).to.match(
        /Boston on Saturday|In Boston on Saturday|Saturday in Boston/,
      );
      expect(second.sessionAttributes ?? {}).not.to.have.property('question');
    });

    it('completes its query from the open question only for the answer to it', async () => {
      issuer.serveJwks();
      serveSettings();
      serveAddress(500);
      const h = harness();
      const asked = await h.invoke(
        intentRequest(
          WEAR,
          { date: '2026-11-28', item: 'an umbrella' },
          { accessToken: issuer.mint() },
        ),
      );
      expect(asked.sessionAttributes).to.deep.equal({
        question: { slot: 'city', date: '2026-11-28', item: { said: 'an umbrella' } },
      });
      // A new request (STARTED, as Alexa sends one) is not the answer: nothing of the question.
      const fresh = await h.invoke(
        intentRequest(
          WEAR,
          { city: 'Boston' },
          {
            accessToken: issuer.mint(),
            sessionAttributes: asked.sessionAttributes ?? {},
            dialogState: 'STARTED',
          },
        ),
      );
      expect(speechOf(fresh)).to.match(/^(In Boston today|Today in Boston)/);
    });

    it('falls back to default units when the Settings API fails, and logs why', async () => {
      issuer.serveJwks();
      serveSettings({ status: 500 });
      const { invoke, logs } = harness();
      const reply = await invoke(
        intentRequest(WEAR, { city: 'Oslo' }, { accessToken: issuer.mint(), locale: 'en-GB' }),
      );
      expect(speechOf(reply)).to.match(/degrees/);
      // en-GB's own unit, Celsius, on the card (the speech says "degrees" in either unit).
      const card = reply.response.card as { type?: string; text?: string } | undefined;
      expect(card?.text).to.match(/^Feels like -?\d+°C to -?\d+°C/);
      const warnings = logs
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((r) => r.message === 'Alexa API failed');
      expect(warnings.map((w) => w.api)).to.have.members(['temperatureUnit', 'timeZone']);
      for (const w of warnings) {
        expect(w).to.include({ level: 'warn', errorCode: 'ERR_ALEXA_API', reason: 'status' });
      }
    });

    it('says so for an unknown city, and asks again', async () => {
      issuer.serveJwks();
      serveSettings();
      const reply = await harness().invoke(
        intentRequest(WEAR, { city: 'Nowhere' }, { accessToken: issuer.mint() }),
      );
      expect(speechOf(reply)).to.match(/couldn.t find a place called Nowhere/);
      expect(reply.response.shouldEndSession).to.equal(false);
    });

    it('apologises when the weather service is down', async () => {
      issuer.serveJwks();
      serveSettings();
      serveGeocoding('Chicago', geocodingBody(CHICAGO));
      serveForecast({ error: true, reason: 'down' }, { status: 503 });
      const now = () => TEST_NOW;
      const reply = await harness({ weather: createOpenMeteoProvider({ now }) }).invoke(
        intentRequest(WEAR, { city: 'Chicago' }, { accessToken: issuer.mint() }),
      );
      expect(speechOf(reply)).to.match(WEATHER_APOLOGY);
      expect(reply.response.card).to.equal(undefined);
    });

    it('apologises when the weather service answers garbage', async () => {
      issuer.serveJwks();
      serveSettings();
      serveGeocoding('Chicago', geocodingBody(CHICAGO));
      serveForecast({ hourly: { time: 'nope' } });
      const now = () => TEST_NOW;
      const reply = await harness({ weather: createOpenMeteoProvider({ now }) }).invoke(
        intentRequest(WEAR, { city: 'Chicago' }, { accessToken: issuer.mint() }),
      );
      expect(speechOf(reply)).to.match(WEATHER_APOLOGY);
    });

    it('says a past date is past', async () => {
      issuer.serveJwks();
      serveSettings();
      const reply = await harness().invoke(
        intentRequest(WEAR, { city: 'Paris', date: '2026-11-01' }, { accessToken: issuer.mint() }),
      );
      expect(speechOf(reply)).to.match(/look back in time|already passed/);
    });

    it('says how far the forecast goes for a date beyond it', async () => {
      issuer.serveJwks();
      serveSettings();
      const reply = await harness().invoke(
        intentRequest(WEAR, { city: 'Paris', date: '2027-03-01' }, { accessToken: issuer.mint() }),
      );
      expect(speechOf(reply)).to.equal(
        'The forecast only goes 15 days ahead, until Thursday, December 10th. Ask me again closer to the day.',
      );
      expect(reply.response.shouldEndSession).to.equal(true);
    });

    it('answers a season from its first day and a decade for today', async () => {
      issuer.serveJwks();
      serveSettings();
      // 2026-11-25: this winter starts on Tuesday, December 1st.
      for (const [date, day] of [
        [
          '2026-WI',
          /^That winter starts on Tuesday\. (In Paris on Tuesday|On Tuesday in Paris)\b.*feel like/,
        ],
        ['202X', /^(In Paris today|Today in Paris)\b.*feel like/],
      ] as const) {
        const reply = await harness().invoke(
          intentRequest(WEAR, { city: 'Paris', date }, { accessToken: issuer.mint() }),
        );
        expect(speechOf(reply)).to.match(day);
      }
    });

    it('asks which day, keeping the city, for a date value Alexa never sends', async () => {
      issuer.serveJwks();
      serveSettings();
      const reply = await harness().invoke(
        intentRequest(WEAR, { city: 'Paris', date: 'garbage' }, { accessToken: issuer.mint() }),
      );
      expect(speechOf(reply)).to.equal(
        'I can tell you what to wear for a day or a weekend in the next two weeks, like today, tomorrow or Saturday. Which day should I check?',
      );
      expect(reply.response.directives?.[0]).to.deep.include({
        type: 'Dialog.ElicitSlot',
        slotToElicit: 'date',
      });
      const intent = (reply.response.directives?.[0] as { updatedIntent?: Intent }).updatedIntent;
      expect(intent?.slots?.['city']?.value).to.equal('Paris');
      expect(intent?.slots?.['date']?.value).to.equal(undefined);
    });

    it('escapes SSML characters in a city name', async () => {
      issuer.serveJwks();
      serveSettings();
      const reply = await harness().invoke(
        intentRequest(WEAR, { city: 'Ham & <Eggs>' }, { accessToken: issuer.mint() }),
      );
      const speech = reply.response.outputSpeech;
      expect(speech?.type).to.equal('SSML');
      const ssml = speech?.type === 'SSML' ? speech.ssml : '';
      expect(ssml).to.include('Ham &amp; &lt;Eggs&gt;');
      expect(ssml).not.to.include('<Eggs>');
    });

    it('treats an empty or very long city as no city', async () => {
      issuer.serveJwks();
      serveSettings();
      for (const city of ['', '   ', 'x'.repeat(500)]) {
        const reply = await harness().invoke(
          intentRequest(WEAR, { city }, { accessToken: issuer.mint(), withoutAlexaApi: true }),
        );
        expect(speechOf(reply)).to.match(/Which city/);
      }
    });
  });

  describe('account linking', () => {
    it('asks an unlinked user to link, with a LinkAccount card', async () => {
      const reply = await harness().invoke(intentRequest(WEAR, { city: 'Chicago' }));
      expect(reply.response.card).to.deep.equal({ type: 'LinkAccount' });
      expect(speechOf(reply)).to.equal(AUTH_OUTCOMES.ERR_TOKEN_MISSING.speech);
    });

    it('asks an unlinked user to link on launch too', async () => {
      const reply = await harness().invoke(launchRequest());
      expect(reply.response.card).to.deep.equal({ type: 'LinkAccount' });
    });

    const failures: [AccessTokenErrorCode, (i: SkillTestIssuer) => string][] = [
      [
        'ERR_TOKEN_EXPIRED',
        (i) => i.mint({ exp: TEST_NOW / 1000 - 60, iat: TEST_NOW / 1000 - 3700 }),
      ],
      ['ERR_TOKEN_NOT_YET_VALID', (i) => i.mint({ nbf: TEST_NOW / 1000 + 600 })],
      ['ERR_TOKEN_MALFORMED', () => 'not.a.token'],
      ['ERR_TOKEN_SIGNATURE', (i) => i.sign(i.claims(), { signing: { alg: 'none' } })],
      ['ERR_TOKEN_ISSUER', (i) => i.mint({ iss: 'https://evil.example/' })],
      ['ERR_TOKEN_AUDIENCE', (i) => i.mint({ aud: 'https://other-api' })],
      ['ERR_TOKEN_SCOPE', (i) => i.mint({ scope: 'openid' })],
    ];
    for (const [code, token] of failures) {
      it(`answers ${code} with its words and a LinkAccount card, never the advice`, async () => {
        if (code !== 'ERR_TOKEN_MALFORMED' && code !== 'ERR_TOKEN_SIGNATURE') issuer.serveJwks();
        const { invoke, logs } = harness();
        const reply = await invoke(
          intentRequest(WEAR, { city: 'Chicago' }, { accessToken: token(issuer) }),
        );
        expect(speechOf(reply)).to.equal(AUTH_OUTCOMES[code].speech);
        expect(reply.response.card).to.deep.equal({ type: 'LinkAccount' });
        expect(logs.some((l) => l.includes(code))).to.equal(true);
      });
    }

    it('logs an issuer mismatch at error level with the token iss', async () => {
      issuer.serveJwks();
      const { invoke, logs } = harness();
      await invoke(
        intentRequest(
          WEAR,
          { city: 'Chicago' },
          { accessToken: issuer.mint({ iss: 'https://evil.example/' }) },
        ),
      );
      const line = logs
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((r) => r['errorCode'] === 'ERR_TOKEN_ISSUER');
      expect(line).to.include({ level: 'error', actual: 'https://evil.example/' });
    });

    it('apologises without a card when the key set is unavailable', async () => {
      issuer.serveJwks(() => [503, 'down']);
      const reply = await harness().invoke(
        intentRequest(WEAR, { city: 'Chicago' }, { accessToken: issuer.mint() }),
      );
      expect(speechOf(reply)).to.equal(AUTH_OUTCOMES.ERR_KEY_SET_UNAVAILABLE.speech);
      expect(reply.response.card).to.equal(undefined);
    });

    it('has words for every verifier error code', () => {
      for (const outcome of Object.values(AUTH_OUTCOMES))
        expect(outcome.speech).to.have.length.above(20);
    });
  });

  describe('without a token', () => {
    const cases: [string, RequestEnvelope, RegExp][] = [
      ['Help', intentRequest('AMAZON.HelpIntent'), /what to wear and what to bring/],
      ['Stop', intentRequest('AMAZON.StopIntent'), /Goodbye/],
      ['Cancel', intentRequest('AMAZON.CancelIntent'), /Goodbye/],
      ['NavigateHome', intentRequest('AMAZON.NavigateHomeIntent'), /Goodbye/],
      ['Fallback', intentRequest('AMAZON.FallbackIntent'), /can't help with that/],
    ];
    for (const [name, request, words] of cases) {
      it(`answers ${name}`, async () => {
        const reply = await harness().invoke(request);
        expect(speechOf(reply)).to.match(words);
        expect(reply.response.card).to.equal(undefined);
      });
    }

    it('has a handler for every intent it declares (none falls to the error handler)', async () => {
      for (const intent of HANDLED_INTENTS) {
        const reply = await harness().invoke(intentRequest(intent));
        expect(speechOf(reply), intent).not.to.match(/something went wrong/);
      }
    });

    it('answers SessionEnded with an empty response', async () => {
      const reply = await harness().invoke(sessionEndedRequest());
      expect(reply.response.outputSpeech).to.equal(undefined);
    });

    it('answers an unknown intent with an apology that speaks no internals', async () => {
      const reply = await harness().invoke(intentRequest('SomethingElseIntent'));
      expect(speechOf(reply)).to.match(/^Sorry, something went wrong/);
      expect(speechOf(reply)).not.to.match(/Error|handler|stack/i);
    });
  });

  describe('skill id', () => {
    it('refuses a request for another skill before any handler runs', async () => {
      const { invoke, logs } = harness({ skillId: TEST_SKILL_ID });
      let thrown: unknown;
      try {
        await invoke(
          intentRequest(
            'AMAZON.HelpIntent',
            {},
            { skillId: 'amzn1.ask.skill.00000000-0000-4000-8000-000000000999' },
          ),
        );
      } catch (error) {
        thrown = error;
      }
      expect(thrown).to.be.instanceOf(SkillIdMismatchError);
      expect(logs.some((l) => l.includes('"outcome"'))).to.equal(false);
    });

    it('answers a request for its own skill id', async () => {
      const reply = await harness({ skillId: TEST_SKILL_ID }).invoke(
        intentRequest('AMAZON.HelpIntent'),
      );
      expect(speechOf(reply)).to.match(/what to wear/);
    });
  });

  describe('logs', () => {
    it('write one line per request with request id, intent, outcome and latency', async () => {
      const { invoke, logs } = harness();
      await invoke(intentRequest('AMAZON.HelpIntent', {}, { requestId: 'req-1' }));
      const lines = logs
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((r) => r['message'] === 'request');
      expect(lines).to.have.length(1);
      expect(lines[0]).to.include({
        requestId: 'req-1',
        intent: 'AMAZON.HelpIntent',
        outcome: 'help',
        latencyMs: 0,
      });
    });

    it('never contain the access token or the API access token', async () => {
      issuer.serveJwks();
      serveSettings();
      const { invoke, logs } = harness();
      const tokens = [
        issuer.mint(),
        issuer.mint({ aud: 'https://x' }),
        issuer.mint({ exp: TEST_NOW / 1000 - 100 }),
      ];
      for (const accessToken of tokens)
        await invoke(intentRequest(WEAR, { city: 'Paris' }, { accessToken }));
      const all = logs.join('\n');
      for (const secret of [
        ...tokens,
        ...tokens.map((t) => t.split('.')[2] ?? ''),
        TEST_API_ACCESS_TOKEN,
      ]) {
        expect(all).not.to.include(secret);
      }
    });
  });
});
