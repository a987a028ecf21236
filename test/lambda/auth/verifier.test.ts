import { expect } from 'chai';
import { generateKeyPairSync } from 'node:crypto';
import nock from 'nock';
import { ConfigError } from '../../../common/env.js';
import {
  createAccessTokenVerifier,
  KeySetUnavailableError,
  TokenAudienceError,
  TokenExpiredError,
  TokenIssuerError,
  TokenMalformedError,
  TokenMissingError,
  TokenNotYetValidError,
  TokenScopeError,
  TokenSignatureError,
  type AccessTokenVerifierOptions,
  type VerifyAccessToken,
} from '../../../lambda/auth/index.js';
import { expectRejection } from '../../harness/assertions.js';
import { createTestKey } from 'alexa-skill-harness';
import { TEST_NOW, TEST_SCOPE, SkillTestIssuer } from '../../harness/tokens.js';

const MINUTE = 60_000;

describe('createAccessTokenVerifier', () => {
  let issuer: SkillTestIssuer;
  let clock: number;

  const verifierFor = (options: Partial<AccessTokenVerifierOptions> = {}): VerifyAccessToken =>
    createAccessTokenVerifier({
      issuerBaseUrl: issuer.issuer,
      audience: issuer.audience,
      requiredScope: TEST_SCOPE,
      now: () => clock,
      ...options,
      jwks: { timeoutMs: 100, ...options.jwks },
    });

  beforeEach(() => {
    issuer = new SkillTestIssuer();
    clock = TEST_NOW;
  });

  describe('a valid token', () => {
    it('resolves to its subject, scopes and expiry', async () => {
      issuer.serveJwks();
      const verified = await verifierFor()(issuer.mint());
      expect(verified).to.deep.equal({
        subject: 'auth0|test-user',
        scopes: ['openid', TEST_SCOPE],
        expiresAt: new Date(TEST_NOW + 3600_000),
      });
    });

    it('takes scopes from Auth0 RBAC permissions too', async () => {
      issuer.serveJwks();
      const verified = await verifierFor()(
        issuer.mint({ scope: undefined, permissions: [TEST_SCOPE] }),
      );
      expect(verified.scopes).to.deep.equal([TEST_SCOPE]);
    });

    it('accepts aud as a plain string', async () => {
      issuer.serveJwks();
      await verifierFor()(issuer.mint({ aud: issuer.audience }));
    });

    it('accepts an issuer configured without its trailing slash', async () => {
      issuer.serveJwks();
      await verifierFor({ issuerBaseUrl: issuer.issuer.slice(0, -1) })(issuer.mint());
    });

    it('fetches the key set once for many tokens signed by the same key', async () => {
      const serving = issuer.serveJwks();
      const verify = verifierFor();
      for (let i = 0; i < 20; i += 1) await verify(issuer.mint({ sub: `user-${i}` }));
      expect(serving.requests).to.equal(1);
    });

    it('accepts a token without kid when the set holds exactly one key', async () => {
      issuer.serveJwks();
      await verifierFor()(issuer.mint({}, { header: { kid: undefined } }));
    });

    it('ignores jku, x5u and jwk headers on a genuine token', async () => {
      issuer.serveJwks();
      const header = {
        jku: 'https://evil.example/jwks.json',
        x5u: 'https://evil.example/cert.pem',
        jwk: { kty: 'RSA' },
      };
      await verifierFor()(issuer.mint({}, { header }));
    });
  });

  describe('refuses', () => {
    it('a missing token', async () => {
      await expectRejection(verifierFor()(undefined), TokenMissingError, 'ERR_TOKEN_MISSING');
      await expectRejection(verifierFor()(''), TokenMissingError, 'ERR_TOKEN_MISSING');
    });

    it('a token signed with alg none', async () => {
      const token = issuer.sign(issuer.claims(), { signing: { alg: 'none' } });
      await expectRejection(
        verifierFor()(token),
        TokenSignatureError,
        'ERR_TOKEN_SIGNATURE',
        'alg-not-allowed',
      );
    });

    it('a token signed with HS256 using the public key as the secret', async () => {
      const pem = issuer.currentKey.publicKey.export({ format: 'pem', type: 'spki' });
      const token = issuer.sign(issuer.claims(), {
        signing: { alg: 'HS256', secret: pem },
        header: { kid: issuer.currentKey.kid },
      });
      await expectRejection(
        verifierFor()(token),
        TokenSignatureError,
        'ERR_TOKEN_SIGNATURE',
        'alg-not-allowed',
      );
    });

    it('a token signed with ES256 when RS256 is expected', async () => {
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const token = issuer.sign(issuer.claims(), {
        signing: { alg: 'ES256', privateKey },
        header: { kid: 'key-1' },
      });
      await expectRejection(
        verifierFor()(token),
        TokenSignatureError,
        'ERR_TOKEN_SIGNATURE',
        'alg-not-allowed',
      );
    });

    it('a token whose signature does not verify', async () => {
      issuer.serveJwks();
      const forger = createTestKey('key-1');
      const token = issuer.mint({}, { signing: { alg: 'RS256', key: forger } });
      await expectRejection(
        verifierFor()(token),
        TokenSignatureError,
        'ERR_TOKEN_SIGNATURE',
        'bad-signature',
      );
    });

    it('a token from another issuer, reporting its iss', async () => {
      issuer.serveJwks();
      const error = await expectRejection(
        verifierFor()(issuer.mint({ iss: 'https://other.example/' })),
        TokenIssuerError,
        'ERR_TOKEN_ISSUER',
      );
      expect(error.actual).to.equal('https://other.example/');
      expect(error.expected).to.equal(issuer.issuer);
    });

    it('a token whose iss lacks the trailing slash', async () => {
      issuer.serveJwks();
      await expectRejection(
        verifierFor()(issuer.mint({ iss: issuer.issuer.slice(0, -1) })),
        TokenIssuerError,
        'ERR_TOKEN_ISSUER',
      );
    });

    it('a token without aud', async () => {
      issuer.serveJwks();
      await expectRejection(
        verifierFor()(issuer.mint({ aud: undefined })),
        TokenAudienceError,
        'ERR_TOKEN_AUDIENCE',
      );
    });

    it('a token for another audience, reporting its aud', async () => {
      issuer.serveJwks();
      const error = await expectRejection(
        verifierFor()(issuer.mint({ aud: 'https://other-api' })),
        TokenAudienceError,
        'ERR_TOKEN_AUDIENCE',
      );
      expect(error.actual).to.equal('https://other-api');
    });

    it('a token whose aud array lacks ours', async () => {
      issuer.serveJwks();
      await expectRejection(
        verifierFor()(issuer.mint({ aud: ['https://a', 'https://b'] })),
        TokenAudienceError,
        'ERR_TOKEN_AUDIENCE',
      );
    });

    it('a token without exp', async () => {
      issuer.serveJwks();
      await expectRejection(
        verifierFor()(issuer.mint({ exp: undefined })),
        TokenMalformedError,
        'ERR_TOKEN_MALFORMED',
      );
    });

    it('a token without sub', async () => {
      issuer.serveJwks();
      await expectRejection(
        verifierFor()(issuer.mint({ sub: undefined })),
        TokenMalformedError,
        'ERR_TOKEN_MALFORMED',
      );
    });

    it('a token expired beyond the clock tolerance', async () => {
      issuer.serveJwks();
      const exp = TEST_NOW / 1000 - 6;
      await expectRejection(
        verifierFor()(issuer.mint({ exp, iat: exp - 3600 })),
        TokenExpiredError,
        'ERR_TOKEN_EXPIRED',
      );
    });

    it('but not a token expired within the clock tolerance', async () => {
      issuer.serveJwks();
      const exp = TEST_NOW / 1000 - 4;
      await verifierFor()(issuer.mint({ exp, iat: exp - 3600 }));
    });

    it('a token whose nbf is in the future', async () => {
      issuer.serveJwks();
      await expectRejection(
        verifierFor()(issuer.mint({ nbf: TEST_NOW / 1000 + 60 })),
        TokenNotYetValidError,
        'ERR_TOKEN_NOT_YET_VALID',
        'nbf-in-future',
      );
    });

    it('a token issued in the future', async () => {
      issuer.serveJwks();
      await expectRejection(
        verifierFor()(issuer.mint({ iat: TEST_NOW / 1000 + 60 })),
        TokenNotYetValidError,
        'ERR_TOKEN_NOT_YET_VALID',
        'iat-in-future',
      );
    });

    it('a token without the required scope', async () => {
      issuer.serveJwks();
      const error = await expectRejection(
        verifierFor()(issuer.mint({ scope: 'openid profile', permissions: ['read:other'] })),
        TokenScopeError,
        'ERR_TOKEN_SCOPE',
      );
      expect(error.granted).to.deep.equal(['openid', 'profile', 'read:other']);
    });

    it('a token whose scope only contains the required one as a substring', async () => {
      issuer.serveJwks();
      await expectRejection(
        verifierFor()(issuer.mint({ scope: 'read:whattowear:all' })),
        TokenScopeError,
        'ERR_TOKEN_SCOPE',
      );
    });

    it('a token whose kid only looks like the slot of tokens without one', async () => {
      issuer.serveJwks();
      const verify = verifierFor();
      await verify(issuer.mint({}, { header: { kid: undefined } }));
      for (const kid of ['\u0000no-kid', 'none', 'kid:key-1']) {
        await expectRejection(
          verify(issuer.mint({}, { header: { kid } })),
          TokenSignatureError,
          'ERR_TOKEN_SIGNATURE',
          'unknown-kid',
        );
      }
    });

    it('a token without kid when the set holds several keys', async () => {
      issuer.keys.push(createTestKey('key-2'));
      issuer.serveJwks();
      await expectRejection(
        verifierFor()(issuer.mint({}, { header: { kid: undefined } })),
        TokenSignatureError,
        'ERR_TOKEN_SIGNATURE',
        'no-kid',
      );
    });

    it('a token signed by a key given in its own jwk header, fetching nothing from jku or x5u', async () => {
      issuer.serveJwks();
      const attacker = createTestKey('key-1');
      const evil = nock('https://evil.example')
        .get(/.*/)
        .reply(200, { keys: [attacker.jwk] });
      const token = issuer.mint(
        {},
        {
          signing: { alg: 'RS256', key: attacker },
          header: {
            jku: 'https://evil.example/jwks.json',
            x5u: 'https://evil.example/x5u',
            jwk: attacker.jwk,
          },
        },
      );
      await expectRejection(
        verifierFor()(token),
        TokenSignatureError,
        'ERR_TOKEN_SIGNATURE',
        'bad-signature',
      );
      expect(evil.isDone()).to.equal(false);
      nock.cleanAll();
    });

    it('a token whose header asks for any extension (crit), before any fetch', async () => {
      // jose accepts crit ["b64"] with b64 true; this verifier understands no extension at all.
      for (const header of [
        { crit: ['x-unknown'], 'x-unknown': true },
        { crit: ['b64'], b64: true },
        { crit: [] },
      ]) {
        await expectRejection(
          verifierFor()(issuer.mint({}, { header })),
          TokenMalformedError,
          'ERR_TOKEN_MALFORMED',
          'crit-not-supported',
        );
      }
    });
  });

  describe('refuses malformed input before any fetch', () => {
    const cases: [string, (t: string) => unknown, string][] = [
      ['two segments', (t) => t.split('.').slice(0, 2).join('.'), 'not-compact-jws'],
      ['four segments', (t) => `${t}.AAAA`, 'not-compact-jws'],
      ['five segments (a JWE)', (t) => `${t}.AAAA.BBBB`, 'not-compact-jws'],
      ['characters outside base64url', (t) => t.replace('.', '.*'), 'bad-encoding'],
      ['padding', (t) => `${t}==`, 'bad-encoding'],
      ['a non-canonical final character', (t) => nonCanonical(t), 'bad-encoding'],
      ['an empty payload', (t) => t.replace(/\.[^.]+\./, '..'), 'bad-encoding'],
      [
        'a header that is not JSON',
        (t) => `${Buffer.from('{alg').toString('base64url')}.${t.split('.').slice(1).join('.')}`,
        'bad-header',
      ],
      [
        'a header that is a JSON array',
        (t) =>
          `${Buffer.from('["RS256"]').toString('base64url')}.${t.split('.').slice(1).join('.')}`,
        'bad-header',
      ],
      ['an oversized token', (t) => `${t}${'A'.repeat(8192)}`, 'too-large'],
      ['a number instead of a string', () => 42, 'not-a-string'],
    ];
    for (const [what, mangle, reason] of cases) {
      it(`a token with ${what}`, async () => {
        const token = mangle(issuer.mint());
        await expectRejection(
          verifierFor()(token),
          TokenMalformedError,
          'ERR_TOKEN_MALFORMED',
          reason,
        );
      });
    }

    it('a token with a kid that is not a string', async () => {
      await expectRejection(
        verifierFor()(issuer.mint({}, { header: { kid: 7 } })),
        TokenMalformedError,
        'ERR_TOKEN_MALFORMED',
        'bad-kid',
      );
    });

    it('a genuinely signed token whose payload is a JSON array', async () => {
      issuer.serveJwks();
      const token = issuer.sign(['not', 'claims']);
      await expectRejection(
        verifierFor()(token),
        TokenMalformedError,
        'ERR_TOKEN_MALFORMED',
        'bad-payload',
      );
    });
  });

  describe('key set', () => {
    it('refetches exactly once for an unknown kid when the set is older than a minute', async () => {
      const serving = issuer.serveJwks();
      const verify = verifierFor();
      await verify(issuer.mint());
      clock += MINUTE + 1;
      const stranger = issuer.mint({}, { header: { kid: 'unknown' } });
      await expectRejection(
        verify(stranger),
        TokenSignatureError,
        'ERR_TOKEN_SIGNATURE',
        'unknown-kid',
      );
      await expectRejection(
        verify(stranger),
        TokenSignatureError,
        'ERR_TOKEN_SIGNATURE',
        'unknown-kid',
      );
      expect(serving.requests).to.equal(2);
    });

    it('refuses a token signed with a key under 2048 bits as signed by an unknown key', async () => {
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
      const weak = {
        kid: 'weak',
        privateKey,
        publicKey,
        jwk: { ...publicKey.export({ format: 'jwk' }), kid: 'weak', use: 'sig', alg: 'RS256' },
      };
      issuer.keys.push(weak);
      issuer.serveJwks();
      const forged = issuer.mint({}, { signing: { alg: 'RS256', key: weak } });
      await expectRejection(
        verifierFor()(forged),
        TokenSignatureError,
        'ERR_TOKEN_SIGNATURE',
        'unknown-kid',
      );
    });

    it('takes the first of two keys sharing a kid, by either lookup', async () => {
      const first = createTestKey('shared-kid');
      const second = createTestKey('shared-kid');
      issuer.keys.push(first, second);
      issuer.serveJwks();
      const verify = verifierFor();
      await verify(issuer.mint()); // fetches the set; 'shared-kid' now comes from that recent set
      expect(
        (await verify(issuer.mint({}, { signing: { alg: 'RS256', key: first } }))).subject,
      ).to.be.a('string');
      await expectRejection(
        verify(issuer.mint({ sub: 'other' }, { signing: { alg: 'RS256', key: second } })),
        TokenSignatureError,
        'ERR_TOKEN_SIGNATURE',
      );
    });

    it('finds a key added to the set after a rotation, with one fetch', async () => {
      const serving = issuer.serveJwks();
      const verify = verifierFor();
      await verify(issuer.mint());
      clock += MINUTE + 1;
      issuer.keys.unshift(createTestKey('key-2'));
      await verify(issuer.mint());
      expect(serving.requests).to.equal(2);
    });

    it('imports a second key of a set it just fetched without fetching again', async () => {
      issuer.keys.push(createTestKey('key-2'));
      const serving = issuer.serveJwks();
      const verify = verifierFor();
      await verify(issuer.mint());
      await verify(
        issuer.mint({}, { signing: { alg: 'RS256', key: issuer.keys[1] ?? issuer.currentKey } }),
      );
      expect(serving.requests).to.equal(1);
    });

    it('bounds fetches for 100 tokens with random kids arriving one by one', async () => {
      const serving = issuer.serveJwks();
      const verify = verifierFor();
      for (let i = 0; i < 100; i += 1) {
        const token = issuer.mint({}, { header: { kid: `random-${i}` } });
        await expectRejection(
          verify(token),
          TokenSignatureError,
          'ERR_TOKEN_SIGNATURE',
          'unknown-kid',
        );
      }
      expect(serving.requests).to.equal(1);
    });

    it('bounds fetches for 100 tokens with random kids arriving at once, with a stale set', async () => {
      const serving = issuer.serveJwks();
      const verify = verifierFor();
      await verify(issuer.mint());
      clock += MINUTE + 1;
      const outcomes = await Promise.allSettled(
        Array.from({ length: 100 }, (_, i) =>
          verify(issuer.mint({}, { header: { kid: `random-${i}` } })),
        ),
      );
      expect(outcomes.every((o) => o.status === 'rejected')).to.equal(true);
      expect(serving.requests).to.equal(2);
      await verify(issuer.mint());
    });

    it('is unavailable when the key set does not answer within the deadline, and says so in time', async () => {
      const url = new URL(issuer.jwksUri);
      nock(url.origin).get(url.pathname).delay(2000).reply(200, issuer.jwks());
      const started = Date.now();
      await expectRejection(
        verifierFor()(issuer.mint()),
        KeySetUnavailableError,
        'ERR_KEY_SET_UNAVAILABLE',
      );
      expect(Date.now() - started).to.be.below(1000);
    });

    const badAnswers: [string, () => nock.ReplyFnResult][] = [
      ['answers 500', () => [500, { error: 'boom' }]],
      ['redirects', () => [302, '', { location: 'https://evil.example/jwks.json' }]],
      ['sends invalid JSON', () => [200, '{"keys": [', { 'content-type': 'application/json' }]],
      ['sends an empty body', () => [200, '']],
      ['has no keys', () => [200, { keys: [] }]],
      ['has no keys array', () => [200, { key: 'x' }]],
      ['has only use: enc keys', () => [200, { keys: [{ ...issuer.currentKey.jwk, use: 'enc' }] }]],
      [
        'has only keys for another algorithm',
        () => [200, { keys: [{ ...issuer.currentKey.jwk, alg: 'RS512' }] }],
      ],
      [
        'is larger than its cap',
        () => [200, { keys: [issuer.currentKey.jwk], pad: 'x'.repeat(300_000) }],
      ],
    ];
    for (const [what, reply] of badAnswers) {
      it(`is unavailable when the key set ${what}`, async () => {
        const serving = issuer.serveJwks(reply);
        await expectRejection(
          verifierFor()(issuer.mint()),
          KeySetUnavailableError,
          'ERR_KEY_SET_UNAVAILABLE',
        );
        expect(serving.requests).to.equal(1);
      });
    }

    it('keeps serving a cached key through a later outage, within the grace period', async () => {
      let up = true;
      const events: string[] = [];
      const serving = issuer.serveJwks(() => (up ? [200, issuer.jwks()] : [503, 'down']));
      const verify = verifierFor({
        jwks: { cacheMaxAgeMs: 20, outageGraceMs: 3_600_000, onEvent: (e) => events.push(e.type) },
      });
      await verify(issuer.mint());
      up = false;
      await sleep(25);
      clock += 30 * MINUTE;
      await verify(issuer.mint());
      expect(serving.requests).to.equal(2);
      expect(events).to.deep.equal(['fetched', 'fetch-failed', 'stale-key-served']);
      await verify(issuer.mint());
      expect(serving.requests, 'no retry before retryAfterFailureMs').to.equal(2);
    });

    it('does not fetch again within the retry interval after a failed fetch', async () => {
      const serving = issuer.serveJwks(() => [503, 'down']);
      const verify = verifierFor();
      await expectRejection(
        verify(issuer.mint()),
        KeySetUnavailableError,
        'ERR_KEY_SET_UNAVAILABLE',
      );
      clock += 10_000;
      await expectRejection(
        verify(issuer.mint()),
        KeySetUnavailableError,
        'ERR_KEY_SET_UNAVAILABLE',
      );
      expect(serving.requests).to.equal(1);
      clock += 30_000;
      await expectRejection(
        verify(issuer.mint()),
        KeySetUnavailableError,
        'ERR_KEY_SET_UNAVAILABLE',
      );
      expect(serving.requests).to.equal(2);
    });

    it('stops serving a cached key once the grace period is over', async () => {
      let up = true;
      issuer.serveJwks(() => (up ? [200, issuer.jwks()] : [503, 'down']));
      const verify = verifierFor({ jwks: { cacheMaxAgeMs: 20, outageGraceMs: 3_600_000 } });
      await verify(issuer.mint());
      up = false;
      await sleep(25);
      clock += 2 * 3_600_000;
      await expectRejection(
        verify(issuer.mint({ iat: clock / 1000, exp: clock / 1000 + 600 })),
        KeySetUnavailableError,
        'ERR_KEY_SET_UNAVAILABLE',
      );
    });

    it('drops a key as soon as a newer set no longer holds it', async () => {
      issuer.keys.push(createTestKey('key-2'));
      const serving = issuer.serveJwks();
      const verify = verifierFor({ jwks: { cacheMaxAgeMs: 20 } });
      const oldToken = issuer.mint(
        {},
        { signing: { alg: 'RS256', key: issuer.keys[1] ?? issuer.currentKey } },
      );
      await verify(oldToken);
      issuer.keys.pop();
      await sleep(25);
      clock += MINUTE;
      await verify(issuer.mint());
      await expectRejection(
        verify(oldToken),
        TokenSignatureError,
        'ERR_TOKEN_SIGNATURE',
        'unknown-kid',
      );
      expect(serving.requests).to.equal(2);
    });
  });

  describe('cache of verified tokens', () => {
    it('answers a repeated token from the cache (the same result object)', async () => {
      issuer.serveJwks();
      const verify = verifierFor();
      const token = issuer.mint();
      const first = await verify(token);
      expect(await verify(token)).to.equal(first);
      expect(Object.isFrozen(first)).to.equal(true);
    });

    it('verifies again when the cache is off', async () => {
      issuer.serveJwks();
      const verify = verifierFor({ verifiedTokenCacheSize: 0 });
      const token = issuer.mint();
      expect(await verify(token)).not.to.equal(await verify(token));
    });

    it('never trusts a cached token past its exp', async () => {
      issuer.serveJwks();
      const verify = verifierFor();
      const token = issuer.mint();
      await verify(token);
      clock += 3600_000 + 6_000;
      await expectRejection(verify(token), TokenExpiredError, 'ERR_TOKEN_EXPIRED');
    });

    it('stops trusting a cached token once its key has left the set', async () => {
      issuer.keys.push(createTestKey('key-2'));
      issuer.serveJwks();
      const verify = verifierFor({ jwks: { cacheMaxAgeMs: 20 } });
      const oldToken = issuer.mint(
        {},
        { signing: { alg: 'RS256', key: issuer.keys[1] ?? issuer.currentKey } },
      );
      await verify(oldToken);
      issuer.keys.pop();
      await sleep(25);
      clock += MINUTE;
      await verify(issuer.mint());
      await expectRejection(
        verify(oldToken),
        TokenSignatureError,
        'ERR_TOKEN_SIGNATURE',
        'unknown-kid',
      );
    });

    it('does not cache a refused token', async () => {
      issuer.serveJwks();
      const verify = verifierFor();
      const token = issuer.mint({ scope: 'openid' });
      await expectRejection(verify(token), TokenScopeError, 'ERR_TOKEN_SCOPE');
      await expectRejection(verify(token), TokenScopeError, 'ERR_TOKEN_SCOPE');
    });

    it('keeps at most its size, forgetting the oldest first', async () => {
      issuer.serveJwks();
      const verify = verifierFor({ verifiedTokenCacheSize: 2 });
      const tokens = [
        issuer.mint({ sub: 'a' }),
        issuer.mint({ sub: 'b' }),
        issuer.mint({ sub: 'c' }),
      ];
      const results = [];
      for (const token of tokens) results.push(await verify(token));
      expect(await verify(tokens[2] ?? '')).to.equal(results[2]);
      expect(await verify(tokens[1] ?? '')).to.equal(results[1]);
      expect(await verify(tokens[0] ?? '')).not.to.equal(results[0]);
    });
  });

  describe('options', () => {
    it('names every bad option in one ConfigError', () => {
      let thrown: unknown;
      try {
        createAccessTokenVerifier({
          issuerBaseUrl: 'http://tenant.example.com/',
          audience: '',
          requiredScope: 'a b',
          clockToleranceSeconds: 600,
          jwks: { timeoutMs: 10_000, requestsPerMinute: 100 },
        });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).to.be.instanceOf(ConfigError);
      expect((thrown as ConfigError).problems.map((p) => p.name)).to.deep.equal([
        'issuerBaseUrl',
        'audience',
        'requiredScope',
        'clockToleranceSeconds',
        'jwks.timeoutMs',
        'jwks.requestsPerMinute',
      ]);
    });

    it('names each other bad option, and the kinds of bad audience and scope', () => {
      const problems = (options: Partial<AccessTokenVerifierOptions>): string[] => {
        try {
          createAccessTokenVerifier({
            issuerBaseUrl: 'https://tenant.example.com/',
            audience: 'https://whatshouldiwear',
            ...options,
          });
        } catch (error) {
          expect(error).to.be.instanceOf(ConfigError);
          return (error as ConfigError).problems.map((p) => p.name);
        }
        return [];
      };
      expect(
        problems({
          maxTokenLength: 100,
          verifiedTokenCacheSize: -1,
          jwks: { cacheMaxAgeMs: 0, outageGraceMs: -1 },
        }),
      ).to.deep.equal([
        'maxTokenLength',
        'verifiedTokenCacheSize',
        'jwks.cacheMaxAgeMs',
        'jwks.outageGraceMs',
      ]);
      for (const audience of ['', '   ', 42, undefined, ['https://whatshouldiwear']]) {
        expect(problems({ audience: audience as string }), String(audience)).to.deep.equal([
          'audience',
        ]);
      }
      for (const requiredScope of ['', 'a b', 'a\tb', ' a']) {
        expect(problems({ requiredScope }), requiredScope).to.deep.equal(['requiredScope']);
      }
      expect(problems({ requiredScope: 'read:whattowear' })).to.deep.equal([]);
      expect(problems({ requiredScope: undefined })).to.deep.equal([]);
    });

    it('answers a token exactly maxTokenLength long from the cache the second time', async () => {
      issuer.serveJwks();
      const token = issuer.mint();
      const verify = verifierFor({ maxTokenLength: token.length });
      const first = await verify(token);
      expect(await verify(token)).to.equal(first);
    });

    it('allows http for a loopback issuer', () => {
      expect(() =>
        createAccessTokenVerifier({ issuerBaseUrl: 'http://127.0.0.1:4000', audience: 'x' }),
      ).not.to.throw();
    });
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Changes the signature's final character to another that decodes to the same bytes. */
function nonCanonical(token: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const last = token.charAt(token.length - 1);
  const index = alphabet.indexOf(last);
  // RS256 signatures are 256 bytes: 342 characters, the last carrying 2 bits and 4 unused ones.
  return `${token.slice(0, -1)}${alphabet.charAt(index + 1)}`;
}
