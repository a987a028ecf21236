/**
 * The proxy in front of providers whose token endpoints do not answer as Alexa needs. Each
 * provider is a loopback stand-in that answers byte for byte as its documentation shows (sources
 * in docs/PROVIDERS.md); each is called through the proxy as Alexa calls it (HTTP Basic, a form
 * body): a code exchange, a refresh, and a refused refresh. Alexa must get JSON every time, an
 * integer expires_in on success, and a 4xx OAuth error on a refusal.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { expect } from 'chai';
import { closeServer, listenOn } from '../../common/http-server.js';
import { createTokenExchange, type TokenExchange } from '../../proxy/index.js';
import {
  basicAuthorization,
  CLIENT_ID,
  CLIENT_SECRET,
  formPost,
  json,
  NOW_MS,
  NOW_S,
  secret,
} from './support.js';

interface Seen {
  form: URLSearchParams;
  accept: string | undefined;
}

/** How a provider answers one token request. */
type Answerer = (seen: Seen) => { status: number; type: string; body: string };

const JSON_TYPE = 'application/json; charset=utf-8';
const FORM_TYPE = 'application/x-www-form-urlencoded; charset=utf-8';
const asJson = (status: number, body: unknown) => ({
  status,
  type: JSON_TYPE,
  body: JSON.stringify(body),
});

const ACCESS = secret('provider-access-token-9f3a');
const REFRESH = secret('provider-refresh-token-77c1');
const CODE = secret('provider-code-1b2c');
const REVOKED = secret('provider-refresh-token-revoked');

const isRefused = (seen: Seen) =>
  seen.form.get('refresh_token') === REVOKED || (seen.form.get('code') ?? CODE) !== CODE;

const PROVIDERS: Record<string, { profile?: string; answer: Answerer }> = {
  // GitHub answers a form unless asked for JSON, and reports refusals with status 200.
  'GitHub (a form: no Accept honoured)': {
    answer: (seen) =>
      isRefused(seen)
        ? {
            status: 200,
            type: FORM_TYPE,
            body: `error=${seen.form.get('grant_type') === 'refresh_token' ? 'bad_refresh_token' : 'bad_verification_code'}&error_description=The+code+passed+is+incorrect+or+expired.&error_uri=https%3A%2F%2Fdocs.github.com%2Fapps`,
          }
        : {
            status: 200,
            type: FORM_TYPE,
            body: `access_token=${ACCESS}&expires_in=28800&refresh_token=${REFRESH}&refresh_token_expires_in=15897600&scope=&token_type=bearer`,
          },
  },
  'GitHub (JSON, as the proxy asks with Accept)': {
    answer: (seen) => {
      const ok = !isRefused(seen);
      const body: Record<string, string | number> = ok
        ? {
            access_token: ACCESS,
            expires_in: 28800,
            refresh_token: REFRESH,
            token_type: 'bearer',
            scope: '',
          }
        : {
            error: 'bad_refresh_token',
            error_description: 'The refresh token passed is incorrect or expired.',
          };
      return seen.accept?.includes('application/json') === true
        ? asJson(200, body)
        : {
            status: 200,
            type: FORM_TYPE,
            body: new URLSearchParams(
              Object.entries(body).map(([k, v]): [string, string] => [k, String(v)]),
            ).toString(),
          };
    },
  },
  // Slack: HTTP 200 and ok: false for a refusal.
  Slack: {
    answer: (seen) =>
      isRefused(seen)
        ? asJson(200, { ok: false, error: 'invalid_refresh_token' })
        : asJson(200, {
            ok: true,
            access_token: ACCESS,
            token_type: 'user',
            expires_in: 43200,
            refresh_token: REFRESH,
          }),
  },
  // An instant instead of a lifetime, and no expires_in.
  'expires_at only': {
    answer: (seen) =>
      isRefused(seen)
        ? asJson(400, { error: 'invalid_grant' })
        : asJson(200, {
            access_token: ACCESS,
            token_type: 'Bearer',
            expires_at: NOW_S + 21600,
            refresh_token: REFRESH,
          }),
  },
  // Microsoft's v1 endpoints: expires_in as a string.
  'Entra ID v1 (expires_in a string)': {
    answer: (seen) =>
      isRefused(seen)
        ? asJson(400, {
            error: 'invalid_grant',
            error_description:
              'AADSTS70008: The provided authorization code or refresh token has expired.',
          })
        : asJson(200, {
            token_type: 'Bearer',
            expires_in: '3599',
            ext_expires_in: '3599',
            access_token: ACCESS,
            refresh_token: REFRESH,
          }),
  },
  // Withings: action=requesttoken required, every answer wrapped in {status, body} with HTTP 200.
  Withings: {
    profile: 'withings',
    answer: (seen) => {
      if (seen.form.get('action') !== 'requesttoken') {
        return asJson(200, { status: 2554, body: {}, error: 'Wrong action or wrong webservice' });
      }
      return isRefused(seen)
        ? asJson(200, { status: 503, body: {}, error: 'Invalid Params: invalid refresh_token' })
        : asJson(200, {
            status: 0,
            body: {
              userid: '12345678',
              access_token: ACCESS,
              refresh_token: REFRESH,
              expires_in: 10800,
              scope: 'user.metrics',
              token_type: 'Bearer',
            },
          });
    },
  },
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
  });
}

