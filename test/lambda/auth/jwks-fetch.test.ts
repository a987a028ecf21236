/**
 * The key-set fetch jwks-rsa calls (`lambda/auth/jwks-fetch.ts`): status, redirects, size, body,
 * and which keys may sign. A fetch stand-in answers with real `Response` objects, as Node's
 * fetch does (a redirect is not followed: `redirect: 'manual'`).
 */
import { expect } from 'chai';
import {
  bitLength,
  fetchKeySet,
  KeySetFetchError,
  usableKeys,
} from '../../../lambda/auth/jwks-fetch.js';
import { sharedTestKey } from 'alexa-skill-harness';

const URI = 'https://tenant.test.example/.well-known/jwks.json';
const GOOD = sharedTestKey('good').jwk;
const SET = { keys: [GOOD] };

interface Seen {
  url: string;
  init: RequestInit | undefined;
}

function fetching(answer: () => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const fetch = ((url: string, init?: RequestInit) => {
    seen.push({ url, init });
    return Promise.resolve(answer());
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

async function refused(
  answer: () => Response | Promise<Response>,
  maxBytes = 65_536,
): Promise<string> {
  const { fetch } = fetching(answer);
  try {
    await fetchKeySet(URI, { fetch, timeoutMs: 1000, maxBytes });
  } catch (error) {
    expect(error).to.be.instanceOf(KeySetFetchError);
    return (error as Error).message;
  }
  throw new Error('expected the fetch to fail');
}

describe('key-set fetch', () => {
  it('fetches once, asking for JSON, following no redirect, with a deadline', async () => {
    const { fetch, seen } = fetching(() => Response.json(SET));
    const set = await fetchKeySet(URI, { fetch, timeoutMs: 1000, maxBytes: 65_536 });
    expect(set.keys).to.deep.equal([GOOD]);
    expect(seen).to.have.length(1);
    expect(seen[0]?.url).to.equal(URI);
    expect(seen[0]?.init?.redirect).to.equal('manual');
    expect(seen[0]?.init?.signal).to.be.instanceOf(AbortSignal);
    expect(seen[0]?.init?.headers).to.deep.equal({ accept: 'application/json' });
  });

  it('refuses any answer outside 2xx even when it carries a good key set', async () => {
    for (const status of [199, 300, 301, 302, 304, 404, 500, 503]) {
      const message = await refused(() =>
        status === 199
          ? ({ status, body: null, headers: new Headers() } as unknown as Response)
          : new Response(status === 304 ? null : JSON.stringify(SET), {
              status,
              headers: { location: 'https://attacker.example/jwks.json' },
            }),
      );
      expect(message, String(status)).to.equal(`The key set answered HTTP ${status}`);
    }
    expect(
      (
        await fetchKeySet(URI, {
          fetch: fetching(() => new Response(JSON.stringify(SET), { status: 203 })).fetch,
          timeoutMs: 1000,
          maxBytes: 65_536,
        })
      ).keys,
    ).to.have.length(1);
    expect(
      (
        await fetchKeySet(URI, {
          fetch: fetching(() => new Response(JSON.stringify(SET), { status: 299 })).fetch,
          timeoutMs: 1000,
          maxBytes: 65_536,
        })
      ).keys,
    ).to.have.length(1);
  });

  it('says when the fetch itself failed, and when it ran out of time', async () => {
    const down = (() => Promise.reject(new TypeError('fetch failed'))) as typeof fetch;
    try {
      await fetchKeySet(URI, { fetch: down, timeoutMs: 1000, maxBytes: 65_536 });
      expect.fail('resolved');
    } catch (error) {
      expect(error).to.be.instanceOf(KeySetFetchError);
      expect((error as Error).message).to.equal('The key set could not be fetched');
      expect((error as Error).cause).to.be.instanceOf(TypeError);
    }
    const hanging = ((_url: string, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => {
          reject(new Error('aborted', { cause: init.signal?.reason }));
        });
      })) as typeof fetch;
    try {
      await fetchKeySet(URI, { fetch: hanging, timeoutMs: 30, maxBytes: 65_536 });
      expect.fail('resolved');
    } catch (error) {
      expect((error as Error).message).to.equal('The key set did not answer within 30 ms');
    }
  });

  it('refuses a body that is not JSON, keeping the cause', async () => {
    const { fetch } = fetching(() => new Response('<html>', { status: 200 }));
    try {
      await fetchKeySet(URI, { fetch, timeoutMs: 1000, maxBytes: 65_536 });
      expect.fail('resolved');
    } catch (error) {
      expect((error as Error).message).to.equal('The key set is not JSON');
      expect((error as Error).cause).to.be.instanceOf(SyntaxError);
    }
  });

  it('refuses a body over the cap, declared or streamed, and accepts one exactly at it', async () => {
    const text = JSON.stringify(SET);
    const size = Buffer.byteLength(text);
    expect(
      await refused(
        () => new Response(text, { headers: { 'content-length': String(size) } }),
        size - 1,
      ),
    ).to.equal(`The key set is larger than ${size - 1} bytes`);
    // No content-length: the cap is enforced while it streams.
    const streamed = () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(text));
            controller.close();
          },
        }),
      );
    expect(await refused(streamed, size - 1)).to.equal(
      `The key set is larger than ${size - 1} bytes`,
    );
    const { fetch } = fetching(streamed);
    expect(
      (await fetchKeySet(URI, { fetch, timeoutMs: 1000, maxBytes: size })).keys,
    ).to.have.length(1);
  });

  it('refuses a declared length over the cap before reading a byte, even with no body', async () => {
    for (const body of ['{}', null]) {
      expect(
        await refused(() => new Response(body, { headers: { 'content-length': '1000' } }), 999),
      ).to.equal('The key set is larger than 999 bytes');
    }
    // A declared length exactly at the cap is read.
    const text = JSON.stringify(SET);
    const size = Buffer.byteLength(text);
    const { fetch } = fetching(
      () => new Response(text, { headers: { 'content-length': String(size) } }),
    );
    expect(
      (await fetchKeySet(URI, { fetch, timeoutMs: 1000, maxBytes: size })).keys,
    ).to.have.length(1);
  });

  it('measures a modulus in bits, past leading zero bytes', () => {
    expect(bitLength('')).to.equal(0);
    expect(bitLength('AAAA')).to.equal(0);
    expect(bitLength('AQ')).to.equal(1);
    expect(bitLength('AAE')).to.equal(1);
    expect(bitLength('gA')).to.equal(8);
    expect(bitLength('AIAA')).to.equal(16);
    expect(bitLength(Buffer.from([0, 0x40, 0xff]).toString('base64url'))).to.equal(15);
  });

  it('reads an answer without a body as empty, which is not JSON', async () => {
    expect(await refused(() => new Response(null, { status: 200 }))).to.equal(
      'The key set is not JSON',
    );
  });

  it('refuses a set with no usable key', async () => {
    expect(await refused(() => Response.json({ keys: [] }))).to.equal(
      'The key set holds no RSA signing key',
    );
    expect(await refused(() => Response.json({ keys: [{ ...GOOD, use: 'enc' }] }))).to.equal(
      'The key set holds no RSA signing key',
    );
  });

  describe('usableKeys', () => {
    it('refuses a document without a keys array', () => {
      for (const body of [null, 'keys', 7, [], {}, { keys: {} }, { keys: 'x' }]) {
        expect(() => usableKeys(body), JSON.stringify(body)).to.throw(
          KeySetFetchError,
          'no "keys" array',
        );
      }
    });

    it('keeps only RSA public keys that may sign RS256, of 2048 bits or more, with a usable kid', () => {
      const weak = { ...GOOD, n: Buffer.alloc(128, 0xff).toString('base64url') }; // 1024 bits
      const leadingZeros = {
        ...GOOD,
        n: Buffer.concat([Buffer.alloc(3), Buffer.alloc(255, 0xff)]).toString('base64url'),
      }; // 2040 bits
      const exactly2048 = {
        ...GOOD,
        n: Buffer.concat([Buffer.alloc(2), Buffer.from([0x80]), Buffer.alloc(255, 0xff)]).toString(
          'base64url',
        ),
      };
      const just2047 = {
        ...GOOD,
        n: Buffer.concat([Buffer.from([0x40]), Buffer.alloc(255, 0xff)]).toString('base64url'),
      };
      const cases: [string, unknown, boolean][] = [
        ['the good key', GOOD, true],
        ['no use, no alg, no kid', { kty: 'RSA', n: GOOD['n'], e: GOOD['e'] }, true],
        ['use enc', { ...GOOD, use: 'enc' }, false],
        ['use other', { ...GOOD, use: 'sig ' }, false],
        ['alg RS384', { ...GOOD, alg: 'RS384' }, false],
        ['alg PS256', { ...GOOD, alg: 'PS256' }, false],
        ['kty EC', { ...GOOD, kty: 'EC' }, false],
        ['kty oct', { kty: 'oct', k: 'c2VjcmV0' }, false],
        ['a private key (d)', { ...GOOD, d: 'AQAB' }, false],
        ['an empty kid', { ...GOOD, kid: '' }, false],
        ['a numeric kid', { ...GOOD, kid: 7 }, false],
        ['n not a string', { ...GOOD, n: 7 }, false],
        ['no n', { ...GOOD, n: undefined }, false],
        ['e not a string', { ...GOOD, e: 65537 }, false],
        ['a 1024-bit modulus', weak, false],
        ['2040 bits after leading zero bytes', leadingZeros, false],
        ['exactly 2048 bits after leading zero bytes', exactly2048, true],
        ['2047 bits', just2047, false],
        ['an empty modulus', { ...GOOD, n: '' }, false],
        ['null', null, false],
        ['a string', 'key', false],
      ];
      for (const [what, key, usable] of cases) {
        expect(usableKeys({ keys: [key] }), what).to.have.length(usable ? 1 : 0);
      }
    });
  });
});
