import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import nock from 'nock';
import {
  BadCredentialsError,
  InvalidResponseError,
  MintOptionsError,
  mintToken,
  NetworkError,
  TimeoutError,
  TokenEndpointError,
  UnauthorizedClientError,
  UnknownAudienceError,
} from '../../../tools/mint-token/index.js';
import { baseOptions, ISSUER, rejectionOf, SECRET } from './helpers.js';
import { networkError } from '../../harness/network-error.js';

describe('mintToken: requests and failures (nock tenant)', () => {
  const options = { ...baseOptions, cacheDir: false as const };
  const tenant = () => nock(ISSUER.slice(0, -1));
  const answer = (status: number, body: unknown) =>
    tenant()
      .post('/oauth/token')
      .reply(status, body as nock.Body);

  it('returns the access token from a client-credentials request', async () => {
    let sent: URLSearchParams | undefined;
    tenant()
      .post('/oauth/token', (body: Record<string, string>) => {
        sent = new URLSearchParams(body);
        return true;
      })
      .reply(200, { access_token: 'tok-1', token_type: 'Bearer', expires_in: 86400 });
    const minted = await mintToken({ ...options, scope: 'read:whattowear' });
    expect(minted.accessToken).to.equal('tok-1');
    expect(Object.fromEntries(sent ?? [])).to.deep.equal({
      grant_type: 'client_credentials',
      audience: 'https://whatshouldiwear',
      scope: 'read:whattowear',
      client_id: 'm2m-client',
      client_secret: SECRET,
    });
  });

  it('sends HTTP Basic credentials, not body ones, when asked to', async () => {
    let body = '';
    tenant()
      .matchHeader(
        'authorization',
        `Basic ${Buffer.from(`m2m-client:${SECRET}`).toString('base64')}`,
      )
      .post('/oauth/token', (b: unknown) => {
        body = JSON.stringify(b);
        return true;
      })
      .reply(200, { access_token: 'tok-2', expires_in: 60 });
    await mintToken({ ...options, authMethod: 'client_secret_basic' });
    expect(body).to.not.include('client_secret');
  });

  it("maps Auth0's 401 access_denied to BadCredentialsError", async () => {
    answer(401, { error: 'access_denied', error_description: 'Unauthorized' });
    const error = await rejectionOf(mintToken(options));
    expect(error)
      .to.be.instanceOf(BadCredentialsError)
      .with.property('code', 'ERR_MINT_BAD_CREDENTIALS');
  });

  it('maps invalid_client to BadCredentialsError', async () => {
    answer(401, { error: 'invalid_client', error_description: 'client authentication failed' });
    const error = await rejectionOf(mintToken(options));
    expect(error).to.be.instanceOf(BadCredentialsError);
  });

  it('maps unauthorized_client to UnauthorizedClientError', async () => {
    answer(403, {
      error: 'unauthorized_client',
      error_description: "Grant type 'client_credentials' not allowed for the client.",
    });
    const error = await rejectionOf(mintToken(options));
    expect(error)
      .to.be.instanceOf(UnauthorizedClientError)
      .with.property('code', 'ERR_MINT_UNAUTHORIZED_CLIENT');
  });

  it('maps a missing client grant for the API to UnauthorizedClientError', async () => {
    answer(403, {
      error: 'access_denied',
      error_description:
        'Client is not authorized to access "https://whatshouldiwear". You need to create a "client-grant" associated to this API.',
    });
    const error = await rejectionOf(mintToken(options));
    expect(error).to.be.instanceOf(UnauthorizedClientError);
  });

  it('maps "Service not found" to UnknownAudienceError', async () => {
    answer(403, {
      error: 'access_denied',
      error_description: 'Service not found: https://whatshouldiwear',
    });
    const error = await rejectionOf(mintToken(options));
    expect(error)
      .to.be.instanceOf(UnknownAudienceError)
      .with.property('code', 'ERR_MINT_UNKNOWN_AUDIENCE');
  });

  it('maps any other OAuth error to TokenEndpointError with its status', async () => {
    answer(429, { error: 'too_many_requests', error_description: 'Global limit has been reached' });
    const error = await rejectionOf(mintToken(options));
    expect(error).to.be.instanceOf(TokenEndpointError).and.include({
      code: 'ERR_MINT_TOKEN_ENDPOINT',
      status: 429,
      oauthError: 'too_many_requests',
    });
  });

  it('maps a refused connection to NetworkError', async () => {
    tenant().post('/oauth/token').replyWithError(networkError('ECONNREFUSED'));
    const error = await rejectionOf(mintToken(options));
    expect(error).to.be.instanceOf(NetworkError).with.property('code', 'ERR_MINT_NETWORK');
  });

  it('maps a 2xx answer without access_token to InvalidResponseError', async () => {
    answer(200, { token_type: 'Bearer' });
    const error = await rejectionOf(mintToken(options));
    expect(error)
      .to.be.instanceOf(InvalidResponseError)
      .with.property('code', 'ERR_MINT_INVALID_RESPONSE');
  });

  it('maps a 2xx answer that is not JSON to InvalidResponseError', async () => {
    answer(200, '<html>hello</html>');
    const error = await rejectionOf(mintToken(options));
    expect(error).to.be.instanceOf(InvalidResponseError);
  });

  it('does not follow a redirect', async () => {
    tenant()
      .post('/oauth/token')
      .reply(302, '', { Location: 'https://elsewhere.example/oauth/token' });
    const error = await rejectionOf(mintToken(options));
    expect(error).to.be.instanceOf(InvalidResponseError);
  });

  it('never puts the secret in an error message, even when the endpoint echoes it', async () => {
    answer(401, {
      error: 'access_denied',
      error_description: `bad secret ${SECRET}`.replace(SECRET, 'x'),
    });
    const error = (await rejectionOf(mintToken(options))) as Error;
    expect(error.message).to.not.include(SECRET);
  });

  it('refuses an http issuer that is not loopback with MintOptionsError', async () => {
    const error = await rejectionOf(
      mintToken({ ...options, issuerBaseUrl: 'http://tenant.example/' }),
    );
    expect(error).to.be.instanceOf(MintOptionsError).with.property('code', 'ERR_MINT_OPTIONS');
  });

  it('refuses an empty client secret with MintOptionsError', async () => {
    const error = await rejectionOf(mintToken({ ...options, clientSecret: ' ' }));
    expect(error).to.be.instanceOf(MintOptionsError);
  });

  describe('timeout (loopback server that never answers)', () => {
    let server: Server;
    let url: string;
    before(async () => {
      server = createServer(() => undefined);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    });
    after(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it('maps no answer within timeoutMs to TimeoutError', async () => {
      const started = Date.now();
      const error = await rejectionOf(mintToken({ ...options, issuerBaseUrl: url, timeoutMs: 50 }));
      expect(error).to.be.instanceOf(TimeoutError).with.property('code', 'ERR_MINT_TIMEOUT');
      expect(Date.now() - started).to.be.below(1000);
    });
  });
});
