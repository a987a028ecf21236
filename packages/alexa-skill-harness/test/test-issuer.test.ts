import { expect } from 'chai';
import { createLocalJWKSet, createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { HarnessOptionError, sharedTestKey, TestIssuer, tokenFailures } from 'alexa-skill-harness';

/** RSA key generation is slow: one key for these tests. */
const keys = [sharedTestKey('harness-package-tests')];

const AUDIENCE = 'https://api.example';

describe('TestIssuer', () => {
  let issuer: TestIssuer;

  beforeEach(async () => {
    issuer = await TestIssuer.listen({ audience: AUDIENCE, scope: 'read:things', keys });
  });

  afterEach(() => issuer.close());

  it('serves its key set on loopback, where a verifier in any process finds it', async () => {
    expect(issuer.url).to.match(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const keys = createRemoteJWKSet(new URL(issuer.jwksUri));
    const { payload } = await jwtVerify(issuer.mint(), keys, {
      issuer: issuer.url,
      audience: AUDIENCE,
    });
    expect(payload.scope).to.equal('read:things');
  });

  it('serves an OpenID discovery document naming the key set', async () => {
    const response = await fetch(new URL('.well-known/openid-configuration', issuer.url));
    const discovery = (await response.json()) as Record<string, unknown>;
    expect(discovery).to.include({ issuer: issuer.url, jwks_uri: issuer.jwksUri });
  });

  it('answers 404 elsewhere and stops serving once closed', async () => {
    expect((await fetch(new URL('nothing', issuer.url))).status).to.equal(404);
    await issuer.close();
    let failed = false;
    await fetch(issuer.jwksUri).catch(() => (failed = true));
    expect(failed).to.equal(true);
  });

  it('mints on the real clock unless one is fixed', () => {
    const before = Math.floor(Date.now() / 1000);
    const claims = JSON.parse(
      Buffer.from(issuer.mint().split('.')[1] ?? '', 'base64url').toString(),
    ) as { iat: number; exp: number };
    expect(claims.iat).to.be.within(before, before + 2);
    const fixed = new TestIssuer({
      issuer: 'https://id.example',
      audience: AUDIENCE,
      now: 0,
      keys,
    });
    expect(fixed.claims()).to.include({ iat: 0, exp: 3600, iss: 'https://id.example/' });
  });

  it('overrides and removes claims, and signs with its current key', async () => {
    const token = issuer.mint({ sub: 'ada', scope: undefined });
    expect(decodeProtectedHeader(token)).to.include({ alg: 'RS256', kid: issuer.currentKey.kid });
    const { payload } = await jwtVerify(token, createLocalJWKSet(issuer.jwks()), {
      audience: AUDIENCE,
    });
    expect(payload.sub).to.equal('ada');
    expect(payload).not.to.have.property('scope');
  });

  it('refuses options it cannot use, naming them', () => {
    expect(() => new TestIssuer({ issuer: 'not a url', audience: AUDIENCE })).to.throw(
      HarnessOptionError,
      /issuer must be a URL/,
    );
    expect(() => new TestIssuer({ issuer: 'https://id.example', audience: '' })).to.throw(
      /audience must be a non-empty string/,
    );
    expect(
      () => new TestIssuer({ issuer: 'https://id.example', audience: AUDIENCE, now: Number.NaN }),
    ).to.throw(/now must be a time/);
  });
});

describe('tokenFailures', () => {
  const issuer = new TestIssuer({
    issuer: 'https://id.example/',
    audience: AUDIENCE,
    scope: 'read:things',
    keys,
  });
  const keySet = createLocalJWKSet(issuer.jwks());
  const verify = (token: string) =>
    jwtVerify(token, keySet, {
      issuer: issuer.url,
      audience: AUDIENCE,
      algorithms: ['RS256'],
    }).then(
      ({ payload }) =>
        String(payload.scope).split(' ').includes('read:things') ? 'valid' : 'scope',
      (error: unknown) => (error as { code?: string }).code ?? 'error',
    );

  it('names each case by what is wrong with the token', () => {
    expect(tokenFailures(issuer).map((f) => f.name)).to.deep.equal([
      'no token',
      'garbage',
      'expired',
      'not yet valid',
      'wrong audience',
      'wrong issuer',
      'missing scope',
      'alg none',
      'HS256 signed with the public key',
      'unknown kid',
      'bad signature',
    ]);
  });

  it('leaves out "missing scope" for an issuer without a scope', () => {
    const plain = new TestIssuer({ issuer: 'https://id.example/', audience: AUDIENCE, keys });
    expect(tokenFailures(plain).map((f) => f.name)).not.to.include('missing scope');
  });

  it('gives tokens a verifier refuses, each for its own reason', async () => {
    const verdicts: Record<string, string> = {};
    for (const failure of tokenFailures(issuer)) {
      if (failure.token !== undefined) verdicts[failure.name] = await verify(failure.token);
    }
    expect(verdicts).to.deep.equal({
      garbage: 'ERR_JWS_INVALID',
      expired: 'ERR_JWT_EXPIRED',
      'not yet valid': 'ERR_JWT_CLAIM_VALIDATION_FAILED',
      'wrong audience': 'ERR_JWT_CLAIM_VALIDATION_FAILED',
      'wrong issuer': 'ERR_JWT_CLAIM_VALIDATION_FAILED',
      'missing scope': 'scope',
      'alg none': 'ERR_JOSE_ALG_NOT_ALLOWED',
      'HS256 signed with the public key': 'ERR_JOSE_ALG_NOT_ALLOWED',
      'unknown kid': 'ERR_JWKS_NO_MATCHING_KEY',
      'bad signature': 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    });
    expect(await verify(issuer.mint())).to.equal('valid');
  });

  it('refuses anything but a TestIssuer', () => {
    expect(() => tokenFailures(JSON.parse('{}') as TestIssuer)).to.throw(
      HarnessOptionError,
      /TestIssuer/,
    );
  });
});
