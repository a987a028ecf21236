/**
 * Differential fuzzing: the verifier (node:crypto, its own claim checks) against jose's
 * `jwtVerify` as the oracle (test/lambda/auth/jose-oracle.ts). Every case goes through both with
 * the same key, clock and rules, and both must give the same verdict: accepted by both, or
 * refused by both with the same error code. Seeded; a few thousand cases in `npm test`, 100,000
 * per property under `npm run fuzz`.
 *
 * The cases: genuinely signed tokens whose header and claims are drawn near every boundary
 * (issuer, audience, the clock tolerance on iat, nbf and exp, types, scope), payloads that are not
 * claims at all, other keys and algorithms, and damage to genuine tokens.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import {
  AccessTokenError,
  createAccessTokenVerifier,
  TokenSignatureError,
  type VerifyAccessToken,
} from '../../lambda/auth/index.js';
import { sign, type KeyObject } from 'node:crypto';
import { createTestKey, sharedTestKey, signCompact } from 'alexa-skill-harness';
import { TEST_NOW } from '../harness/tokens.js';
import { joseVerdict, type OracleRules } from '../lambda/auth/jose-oracle.js';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS, fuzzParameters, verdictOf } from './runs.js';

const ISSUER = 'https://tenant.oracle.example/';
const AUDIENCE = 'https://whatshouldiwear';
const SCOPE = 'read:whattowear';
const TOLERANCE = 5;
const NOW_S = Math.floor(TEST_NOW / 1000);
const RULES: OracleRules = {
  issuer: ISSUER,
  audience: AUDIENCE,
  requiredScope: SCOPE,
  clockToleranceSeconds: TOLERANCE,
  maxTokenLength: 8192,
};

const key = sharedTestKey('oracle-1');
const otherKey = createTestKey('oracle-1');

/** Seconds near every edge the clock rules have: now, now +- the tolerance, and far away. */
const nearNow = fc.oneof(
  fc.integer({ min: -8, max: 8 }).map((d) => NOW_S + d),
  fc.integer({ min: -8, max: 8 }).map((d) => NOW_S + TOLERANCE + d),
  fc.integer({ min: -8, max: 8 }).map((d) => NOW_S - TOLERANCE + d),
  fc.double({ min: NOW_S - 10, max: NOW_S + 10, noNaN: true }),
  fc.constantFrom(0, -1, 1e12, Number.MAX_SAFE_INTEGER, NOW_S + 3600),
);
const oddValue = fc.oneof(
  fc.constantFrom(null, true, false, '', 0, [], {}),
  fc.string({ maxLength: 6 }),
  fc.integer().map(String),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }),
);
/** A claim drawn valid, near a boundary, odd, or absent (`undefined` removes it). */
const claim = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 6, arbitrary: valid },
    { weight: 1, arbitrary: oddValue },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );

const claimsArb = fc.record({
  iss: claim(fc.constantFrom(ISSUER, ISSUER, 'https://tenant.oracle.example', 'https://evil/')),
  aud: claim(
    fc.constantFrom(AUDIENCE, [AUDIENCE, `${ISSUER}userinfo`], ['x'], 'https://elsewhere', [
      'x',
      AUDIENCE,
    ]),
  ),
  sub: claim(fc.constantFrom('auth0|user', 'client@clients')),
  iat: claim(nearNow),
  nbf: fc.option(claim(nearNow), { nil: undefined }),
  exp: claim(fc.oneof(nearNow, fc.constant(NOW_S + 3600))),
  scope: claim(fc.constantFrom(`openid ${SCOPE}`, 'openid', SCOPE, ` ${SCOPE} `)),
  permissions: fc.option(claim(fc.constantFrom([SCOPE], ['other'], [])), { nil: undefined }),
  extra: fc.option(fc.jsonValue({ maxDepth: 1 }), { nil: undefined }),
});

const headerArb = fc.record({
  alg: fc.constantFrom('RS256', 'RS256', 'RS256', 'RS384', 'PS256', 'HS256', 'none'),
  kid: fc.constantFrom('oracle-1', 'oracle-1', undefined, 'unknown'),
  typ: fc.constantFrom('JWT', 'at+jwt', undefined),
  crit: fc.constantFrom(undefined, undefined, undefined, ['b64'], ['x'], []),
  b64: fc.constantFrom(undefined, undefined, true, false),
});

