/**
 * An Alexa API outage costs one call, not one per request (`lambda/alexa/alexa-api.ts`): a
 * timeout, no connection or a 5xx is remembered for `failureTtlMs` under the cache's own key
 * (Settings per device, the address per Alexa account and device); a refusal or any other
 * failure is never remembered.
 */
import { expect } from 'chai';
import {
  AlexaApiUnavailableError,
  AlexaPermissionError,
  createAlexaApi,
  type AlexaApiAccess,
} from '../../lambda/alexa/index.js';
import { expectRejection } from '../harness/assertions.js';

const ACCESS: AlexaApiAccess = {
  apiEndpoint: 'https://api.amazonalexa.com',
  apiAccessToken: 'api-token',
  deviceId: 'device-1',
  userId: 'user-1',
};

type Outcome = 'timeout' | 'unreachable' | number | 'ok';

function world(failureTtlMs?: number) {
  let clock = Date.UTC(2026, 11, 2, 12);
  let next: Outcome = 'ok';
  const calls: string[] = [];
  const fetch = ((url: URL) => {
    calls.push(url.pathname);
    const outcome = next;
    if (outcome === 'timeout') {
      return Promise.reject(new DOMException('The operation timed out', 'TimeoutError'));
    }
    if (outcome === 'unreachable') return Promise.reject(new TypeError('fetch failed'));
    if (outcome !== 'ok') return Promise.resolve(new Response('oops', { status: outcome }));
    const body = url.pathname.endsWith('System.timeZone')
      ? '"Europe/Paris"'
      : url.pathname.endsWith('System.temperatureUnit')
        ? '"CELSIUS"'
        : '{"countryCode":"FR","postalCode":"75001"}';
    return Promise.resolve(new Response(body, { headers: { 'content-type': 'application/json' } }));
  }) as typeof globalThis.fetch;
  const api = createAlexaApi({
    fetch,
    now: () => clock,
    timeoutMs: 200,
    ...(failureTtlMs === undefined ? {} : { failureTtlMs }),
  });
  return {
    api,
    calls,
    fail: (outcome: Outcome) => {
      next = outcome;
    },
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

describe('Alexa APIs: outages are remembered briefly', () => {
  for (const outcome of ['timeout', 'unreachable', 500, 503] as const) {
    it(`remembers ${String(outcome)} for 30 s by default, then asks again`, async () => {
      const w = world();
      w.fail(outcome);
      const first = await expectRejection(
        w.api.timeZone(ACCESS),
        AlexaApiUnavailableError,
        'ERR_ALEXA_API',
      );
      expect(first.outage).to.equal(true);
      w.fail('ok');
      w.advance(29_999);
      const again = await expectRejection(
        w.api.timeZone(ACCESS),
        AlexaApiUnavailableError,
        'ERR_ALEXA_API',
      );
      expect(again).to.equal(first);
      expect(w.calls).to.have.length(1);
      w.advance(1);
      expect(await w.api.timeZone(ACCESS)).to.equal('Europe/Paris');
      expect(w.calls).to.have.length(2);
    });
  }

  it('never remembers a refusal, a 4xx or an answer of the wrong shape', async () => {
    for (const outcome of [403, 401, 404, 429] as const) {
      const w = world();
      w.fail(outcome);
      const error = await w.api.postalAddress(ACCESS).catch((e: unknown) => e);
      if (outcome === 403 || outcome === 401) expect(error).to.be.instanceOf(AlexaPermissionError);
      else expect((error as AlexaApiUnavailableError).outage).to.equal(false);
      w.fail('ok');
      expect(await w.api.postalAddress(ACCESS), String(outcome)).to.deep.equal({
        countryCode: 'FR',
        postalCode: '75001',
      });
      expect(w.calls).to.have.length(2);
    }
  });

  it('remembers a Settings outage per device, and an address outage per account and device', async () => {
    const w = world();
    w.fail(503);
    await expectRejection(w.api.temperatureUnit(ACCESS), AlexaApiUnavailableError, 'ERR_ALEXA_API');
    await expectRejection(w.api.postalAddress(ACCESS), AlexaApiUnavailableError, 'ERR_ALEXA_API');
    w.fail('ok');
    // Another device asks again; another account on the same device shares its Settings but not its address.
    expect(await w.api.temperatureUnit({ ...ACCESS, deviceId: 'device-2' })).to.equal('CELSIUS');
    await expectRejection(
      w.api.temperatureUnit({ ...ACCESS, userId: 'user-2' }),
      AlexaApiUnavailableError,
      'ERR_ALEXA_API',
    );
    expect((await w.api.postalAddress({ ...ACCESS, userId: 'user-2' })).postalCode).to.equal(
      '75001',
    );
    // The time zone is its own call, with its own memory.
    expect(await w.api.timeZone(ACCESS)).to.equal('Europe/Paris');
    expect(w.calls).to.have.length(5);
  });

  it('remembers nothing with failureTtlMs 0, and for as long as asked otherwise', async () => {
    const off = world(0);
    off.fail(500);
    await expectRejection(off.api.timeZone(ACCESS), AlexaApiUnavailableError, 'ERR_ALEXA_API');
    off.fail('ok');
    expect(await off.api.timeZone(ACCESS)).to.equal('Europe/Paris');
    const long = world(120_000);
    long.fail('timeout');
    await expectRejection(long.api.timeZone(ACCESS), AlexaApiUnavailableError, 'ERR_ALEXA_API');
    long.fail('ok');
    long.advance(119_999);
    await expectRejection(long.api.timeZone(ACCESS), AlexaApiUnavailableError, 'ERR_ALEXA_API');
    expect(long.calls).to.have.length(1);
  });
});
