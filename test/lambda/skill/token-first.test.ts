/**
 * The token is checked before anything else runs for a request that needs the account (the auth
 * interceptor awaits it). These tests hold the check open to see that nothing happens meanwhile,
 * not even from the caches, and that a refused token leaves no trace of an answer in the reply, the
 * session or the log.
 */
import { expect } from 'chai';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import {
  TokenSignatureError,
  type VerifiedAccessToken,
  type VerifyAccessToken,
} from '../../../lambda/auth/index.js';
import { AUTH_OUTCOMES } from '../../../lambda/handlers/index.js';
import { createOpenMeteoProvider, type WeatherProvider } from '../../../lambda/weather/index.js';
import { CHICAGO, forecastBody, geocodingBody } from '../../harness/open-meteo-bodies.js';
import { intentRequest, launchRequest } from '../../harness/requests.js';
import { createTestSkill, type TestSkill } from '../../harness/test-skill.js';
import { TEST_NOW, TEST_SCOPE } from '../../harness/tokens.js';

const WEAR = 'WhatShouldIWearIntent';
const PASSED: VerifiedAccessToken = {
  subject: 'auth0|held',
  scopes: [TEST_SCOPE],
  expiresAt: new Date(TEST_NOW + 3_600_000),
};

/** A verifier whose checks stay open until the test passes or refuses them, oldest first. */
class HeldVerifier {
  private readonly open: {
    resolve: (token: VerifiedAccessToken) => void;
    reject: (error: unknown) => void;
  }[] = [];

  readonly verify: VerifyAccessToken = () =>
    new Promise((resolve, reject) => {
      this.open.push({ resolve, reject });
    });

  get waiting(): number {
    return this.open.length;
  }

  pass(): void {
    this.next().resolve(PASSED);
  }

  fail(error: unknown): void {
    this.next().reject(error);
  }

  private next() {
    const check = this.open.shift();
    if (check === undefined) throw new Error('No token check is open');
    return check;
  }
}

/** Every call out (Open-Meteo and the Alexa API), answered from canned bodies. */
function recordingFetch() {
  const calls: string[] = [];
  const fetch: typeof globalThis.fetch = (input) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    calls.push(url.pathname);
    if (url.pathname === '/v1/search')
      return Promise.resolve(Response.json(geocodingBody(CHICAGO)));
    if (url.pathname === '/v1/forecast')
      return Promise.resolve(Response.json(forecastBody({ startDate: '2026-11-25' })));
    if (url.pathname.endsWith('/System.temperatureUnit'))
      return Promise.resolve(Response.json('CELSIUS'));
    if (url.pathname.endsWith('/System.timeZone'))
      return Promise.resolve(Response.json('America/Chicago'));
    return Promise.resolve(new Response(null, { status: 403 }));
  };
  return { calls, fetch };
}

/** The provider, counting the forecasts it gave: evidence that a draft got that far. */
function countingAnswers(provider: WeatherProvider) {
  const counted = {
    name: provider.name,
    answered: 0,
    forecastDay: async (...args: Parameters<WeatherProvider['forecastDay']>) => {
      const forecast = await provider.forecastDay(...args);
      counted.answered += 1;
      return forecast;
    },
  };
  return counted;
}

