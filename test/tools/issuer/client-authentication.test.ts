import { expect } from 'chai';
import { startLocalIssuer, type LocalIssuer } from '../../../tools/issuer/index.js';
import { postToken } from './helpers.js';

describe('local issuer: client authentication and grant dispatch', () => {
  let issuer: LocalIssuer;
  const cc = { grant_type: 'client_credentials', audience: 'https://whatshouldiwear' };
  before(async () => {
    issuer = await startLocalIssuer({
      clients: [
        { clientId: 'm2m', clientSecret: 'm2m-secret' },
        {
          clientId: 'basic-only',
          clientSecret: 'b-secret',
          tokenEndpointAuthMethods: ['client_secret_basic'],
        },
        { clientId: 'web', clientSecret: 'w-secret', grantTypes: ['authorization_code'] },
      ],
    });
  });
  after(async () => {
    await issuer.stop();
  });

  it('refuses a wrong secret with 401 invalid_client', async () => {
    const answer = await postToken(issuer, { ...cc, client_id: 'm2m', client_secret: 'nope' });
    expect(answer.status).to.equal(401);
    expect(answer.body.error).to.equal('invalid_client');
    expect(answer.headers.get('www-authenticate')).to.match(/^Basic /);
  });

  it('refuses an unknown client with 401 invalid_client', async () => {
    const answer = await postToken(issuer, { ...cc, client_id: 'ghost', client_secret: 'x' });
    expect(answer.status).to.equal(401);
    expect(answer.body.error).to.equal('invalid_client');
  });

  it('refuses a request without client authentication with 401 invalid_client', async () => {
    const answer = await postToken(issuer, cc);
    expect(answer.status).to.equal(401);
    expect(answer.body.error).to.equal('invalid_client');
  });

  it('refuses a client id without a secret with 401 invalid_client', async () => {
    const answer = await postToken(issuer, { ...cc, client_id: 'm2m' });
    expect(answer.status).to.equal(401);
  });

  it('refuses credentials in both HTTP Basic and the body with invalid_request', async () => {
    const answer = await postToken(
      issuer,
      { ...cc, client_id: 'm2m', client_secret: 'm2m-secret' },
      { basic: { id: 'm2m', secret: 'm2m-secret' } },
    );
    expect(answer.status).to.equal(400);
    expect(answer.body.error).to.equal('invalid_request');
  });

  it('refuses body credentials for a client registered for HTTP Basic only', async () => {
    const answer = await postToken(issuer, {
      ...cc,
      client_id: 'basic-only',
      client_secret: 'b-secret',
    });
    expect(answer.status).to.equal(401);
  });

  it('accepts HTTP Basic for a client registered for HTTP Basic only', async () => {
    const answer = await postToken(issuer, cc, { basic: { id: 'basic-only', secret: 'b-secret' } });
    expect(answer.status).to.equal(200);
  });

  it('refuses an unknown grant type with unsupported_grant_type', async () => {
    const answer = await postToken(issuer, {
      grant_type: 'password',
      client_id: 'm2m',
      client_secret: 'm2m-secret',
    });
    expect(answer.status).to.equal(400);
    expect(answer.body.error).to.equal('unsupported_grant_type');
  });

  it('refuses a missing grant type with invalid_request', async () => {
    const answer = await postToken(issuer, { client_id: 'm2m', client_secret: 'm2m-secret' });
    expect(answer.body.error).to.equal('invalid_request');
  });

  it('refuses a grant the client may not use with 403 unauthorized_client', async () => {
    const answer = await postToken(issuer, { ...cc, client_id: 'web', client_secret: 'w-secret' });
    expect(answer.status).to.equal(403);
    expect(answer.body.error).to.equal('unauthorized_client');
  });

  it('refuses a body that is neither form nor JSON with invalid_request', async () => {
    const response = await fetch(issuer.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'grant_type=client_credentials',
    });
    expect(response.status).to.equal(400);
    expect(await response.json()).to.have.property('error', 'invalid_request');
  });

  it('refuses a repeated parameter with invalid_request', async () => {
    const response = await fetch(issuer.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=m2m&client_secret=m2m-secret&client_id=m2m',
    });
    expect(await response.json()).to.have.property('error', 'invalid_request');
  });

  it('refuses a JSON body with a non-string value with invalid_request', async () => {
    const response = await fetch(issuer.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...cc, client_id: 'm2m', client_secret: 'm2m-secret', scope: 1 }),
    });
    expect(await response.json()).to.have.property('error', 'invalid_request');
  });
});
