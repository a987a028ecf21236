import { expect } from 'chai';
import {
  IssuerOptionsError,
  startLocalIssuer,
  type LocalIssuer,
} from '../../../tools/issuer/index.js';

describe('local issuer: discovery and key set', () => {
  let issuer: LocalIssuer;
  before(async () => {
    issuer = await startLocalIssuer();
  });
  after(async () => {
    await issuer.stop();
  });

  it('listens on 127.0.0.1 and names itself with one trailing slash', () => {
    expect(issuer.url).to.match(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('publishes Auth0-shaped endpoints in openid-configuration', async () => {
    const response = await fetch(`${issuer.url}.well-known/openid-configuration`);
    const doc = (await response.json()) as Record<string, unknown>;
    expect(doc).to.include({
      issuer: issuer.url,
      authorization_endpoint: `${issuer.url}authorize`,
      token_endpoint: `${issuer.url}oauth/token`,
      jwks_uri: `${issuer.url}.well-known/jwks.json`,
    });
    expect(doc.code_challenge_methods_supported).to.deep.equal(['S256']);
  });

  it('publishes the current RS256 public key, without private parts', async () => {
    const { keys } = (await (await fetch(issuer.jwksUrl)).json()) as {
      keys: Record<string, unknown>[];
    };
    expect(keys).to.have.length(1);
    expect(keys[0]).to.include({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: issuer.currentKid() });
    expect(keys[0]).to.not.have.any.keys('d', 'p', 'q', 'dp', 'dq', 'qi');
  });

  it('answers 404 with JSON for an unknown path', async () => {
    const response = await fetch(`${issuer.url}nope`);
    expect(response.status).to.equal(404);
    expect(await response.json()).to.have.property('error', 'not_found');
  });

  it('answers 405 to GET on the token endpoint', async () => {
    const response = await fetch(issuer.tokenUrl);
    expect(response.status).to.equal(405);
    expect(response.headers.get('allow')).to.equal('POST');
  });

  it('refuses to bind a host that is not loopback', async () => {
    let caught: unknown;
    try {
      await startLocalIssuer({ host: '0.0.0.0' });
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(IssuerOptionsError).with.property('code', 'ERR_ISSUER_OPTIONS');
  });
});
