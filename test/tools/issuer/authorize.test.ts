import { expect } from 'chai';
import { startLocalIssuer, type LocalIssuer } from '../../../tools/issuer/index.js';
import { authorizeRedirect, pkcePair, REDIRECT_URI } from './helpers.js';

describe('local issuer: /authorize', () => {
  let issuer: LocalIssuer;
  const base = (): Record<string, string> => ({
    response_type: 'code',
    client_id: issuer.testClient.clientId,
    redirect_uri: REDIRECT_URI,
    audience: 'https://whatshouldiwear',
    scope: 'openid offline_access read:whattowear',
    state: 'st-123',
  });
  before(async () => {
    issuer = await startLocalIssuer({
      clients: [
        { clientId: 'app', clientSecret: 'app-secret', redirectUris: [REDIRECT_URI] },
        {
          clientId: 'pkce-only',
          clientSecret: 's',
          redirectUris: [REDIRECT_URI],
          requirePkce: true,
        },
        {
          clientId: 'machine',
          clientSecret: 's',
          redirectUris: [REDIRECT_URI],
          grantTypes: ['client_credentials'],
        },
      ],
    });
  });
  after(async () => {
    await issuer.stop();
  });

  it('consents for the test user and redirects with a code and the same state', async () => {
    const { status, location } = await authorizeRedirect(issuer, base());
    expect(status).to.equal(302);
    expect(`${location?.origin ?? ''}${location?.pathname ?? ''}`).to.equal(REDIRECT_URI);
    expect(location?.searchParams.get('code')).to.match(/^[\w-]{43}$/);
    expect(location?.searchParams.get('state')).to.equal('st-123');
  });

  it('answers 400 without redirecting for an unknown client', async () => {
    const { status, location, body } = await authorizeRedirect(issuer, {
      ...base(),
      client_id: 'nobody',
    });
    expect(status).to.equal(400);
    expect(location).to.equal(undefined);
    expect(JSON.parse(body)).to.have.property('error', 'invalid_request');
  });

  it('answers 400 without redirecting for an unregistered redirect_uri', async () => {
    const { status, location } = await authorizeRedirect(issuer, {
      ...base(),
      redirect_uri: 'https://attacker.example/cb',
    });
    expect(status).to.equal(400);
    expect(location).to.equal(undefined);
  });

  it('redirects unsupported_response_type for response_type=token', async () => {
    const { location } = await authorizeRedirect(issuer, { ...base(), response_type: 'token' });
    expect(location?.searchParams.get('error')).to.equal('unsupported_response_type');
    expect(location?.searchParams.get('state')).to.equal('st-123');
  });

  it('redirects access_denied for an unknown audience, as Auth0 does', async () => {
    const { location } = await authorizeRedirect(issuer, {
      ...base(),
      audience: 'https://unknown-api',
    });
    expect(location?.searchParams.get('error')).to.equal('access_denied');
    expect(location?.searchParams.get('error_description')).to.match(/Service not found/);
  });

  it('refuses the plain PKCE method', async () => {
    const { location } = await authorizeRedirect(issuer, {
      ...base(),
      code_challenge: pkcePair().challenge,
      code_challenge_method: 'plain',
    });
    expect(location?.searchParams.get('error')).to.equal('invalid_request');
  });

  it('refuses a malformed S256 challenge', async () => {
    const { location } = await authorizeRedirect(issuer, {
      ...base(),
      code_challenge: 'short',
      code_challenge_method: 'S256',
    });
    expect(location?.searchParams.get('error')).to.equal('invalid_request');
  });

  it('refuses a request without PKCE for a client that requires it', async () => {
    const { location } = await authorizeRedirect(issuer, { ...base(), client_id: 'pkce-only' });
    expect(location?.searchParams.get('error')).to.equal('invalid_request');
  });

  it('redirects unauthorized_client for a client without the authorization-code grant', async () => {
    const { location } = await authorizeRedirect(issuer, { ...base(), client_id: 'machine' });
    expect(location?.searchParams.get('error')).to.equal('unauthorized_client');
  });

  it('requires an audience when no default audience is configured', async () => {
    const params = base();
    delete params.audience;
    const { location } = await authorizeRedirect(issuer, params);
    expect(location?.searchParams.get('error')).to.equal('invalid_request');
  });
});
