/**
 * The fault matrix: each row a fault of a dependency, the outcome Alexa must get, and the protocol
 * deadline it must meet (Alexa waits about 8 s for the skill and 4.5 s for the token URL), run
 * with short injected timeouts instead of real waiting. Every log line of every row is searched
 * for the secrets and tokens in play.
 */
import { expect } from 'chai';
import nock from 'nock';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { createLogger } from '../../common/logger.js';
import { createTokenExchange } from '../../proxy/index.js';
import { createAlexaApi } from '../../lambda/alexa/index.js';
import { createAccessTokenVerifier } from '../../lambda/auth/index.js';
import { AUTH_OUTCOMES } from '../../lambda/handlers/index.js';
import { createSkill } from '../../lambda/skill.js';
import { createOpenMeteoProvider } from '../../lambda/weather/index.js';
import { serveAddress, serveSettings } from '../harness/alexa-api.js';
import { networkError } from '../harness/network-error.js';
import {
  CHICAGO,
  FORECAST_ORIGIN,
  FORECAST_PATH,
  forecastBody,
  geocodingBody,
} from '../harness/open-meteo-bodies.js';
import { serveForecast, serveGeocoding, WEATHER_APOLOGY } from '../harness/open-meteo.js';
import { intentRequest, TEST_API_ACCESS_TOKEN } from '../harness/requests.js';
import { createTestKey } from 'alexa-skill-harness';
import { TEST_NOW, SkillTestIssuer } from '../harness/tokens.js';
import { weatherCacheRows, type TableRow } from './weather-cache-rows.js';

const SKILL_DEADLINE_MS = 8000;
const TOKEN_URL_DEADLINE_MS = 4500;
/** The injected budgets: what a row's answer must come within, with a margin for a loaded machine. */
const KEY_SET_TIMEOUT_MS = 250;
const WEATHER_BUDGET_MS = 200;
const UPSTREAM_TIMEOUT_MS = 200;
const MARGIN_MS = 400;

const logs: string[] = [];
const secrets: string[] = [TEST_API_ACCESS_TOKEN];
const logger = createLogger({ level: 'debug', sink: (line) => logs.push(line) });

function speechOf(reply: ResponseEnvelope): string {
  const speech = reply.response.outputSpeech;
  return speech?.type === 'SSML' ? speech.ssml : '';
}

