import { expect } from 'chai';
import { startLocalIssuer, type LocalIssuer } from '../../../tools/issuer/index.js';
import { postToken, verifyWithJwks } from './helpers.js';

describe('local issuer: client_credentials grant', () => {
  let issuer: LocalIssuer;
  const as = (clientId: string, params: Record<string, string>) =>
    postToken(issuer, {
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: `${clientId}-secret`,
      ...params,
    });

  before(async () => {
    issuer = await startLocalIssuer({
      apis: [
        { audience: 'https://whatshouldiwear', scopes: ['read:whattowear'] },
        { audience: 'https://other-api', scopes: ['read:other'] },
      ],
      clients: [
        { clientId: 'm2m', clientSecret: 'm2m-secret' },
        { clientId: 'narrow', clientSecret: 'narrow-secret', audiences: ['https://other-api'] },
      ],
    });
  });
  after(async () => {
    await issuer.stop();
  });

  it('issues an Auth0-shaped machine token for the audience', async () => {
    const answer = await as('m2m', { audience: 'https://whatshouldiwear' });
    expect(answer.status).to.equal(200);
    expect(answer.body).to.include({
      token_type: 'Bearer',
      expires_in: 86_400,
      scope: 'read:whattowear',
    });
    expect(answer.body).to.not.have.property('refresh_token');
    const claims = await verifyWithJwks(issuer, answer.body.access_token);
    expect(claims).to.include({
      sub: 'm2m@clients',
      gty: 'client-credentials',
      azp: 'm2m',
      iss: issuer.url,
    });
  });

  it('grants only the scopes asked for', async () => {
    const answer = await as('m2m', { audience: 'https://other-api', scope: 'read:other' });
    expect(answer.body.scope).to.equal('read:other');
  });

  it('refuses an unknown audience with 403 access_denied "Service not found"', async () => {
    const answer = await as('m2m', { audience: 'https://unknown' });
    expect(answer.status).to.equal(403);
    expect(answer.body).to.include({ error: 'access_denied' });
    expect(answer.body.error_description).to.match(/^Service not found/);
  });

  it('refuses an audience the client is not authorized for', async () => {
    const answer = await as('narrow', { audience: 'https://whatshouldiwear' });
    expect(answer.status).to.equal(403);
    expect(answer.body.error_description).to.match(/not authorized/);
  });

  it('refuses scopes the API does not grant', async () => {
    const answer = await as('m2m', { audience: 'https://whatshouldiwear', scope: 'write:all' });
    expect(answer.status).to.equal(403);
    expect(answer.body.error_description).to.match(/not been granted/);
  });

  it('refuses a request without audience when no default is configured', async () => {
    const answer = await as('m2m', {});
    expect(answer.status).to.equal(403);
    expect(answer.body.error).to.equal('access_denied');
  });

  it('counts the tokens it issues', async () => {
    const before = issuer.issued.client_credentials;
    await as('m2m', { audience: 'https://whatshouldiwear' });
    expect(issuer.issued.client_credentials).to.equal(before + 1);
  });
});
