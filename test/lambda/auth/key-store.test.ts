/**
 * The key store's rules (`lambda/auth/key-store.ts`), each on its own: what it fetches, when, and
 * which keys it hands out. The issuer's key set is served by a fetch stand-in that counts calls;
 * the clock is injected. Every test states one rule and makes only that rule decide.
 */
import type { KeyObject } from 'node:crypto';
import { expect } from 'chai';
import { KeySetUnavailableError, TokenSignatureError } from '../../../lambda/auth/errors.js';
import { createKeyStore, type KeySetEvent } from '../../../lambda/auth/key-store.js';
import { sharedTestKey } from 'alexa-skill-harness';

const A = sharedTestKey('key-a');
const B = sharedTestKey('key-b');
const MINUTE = 60_000;
const CACHE = 10 * MINUTE;
const GRACE = 60 * MINUTE;
const RECENT = MINUTE;
const RETRY = 30_000;

type Served = Record<string, unknown>[] | 'down';

function world(initial: Served) {
  let served: Served = initial;
  let clock = Date.UTC(2026, 10, 25, 12);
  let fetches = 0;
  const events: KeySetEvent[] = [];
  const lookup = createKeyStore({
    jwksUri: 'https://tenant.test.example/.well-known/jwks.json',
    timeoutMs: 1000,
    maxBytes: 65_536,
    requestsPerMinute: 10,
    cacheMaxAgeMs: CACHE,
    outageGraceMs: GRACE,
    recentFetchWindowMs: RECENT,
    retryAfterFailureMs: RETRY,
    now: () => clock,
    fetch: () => {
      fetches += 1;
      return Promise.resolve(
        served === 'down' ? new Response('', { status: 503 }) : Response.json({ keys: served }),
      );
    },
    onEvent: (event) => events.push(event),
  });
  return {
    lookup,
    events,
    serve: (next: Served) => {
      served = next;
    },
    advance: (ms: number) => {
      clock += ms;
    },
    fetches: () => fetches,
  };
}

async function refusal(promise: Promise<unknown>): Promise<Error & { reason?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { reason?: string };
  }
  throw new Error('expected a refusal');
}

const isKeyOf = (key: KeyObject, of: typeof A) =>
  key.export({ format: 'jwk' }).n === (of.jwk['n'] as string);