describe('fault matrix', () => {
  /** Rows that ran (a `--grep` subset runs some, or none). */
  let rowsRun = 0;
  afterEach(() => {
    rowsRun += 1;
  });
  after(() => {
    const all = logs.join('\n');
    const leaked = secrets.filter((s) => s.length > 0 && all.includes(s));
    expect(leaked.length, 'secrets or tokens found in the logs').to.equal(0);
    // Every row logs at least one line, so the leak check above had something to read.
    expect(logs.length, 'the rows wrote logs').to.be.at.least(rowsRun);
  });

  describe('the skill (deadline 8 s)', () => {
    let issuer: SkillTestIssuer;
    let token: string;

    beforeEach(() => {
      issuer = new SkillTestIssuer();
      token = issuer.mint();
      secrets.push(token, token.split('.')[2] ?? '');
    });

    async function ask(
      sharedCache?: TableRow['sharedCache'],
    ): Promise<{ reply: ResponseEnvelope; ms: number }> {
      const now = () => TEST_NOW;
      const skill = createSkill({
        verify: createAccessTokenVerifier({
          issuerBaseUrl: issuer.issuer,
          audience: issuer.audience,
          requiredScope: 'read:whattowear',
          now,
          jwks: { timeoutMs: KEY_SET_TIMEOUT_MS },
        }),
        weather: createOpenMeteoProvider({
          now,
          budgetMs: WEATHER_BUDGET_MS,
          callTimeoutMs: WEATHER_BUDGET_MS,
          logger,
          ...(sharedCache === undefined ? {} : { sharedCache: sharedCache() }),
        }),
        alexaApi: createAlexaApi({ now, timeoutMs: 150 }),
        logger,
        now,
        weatherBudgetMs: WEATHER_BUDGET_MS,
      });
      const started = Date.now();
      const reply = await skill.invoke(
        intentRequest(
          'WhatShouldIWearIntent',
          { city: 'Chicago', date: '2026-11-26' },
          { accessToken: token },
        ),
      );
      return { reply, ms: Date.now() - started };
    }

    function weatherUp(): void {
      serveGeocoding('Chicago', geocodingBody(CHICAGO));
      serveForecast(forecastBody({ startDate: '2026-11-25' }));
    }

    const jwksUrl = () => new URL(issuer.jwksUri);
    const apology = AUTH_OUTCOMES.ERR_KEY_SET_UNAVAILABLE.speech;

    const rows: {
      fault: string;
      arrange: () => void;
      expect: (reply: ResponseEnvelope) => void;
      within: number;
      sharedCache?: TableRow['sharedCache'];
    }[] = [
      {
        fault: 'key set down',
        arrange: () =>
          nock(jwksUrl().origin)
            .get(jwksUrl().pathname)
            .replyWithError(networkError('ECONNREFUSED')),
        expect: (r) => {
          expect(speechOf(r)).to.include(apology);
          expect(r.response.card).to.equal(undefined);
        },
        within: KEY_SET_TIMEOUT_MS,
      },
      {
        fault: 'key set slow',
        arrange: () =>
          nock(jwksUrl().origin).get(jwksUrl().pathname).delay(3000).reply(200, issuer.jwks()),
        expect: (r) => {
          expect(speechOf(r)).to.include(apology);
        },
        within: KEY_SET_TIMEOUT_MS,
      },
      {
        fault: 'key set 500',
        arrange: () => issuer.serveJwks(() => [500, 'oops']),
        expect: (r) => {
          expect(speechOf(r)).to.include(apology);
        },
        within: KEY_SET_TIMEOUT_MS,
      },
      {
        fault: 'key set garbage',
        arrange: () => issuer.serveJwks(() => [200, '{"keys": [{"kty": ']),
        expect: (r) => {
          expect(speechOf(r)).to.include(apology);
        },
        within: KEY_SET_TIMEOUT_MS,
      },
      {
        fault: 'key set empty',
        arrange: () => issuer.serveJwks(() => [200, { keys: [] }]),
        expect: (r) => {
          expect(speechOf(r)).to.include(apology);
        },
        within: KEY_SET_TIMEOUT_MS,
      },
      {
        fault: 'key set rotated (token signed by the new key)',
        arrange: () => {
          issuer.keys.unshift(createTestKey('rotated'));
          token = issuer.mint();
          secrets.push(token);
          issuer.serveJwks();
          serveSettings();
          weatherUp();
        },
        expect: (r) => {
          expect(speechOf(r)).to.match(/feel like/);
        },
        within: WEATHER_BUDGET_MS,
      },
      {
        fault: 'weather down',
        arrange: () => {
          issuer.serveJwks();
          serveSettings();
          nock('https://geocoding-api.open-meteo.com')
            .get(/.*/)
            .replyWithError(networkError('ECONNRESET'));
        },
        expect: (r) => {
          expect(speechOf(r)).to.match(WEATHER_APOLOGY);
        },
        within: WEATHER_BUDGET_MS,
      },
      {
        fault: 'weather slow',
        arrange: () => {
          issuer.serveJwks();
          serveSettings();
          serveGeocoding('Chicago', geocodingBody(CHICAGO));
          nock(FORECAST_ORIGIN)
            .get(FORECAST_PATH)
            .query(true)
            .delay(3000)
            .reply(200, forecastBody({ startDate: '2026-11-25' }));
        },
        expect: (r) => {
          expect(speechOf(r)).to.match(WEATHER_APOLOGY);
        },
        within: WEATHER_BUDGET_MS,
      },
      {
        fault: 'weather garbage',
        arrange: () => {
          issuer.serveJwks();
          serveSettings();
          serveGeocoding('Chicago', geocodingBody(CHICAGO));
          serveForecast('<html>');
        },
        expect: (r) => {
          expect(speechOf(r)).to.match(WEATHER_APOLOGY);
        },
        within: WEATHER_BUDGET_MS,
      },
      {
        fault: 'weather partial (a day cut short)',
        arrange: () => {
          issuer.serveJwks();
          serveSettings();
          serveGeocoding('Chicago', geocodingBody(CHICAGO));
          serveForecast(forecastBody({ startDate: '2026-11-25', days: 1 }));
        },
        expect: (r) => {
          // A forecast with fewer days than the date asked for: beyond what the forecast holds.
          expect(speechOf(r)).to.equal(
            '<speak>The forecast only covers today, Wednesday, November 25th. Ask me again closer to the day.</speak>',
          );
        },
        within: WEATHER_BUDGET_MS,
      },
      {
        fault: 'Alexa Settings API 401',
        arrange: () => {
          issuer.serveJwks();
          serveSettings({ status: 401 });
          weatherUp();
        },
        expect: (r) => {
          expect(speechOf(r)).to.match(/feel like/);
        },
        within: WEATHER_BUDGET_MS,
      },
      {
        fault: 'Alexa Settings API 403',
        arrange: () => {
          issuer.serveJwks();
          serveSettings({ status: 403 });
          weatherUp();
        },
        expect: (r) => {
          expect(speechOf(r)).to.match(/feel like/);
        },
        within: WEATHER_BUDGET_MS,
      },
      {
        fault: 'Alexa Settings API 500',
        arrange: () => {
          issuer.serveJwks();
          serveSettings({ status: 500 });
          weatherUp();
        },
        expect: (r) => {
          expect(speechOf(r)).to.match(/feel like/);
        },
        within: WEATHER_BUDGET_MS,
      },
      ...weatherCacheRows({
        servicesUp: () => {
          issuer.serveJwks();
          serveSettings();
          weatherUp();
        },
        speechOf,
        logs,
        secrets,
        logger,
        now: () => TEST_NOW,
        budgetMs: WEATHER_BUDGET_MS,
      }),
    ];

    for (const row of rows) {
      it(`${row.fault}: the right answer, within its budget and Alexa's 8 s`, async () => {
        row.arrange();
        const { reply, ms } = await ask(row.sharedCache);
        row.expect(reply);
        expect(ms).to.be.below(Math.min(SKILL_DEADLINE_MS, row.within + MARGIN_MS));
        nock.abortPendingRequests();
      });
    }

    for (const status of [401, 403, 500]) {
      it(`Device Address API ${status} (no city said): asks which city, within Alexa's 8 s`, async () => {
        issuer.serveJwks();
        serveSettings();
        serveAddress(status);
        const now = () => TEST_NOW;
        const skill = createSkill({
          verify: createAccessTokenVerifier({
            issuerBaseUrl: issuer.issuer,
            audience: issuer.audience,
            now,
          }),
          weather: createOpenMeteoProvider({ now }),
          alexaApi: createAlexaApi({ now, timeoutMs: 150 }),
          logger,
          now,
        });
        const started = Date.now();
        const reply = await skill.invoke(
          intentRequest('WhatShouldIWearIntent', {}, { accessToken: token }),
        );
        expect(Date.now() - started).to.be.below(SKILL_DEADLINE_MS);
        if (status === 500) {
          expect(speechOf(reply)).to.match(/Which city/);
          expect(reply.response.card).to.equal(undefined);
        } else {
          // Not granted: the skill asks for the postal code by voice first.
          expect(reply.response.directives?.map((d) => d.type)).to.deep.equal([
            'Connections.StartConnection',
          ]);
        }
      });
    }
  });

  describe('the token proxy (deadline 4.5 s)', () => {
    const UPSTREAM = 'https://tenant.test.example';
    const SECRET = 'fault-matrix-client-secret-91f2';
    const REFRESH = 'fault-matrix-refresh-token-5c7e';
    secrets.push(SECRET, REFRESH);

    async function refresh(): Promise<{
      status: number;
      body: Record<string, unknown>;
      ms: number;
    }> {
      const exchange = createTokenExchange({
        upstreamTokenUrl: `${UPSTREAM}/oauth/token`,
        allowedClientIds: ['alexa'],
        upstreamTimeoutMs: UPSTREAM_TIMEOUT_MS,
        logger,
      });
      const started = Date.now();
      const reply = await exchange({
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`alexa:${SECRET}`).toString('base64')}`,
        },
        body: `grant_type=refresh_token&refresh_token=${REFRESH}`,
      });
      return {
        status: reply.statusCode,
        body: JSON.parse(reply.body) as Record<string, unknown>,
        ms: Date.now() - started,
      };
    }

    const upstream = () => nock(UPSTREAM).post('/oauth/token');
    const rows: { fault: string; arrange: () => void; status: number; error: string }[] = [
      {
        fault: 'upstream down',
        arrange: () => upstream().replyWithError(networkError('ECONNREFUSED')),
        status: 502,
        error: 'temporarily_unavailable',
      },
      {
        fault: 'upstream slow',
        arrange: () => upstream().delay(3000).reply(200, { access_token: 'x' }),
        status: 504,
        error: 'temporarily_unavailable',
      },
      {
        fault: 'upstream 4xx (invalid_grant)',
        arrange: () =>
          upstream().reply(400, {
            error: 'invalid_grant',
            error_description: 'Unknown or invalid refresh token.',
          }),
        status: 400,
        error: 'invalid_grant',
      },
      {
        fault: 'upstream 5xx with JSON',
        arrange: () => upstream().reply(503, { error: 'temporarily_unavailable' }),
        status: 503,
        error: 'temporarily_unavailable',
      },
      {
        fault: 'upstream HTML error page',
        arrange: () =>
          upstream().reply(500, '<html><body>Bad gateway</body></html>', {
            'content-type': 'text/html',
          }),
        status: 502,
        error: 'server_error',
      },
      {
        fault: 'upstream truncated JSON',
        arrange: () =>
          upstream().reply(200, '{"access_token": "abc', { 'content-type': 'application/json' }),
        status: 502,
        error: 'server_error',
      },
    ];
    for (const row of rows) {
      it(`${row.fault}: ${row.status}, JSON, within the timeout and Alexa's 4.5 s`, async () => {
        row.arrange();
        const { status, body, ms } = await refresh();
        expect(status).to.equal(row.status);
        expect(body['error']).to.equal(row.error);
        expect(ms).to.be.below(Math.min(TOKEN_URL_DEADLINE_MS, UPSTREAM_TIMEOUT_MS + MARGIN_MS));
        nock.abortPendingRequests();
      });
    }
  });
});
