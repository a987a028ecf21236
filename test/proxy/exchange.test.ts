import { createServer } from 'node:net';
import { expect } from 'chai';
import nock from 'nock';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  NOW_S,
  ODD_CLIENT_ID,
  ODD_CLIENT_SECRET,
  UPSTREAM_ORIGIN,
  UPSTREAM_PATH,
  accessJwt,
  basicAuthorization,
  captureLogs,
  form,
  formPost,
  json,
  listen,
  makeExchange,
  secret,
  upstreamAnswers,
} from './support.js';

const NO_CACHE = {
  'content-type': 'application/json',
  'cache-control': 'no-store',
  pragma: 'no-cache',
};

function codeExchangeBody(extra: Record<string, string> = {}): string {
  return form({
    grant_type: 'authorization_code',
    code: secret(`auth-code-${Math.random().toString(36).slice(2)}`),
    redirect_uri: 'https://layla.amazon.com/api/skill/link/M2AAAAAAAAAAAA',
    ...extra,
  });
}

function refreshBody(refreshToken: string, extra: Record<string, string> = {}): string {
  return form({ grant_type: 'refresh_token', refresh_token: refreshToken, ...extra });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('proxy core: code exchange', () => {
  const basic = basicAuthorization(CLIENT_ID, CLIENT_SECRET);

  it('forwards HTTP Basic client authentication and the body unchanged', async () => {
    const body = codeExchangeBody();
    const seen = upstreamAnswers(200, {
      access_token: secret('opaque-access-1'),
      token_type: 'Bearer',
      expires_in: 86400,
    });
    const reply = await makeExchange()(formPost(body, { authorization: basic }));
    expect(reply.statusCode).to.equal(200);
    expect(seen.headers?.authorization).to.equal(basic);
    expect(seen.body).to.equal(body);
  });

  it('forwards a Basic header without its surrounding whitespace, so no CR or LF goes upstream', async () => {
    const basic = basicAuthorization(CLIENT_ID, CLIENT_SECRET);
    const seen = upstreamAnswers(200, {
      access_token: secret('opaque-access-ws'),
      expires_in: 600,
    });
    const reply = await makeExchange()(
      formPost(codeExchangeBody(), { authorization: ` ${basic}\r\n` }),
    );
    expect(reply.statusCode).to.equal(200);
    expect(seen.headers?.authorization).to.equal(basic);
  });

  it('forwards credentials in the body unchanged, with no Authorization header', async () => {
    const body = codeExchangeBody({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
    const seen = upstreamAnswers(200, { access_token: secret('opaque-access-2'), expires_in: 60 });
    const reply = await makeExchange()(formPost(body));
    expect(reply.statusCode).to.equal(200);
    expect(seen.headers).not.to.have.property('authorization');
    expect(seen.body).to.equal(body);
  });

  it('forwards PKCE code_verifier and redirect_uri byte for byte', async () => {
    const verifier = secret('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk.~');
    const code = secret('SplxlOBeZQQYbYS6WxSbIA');
    // Encoded the way a client might, including escapes URLSearchParams would not write.
    const body = `grant_type=authorization_code&code=${code}&redirect_uri=https%3A%2F%2Fpitangui.amazon.com%2Fapi%2Fskill%2Flink%2FM2AAAAAAAAAAAA&code_verifier=${verifier.replace('~', '%7E')}&client_id=${CLIENT_ID}`;
    const seen = upstreamAnswers(200, {
      access_token: secret('opaque-access-3'),
      expires_in: 3600,
    });
    await makeExchange()(formPost(body));
    expect(seen.body).to.equal(body);
    const params = new URLSearchParams(seen.body);
    expect(params.get('code_verifier')).to.equal(verifier);
    expect(params.get('redirect_uri')).to.equal(
      'https://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA',
    );
  });

  it('serves a client whose id and secret hold ":" and "+" in HTTP Basic (RFC 6749 2.3.1)', async () => {
    const authorization = basicAuthorization(ODD_CLIENT_ID, ODD_CLIENT_SECRET);
    const seen = upstreamAnswers(200, {
      access_token: secret('opaque-access-4'),
      expires_in: 3600,
    });
    const reply = await makeExchange()(formPost(codeExchangeBody(), { authorization }));
    expect(reply.statusCode).to.equal(200);
    expect(seen.headers?.authorization).to.equal(authorization);
  });

  it('sends a JSON body upstream as a form with the same parameters', async () => {
    const params = {
      grant_type: 'authorization_code',
      code: secret('json-code-123'),
      redirect_uri: 'https://alexa.amazon.co.jp/api/skill/link/M2AAAAAAAAAAAA',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    };
    const seen = upstreamAnswers(200, {
      access_token: secret('opaque-access-5'),
      expires_in: 3600,
    });
    await makeExchange()({
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(params),
    });
    expect(seen.headers?.['content-type']).to.match(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(new URLSearchParams(seen.body))).to.deep.equal(params);
  });

  it('accepts a form content type without a charset', async () => {
    upstreamAnswers(200, { access_token: secret('opaque-access-6'), expires_in: 3600 });
    const reply = await makeExchange()({
      ...formPost(codeExchangeBody({ client_id: CLIENT_ID })),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(reply.statusCode).to.equal(200);
  });

  it('keeps the upstream expires_in and body, with JSON and no-cache headers', async () => {
    const upstreamBody = {
      access_token: secret('opaque-access-7'),
      refresh_token: secret('refresh-7'),
      id_token: secret('id-token-7'),
      scope: 'openid offline_access read:whattowear',
      expires_in: 86400,
      token_type: 'Bearer',
    };
    upstreamAnswers(200, upstreamBody);
    const reply = await makeExchange()(formPost(codeExchangeBody({ client_id: CLIENT_ID })));
    expect(reply.headers).to.deep.equal(NO_CACHE);
    expect(json(reply)).to.deep.equal(upstreamBody);
  });
});

describe('proxy core: refresh', () => {
  const refresh = (token: string): ReturnType<typeof formPost> =>
    formPost(refreshBody(token, { client_id: CLIENT_ID, client_secret: CLIENT_SECRET }));

  it('computes expires_in from a JWT access token exp, less 60 s, when it is missing', async () => {
    const accessToken = await accessJwt({ sub: 'u1', exp: NOW_S + 7200 });
    upstreamAnswers(200, { access_token: accessToken, token_type: 'Bearer' });
    const reply = await makeExchange()(refresh(secret('refresh-jwt-1')));
    expect(json(reply).expires_in).to.equal(7140);
  });

  it('never reports more than a short-lived token has (5 minutes: 240 s), and logs a warning', async () => {
    const accessToken = await accessJwt({ sub: 'u1', exp: NOW_S + 300 });
    upstreamAnswers(200, { access_token: accessToken, token_type: 'Bearer' });
    const { logger, records } = captureLogs();
    const reply = await makeExchange({ logger })(refresh(secret('refresh-jwt-2')));
    expect(json(reply).expires_in).to.equal(240);
    expect(records()[0]).to.include({
      level: 'warn',
      expiresInSource: 'token-exp',
      shortLifetime: true,
    });
  });

  it('uses DEFAULT_EXPIRES_IN for an opaque token without expires_in', async () => {
    upstreamAnswers(200, { access_token: secret('opaque-access-8'), token_type: 'Bearer' });
    const reply = await makeExchange({ defaultExpiresIn: 5400 })(refresh(secret('refresh-op-1')));
    expect(json(reply).expires_in).to.equal(5400);
  });

  it('turns an expires_in string into an integer', async () => {
    upstreamAnswers(200, { access_token: secret('opaque-access-9'), expires_in: '3600' });
    const reply = await makeExchange()(refresh(secret('refresh-str-1')));
    expect(json(reply).expires_in).to.equal(3600);
  });

  for (const bad of [0, -20, 'abc']) {
    it(`replaces an expires_in of ${JSON.stringify(bad)} with a computed lifetime`, async () => {
      upstreamAnswers(200, {
        access_token: secret(`opaque-access-bad-${String(bad)}`),
        expires_in: bad,
      });
      const reply = await makeExchange({ defaultExpiresIn: 4000 })(
        refresh(secret(`refresh-bad-${String(bad)}`)),
      );
      expect(json(reply).expires_in).to.equal(4000);
    });
  }

  it('passes an answer without a new refresh_token on as is', async () => {
    upstreamAnswers(200, {
      access_token: secret('opaque-access-10'),
      token_type: 'Bearer',
      scope: 'read:whattowear',
    });
    const reply = await makeExchange()(refresh(secret('refresh-keep-1')));
    expect(json(reply)).to.deep.equal({
      access_token: 'opaque-access-10',
      token_type: 'Bearer',
      scope: 'read:whattowear',
      expires_in: 3600,
    });
  });

  it('adds token_type when the upstream leaves it out', async () => {
    upstreamAnswers(200, { access_token: secret('opaque-access-11'), expires_in: 3600 });
    const reply = await makeExchange()(refresh(secret('refresh-tt-1')));
    expect(json(reply).token_type).to.equal('Bearer');
  });

  it('forwards many concurrent refreshes, each exactly once', async () => {
    const n = 60;
    const tokens = Array.from({ length: n }, (_, i) => secret(`refresh-concurrent-${i}`));
    const calls = new Map<string, number>();
    nock(UPSTREAM_ORIGIN)
      .post(UPSTREAM_PATH)
      .times(n)
      .delay(20)
      .reply((_uri, body) => {
        const rt =
          new URLSearchParams(typeof body === 'string' ? body : '').get('refresh_token') ?? '';
        calls.set(rt, (calls.get(rt) ?? 0) + 1);
        return [200, { access_token: secret(`access-for-${rt}`), token_type: 'Bearer' }];
      });
    const exchange = makeExchange({ upstreamTimeoutMs: 2000 });
    const replies = await Promise.all(tokens.map((t) => exchange(refresh(t))));
    expect(replies.map((r) => json(r).access_token)).to.deep.equal(
      tokens.map((t) => `access-for-${t}`),
    );
    expect([...calls.values()])
      .to.have.length(n)
      .and.to.satisfy((c: number[]) => c.every((x) => x === 1));
  });
});

describe('proxy core: upstream answers and failures', () => {
  const request = (): ReturnType<typeof formPost> =>
    formPost(refreshBody(secret('refresh-up-1'), { client_id: CLIENT_ID }));

  it('passes an invalid_grant 400 through with its status and body untouched', async () => {
    const text =
      '{"error":"invalid_grant","error_description":"Unknown or invalid refresh token."}';
    upstreamAnswers(400, text);
    const reply = await makeExchange()(request());
    expect(reply).to.deep.include({ statusCode: 400, body: text });
    expect(reply.headers).to.deep.equal(NO_CACHE);
  });

  it('passes an upstream 500 with a JSON body through untouched', async () => {
    const text = '{"error":"server_error","error_description":"Try later"}';
    upstreamAnswers(500, text);
    const reply = await makeExchange()(request());
    expect(reply).to.deep.include({ statusCode: 500, body: text });
  });

  it('answers 502 server_error for an HTML error page', async () => {
    upstreamAnswers(503, '<html><body>Bad gateway</body></html>', { 'content-type': 'text/html' });
    const reply = await makeExchange()(request());
    expect(reply.statusCode).to.equal(502);
    expect(json(reply).error).to.equal('server_error');
  });

  it('answers 502 for a redirect and sends nothing to its target', async () => {
    // Real loopback servers: nock's fetch interception would not follow a redirect anyway.
    let hitsElsewhere = 0;
    const elsewhere = await listen((_req, res) => {
      hitsElsewhere += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"access_token":"x"}');
    });
    const upstream = await listen((_req, res) => {
      res.writeHead(307, { location: `http://127.0.0.1:${elsewhere.port}/steal` }).end();
    });
    try {
      const reply = await makeExchange({
        upstreamTokenUrl: `http://127.0.0.1:${upstream.port}/oauth/token`,
      })(
        formPost(refreshBody(secret('refresh-up-2')), {
          authorization: basicAuthorization(CLIENT_ID, CLIENT_SECRET),
        }),
      );
      expect(reply.statusCode).to.equal(502);
      expect(hitsElsewhere).to.equal(0);
    } finally {
      await Promise.all([upstream.close(), elsewhere.close()]);
    }
  });

  it('answers 502 for a 2xx without a string access_token', async () => {
    upstreamAnswers(200, { token_type: 'Bearer', expires_in: 3600 });
    const reply = await makeExchange()(request());
    expect(reply.statusCode).to.equal(502);
    expect(json(reply).error).to.equal('server_error');
  });

  it('answers 502 for a 2xx that is not JSON', async () => {
    upstreamAnswers(200, 'ok', { 'content-type': 'text/plain' });
    const reply = await makeExchange()(request());
    expect(reply.statusCode).to.equal(502);
  });

  it('answers 504 when the upstream is too slow, within the timeout plus a small margin', async () => {
    nock(UPSTREAM_ORIGIN).post(UPSTREAM_PATH).delay(1000).reply(200, { access_token: 'late' });
    const started = performance.now();
    const reply = await makeExchange({ upstreamTimeoutMs: 60 })(request());
    const elapsed = performance.now() - started;
    expect(reply.statusCode).to.equal(504);
    expect(json(reply).error).to.equal('temporarily_unavailable');
    expect(elapsed).to.be.below(60 + 100);
  });

  it('answers 502 temporarily_unavailable when the connection is refused', async () => {
    const port = await freePort();
    const reply = await makeExchange({
      upstreamTokenUrl: `http://127.0.0.1:${port}/oauth/token`,
    })(request());
    expect(reply.statusCode).to.equal(502);
    expect(json(reply).error).to.equal('temporarily_unavailable');
  });
});

describe('proxy core: refusals, without calling the upstream', () => {
  const expectRefusal = (
    reply: { statusCode: number; body: string },
    status: number,
    error: string,
  ): void => {
    expect({ status: reply.statusCode, error: json(reply).error }).to.deep.equal({ status, error });
  };

  it('refuses a client id that is not allowed, in the body, with 401 invalid_client', async () => {
    const reply = await makeExchange()(
      formPost(
        codeExchangeBody({ client_id: 'other-client', client_secret: secret('other-secret-1') }),
      ),
    );
    expectRefusal(reply, 401, 'invalid_client');
  });

  it('refuses a client id that is not allowed, in HTTP Basic, and asks for Basic', async () => {
    const reply = await makeExchange()(
      formPost(codeExchangeBody(), {
        authorization: basicAuthorization('other-client', secret('other-secret-2')),
      }),
    );
    expectRefusal(reply, 401, 'invalid_client');
    expect(reply.headers['www-authenticate']).to.match(/^Basic /);
  });

  it('refuses a request that names no client', async () => {
    expectRefusal(await makeExchange()(formPost(codeExchangeBody())), 401, 'invalid_client');
  });

  it('refuses an Authorization header that is not Basic', async () => {
    const reply = await makeExchange()(
      formPost(codeExchangeBody(), { authorization: `Bearer ${secret('some-bearer-token')}` }),
    );
    expectRefusal(reply, 401, 'invalid_client');
  });

  it('refuses a body client_id that differs from the Basic one', async () => {
    const reply = await makeExchange()(
      formPost(codeExchangeBody({ client_id: 'other-client' }), {
        authorization: basicAuthorization(CLIENT_ID, CLIENT_SECRET),
      }),
    );
    expectRefusal(reply, 400, 'invalid_request');
  });

  it('refuses a bracketed parameter name, quoting at most 40 characters of it in the log', async () => {
    const { logger, records } = captureLogs();
    const name = `${'eyJ'.repeat(5000)}[`;
    const reply = await makeExchange({ logger })(
      formPost(`grant_type=refresh_token&client_id=${CLIENT_ID}&${name}=1`),
    );
    expectRefusal(reply, 400, 'invalid_request');
    const logged = JSON.stringify(records());
    expect(logged.length).to.be.below(2000);
    expect(logged).to.include(`${'eyJ'.repeat(13)}e…`);
  });

  it('refuses any method but POST with 405 and Allow: POST', async () => {
    const reply = await makeExchange()({ method: 'GET', headers: {}, body: undefined });
    expectRefusal(reply, 405, 'invalid_request');
    expect(reply.headers.allow).to.equal('POST');
  });

  it('refuses a content type that is neither form nor JSON with 415', async () => {
    const reply = await makeExchange()({
      ...formPost(codeExchangeBody({ client_id: CLIENT_ID })),
      headers: { 'content-type': 'text/plain' },
    });
    expectRefusal(reply, 415, 'invalid_request');
  });

  it('refuses a charset other than UTF-8 with 415', async () => {
    const reply = await makeExchange()({
      ...formPost(codeExchangeBody({ client_id: CLIENT_ID })),
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=ISO-8859-1' },
    });
    expectRefusal(reply, 415, 'invalid_request');
  });

  it('refuses a form body with a broken percent escape with 400 invalid_request', async () => {
    const reply = await makeExchange()(
      formPost(`grant_type=refresh_token&client_id=${CLIENT_ID}&refresh_token=%E0%A4%A`),
    );
    expectRefusal(reply, 400, 'invalid_request');
  });

  it('refuses malformed JSON with 400 invalid_request', async () => {
    const reply = await makeExchange()({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"grant_type":"refresh_token",',
    });
    expectRefusal(reply, 400, 'invalid_request');
  });

  it('refuses a body over the cap with 413', async () => {
    const reply = await makeExchange({ maxBodyBytes: 1024 })(
      formPost(codeExchangeBody({ client_id: CLIENT_ID, pad: 'x'.repeat(1024) })),
    );
    expectRefusal(reply, 413, 'invalid_request');
  });

  it('refuses a missing grant_type with 400 invalid_request', async () => {
    const reply = await makeExchange()(
      formPost(form({ code: secret('code-no-grant'), client_id: CLIENT_ID })),
    );
    expectRefusal(reply, 400, 'invalid_request');
  });

  for (const grant of ['password', 'client_credentials']) {
    it(`refuses the ${grant} grant with 400 unsupported_grant_type`, async () => {
      const reply = await makeExchange()(
        formPost(form({ grant_type: grant, client_id: CLIENT_ID, client_secret: CLIENT_SECRET })),
      );
      expectRefusal(reply, 400, 'unsupported_grant_type');
    });
  }

  it('refuses a repeated parameter with 400 invalid_request', async () => {
    const reply = await makeExchange()(
      formPost(`${codeExchangeBody()}&client_id=${CLIENT_ID}&client_id=other-client`),
    );
    expectRefusal(reply, 400, 'invalid_request');
  });

  it('sends the JSON and no-cache headers on a refusal too', async () => {
    const reply = await makeExchange()({ method: 'PUT', headers: {}, body: '' });
    expect(reply.headers).to.include(NO_CACHE);
  });
});