describe('key store', () => {
  it('imports a key once and serves it without I/O while the set is younger than cacheMaxAgeMs', async () => {
    // (Past that, jwks-rsa's own cache decides, on the real clock: see the outage test.)
    const w = world([A.jwk]);
    const first = await w.lookup('key-a');
    expect(isKeyOf(first, A)).to.equal(true);
    w.advance(CACHE - 1);
    expect(await w.lookup('key-a')).to.equal(first);
    expect(w.fetches()).to.equal(1);
    expect(w.events.filter((e) => e.type === 'stale-key-served')).to.deep.equal([]);
    w.advance(1);
    await w.lookup('key-a');
    expect(w.events.filter((e) => e.type === 'stale-key-served')).to.have.length(1);
  });

  it('reports each fetch with the kids it brought, leaving out keys without one', async () => {
    const w = world([A.jwk, { ...B.jwk, kid: undefined }]);
    await w.lookup('key-a');
    expect(w.events).to.deep.equal([{ type: 'fetched', kids: ['key-a'] }]);
  });

  it('drops a key as soon as a newer set no longer holds it, well before it is stale', async () => {
    const w = world([A.jwk]);
    await w.lookup('key-a');
    w.advance(RECENT + 1); // the set is no longer recent, the key is still fresh (10 min)
    w.serve([B.jwk]);
    await w.lookup('key-b'); // an unknown kid: one fetch, which brings a set without key-a
    expect(w.fetches()).to.equal(2);
    const error = await refusal(w.lookup('key-a'));
    expect(error).to.be.instanceOf(TokenSignatureError);
    expect(error.reason).to.equal('unknown-kid');
    expect(w.fetches()).to.equal(2);
  });

  it('never hands out an encryption key, from the fetch or from the recent set', async () => {
    const w = world([A.jwk, { ...B.jwk, kid: 'enc', use: 'enc' }]);
    for (let i = 0; i < 2; i += 1) {
      const error = await refusal(w.lookup('enc'));
      expect(error, `lookup ${i + 1}`).to.be.instanceOf(TokenSignatureError);
      expect(error.reason).to.equal('unknown-kid');
    }
    // key-a comes from the same set without another fetch.
    expect(isKeyOf(await w.lookup('key-a'), A)).to.equal(true);
    expect(w.fetches()).to.equal(1);
  });

  it('knows a kid absent from a set fetched within the recent window as unknown, without fetching', async () => {
    const w = world([A.jwk]);
    await w.lookup('key-a');
    w.advance(RECENT - 1);
    expect((await refusal(w.lookup('nope'))).reason).to.equal('unknown-kid');
    expect(w.fetches()).to.equal(1);
    w.advance(1);
    expect((await refusal(w.lookup('nope'))).reason).to.equal('unknown-kid');
    expect(w.fetches()).to.equal(2);
  });

  it('serves a token without kid only from a set of exactly one key', async () => {
    const one = world([A.jwk]);
    expect(isKeyOf(await one.lookup(undefined), A)).to.equal(true);
    // A kid that spells the no-kid slot's name is not that slot.
    expect((await refusal(one.lookup('none'))).reason).to.equal('unknown-kid');
    const two = world([A.jwk, B.jwk]);
    await two.lookup('key-a');
    const error = await refusal(two.lookup(undefined));
    expect(error).to.be.instanceOf(TokenSignatureError);
    expect(error.reason).to.equal('no-kid');
    expect(two.fetches()).to.equal(1);
  });

  it('after a failed fetch, tries again only once retryAfterFailureMs has passed', async () => {
    const w = world('down');
    expect(await refusal(w.lookup('key-a'))).to.be.instanceOf(KeySetUnavailableError);
    expect(w.fetches()).to.equal(1);
    w.serve([A.jwk]);
    w.advance(RETRY - 1);
    expect(await refusal(w.lookup('key-a'))).to.be.instanceOf(KeySetUnavailableError);
    expect(w.fetches()).to.equal(1);
    w.advance(1);
    expect(isKeyOf(await w.lookup('key-a'), A)).to.equal(true);
    expect(w.fetches()).to.equal(2);
  });

  it('keeps serving a held key through an outage until cacheMaxAgeMs + outageGraceMs, then refuses', async () => {
    const w = world([A.jwk]);
    const key = await w.lookup('key-a');
    w.serve('down');
    w.advance(CACHE); // stale: asks again, fails, serves the held key
    expect(await w.lookup('key-a')).to.equal(key);
    expect(w.events.some((e) => e.type === 'stale-key-served')).to.equal(true);
    const fetched = w.fetches();
    // Within the retry interval the held key is served without asking again.
    w.advance(RETRY - 1);
    expect(await w.lookup('key-a')).to.equal(key);
    expect(w.fetches()).to.equal(fetched);
    w.advance(CACHE + GRACE - (CACHE + RETRY - 1) - 1); // 1 ms before the grace ends
    expect(await w.lookup('key-a')).to.equal(key);
    w.advance(1 + RETRY);
    const error = await refusal(w.lookup('key-a'));
    expect(error).to.be.instanceOf(KeySetUnavailableError);
    expect(error.reason).to.equal('key-set-unavailable');
  });

  it('answers concurrent lookups of one kid with one fetch', async () => {
    const w = world([A.jwk]);
    const keys = await Promise.all([w.lookup('key-a'), w.lookup('key-a'), w.lookup('key-a')]);
    expect(new Set(keys).size).to.equal(1);
    expect(w.fetches()).to.equal(1);
  });

  it('imports a second key of the set it just fetched without fetching again, and holds it', async () => {
    const w = world([A.jwk, B.jwk]);
    await w.lookup('key-a');
    const b = await w.lookup('key-b');
    expect(isKeyOf(b, B)).to.equal(true);
    w.advance(RECENT + 1); // past the recent window, still within cacheMaxAgeMs of the fetch
    expect(await w.lookup('key-b')).to.equal(b);
    expect(w.fetches()).to.equal(1);
  });
});

