import { expect } from 'chai';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  NOW_S,
  accessJwt,
  basicAuthorization,
  capturedLines,
  captureLogs,
  form,
  formPost,
  leakedSecrets,
  makeExchange,
  secret,
  upstreamAnswers,
  usedSecrets,
} from './support.js';

describe('proxy logs', () => {
  it('writes one line per exchange with request id, grant, client, upstream status, latency and expires_in source', async () => {
    upstreamAnswers(200, {
      access_token: secret('log-access-1'),
      refresh_token: secret('log-refresh-1'),
    });
    const { logger, records } = captureLogs();
    await makeExchange({ logger })(
      formPost(
        form({
          grant_type: 'refresh_token',
          refresh_token: secret('log-rt-1'),
          client_id: CLIENT_ID,
        }),
      ),
      { requestId: 'req-42' },
    );
    expect(records()).to.have.length(1);
    expect(records()[0]).to.include({
      level: 'info',
      requestId: 'req-42',
      grantType: 'refresh_token',
      clientId: CLIENT_ID,
      clientAuth: 'body',
      upstreamStatus: 200,
      status: 200,
      expiresInSource: 'default',
      upstreamExpiresIn: 'missing',
    });
    expect(records()[0]).to.have.property('latencyMs').that.is.a('number');
    expect(records()[0]).to.have.property('upstreamLatencyMs').that.is.a('number');
  });

  it('logs the upstream OAuth error value of a passed-through error', async () => {
    upstreamAnswers(403, {
      error: 'invalid_grant',
      error_description: 'Unknown or invalid refresh token.',
    });
    const { logger, records } = captureLogs();
    await makeExchange({ logger })(
      formPost(form({ grant_type: 'refresh_token', refresh_token: secret('log-rt-2') }), {
        authorization: basicAuthorization(CLIENT_ID, CLIENT_SECRET),
      }),
    );
    expect(records()[0]).to.include({
      upstreamStatus: 403,
      upstreamError: 'invalid_grant',
      clientAuth: 'basic',
    });
  });

  it('finds a secret planted in a log line (the leak check can fail)', () => {
    expect(leakedSecrets(['{"a":"x-planted-secret-x"}'], ['planted-secret'])).to.deep.equal([
      'planted-secret',
    ]);
  });

  it('never logs a secret, code, verifier or token used by any exchange of the suite so far', async () => {
    // One more exchange of every kind that carries secrets, so that this test stands alone.
    const verifier = secret('log-verifier-abcdefghijklmnopqrstuvwxyz0123456789');
    upstreamAnswers(200, {
      access_token: await accessJwt({ exp: NOW_S + 100 }),
      refresh_token: secret('log-refresh-2'),
      id_token: await accessJwt({ sub: 'user' }),
    });
    await makeExchange()(
      formPost(
        form({
          grant_type: 'authorization_code',
          code: secret('log-code-3'),
          code_verifier: verifier,
          redirect_uri: 'https://layla.amazon.com/api/skill/link/M2AAAAAAAAAAAA',
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
        }),
      ),
    );
    expect(capturedLines.length).to.be.greaterThan(0);
    expect(usedSecrets.size).to.be.greaterThan(10);
    // Counted, not listed, so that a failure does not print the secrets themselves.
    expect(leakedSecrets(capturedLines, usedSecrets).length, 'leaked values').to.equal(0);
  });
});
