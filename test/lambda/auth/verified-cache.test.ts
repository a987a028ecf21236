/** The cache of verified tokens (`lambda/auth/verified-cache.ts`): keys, expiry and its bound. */
import { createPublicKey } from 'node:crypto';
import { expect } from 'chai';
import { createVerifiedTokenCache } from '../../../lambda/auth/verified-cache.js';
import { sharedTestKey } from 'alexa-skill-harness';

const key = createPublicKey(
  sharedTestKey('cache').publicKey.export({ format: 'pem', type: 'spki' }),
);
const entry = (expiresAtMs: number) => ({
  result: { subject: 'u', scopes: [], expiresAt: new Date(expiresAtMs) },
  kid: 'k',
  key,
});

describe('verified-token cache', () => {
  it('keys a token by the SHA-256 of the whole token, never the token itself', () => {
    const cache = createVerifiedTokenCache(4);
    const id = cache.idOf('a.b.c');
    expect(id).to.equal('hF4wRIgJ4ryJWOsCW/x5UjXROwd6U9DDq70jhRcNybg=');
    expect(id).not.to.include('a.b.c');
    expect(cache.idOf('a.b.d')).not.to.equal(id);
  });

  it('answers until the token expires, then forgets it', () => {
    const cache = createVerifiedTokenCache(4);
    cache.set('x', entry(1000));
    expect(cache.get('x', 999)?.kid).to.equal('k');
    expect(cache.get('x', 1000)).to.equal(undefined);
    // Forgotten, not only hidden: an earlier clock does not bring it back.
    expect(cache.get('x', 0)).to.equal(undefined);
    expect(cache.get('never-set', 0)).to.equal(undefined);
  });

  it('keeps at most maxEntries, forgetting the least recently set first', () => {
    const cache = createVerifiedTokenCache(2);
    const [a, b, c] = [entry(10_000), entry(10_000), entry(10_000)];
    cache.set('a', entry(10_000));
    cache.set('b', b);
    cache.set('a', a); // set again: now the newest
    cache.set('c', c);
    expect(cache.get('b', 0)).to.equal(undefined);
    expect(cache.get('a', 0)).to.equal(a);
    expect(cache.get('c', 0)).to.equal(c);
  });
});