describe('key store: the rules that only show over time', () => {
  it('keeps a key without kid across a newer fetch of the same set (its slot is not a kid)', async () => {
    const noKid = { ...A.jwk, kid: undefined };
    const w = world([noKid]);
    const key = await w.lookup(undefined);
    w.advance(RECENT + 1);
    expect((await refusal(w.lookup('other'))).reason).to.equal('unknown-kid');
    expect(w.fetches()).to.equal(2);
    expect(await w.lookup(undefined)).to.equal(key);
  });

  it('serves a token without kid from a recent one-key set whose key has a kid', async () => {
    const w = world([A.jwk]);
    const key = await w.lookup('key-a');
    // Not known absent: jwks-rsa is asked (it takes the set's only key), not refused outright.
    expect(isKeyOf(await w.lookup(undefined), A)).to.equal(true);
    expect(await w.lookup('key-a')).to.equal(key);
  });

  it('keeps the very key object it holds when a newer set still publishes it', async () => {
    const w = world([A.jwk]);
    const key = await w.lookup('key-a');
    w.advance(RECENT + 1);
    w.serve([A.jwk, B.jwk]);
    await w.lookup('key-b'); // one fetch of a set that still holds key-a
    expect(await w.lookup('key-a')).to.equal(key);
    expect(w.fetches()).to.equal(2);
  });

  it('keeps refusing a dropped key once the set that dropped it is no longer recent', async () => {
    const w = world([A.jwk]);
    await w.lookup('key-a');
    w.advance(RECENT + 1);
    w.serve([B.jwk]);
    await w.lookup('key-b');
    w.advance(RECENT + 1); // jwks-rsa may still hold key-a in its own cache: it stays dropped
    const error = await refusal(w.lookup('key-a'));
    expect(error).to.be.instanceOf(TokenSignatureError);
    expect(error.reason).to.equal('unknown-kid');
  });

  it('takes the first of two keys sharing a kid from the recent set too', async () => {
    const w = world([B.jwk, A.jwk, { ...B.jwk, kid: 'key-a' }]);
    await w.lookup('key-b');
    expect(isKeyOf(await w.lookup('key-a'), A)).to.equal(true);
    expect(w.fetches()).to.equal(1);
  });

  it('keeps the cause of an unknown kid learnt from jwks-rsa, and of an unavailable set', async () => {
    const w = world([A.jwk, B.jwk]);
    await w.lookup('key-a');
    w.advance(RECENT + 1);
    const unknown = await refusal(w.lookup('nope'));
    expect(unknown.reason).to.equal('unknown-kid');
    expect(unknown.cause).to.be.instanceOf(Error);
    expect((unknown.cause as Error).name).to.equal('SigningKeyNotFoundError');
    w.advance(RECENT + 1);
    const noKid = await refusal(w.lookup(undefined));
    expect(noKid.reason).to.equal('no-kid');
    const down = world('down');
    const unavailable = await refusal(down.lookup('key-a'));
    expect(unavailable.reason).to.equal('key-set-unavailable');
    expect(unavailable.cause).to.be.instanceOf(Error);
  });

  it('serves a key it imported from the recent set through an outage too', async () => {
    const w = world([A.jwk, B.jwk]);
    await w.lookup('key-a');
    const b = await w.lookup('key-b'); // from the recent set
    w.serve('down');
    w.advance(CACHE + 1);
    expect(await w.lookup('key-b')).to.equal(b);
  });

  it('ends the outage grace exactly at cacheMaxAgeMs + outageGraceMs after the fetch', async () => {
    const w = world([A.jwk]);
    const key = await w.lookup('key-a');
    w.serve('down');
    w.advance(CACHE);
    expect(await w.lookup('key-a')).to.equal(key);
    const stale = w.events.filter((e) => e.type === 'stale-key-served').length;
    // Within the retry interval the held key is served as it is: no new attempt, no new event.
    w.advance(RETRY - 1);
    expect(await w.lookup('key-a')).to.equal(key);
    expect(w.events.filter((e) => e.type === 'stale-key-served')).to.have.length(stale);
    w.advance(GRACE - 2 * RETRY + 1); // the grace's end less one retry interval
    expect(await w.lookup('key-a')).to.equal(key);
    w.advance(RETRY); // exactly the end
    const error = await refusal(w.lookup('key-a'));
    expect(error).to.be.instanceOf(KeySetUnavailableError);
  });

  it("lets jwks-rsa's rate limit stop a flood of unknown kids, and counts it as a failed fetch", async () => {
    const w = world([A.jwk]);
    for (let i = 0; i < 14; i += 1) {
      w.advance(Math.max(RECENT, RETRY) + 1);
      await refusal(w.lookup(`random-${i}`));
    }
    expect(w.fetches()).to.be.at.most(10);
    const failures = w.events.filter((e) => e.type === 'fetch-failed');
    expect(failures.length).to.be.at.least(1);
    expect((failures[0] as { error: Error }).error.name).to.equal('JwksRateLimitError');
  });
});