/** A payload that is not a claims set: other JSON, invalid JSON, invalid UTF-8. */
const oddPayload = fc.oneof(
  fc.jsonValue({ maxDepth: 1 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('{"sub":"\uFFFD"}', '{"a":1,"a":2}', '{"__proto__":{"sub":"x"}}'),
);

function drop(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

/** Signs exactly `header` and payload bytes that are not text (signCompact takes text). */
function signBytes(header: Record<string, unknown>, payload: Buffer): string {
  const input = `${b64(JSON.stringify(header))}.${b64(payload)}`;
  return `${input}.${b64(sign('sha256', Buffer.from(input), key.privateKey))}`;
}

/** The key set holds one key: a token naming no kid gets it, any other kid is unknown. */
function published(kid: string | undefined): KeyObject {
  if (kid === undefined || kid === key.kid) return key.publicKey;
  throw new TokenSignatureError('unknown-kid', 'The token names a key the issuer does not publish');
}

const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64url');

describe('fuzz: the verifier against jose (differential)', function () {
  this.timeout(FUZZ_TIMEOUT_MS * 2);
  let nowMs = TEST_NOW;
  let verify: VerifyAccessToken;

  before(() => {
    verify = createAccessTokenVerifier({
      issuerBaseUrl: ISSUER,
      audience: AUDIENCE,
      requiredScope: SCOPE,
      clockToleranceSeconds: TOLERANCE,
      now: () => nowMs,
      verifiedTokenCacheSize: 0,
      jwks: {
        fetch: () =>
          Promise.resolve(
            new Response(JSON.stringify({ keys: [key.jwk] }), {
              headers: { 'content-type': 'application/json' },
            }),
          ),
      },
    });
  });

  const ours = (token: unknown) => verdictOf(verify, token);

  async function expectSameVerdict(token: unknown): Promise<void> {
    const [mine, oracle] = [await ours(token), await joseVerdict(token, published, RULES, nowMs)];
    const describe = (v: 'accepted' | AccessTokenError) =>
      v === 'accepted' ? v : `${v.code} (${v.reason})`;
    expect(describe(mine), `token ${String(token)}`).to.satisfy(
      (m: string) =>
        (mine === 'accepted') === (oracle === 'accepted') &&
        (mine === 'accepted' || oracle === 'accepted' || mine.code === oracle.code) &&
        m.length > 0,
      `the verifier said ${describe(mine)}, jose ${describe(oracle)}`,
    );
  }

  it('agrees with jose on genuinely signed tokens with claims drawn near every boundary', async () => {
    await fc.assert(
      fc.asyncProperty(
        headerArb,
        claimsArb,
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom(key, key, key, otherKey),
        async (header, claims, ms, signer) => {
          nowMs = TEST_NOW + ms;
          const { extra, ...named } = claims;
          const payload = drop({ ...named, ...(extra === undefined ? {} : { x: extra }) });
          const signed = signCompact(drop(header), payload, { alg: 'RS256', key: signer });
          await expectSameVerdict(signed);
        },
      ),
      { ...fuzzParameters, numRuns: FUZZ_RUNS * 2 },
    );
  });

  it('agrees with jose on genuinely signed payloads that are not claims', async () => {
    nowMs = TEST_NOW;
    const header = { alg: 'RS256', kid: 'oracle-1' };
    // Not UTF-8: both refuse it, neither replaces the byte.
    await expectSameVerdict(signBytes(header, Buffer.from('{"sub":"\xff"}', 'latin1')));
    await fc.assert(
      fc.asyncProperty(oddPayload, async (payload) => {
        await expectSameVerdict(signCompact(header, payload, { alg: 'RS256', key }));
      }),
      { ...fuzzParameters, numRuns: Math.ceil(FUZZ_RUNS / 2) },
    );
  });

  it('agrees with jose on damaged genuine tokens', async () => {
    nowMs = TEST_NOW;
    const genuine = signCompact(
      { alg: 'RS256', kid: 'oracle-1', typ: 'JWT' },
      { iss: ISSUER, aud: AUDIENCE, sub: 'auth0|u', iat: NOW_S, exp: NOW_S + 3600, scope: SCOPE },
      { alg: 'RS256', key },
    );
    expect(await ours(genuine)).to.equal('accepted');
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            at: fc.nat(genuine.length),
            text: fc.oneof(
              fc.string({ maxLength: 3 }),
              fc.constantFrom('A', 'a', '_', '-', '.', '='),
            ),
            remove: fc.nat(3),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        async (edits) => {
          const token = edits.reduce(
            (t, e) => t.slice(0, e.at) + e.text + t.slice(e.at + e.remove),
            genuine,
          );
          await expectSameVerdict(token);
        },
      ),
      { ...fuzzParameters, numRuns: FUZZ_RUNS * 2 },
    );
  });
});
