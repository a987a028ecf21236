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
    // An empty or non-string token_type is as good as missing.
    for (const tokenType of ['', 7, null]) {
      expect(
        patchTokenResponse({ access_token: 'a', token_type: tokenType }, NOW_S, defaults).body
          .token_type,
        String(tokenType),
      ).to.equal('Bearer');
    }
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

describe('patchTokenResponse: edges', () => {
  const patch = (body: unknown) => patchTokenResponse(body, NOW_S, defaults);

  it('reads expires_in from a decimal string with spaces or a fraction, never from other spellings', () => {
    expect(patch({ access_token: 'a', expires_in: ' 300 ' })).to.include({
      expiresIn: 300,
      source: 'upstream-string',
    });
    expect(patch({ access_token: 'a', expires_in: '300.75' }).expiresIn).to.equal(300);
    for (const odd of ['3e2', '0x12c', '+300', '-300', '300s', 'x300', '', ' ', true, [300], {}]) {
      expect(patch({ access_token: 'a', expires_in: odd }), JSON.stringify(odd)).to.include({
        expiresIn: 3600,
        source: 'default',
      });
    }
    expect(patch({ access_token: 'a', expires_in: 299.9 }).expiresIn).to.equal(299);
    expect(patch({ access_token: 'a', expires_in: 0.5 }).source).to.equal('default');
  });

  it('flags a lifetime as short below 360 s only, from the upstream or from exp', async () => {
    expect(patch({ access_token: 'a', expires_in: 360 }).shortLifetime).to.equal(false);
    expect(patch({ access_token: 'a', expires_in: 359 }).shortLifetime).to.equal(true);
    const at360 = patch({ access_token: await accessJwt({ exp: NOW_S + 360 }) });
    expect(at360).to.include({ shortLifetime: false, lifetime: 360, expiresIn: 300 });
    const at359 = patch({ access_token: await accessJwt({ exp: NOW_S + 359 }) });
    expect(at359).to.include({ shortLifetime: true, lifetime: 359 });
    expect(patch({ access_token: 'opaque' })).to.include({
      shortLifetime: false,
      lifetime: undefined,
      source: 'default',
    });
  });

  it('takes a lifetime from exp up to a year exactly, and gives 1 s to a token with one second or none', async () => {
    const year = 365 * 86_400;
    expect(patch({ access_token: await accessJwt({ exp: NOW_S + year }) }).lifetime).to.equal(year);
    expect(patch({ access_token: await accessJwt({ exp: NOW_S + year + 1 }) }).source).to.equal(
      'default',
    );
    for (const left of [1, 0, -1, -3600]) {
      const out = patch({ access_token: await accessJwt({ exp: NOW_S + left }) });
      expect(out.expiresIn, String(left)).to.equal(1);
    }
    expect(patch({ access_token: await accessJwt({ exp: NOW_S + 2 }) }).expiresIn).to.equal(1);
    expect(patch({ access_token: await accessJwt({ exp: NOW_S + 3 }) }).expiresIn).to.equal(2);
  });

  it('ignores an exp that is not a finite number', () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const exp of [String(NOW_S + 600), null, [NOW_S + 600], { n: 1 }]) {
      const token = `${b64({ alg: 'RS256' })}.${b64({ sub: 'u', exp })}.c2ln`;
      expect(patch({ access_token: token }).source, JSON.stringify(exp)).to.equal('default');
    }
  });

  it("describes the upstream's expires_in for the logs by value or type, never its text", () => {
    const cases: [unknown, string][] = [
      [undefined, 'missing'],
      [3600, '3600'],
      [0, '0'],
      ['3599', 'string'],
      ['secret-looking', 'string'],
      [null, 'object'],
      [true, 'boolean'],
    ];
    for (const [value, described] of cases) {
      expect(patch({ access_token: 'a', expires_in: value }).upstreamExpiresIn).to.equal(described);
    }
  });

  it('refuses every body that is not an object with a string access_token', () => {
    for (const body of [null, undefined, 'access_token', 7, [], ['a'], {}, { access_token: 7 }]) {
      expect(() => patch(body), JSON.stringify(body)).to.throw(UpstreamResponseError);
    }
  });
});

describe('patchTokenResponse: expires_at (epoch seconds) from providers that state an instant', () => {
  const patch = (body: unknown) => patchTokenResponse(body, NOW_S, defaults);

  it('gives expires_in by the same margin rule as exp when expires_in is missing', () => {
    expect(patch({ access_token: 'opaque', expires_at: NOW_S + 21_600 })).to.include({
      expiresIn: 21_540,
      source: 'upstream-expires-at',
      lifetime: 21_600,
      shortLifetime: false,
    });
    expect(patch({ access_token: 'opaque', expires_at: String(NOW_S + 300) })).to.include({
      expiresIn: 240,
      source: 'upstream-expires-at',
      shortLifetime: true,
    });
  });

  it('prefers a usable expires_in, and expires_at over the token exp', async () => {
    expect(patch({ access_token: 'a', expires_in: 3600, expires_at: NOW_S + 60 }).source).to.equal(
      'upstream',
    );
    const token = await accessJwt({ exp: NOW_S + 1000 });
    expect(patch({ access_token: token, expires_at: NOW_S + 500 })).to.include({
      source: 'upstream-expires-at',
      lifetime: 500,
    });
  });

  it('ignores an expires_at in the past, now, more than a year away, or not a number', () => {
    for (const at of [NOW_S - 1, NOW_S, NOW_S + 365 * 86_400 + 1, 'soon', null, -5]) {
      expect(patch({ access_token: 'opaque', expires_at: at }).source, String(at)).to.equal(
        'default',
      );
    }
    expect(patch({ access_token: 'opaque', expires_at: NOW_S + 365 * 86_400 }).lifetime).to.equal(
      365 * 86_400,
    );
  });
});
