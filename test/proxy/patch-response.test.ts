import { expect } from 'chai';
import { patchTokenResponse, UpstreamResponseError } from '../../proxy/index.js';
import { NOW_S, accessJwt } from './support.js';

const defaults = { defaultExpiresIn: 3600 };

describe('patchTokenResponse', () => {
  it('keeps a positive numeric expires_in, reported as from the upstream', () => {
    const out = patchTokenResponse({ access_token: 'a', expires_in: 86400 }, NOW_S, defaults);
    expect(out).to.include({ expiresIn: 86400, source: 'upstream', shortLifetime: false });
    expect(out.body.expires_in).to.equal(86400);
  });

  it('converts a numeric string expires_in to an integer', () => {
    const out = patchTokenResponse({ access_token: 'a', expires_in: '7200' }, NOW_S, defaults);
    expect(out.body.expires_in).to.equal(7200);
    expect(out.source).to.equal('upstream-string');
  });

  it('keeps an upstream lifetime under 360 s but flags it as short', () => {
    const out = patchTokenResponse({ access_token: 'a', expires_in: 120 }, NOW_S, defaults);
    expect(out).to.include({ expiresIn: 120, shortLifetime: true });
  });

  it('computes seconds until exp less 60 for a JWT when expires_in is missing', async () => {
    const token = await accessJwt({ exp: NOW_S + 1000 });
    const out = patchTokenResponse({ access_token: token }, NOW_S, defaults);
    expect(out).to.include({ expiresIn: 940, source: 'token-exp', lifetime: 1000 });
  });

  for (const exp of [1e22, 2 ** 53 + 10, NOW_S + 366 * 86_400]) {
    it(`falls back to DEFAULT_EXPIRES_IN for an absurd exp (${exp})`, async () => {
      const token = await accessJwt({ exp });
      const out = patchTokenResponse({ access_token: token }, NOW_S, { defaultExpiresIn: 3600 });
      expect(out).to.include({ expiresIn: 3600, source: 'default' });
      expect(Number.isSafeInteger(out.body['expires_in'])).to.equal(true);
    });
  }

  it('never reports more than the token has: 400 s left is 340', async () => {
    const token = await accessJwt({ exp: NOW_S + 400 });
    const out = patchTokenResponse({ access_token: token }, NOW_S, defaults);
    expect(out).to.include({ expiresIn: 340, shortLifetime: false });
  });

  it('takes half the remaining time as the margin when that is shorter than 60 s', async () => {
    const token = await accessJwt({ exp: NOW_S + 100 });
    const out = patchTokenResponse({ access_token: token }, NOW_S, defaults);
    expect(out).to.include({ expiresIn: 50, shortLifetime: true });
  });

  it('gives 1 s (refresh now) for a token that has already expired, flagged as short', async () => {
    const token = await accessJwt({ exp: NOW_S - 10 });
    const out = patchTokenResponse({ access_token: token }, NOW_S, defaults);
    expect(out).to.include({ expiresIn: 1, shortLifetime: true });
  });

  it('uses the default for a JWT without exp', async () => {
    const token = await accessJwt({ sub: 'x' });
    const out = patchTokenResponse({ access_token: token }, NOW_S, { defaultExpiresIn: 900 });
    expect(out).to.include({ expiresIn: 900, source: 'default' });
  });

  it('uses the default for an opaque token', () => {
    const out = patchTokenResponse({ access_token: 'opaque' }, NOW_S, { defaultExpiresIn: 900 });
    expect(out).to.include({ expiresIn: 900, source: 'default', upstreamExpiresIn: 'missing' });
  });

  for (const bad of [0, -1, 'abc', '', null, Number.NaN, '-5', 0.4, { n: 1 }]) {
    it(`does not use an expires_in of ${JSON.stringify(bad)}`, () => {
      const out = patchTokenResponse({ access_token: 'o', expires_in: bad }, NOW_S, defaults);
      expect(out.source).to.equal('default');
    });
  }

  it('prefers exp over the default when expires_in is unusable', async () => {
    const token = await accessJwt({ exp: NOW_S + 3000 });
    const out = patchTokenResponse({ access_token: token, expires_in: 'abc' }, NOW_S, defaults);
    expect(out).to.include({ expiresIn: 2940, source: 'token-exp' });
  });

  it('adds token_type Bearer when missing and keeps one that is present', () => {
    expect(patchTokenResponse({ access_token: 'a' }, NOW_S, defaults).body.token_type).to.equal(
      'Bearer',
    );
    expect(
      patchTokenResponse({ access_token: 'a', token_type: 'bearer' }, NOW_S, defaults).body
        .token_type,
    ).to.equal('bearer');
  });

  it('leaves every other field as it was and does not change its input', () => {
    const input = { access_token: 'a', scope: 's', id_token: 'i', token_type: 'Bearer' };
    const out = patchTokenResponse(input, NOW_S, defaults);
    expect(out.body).to.deep.equal({ ...input, expires_in: 3600 });
    expect(input).not.to.have.property('expires_in');
  });

  it('throws UpstreamResponseError without a string access_token', () => {
    expect(() => patchTokenResponse({ access_token: 42 }, NOW_S, defaults))
      .to.throw(UpstreamResponseError)
      .with.property('code', 'ERR_PROXY_UPSTREAM_RESPONSE');
  });

  it('throws UpstreamResponseError for a body that is not an object', () => {
    expect(() => patchTokenResponse(['a'], NOW_S, defaults)).to.throw(UpstreamResponseError);
  });
});
