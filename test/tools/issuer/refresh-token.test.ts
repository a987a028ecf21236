import { expect } from 'chai';
import { startLocalIssuer, type LocalIssuer } from '../../../tools/issuer/index.js';
import { creds, exchange, getCode, postToken, REDIRECT_URI, verifyWithJwks } from './helpers.js';

describe('local issuer: refresh_token grant', () => {
  let issuer: LocalIssuer;
  let refreshToken: string;
  const refresh = (token = refreshToken, extra: Record<string, string> = {}) =>
    postToken(issuer, {
      grant_type: 'refresh_token',
      refresh_token: token,
      ...creds(issuer),
      ...extra,
    });

  beforeEach(async () => {
    issuer = await startLocalIssuer({
      clients: [
        { clientId: 'alexa', clientSecret: 'alexa-secret', redirectUris: [REDIRECT_URI] },
        { clientId: 'other', clientSecret: 'other-secret', redirectUris: [REDIRECT_URI] },
      ],
    });
    const code = await getCode(issuer, { scope: 'openid offline_access read:whattowear' });
    refreshToken = (await exchange(issuer, code)).body.refresh_token as string;
  });
  afterEach(async () => {
    await issuer.stop();
  });

  it('returns a new valid access token with expires_in', async () => {
    const answer = await refresh();
    expect(answer.status).to.equal(200);
    expect(answer.body.expires_in).to.equal(86_400);
    const claims = await verifyWithJwks(issuer, answer.body.access_token);
    expect(claims).to.include({
      sub: issuer.userSub,
      scope: 'openid offline_access read:whattowear',
    });
  });

  it('keeps the refresh token (no new one) when rotation is off', async () => {
    const first = await refresh();
    const second = await refresh();
    expect(first.body).to.not.have.property('refresh_token');
    expect(second.status).to.equal(200);
  });

  it('leaves expires_in out when the 2016 switch is on', async () => {
    issuer.switches.setOmitRefreshExpiresIn(true);
    const answer = await refresh();
    expect(answer.status).to.equal(200);
    expect(answer.body).to.not.have.property('expires_in');
  });

  it('keeps expires_in in code exchanges when the 2016 switch is on', async () => {
    issuer.switches.setOmitRefreshExpiresIn(true);
    const answer = await exchange(issuer, await getCode(issuer));
    expect(answer.body.expires_in).to.equal(86_400);
  });

  it('returns a new refresh token when rotation is on', async () => {
    issuer.switches.setRefreshTokenRotation(true);
    const answer = await refresh();
    expect(answer.body.refresh_token).to.be.a('string').and.not.equal(refreshToken);
    expect((await refresh(answer.body.refresh_token as string)).status).to.equal(200);
  });

  it('refuses a rotated-away refresh token with invalid_grant', async () => {
    issuer.switches.setRefreshTokenRotation(true);
    await refresh();
    const reuse = await refresh();
    expect(reuse.body.error).to.equal('invalid_grant');
  });

  it('revokes the whole family when a rotated-away token is reused', async () => {
    issuer.switches.setRefreshTokenRotation(true);
    const next = (await refresh()).body.refresh_token as string;
    await refresh(); // reuse of the first token
    const answer = await refresh(next);
    expect(answer.body.error).to.equal('invalid_grant');
  });

  it('refuses a revoked refresh token with invalid_grant', async () => {
    expect(issuer.switches.revokeRefreshToken(refreshToken)).to.equal(true);
    const answer = await refresh();
    expect(answer.status).to.equal(400);
    expect(answer.body.error).to.equal('invalid_grant');
  });

  it('refuses an unknown refresh token with invalid_grant', async () => {
    const answer = await refresh('not-a-refresh-token');
    expect(answer.body.error).to.equal('invalid_grant');
  });

  it('refuses a refresh token presented by another client with invalid_grant', async () => {
    const answer = await refresh(refreshToken, {
      client_id: 'other',
      client_secret: 'other-secret',
    });
    expect(answer.body.error).to.equal('invalid_grant');
  });

  it('does not spend a rotating token presented by another client', async () => {
    issuer.switches.setRefreshTokenRotation(true);
    await refresh(refreshToken, { client_id: 'other', client_secret: 'other-secret' });
    expect((await refresh()).status).to.equal(200);
  });

  it('narrows the scope on request', async () => {
    const answer = await refresh(refreshToken, { scope: 'read:whattowear' });
    expect(answer.body.scope).to.equal('read:whattowear');
  });

  it('refuses a scope beyond the original grant with invalid_scope', async () => {
    const answer = await refresh(refreshToken, { scope: 'read:whattowear write:all' });
    expect(answer.body.error).to.equal('invalid_scope');
  });

  it('requires the refresh_token parameter', async () => {
    const answer = await postToken(issuer, { grant_type: 'refresh_token', ...creds(issuer) });
    expect(answer.body.error).to.equal('invalid_request');
  });
});