describe('proxy: providers that do not speak as Alexa needs (loopback stand-ins)', () => {
  for (const [name, provider] of Object.entries(PROVIDERS)) {
    describe(name, () => {
      let server: ReturnType<typeof createServer>;
      let exchange: TokenExchange;
      let calls = 0;

      before(async () => {
        server = createServer((req: IncomingMessage, res: ServerResponse) => {
          void readBody(req).then((text) => {
            calls += 1;
            const answer = provider.answer({
              form: new URLSearchParams(text),
              accept: req.headers.accept,
            });
            res.writeHead(answer.status, { 'content-type': answer.type }).end(answer.body);
          });
        });
        const { url } = await listenOn(server, 0, '127.0.0.1');
        exchange = createTokenExchange({
          upstreamTokenUrl: url,
          allowedClientIds: [CLIENT_ID],
          now: () => NOW_MS,
          ...(provider.profile === undefined ? {} : { upstreamProfile: provider.profile }),
        });
      });
      after(() => closeServer(server));

      const call = (params: Record<string, string>) =>
        exchange(
          formPost(new URLSearchParams(params).toString(), {
            authorization: basicAuthorization(CLIENT_ID, CLIENT_SECRET),
          }),
        );

      function expectUsableSuccess(reply: Awaited<ReturnType<TokenExchange>>): void {
        expect(reply.statusCode).to.equal(200);
        expect(reply.headers['content-type']).to.equal('application/json');
        const body = json(reply);
        expect(body['access_token']).to.equal(ACCESS);
        expect(Number.isInteger(body['expires_in'])).to.equal(true);
        expect(body['expires_in']).to.be.at.least(360);
        expect(body['refresh_token']).to.equal(REFRESH);
      }

      it('exchanges a code: JSON with an integer expires_in', async () => {
        const before = calls;
        expectUsableSuccess(
          await call({
            grant_type: 'authorization_code',
            code: CODE,
            redirect_uri: 'https://layla.amazon.com/api/skill/link/M1',
          }),
        );
        expect(calls - before).to.equal(1);
      });

      it('refreshes: JSON with an integer expires_in', async () => {
        expectUsableSuccess(await call({ grant_type: 'refresh_token', refresh_token: REFRESH }));
      });

      it('passes a refused refresh on as a 4xx OAuth error in JSON, never a server failure', async () => {
        const reply = await call({ grant_type: 'refresh_token', refresh_token: REVOKED });
        expect(reply.statusCode).to.equal(400);
        expect(reply.headers['content-type']).to.equal('application/json');
        expect(json(reply)['error']).to.equal('invalid_grant');
      });
    });
  }

  it('refuses an unknown profile when the proxy is built', () => {
    expect(() =>
      createTokenExchange({
        upstreamTokenUrl: 'https://tenant.example/oauth/token',
        allowedClientIds: ['x'],
        upstreamProfile: 'github',
      }),
    ).to.throw(/upstreamProfile/);
  });
});
