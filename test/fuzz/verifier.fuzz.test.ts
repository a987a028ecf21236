import { expect } from 'chai';
import fc from 'fast-check';
import {
  AccessTokenError,
  createAccessTokenVerifier,
  type VerifyAccessToken,
} from '../../lambda/auth/index.js';
import { createTestKey } from 'alexa-skill-harness';
import { TEST_NOW, SkillTestIssuer } from '../harness/tokens.js';
import { FUZZ_TIMEOUT_MS, fuzzParameters, verdictOf } from './runs.js';

/** Ways to damage a genuine token; each keeps it a string. */
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    char: fc.constantFrom(...Array.from('ABCDEFabcdef0123456789-_.=+/ ~eyJ')),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.string({ maxLength: 8 }),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 8 }),
  }),
  fc.record({ kind: fc.constant('swap-segments' as const), a: fc.nat(2), b: fc.nat(2) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('case' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(token: string, m: Mutation): string {
  const at = (n: number) => n % (token.length + 1);
  switch (m.kind) {
    case 'flip':
      return token.slice(0, at(m.at)) + m.char + token.slice(at(m.at) + 1);
    case 'insert':
      return token.slice(0, at(m.at)) + m.text + token.slice(at(m.at));
    case 'delete':
      return token.slice(0, at(m.at)) + token.slice(at(m.at) + m.length);
    case 'swap-segments': {
      const parts = token.split('.');
      const x = parts[m.a] ?? '';
      parts[m.a] = parts[m.b] ?? '';
      parts[m.b] = x;
      return parts.join('.');
    }
    case 'truncate':
      return token.slice(0, at(m.at));
    case 'case': {
      const i = at(m.at);
      const c = token.charAt(i);
      const other = c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase();
      return token.slice(0, i) + other + token.slice(i + 1);
    }
  }
}

/** The decoded bytes of each segment, so "the same token" means the same bytes. */
function segmentBytes(token: string): string[] {
  return token.split('.').map((s) => Buffer.from(s, 'base64url').toString('hex'));
}

describe('fuzz: the verifier', function () {
  this.timeout(FUZZ_TIMEOUT_MS);
  let issuer: SkillTestIssuer;
  let verify: VerifyAccessToken;
  let genuine: string[];

  before(() => {
    issuer = new SkillTestIssuer();
    genuine = [
      issuer.mint(),
      issuer.mint({ sub: 'auth0|other', permissions: ['read:whattowear'] }),
    ];
  });

  beforeEach(() => {
    issuer.serveJwks();
    verify = createAccessTokenVerifier({
      issuerBaseUrl: issuer.issuer,
      audience: issuer.audience,
      requiredScope: 'read:whattowear',
      now: () => TEST_NOW,
      jwks: { timeoutMs: 100 },
    });
  });

  const outcome = (token: unknown) => verdictOf(verify, token);

  it('only ever rejects arbitrary input with its own typed errors', async () => {
    await verify(genuine[0]); // the key set, fetched once
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.anything()),
        async (input) => {
          expect(await outcome(input)).to.be.instanceOf(AccessTokenError);
        },
      ),
      fuzzParameters,
    );
  });

  it('never accepts a mutated token whose decoded bytes differ from a genuine one', async () => {
    await verify(genuine[0]);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(1),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        async (which, mutations) => {
          const original = genuine[which] ?? '';
          const token = mutations.reduce(mutate, original);
          const result = await outcome(token);
          if (result === 'accepted') {
            expect(segmentBytes(token)).to.deep.equal(segmentBytes(original));
            expect(token).to.equal(original);
          } else {
            expect(result).to.be.instanceOf(AccessTokenError);
          }
        },
      ),
      fuzzParameters,
    );
  });

  it('never accepts a token re-signed with random claims by another key', async () => {
    const forger = new SkillTestIssuer(issuer.issuer, issuer.audience, TEST_NOW, [
      createTestKey('key-1'),
    ]);
    await verify(genuine[0]);
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
        async (extra) => {
          const result = await outcome(forger.mint(extra));
          expect(result).to.be.instanceOf(AccessTokenError);
        },
      ),
      { ...fuzzParameters, numRuns: Math.min(fuzzParameters.numRuns, 300) },
    );
  });
});