/** Lets every pending callback, timer and I/O of this turn run: what could happen meanwhile, has. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function tracked(reply: Promise<ResponseEnvelope>) {
  const state = { done: false };
  void reply.then(() => (state.done = true));
  return state;
}

function speechOf(envelope: ResponseEnvelope): string {
  const speech = envelope.response.outputSpeech;
  return speech?.type === 'SSML' ? speech.ssml.replace(/<[^>]+>/g, '') : (speech?.text ?? '');
}

describe('the skill checks the token first', () => {
  let held: HeldVerifier;
  let upstream: ReturnType<typeof recordingFetch>;
  let test: TestSkill;
  let forecasts: ReturnType<typeof countingAnswers>;

  beforeEach(() => {
    held = new HeldVerifier();
    upstream = recordingFetch();
    const now = () => TEST_NOW;
    forecasts = countingAnswers(createOpenMeteoProvider({ now, fetch: upstream.fetch }));
    test = createTestSkill({ verify: held.verify, alexaFetch: upstream.fetch, weather: forecasts });
  });

  const ask = (options: Parameters<typeof intentRequest>[2] = {}): RequestEnvelope =>
    intentRequest(
      WEAR,
      { city: 'Chicago', date: '2026-11-26' },
      { accessToken: 'a.held.token', ...options },
    );

  /** One passed request, so that the Settings answers, the place and the forecast are cached. */
  async function warmCaches(): Promise<void> {
    const reply = test.skill.invoke(ask());
    await settle();
    held.pass();
    await reply;
    upstream.calls.length = 0;
    test.logs.length = 0;
    forecasts.answered = 0;
  }

  it('calls out for nothing until the token passed, then answers', async () => {
    const reply = test.skill.invoke(ask());
    const state = tracked(reply);
    await settle();
    expect(held.waiting).to.equal(1);
    expect(upstream.calls, 'calls made before the token passed').to.deep.equal([]);
    expect(state.done).to.equal(false);

    held.pass();
    const answer = await reply;
    expect(upstream.calls).to.have.members([
      '/v2/devices/amzn1.ask.device.HARNESS/settings/System.temperatureUnit',
      '/v2/devices/amzn1.ask.device.HARNESS/settings/System.timeZone',
      '/v1/search',
      '/v1/forecast',
    ]);
    expect(speechOf(answer)).to.match(/Chicago/);
    expect(answer.response.card?.type).to.equal('Standard');
  });

  it('does nothing, not even from the caches, until the token passed', async () => {
    await warmCaches();
    const reply = test.skill.invoke(ask());
    const state = tracked(reply);
    await settle();
    expect(state.done, 'answered before the token passed').to.equal(false);
    expect(forecasts.answered, 'a forecast read before the token passed').to.equal(0);
    expect(test.logs, 'lines written before the token passed').to.deep.equal([]);

    held.pass();
    const answer = await reply;
    expect(speechOf(answer)).to.match(/Chicago/);
    expect(upstream.calls).to.deep.equal([]);
    expect(forecasts.answered).to.equal(1);
    expect(test.records().at(-1)).to.include({ outcome: 'advice' });
  });

  it('answers a refused token with the refusal alone: no forecast, no session change, no advice line', async () => {
    await warmCaches();
    const session = { question: { slot: 'city', date: '2026-11-27' }, carried: 'along' };
    const reply = test.skill.invoke(ask({ sessionAttributes: session }));
    await settle();
    held.fail(new TokenSignatureError('bad-signature', 'The signature does not verify'));

    const answer = await reply;
    expect(speechOf(answer)).to.equal(AUTH_OUTCOMES.ERR_TOKEN_SIGNATURE.speech);
    expect(answer.response.card?.type).to.equal('LinkAccount');
    expect(answer.response.reprompt).to.equal(undefined);
    expect(answer.sessionAttributes).to.deep.equal(session);
    expect(forecasts.answered).to.equal(0);
    expect(upstream.calls).to.deep.equal([]);
    const messages = test.records().map((line) => line['message']);
    expect(messages).to.not.include('advice');
    expect(test.records().at(-1)).to.include({ outcome: 'link-account' });
  });

  it('never calls out for a refused token whose answer is not cached', async () => {
    const reply = test.skill.invoke(ask());
    await settle();
    held.fail(new TokenSignatureError('bad-signature', 'The signature does not verify'));
    const answer = await reply;
    await settle();
    expect(answer.response.card?.type).to.equal('LinkAccount');
    expect(upstream.calls).to.deep.equal([]);
    const messages = test.records().map((line) => line['message']);
    expect(messages).to.not.include('no forecast');
    expect(messages).to.not.include('Alexa API failed');
  });

  it('answers a verifier failure that is not a token error with the apology alone', async () => {
    await warmCaches();
    const reply = test.skill.invoke(ask());
    await settle();
    held.fail(new Error('a bug in the verifier'));
    const answer = await reply;
    await settle();
    expect(speechOf(answer)).to.match(/something went wrong/);
    expect(answer.response.card).to.equal(undefined);
    expect(answer.response.reprompt).to.equal(undefined);
    expect(test.records().at(-1)).to.include({ outcome: 'error' });
    expect(forecasts.answered).to.equal(0);
    expect(upstream.calls).to.deep.equal([]);
  });

  it('waits for the token on launch too', async () => {
    const reply = test.skill.invoke(launchRequest({ accessToken: 'a.held.token' }));
    const state = tracked(reply);
    await settle();
    expect(state.done).to.equal(false);
    held.fail(new TokenSignatureError('bad-signature', 'The signature does not verify'));
    expect((await reply).response.card?.type).to.equal('LinkAccount');
  });
});
