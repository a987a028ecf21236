import { expect } from 'chai';
import { decodeProtectedHeader } from 'jose';
import { startLocalIssuer, type LocalIssuer } from '../../../tools/issuer/index.js';
import {
  creds,
  exchange,
  getCode,
  pkcePair,
  postToken,
  REDIRECT_URI,
  verifyWithJwks,
} from './helpers.js';

describe('local issuer: authorization_code grant', () => {
  let issuer: LocalIssuer;
  let clock: number;
  beforeEach(async () => {
    clock = Date.UTC(2026, 10, 1, 12);
    issuer = await startLocalIssuer({
      now: () => clock,
      clients: [
        {
          clientId: 'alexa',
          clientSecret: 'alexa-secret',
          redirectUris: [REDIRECT_URI, 'http://127.0.0.1/other'],
        },
        { clientId: 'other', clientSecret: 'other-secret', redirectUris: [REDIRECT_URI] },
        {
          clientId: 'no-refresh',
          clientSecret: 'nr-secret',
          redirectUris: [REDIRECT_URI],
          grantTypes: ['authorization_code'],
        },
      ],
    });
  });
  afterEach(async () => {
    await issuer.stop();
  });

  it('exchanges a code for an RS256 access token with Auth0 claims', async () => {
    const answer = await exchange(issuer, await getCode(issuer));
    expect(answer.status).to.equal(200);
    expect(answer.body).to.include({ token_type: 'Bearer', expires_in: 86_400 });
    const claims = await verifyWithJwks(
      issuer,
      answer.body.access_token,
      undefined,
      new Date(clock),
    );
    expect(claims).to.include({
      iss: issuer.url,
      aud: 'https://whatshouldiwear',
      sub: issuer.userSub,
      scope: 'openid read:whattowear',
      iat: clock / 1000,
      exp: clock / 1000 + 86_400,
    });
    expect(decodeProtectedHeader(answer.body.access_token as string)).to.include({
      alg: 'RS256',
      kid: issuer.currentKid(),
    });
  });

  it('answers with no-store caching headers', async () => {
    const answer = await exchange(issuer, await getCode(issuer));
    expect(answer.headers.get('cache-control')).to.equal('no-store');
    expect(answer.headers.get('pragma')).to.equal('no-cache');
  });

  it('issues no refresh token without offline_access', async () => {
    const answer = await exchange(issuer, await getCode(issuer));
    expect(answer.body).to.not.have.property('refresh_token');
  });

  it('issues a refresh token when offline_access was asked for', async () => {
    const code = await getCode(issuer, { scope: 'openid offline_access read:whattowear' });
    const answer = await exchange(issuer, code);
    expect(answer.body.refresh_token).to.be.a('string').with.length.above(30);
  });

  it('issues no refresh token to a client without the refresh_token grant', async () => {
    const code = await getCode(issuer, {
      client_id: 'no-refresh',
      scope: 'offline_access read:whattowear',
    });
    const answer = await postToken(issuer, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      client_id: 'no-refresh',
      client_secret: 'nr-secret',
    });
    expect(answer.status).to.equal(200);
    expect(answer.body).to.not.have.property('refresh_token');
  });

  it('drops scopes the API does not define', async () => {
    const code = await getCode(issuer, { scope: 'read:whattowear admin:everything' });
    const answer = await exchange(issuer, code);
    expect(answer.body.scope).to.equal('read:whattowear');
  });

  it('accepts HTTP Basic client authentication', async () => {
    const code = await getCode(issuer);
    const answer = await postToken(
      issuer,
      { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI },
      { basic: { id: 'alexa', secret: 'alexa-secret' } },
    );
    expect(answer.status).to.equal(200);
  });

  it('accepts a JSON body', async () => {
    const code = await getCode(issuer);
    const answer = await postToken(
      issuer,
      { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, ...creds(issuer) },
      { json: true },
    );
    expect(answer.status).to.equal(200);
  });

  it('refuses a code used twice with invalid_grant', async () => {
    const code = await getCode(issuer);
    await exchange(issuer, code);
    const again = await exchange(issuer, code);
    expect(again.status).to.equal(400);
    expect(again.body.error).to.equal('invalid_grant');
  });

  it('refuses an unknown code with invalid_grant', async () => {
    const answer = await exchange(issuer, 'not-a-code');
    expect(answer.body.error).to.equal('invalid_grant');
  });

  it('refuses an expired code with invalid_grant', async () => {
    const code = await getCode(issuer);
    clock += 61_000;
    const answer = await exchange(issuer, code);
    expect(answer.body.error).to.equal('invalid_grant');
  });

  it('refuses a code issued to another client with invalid_grant', async () => {
    const code = await getCode(issuer);
    const answer = await exchange(issuer, code, {
      client_id: 'other',
      client_secret: 'other-secret',
    });
    expect(answer.body.error).to.equal('invalid_grant');
  });

  it('refuses a redirect_uri that differs from the authorization request', async () => {
    const code = await getCode(issuer);
    const answer = await exchange(issuer, code, { redirect_uri: 'http://127.0.0.1/other' });
    expect(answer.body.error).to.equal('invalid_grant');
  });

  it('accepts the right PKCE verifier', async () => {
    const { verifier, challenge } = pkcePair();
    const code = await getCode(issuer, {
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const answer = await exchange(issuer, code, { code_verifier: verifier });
    expect(answer.status).to.equal(200);
  });

  it('refuses a wrong PKCE verifier with invalid_grant', async () => {
    const { challenge } = pkcePair();
    const code = await getCode(issuer, {
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const answer = await exchange(issuer, code, { code_verifier: pkcePair().verifier });
    expect(answer.body.error).to.equal('invalid_grant');
  });

  it('refuses a missing PKCE verifier when a challenge was sent', async () => {
    const { challenge } = pkcePair();
    const code = await getCode(issuer, {
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const answer = await exchange(issuer, code);
    expect(answer.body.error).to.equal('invalid_grant');
  });

  it('refuses a PKCE verifier when no challenge was sent', async () => {
    const code = await getCode(issuer);
    const answer = await exchange(issuer, code, { code_verifier: pkcePair().verifier });
    expect(answer.body.error).to.equal('invalid_grant');
  });
});
