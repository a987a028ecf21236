/**
 * The key set shipped with the deployment (`lambda/auth/shipped-key-set.ts`, and its rules in
 * key-store.ts): read and checked from its file, used without a key-set call while fresh,
 * refreshed in the background once stale (a key the tenant dropped stops verifying then), and a
 * kid it does not hold fetched at once.
 */
import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createAccessTokenVerifier,
  KeySetUnavailableError,
  readShippedKeySet,
  serialiseShippedKeySet,
  ShippedKeySetError,
  TokenSignatureError,
  type KeySetEvent,
  type ShippedKeySet,
} from '../../../lambda/auth/index.js';
import { expectRejection } from '../../harness/assertions.js';
import { sharedTestKey } from 'alexa-skill-harness';
import { TEST_NOW, SkillTestIssuer } from '../../harness/tokens.js';

const MINUTE = 60_000;

describe('the key set shipped with the deployment', () => {
  describe('its file', () => {
    let dir: string;
    const issuer = new SkillTestIssuer();
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'wsiw-shipped-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });
    const write = async (text: string) => {
      const path = join(dir, 'jwks.json');
      await writeFile(path, text);
      return path;
    };

    it('round-trips: the usable keys and the fetch time', async () => {
      const path = await write(serialiseShippedKeySet(issuer.jwks(), TEST_NOW - MINUTE));
      const shipped = readShippedKeySet(path, TEST_NOW);
      expect(shipped?.fetchedAt).to.equal(TEST_NOW - MINUTE);
      expect(shipped?.keys.map((k) => k.kid)).to.deep.equal(['key-1']);
    });

    it('is optional: no file, no shipped set', () => {
      expect(readShippedKeySet(join(dir, 'absent.json'), TEST_NOW)).to.equal(undefined);
    });

    it('refuses a file that is not a usable, dated, past key set', async () => {
      const keys = issuer.jwks().keys;
      const stamp = new Date(TEST_NOW).toISOString();
      const bad = [
        'not json',
        JSON.stringify({ fetchedAt: stamp }),
        JSON.stringify({ keys: [{ kty: 'EC' }], fetchedAt: stamp }),
        JSON.stringify({ keys }),
        JSON.stringify({ keys, fetchedAt: 'yesterday' }),
        JSON.stringify({ keys, fetchedAt: new Date(TEST_NOW + 5 * MINUTE).toISOString() }),
      ];
      for (const text of bad) {
        const path = await write(text);
        expect(() => readShippedKeySet(path, TEST_NOW), text).to.throw(ShippedKeySetError);
      }
      expect(() => serialiseShippedKeySet({ keys: [] }, TEST_NOW)).to.throw(ShippedKeySetError);
    });
  });

  describe('in the verifier', () => {
    let issuer: SkillTestIssuer;
    let clock: number;
    let events: KeySetEvent[];

    beforeEach(() => {
      issuer = new SkillTestIssuer();
      clock = TEST_NOW;
      events = [];
    });

    const verifierWith = (shipped: ShippedKeySet) =>
      createAccessTokenVerifier({
        issuerBaseUrl: issuer.issuer,
        audience: issuer.audience,
        requiredScope: 'read:whattowear',
        now: () => clock,
        verifiedTokenCacheSize: 0,
        jwks: { shipped, timeoutMs: 1000, onEvent: (e) => events.push(e) },
      });
    const shippedAt = (fetchedAt: number, keys = issuer.jwks().keys): ShippedKeySet => ({
      keys: keys as unknown as ShippedKeySet['keys'],
      fetchedAt,
    });
    /** Lets the background refresh run to its end (its fetch told, or failed). */
    const settle = async () => {
      for (let i = 0; i < 200 && events.length === 0; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };

    it('verifies a fresh process’s first token without a key-set call while the set is fresh', async () => {
      // Nothing is served: a call would fail, and the token would be refused.
      const verify = verifierWith(shippedAt(TEST_NOW - 9 * MINUTE));
      expect((await verify(issuer.mint())).subject).to.equal('auth0|test-user');
      expect((await verify(issuer.mint({ kid: undefined }))).subject).to.equal('auth0|test-user');
      expect(events).to.deep.equal([]);
    });

    it('answers a token that names no kid from a shipped set of one key', async () => {
      const verify = verifierWith(shippedAt(TEST_NOW - MINUTE));
      const token = issuer.mint({}, { header: { kid: undefined } });
      expect((await verify(token)).subject).to.equal('auth0|test-user');
    });

    it('refreshes a stale shipped set in the background, still answering meanwhile', async () => {
      const served = issuer.serveJwks();
      const verify = verifierWith(shippedAt(TEST_NOW - 11 * MINUTE));
      expect((await verify(issuer.mint())).subject).to.equal('auth0|test-user');
      await settle();
      expect(served.requests).to.equal(1);
      expect(events.map((e) => e.type)).to.deep.equal(['fetched']);
      await verify(issuer.mint({ sub: 'again' }));
      expect(served.requests, 'fresh again: no second call').to.equal(1);
    });

    it('stops verifying a shipped key the tenant no longer publishes, once the set is refreshed', async () => {
      const rotated = new SkillTestIssuer(issuer.issuer, issuer.audience, TEST_NOW, [
        sharedTestKey('key-2'),
      ]);
      const served = rotated.serveJwks();
      const verify = verifierWith(shippedAt(TEST_NOW - 11 * MINUTE));
      await verify(issuer.mint()); // the stale shipped key, while the refresh runs
      await settle();
      expect(served.requests).to.equal(1);
      await expectRejection(
        verify(issuer.mint()),
        TokenSignatureError,
        'ERR_TOKEN_SIGNATURE',
        'unknown-kid',
      );
      expect((await verify(rotated.mint())).subject).to.equal('auth0|test-user');
    });

    it('fetches at once a kid the shipped set does not hold (rotation)', async () => {
      const rotated = new SkillTestIssuer(issuer.issuer, issuer.audience, TEST_NOW, [
        sharedTestKey('key-2'),
        sharedTestKey('key-1'),
      ]);
      const served = rotated.serveJwks();
      const verify = verifierWith(shippedAt(TEST_NOW - MINUTE));
      expect((await verify(rotated.mint())).subject).to.equal('auth0|test-user');
      expect(served.requests).to.equal(1);
    });

    it('does not use a shipped set older than its freshness and the outage grace', async () => {
      issuer.serveJwks(() => [503, 'down']);
      const verify = verifierWith(shippedAt(TEST_NOW - 13 * 60 * MINUTE));
      await expectRejection(
        verify(issuer.mint()),
        KeySetUnavailableError,
        'ERR_KEY_SET_UNAVAILABLE',
        'key-set-unavailable',
      );
    });
  });
});
