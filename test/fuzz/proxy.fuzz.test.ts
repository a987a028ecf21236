import { expect } from 'chai';
import fc from 'fast-check';
import { silentLogger } from '../../common/logger.js';
import { createTokenExchange, type TokenExchange } from '../../proxy/index.js';
import { FUZZ_TIMEOUT_MS, fuzzParameters } from './runs.js';

const UPSTREAM = 'https://tenant.test.example/oauth/token';
const ALLOWED = 'alexa-client';

const contentType = fc.oneof(
  fc.constantFrom(
    'application/x-www-form-urlencoded',
    'application/x-www-form-urlencoded;charset=UTF-8',
    'application/json',
    'application/json; charset=latin1',
    'text/html',
    'multipart/form-data; boundary=x',
    '',
  ),
  fc.string({ maxLength: 40 }),
);
const formField = fc.tuple(
  fc.oneof(
    fc.constantFrom(
      'grant_type',
      'client_id',
      'client_secret',
      'code',
      'refresh_token',
      'redirect_uri',
      'code_verifier',
      'scope',
    ),
    fc.string({ maxLength: 12 }),
  ),
  fc.oneof(
    fc.constantFrom(
      'authorization_code',
      'refresh_token',
      'password',
      'client_credentials',
      ALLOWED,
      '',
    ),
    fc.string({ maxLength: 30 }),
  ),
);
const body = fc.oneof(
  fc
    .array(formField, { maxLength: 8 })
    .map((fields) =>
      fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'),
    ),
  fc.array(formField, { maxLength: 8 }).map((fields) => JSON.stringify(Object.fromEntries(fields))),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.jsonValue().map((v) => JSON.stringify(v)),
);
const anyRequest = fc.record({
  method: fc.oneof(
    fc.constantFrom('POST', 'post', 'GET', 'PUT', 'OPTIONS', 'DELETE'),
    fc.string({ maxLength: 8 }),
  ),
  contentType,
  authorization: fc.option(
    fc.oneof(
      fc
        .tuple(fc.constantFrom(ALLOWED, 'other', ''), fc.string({ maxLength: 12 }))
        .map(
          ([id, secret]) =>
            `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`,
        ),
      fc.string({ maxLength: 40 }),
    ),
    { nil: undefined },
  ),
  body: fc.option(body, { nil: undefined }),
  isBase64Encoded: fc.boolean(),
});

/** Requests close to what Alexa sends, with random extra or damaged parameters, so many reach the upstream. */
const plausibleRequest = fc
  .record({
    grant: fc.constantFrom('authorization_code', 'refresh_token', 'password'),
    inBody: fc.boolean(),
    extra: fc.array(formField, { maxLength: 4 }),
    contentType: fc.constantFrom(
      'application/x-www-form-urlencoded',
      'application/x-www-form-urlencoded;charset=UTF-8',
      'application/json',
    ),
  })
  .map(({ grant, inBody, extra, contentType }) => {
    const fields: [string, string][] = [
      ['grant_type', grant],
      ...(inBody
        ? ([
            ['client_id', ALLOWED],
            ['client_secret', 's'],
          ] as [string, string][])
        : []),
      ...extra,
    ];
    const body =
      contentType === 'application/json'
        ? JSON.stringify(Object.fromEntries(fields))
        : fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
    return {
      method: 'POST',
      contentType,
      authorization: inBody
        ? undefined
        : `Basic ${Buffer.from(`${ALLOWED}:secret`).toString('base64')}`,
      body,
      isBase64Encoded: false,
    };
  });
const request = fc.oneof(anyRequest, plausibleRequest);

/** What the upstream answers when it is called: a success, an error, or garbage. */
const upstreamAnswer = fc.constantFrom(
  { status: 200, text: '{"access_token":"at","token_type":"Bearer","expires_in":3600}' },
  { status: 200, text: '{"access_token":"at"}' },
  { status: 400, text: '{"error":"invalid_grant"}' },
  { status: 500, text: '<html>oops</html>' },
  { status: 200, text: '{"access_token": "at", ' },
  { status: 307, text: '' },
);

describe('fuzz: the proxy', function () {
  this.timeout(FUZZ_TIMEOUT_MS);

  it('always answers JSON with an OAuth error, or the upstream answer passed through', async () => {
    const seen = { runs: 0, forwarded: 0 };
    await fc.assert(
      fc.asyncProperty(request, upstreamAnswer, async (input, answer) => {
        let upstreamCalls = 0;
        const exchange: TokenExchange = createTokenExchange({
          upstreamTokenUrl: UPSTREAM,
          allowedClientIds: [ALLOWED],
          logger: silentLogger,
          transport: () => {
            upstreamCalls += 1;
            return Promise.resolve(answer);
          },
        });
        const body =
          input.body !== undefined && input.isBase64Encoded
            ? Buffer.from(input.body).toString('base64')
            : input.body;
        const reply = await exchange({
          method: input.method,
          headers: {
            'content-type': input.contentType,
            ...(input.authorization === undefined ? {} : { authorization: input.authorization }),
          },
          body,
          isBase64Encoded: input.isBase64Encoded,
        });
        expect(reply.headers['content-type']).to.equal('application/json');
        expect(reply.headers['cache-control']).to.equal('no-store');
        expect(upstreamCalls).to.be.at.most(1);
        const parsed = JSON.parse(reply.body) as Record<string, unknown>;
        if (reply.statusCode >= 200 && reply.statusCode < 300) {
          expect(upstreamCalls).to.equal(1);
          expect(parsed['access_token']).to.be.a('string');
          expect(Number.isInteger(parsed['expires_in'])).to.equal(true);
        } else {
          expect(parsed['error']).to.be.a('string');
        }
        if (upstreamCalls === 0) expect(reply.statusCode).to.be.within(400, 499);
        seen.runs += 1;
        seen.forwarded += upstreamCalls;
      }),
      fuzzParameters,
    );
    // Not vacuous: some generated requests are valid enough to reach the upstream.
    expect(seen.forwarded / seen.runs, `${seen.forwarded} of ${seen.runs} forwarded`).to.be.above(
      0.01,
    );
  });
});
