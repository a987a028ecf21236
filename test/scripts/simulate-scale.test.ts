import { expect } from 'chai';
import { parseSimulateArgs, simulateVariants, UsageError } from '../../scripts/simulate-scale.js';
import { allOf, fixedWindows, tokenBucket } from '../../scripts/simulate-scale/limits.js';
import {
  defaultParams,
  DYNAMODB_PRICES,
  expectedPerSecond,
  poisson,
  simulateDay,
  zipfSampler,
} from '../../scripts/simulate-scale/model.js';
import { seededRandom } from '../../lambda/weather/seeded-random.js';

const MINUTE = 60_000;

describe('npm run simulate:scale', () => {
  describe('the rate-limited stand-ins', () => {
    it('fixed windows: 600 calls a minute, then refusals, then a fresh minute', () => {
      const limit = fixedWindows([
        { limit: 600, windowMs: MINUTE },
        { limit: 5000, windowMs: 60 * MINUTE },
      ]);
      let allowed = 0;
      for (let i = 0; i < 700; i += 1) if (limit.take(i)) allowed += 1;
      expect(allowed).to.equal(600);
      expect(limit.take(MINUTE)).to.equal(true);
    });

    it('fixed windows: the hour cap binds across minutes (5,000 in an hour of 600 a minute)', () => {
      const limit = fixedWindows([
        { limit: 600, windowMs: MINUTE },
        { limit: 5000, windowMs: 60 * MINUTE },
      ]);
      let allowed = 0;
      for (let minute = 0; minute < 60; minute += 1) {
        for (let i = 0; i < 600; i += 1) if (limit.take(minute * MINUTE + i)) allowed += 1;
      }
      expect(allowed).to.equal(5000);
    });

    it('a token bucket: the burst at once, then the sustained rate', () => {
      const bucket = tokenBucket(5, 300);
      let allowed = 0;
      for (let i = 0; i < 400; i += 1) if (bucket.take(0)) allowed += 1;
      expect(allowed).to.equal(300);
      expect(bucket.take(100)).to.equal(false); // half a token refilled
      expect(bucket.take(200)).to.equal(true);
    });

    it('allOf counts a call only when every limit allows it', () => {
      const a = tokenBucket(1, 1);
      const b = tokenBucket(1, 2);
      const both = allOf(a, b);
      expect(both.take(0)).to.equal(true);
      expect(both.take(0)).to.equal(false);
      expect(b.take(0)).to.equal(true); // b was not charged for the refused call
    });
  });

  describe('the arithmetic', () => {
    it("spreads the day's requests over its seconds, summing to the daily total", () => {
      let sum = 0;
      for (let s = 0; s < 86_400; s += 1) sum += expectedPerSecond(1_500_000, s);
      expect(sum).to.be.closeTo(1_500_000, 1_500);
    });

    it('puts the peak in the morning, about 3.5 times the mean', () => {
      let peak = 0;
      let peakSecond = 0;
      for (let s = 0; s < 86_400; s += 1) {
        const v = expectedPerSecond(86_400, s);
        if (v > peak) [peak, peakSecond] = [v, s];
      }
      expect(Math.floor(peakSecond / 3600)).to.be.within(7, 8);
      expect(peak).to.be.within(3, 4);
    });

    it('draws Poisson counts with the right mean, small and large', () => {
      const random = seededRandom(3);
      for (const mean of [0.5, 8, 400]) {
        let sum = 0;
        for (let i = 0; i < 4000; i += 1) sum += poisson(mean, random);
        expect(sum / 4000, String(mean)).to.be.closeTo(mean, 4 * Math.sqrt(mean / 4000) + 0.01);
      }
    });

    it('draws places Zipf-like: the first place about 1/H(n) of the time', () => {
      const sample = zipfSampler(100, seededRandom(5));
      let first = 0;
      for (let i = 0; i < 20_000; i += 1) if (sample() === 0) first += 1;
      const harmonic = Array.from({ length: 100 }, (_, i) => 1 / (i + 1)).reduce((a, b) => a + b);
      expect(first / 20_000).to.be.closeTo(1 / harmonic, 0.01);
    });
  });

  describe('a day (2,000 users, seed 7)', () => {
    const params = { ...defaultParams(2000), seed: 7 };
    const [plain, shipped, shared, both] = simulateVariants(params);
    const results = [plain, shipped, shared, both].map((r) => {
      if (r === undefined) expect.fail('four variants');
      return r;
    });

    it('is the same for the same seed', () => {
      expect(simulateDay(params)).to.deep.equal(simulateDay(params));
    });

    it('gives every variant the same requests, about users x requests per user', () => {
      const counts = new Set(results.map((r) => r.requests));
      expect(counts.size).to.equal(1);
      expect(results[0]?.requests).to.be.closeTo(3000, 3 * Math.sqrt(3000));
    });

    it("refreshes tokens for the day's first request of each user (1 in 1.5 requests)", () => {
      const r = results[0];
      expect((r?.tokenEndpoint.calls ?? 0) + (r?.tokenEndpoint.throttled ?? 0)).to.be.closeTo(
        (r?.requests ?? 0) / 1.5,
        4 * Math.sqrt(r?.requests ?? 0),
      );
    });

    it('calls Open-Meteo no more with the shared cache, and geocodes each place at most once a day', () => {
      const upstream = (i: number) =>
        (results[i]?.geocoding.calls ?? 0) + (results[i]?.forecast.calls ?? 0);
      expect(upstream(2)).to.be.at.most(upstream(0));
      expect(results[2]?.geocoding.calls).to.be.at.most(params.places);
    });

    it('makes cold starts wait for no key-set fetch while the shipped set serves (within its grace)', () => {
      const fetched = results[0];
      const withShipped = results[1];
      // Every cold start of the fetched variant calls and waits; the shipped one refreshes in the
      // background (deployed at midnight: stale after 0:10, served until 12:10).
      expect(fetched?.keySet.calls).to.be.at.least(fetched?.coldStarts ?? 0);
      expect(withShipped?.addedLatency.meanMs).to.be.below(fetched?.addedLatency.meanMs ?? 0);
    });

    it('uses the table only with the shared cache, and prices its request units', () => {
      expect(results[0]?.table.reads).to.equal(0);
      const t = results[2]?.table;
      expect(t?.reads).to.be.above(0);
      expect(t?.costPerDay).to.be.closeTo(
        ((t?.readUnits ?? 0) * DYNAMODB_PRICES.perMillionReads +
          (t?.writeUnits ?? 0) * DYNAMODB_PRICES.perMillionWrites) /
          1e6,
        1e-12,
      );
    });

    it('throttles nothing at this size on the free tiers', () => {
      for (const r of results) {
        expect(r.failedRequests + r.lambdaThrottled, 'failed').to.equal(0);
      }
    });
  });

  it("refuses Open-Meteo calls beyond the free tier's 10,000 a day, and fails those requests", () => {
    const r = simulateDay({ ...defaultParams(20_000), sharedCache: false, places: 2000 });
    expect(r.geocoding.calls + r.forecast.calls).to.equal(10_000);
    expect(r.geocoding.throttled + r.forecast.throttled).to.be.above(0);
    expect(r.failedRequests).to.be.above(0);
  });

  it("refuses refreshes beyond the proxy's reserved concurrency, and none without one", () => {
    const base = { ...defaultParams(20_000), auth0Plan: 'enterprise' as const };
    const capped = simulateDay({ ...base, proxyReservedConcurrency: 1 });
    const open = simulateDay({ ...base, proxyReservedConcurrency: 0 });
    expect(capped.proxyThrottled).to.be.above(0);
    expect(capped.peakProxyConcurrency).to.equal(1);
    expect(open.proxyThrottled).to.equal(0);
    expect(open.tokenEndpoint.calls).to.equal(capped.tokenEndpoint.calls + capped.proxyThrottled);
  });

  it('with the key set shipped at the morning ramp: cold starts wait for no fetch, and call no more', () => {
    // Deployed at 7:00: fresh until 7:10 (no call), then refreshed in the background until 19:10.
    const base = { ...defaultParams(50_000), seed: 3, shippedKeySetAt: 7 * 3_600_000 };
    const fetched = simulateDay({ ...base, shippedKeySet: false });
    const shipped = simulateDay({ ...base, shippedKeySet: true });
    expect(shipped.requests).to.equal(fetched.requests);
    expect(shipped.addedLatency.meanMs).to.be.below(fetched.addedLatency.meanMs);
    expect(shipped.keySet.calls).to.be.at.most(fetched.keySet.calls);
  });

  describe('its command line', () => {
    it('takes users, plans and a seed', () => {
      const { params } = parseSimulateArgs([
        '--users',
        '10000',
        '--auth0-plan',
        'enterprise',
        '--open-meteo',
        'paid',
        '--seed',
        '9',
      ]);
      expect(params).to.deep.include({
        users: 10_000,
        auth0Plan: 'enterprise',
        openMeteoFreeTier: false,
        seed: 9,
        places: 400,
      });
    });

    for (const argv of [
      ['--users', '0'],
      ['--users', 'many'],
      ['--auth0-plan', 'gold'],
      ['--open-meteo', 'cheap'],
      ['--requests-per-user', '0.5'],
      ['--frobnicate'],
      ['extra'],
    ]) {
      it(`refuses ${argv.join(' ')} with a usage error`, () => {
        expect(() => parseSimulateArgs(argv)).to.throw(UsageError);
      });
    }
  });
});
