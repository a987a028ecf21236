/**
 * A day of the skill's traffic in virtual time: requests arrive (Poisson, on a day's curve),
 * Lambda runs each on an idle instance or starts one cold (within the account's concurrency and
 * the function's scaling rate), and each instance calls the shared services the way the skill
 * does: the key set at a cold start (unless the deployment shipped it) and every 10 minutes after,
 * Open-Meteo's geocoding and forecast on a miss of its own caches (and of the shared table, when
 * there is one), and Alexa calls the token proxy to refresh a user's expired token before the
 * day's first request. Every service is a rate-limited stand-in (./limits.ts); a refused call is
 * counted, and the request it served fails. Deterministic for a seed.
 *
 * Every figure this takes is a parameter with its source or its assumption (see DEFAULTS and
 * docs/SCALE.md).
 */
import { seededRandom } from '../../lambda/weather/seeded-random.js';
import { allOf, fixedWindows, tokenBucket, unlimited, type Limiter } from './limits.js';
import { ExpiringLru } from './lru.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Auth0's Authentication API limits by plan (Auth0 docs, "Rate Limit Configurations", 2026). */
export type Auth0Plan = 'free' | 'essentials' | 'enterprise';

/** What the simulation takes. */
export interface SimulationParams {
  /** Users who ask the skill on the day. */
  readonly users: number;
  /** Skill requests per user and day (assumption: 1.5, a launch then a question for half of them). */
  readonly requestsPerUser: number;
  /** Seed of every random draw. */
  readonly seed: number;
  /** Distinct places asked (postal codes and cities), Zipf-distributed. Default: users / 25, 100 to 40,000. */
  readonly places: number;
  /** With the shared weather cache (`WEATHER_CACHE_TABLE`). */
  readonly sharedCache: boolean;
  /**
   * With the key set shipped beside the bundle (`jwks.json`, fetched at deploy time): a cold
   * start uses it without a call while it is fresh (10 minutes after the deploy), and while stale
   * (up to the 12-hour outage grace) uses it still, fetching the set again in the background.
   */
  readonly shippedKeySet: boolean;
  /** When the shipped set was fetched (the deploy), ms from the simulated day's midnight. */
  readonly shippedKeySetAt: number;
  readonly auth0Plan: Auth0Plan;
  /** With Open-Meteo's free-tier limits (600/min, 5,000/h, 10,000/day per IP); false: a paid plan. */
  readonly openMeteoFreeTier: boolean;
  /** The account's Lambda concurrency quota (default 1,000; new accounts may have less). */
  readonly accountConcurrency: number;
  /**
   * The proxy's reserved concurrency (`ProxyReservedConcurrency`: the deploy sets 10 when the
   * account's quota allows): also its ceiling; a refresh beyond it is refused by Lambda (429).
   * 0: no reservation (the account's quota bounds it).
   */
  readonly proxyReservedConcurrency: number;
}

/** Latencies and lifetimes (assumptions, see docs/SCALE.md), in milliseconds. */
export const TIMINGS = {
  /** A warm request's own work, the Settings API call included. */
  baseMs: 60,
  /** A cold start's init (bundle load, config), on the first request of an instance. */
  coldStartMs: 350,
  /** One Open-Meteo call. */
  openMeteoMs: 150,
  /** One key-set fetch from Auth0. */
  keySetMs: 120,
  /** One refresh at the proxy: Auth0's token endpoint and the proxy's own work. */
  tokenMs: 250,
  /** One table call (GetItem or PutItem) in the same region. */
  tableMs: 6,
  /** An idle instance is reclaimed after this (AWS publishes no figure; observed 5 to 15 minutes). */
  instanceIdleMs: 10 * MINUTE,
  /** The skill's caches: the key set is refetched after 10 minutes, forecasts after 20, places after 24 h. */
  keySetMaxAgeMs: 10 * MINUTE,
  /** After a failed key-set fetch, the verifier waits this long before the next. */
  keySetRetryMs: 30 * SECOND,
  /** How long past its 10 minutes a held key keeps serving while the set cannot be fetched. */
  keySetOutageGraceMs: 12 * HOUR,
  forecastTtlMs: 20 * MINUTE,
  geocodingTtlMs: DAY,
  maxForecasts: 200,
  maxPlaces: 1000,
} as const;

/** Request units of the table's item operations (DynamoDB: reads per 4 KB, writes per 1 KB). */
export const TABLE_UNITS = {
  /** An eventually consistent read of a place item (< 1 KB): half a read unit. */
  placeRead: 0.5,
  /** An eventually consistent read of a forecast item (about 5 KB): 2 x 0.5. */
  forecastRead: 1,
  placeWrite: 1,
  /** A forecast item of about 5 KB. */
  forecastWrite: 5,
  /** The lease (a small conditional PutItem). */
  leaseWrite: 1,
} as const;

/** DynamoDB on-demand prices, us-east-1, US dollars per million request units (AWS, after Nov 2024). */
export const DYNAMODB_PRICES = { perMillionReads: 0.125, perMillionWrites: 0.625 } as const;

/** The defaults of every parameter but `users`. */
export function defaultParams(users: number): SimulationParams {
  return {
    users,
    requestsPerUser: 1.5,
    seed: 1,
    places: Math.min(40_000, Math.max(100, Math.round(users / 25))),
    sharedCache: true,
    shippedKeySet: true,
    shippedKeySetAt: 0,
    auth0Plan: 'free',
    openMeteoFreeTier: true,
    accountConcurrency: 1000,
    proxyReservedConcurrency: 10,
  };
}

/** Calls to one service in the day. */
export interface ServiceCalls {
  /** Calls made (allowed by the limit). */
  calls: number;
  /** Calls refused by the limit. */
  throttled: number;
  /** The most calls in any one second. */
  peakPerSecond: number;
}

/** What one simulated day gives. */
export interface SimulationResult {
  readonly params: SimulationParams;
  requests: number;
  /** The most requests arriving in any one second. */
  peakRps: number;
  /** The most requests running at once (instances busy). */
  peakConcurrency: number;
  /** The most instances alive at once (busy or idle). */
  peakInstances: number;
  coldStarts: number;
  /** Requests Lambda refused (concurrency quota or scaling rate). */
  lambdaThrottled: number;
  keySet: ServiceCalls;
  tokenEndpoint: ServiceCalls;
  geocoding: ServiceCalls;
  forecast: ServiceCalls;
  /** Requests answered with an apology or a LinkAccount card because a call was refused. */
  failedRequests: number;
  table: {
    reads: number;
    writes: number;
    readUnits: number;
    writeUnits: number;
    costPerDay: number;
  };
  /** Milliseconds added to requests by calls to the shared services (and the table). */
  addedLatency: { meanMs: number; p95Ms: number; p99Ms: number };
  /** Peak proxy instances (refreshes running at once, each lasting one token call). */
  peakProxyConcurrency: number;
  /** Refreshes Lambda refused because the proxy was at its reserved concurrency. */
  proxyThrottled: number;
}

/** The share of the day's requests in each local hour (a morning peak: people dress then). */
export const HOURLY_WEIGHTS: readonly number[] = [
  0.3, 0.2, 0.15, 0.15, 0.3, 1.0, 3.0, 6.0, 7.0, 4.5, 2.5, 2.0, 2.0, 1.8, 1.6, 1.6, 1.8, 2.0, 2.0,
  1.8, 1.5, 1.2, 0.8, 0.5,
];

/** Expected requests in second `s` of the day (weights linear between hour midpoints). */
const WEIGHT_TOTAL = HOURLY_WEIGHTS.reduce((a, b) => a + b, 0);

export function expectedPerSecond(dailyRequests: number, s: number): number {
  const total = WEIGHT_TOTAL;
  const hour = s / 3600 - 0.5;
  const h0 = Math.floor(hour);
  const frac = hour - h0;
  const w = (h: number): number => HOURLY_WEIGHTS[((h % 24) + 24) % 24] ?? 0;
  return (dailyRequests * ((1 - frac) * w(h0) + frac * w(h0 + 1))) / total / 3600;
}

/** A Poisson draw of mean `mean` (normal approximation above 50). */
export function poisson(mean: number, random: () => number): number {
  if (mean <= 0) return 0;
  if (mean > 50) {
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k += 1;
    p *= random();
  }
  return k;
}

/** A sampler of place indexes, Zipf with exponent 1 over `n` places. */
export function zipfSampler(n: number, random: () => number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i += 1) {
    sum += 1 / (i + 1);
    cdf[i] = sum;
  }
  return () => {
    const u = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] ?? 0) < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function auth0Limits(plan: Auth0Plan): { token: Limiter; keySet: Limiter } {
  // Free: the Authentication API as a whole 300/minute, /oauth/token 30/s, jwks.json 20/s.
  // Essentials and Professional: 25/s; Enterprise: 100/s (the whole Authentication API).
  const global =
    plan === 'free'
      ? tokenBucket(300 / 60, 300)
      : plan === 'essentials'
        ? tokenBucket(25, 25)
        : tokenBucket(100, 100);
  if (plan !== 'free') return { token: global, keySet: global };
  return {
    token: allOf(global, tokenBucket(30, 30)),
    keySet: allOf(global, tokenBucket(20, 20)),
  };
}

/** A service's calls, counted per second for the peak. */
function counter(): ServiceCalls & { count(t: number, allowed: boolean): void } {
  let second = -1;
  let inSecond = 0;
  const calls: ServiceCalls & { count(t: number, allowed: boolean): void } = {
    calls: 0,
    throttled: 0,
    peakPerSecond: 0,
    count(t, allowed) {
      if (!allowed) {
        calls.throttled += 1;
        return;
      }
      calls.calls += 1;
      const s = Math.floor(t / SECOND);
      if (s !== second) {
        second = s;
        inSecond = 0;
      }
      inSecond += 1;
      if (inSecond > calls.peakPerSecond) calls.peakPerSecond = inSecond;
    },
  };
  return calls;
}

interface Instance {
  /** When it finishes its request, or finished the last one. */
  busyUntil: number;
  keysAt: number;
  /** Its keys are the shipped set's: once stale, refreshed in the background (no wait). */
  shippedKeys: boolean;
  readonly places: ExpiringLru;
  readonly forecasts: ExpiringLru;
}

/** A min-heap of instances by `busyUntil`. */
class BusyHeap {
  private readonly items: Instance[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): Instance | undefined {
    return this.items[0];
  }
  push(item: Instance): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = a[parent] as Instance;
      if (p.busyUntil <= item.busyUntil) break;
      a[i] = p;
      i = parent;
    }
    a[i] = item;
  }
  pop(): Instance | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      let mv = last.busyUntil;
      const lv = a[l]?.busyUntil;
      const rv = a[r]?.busyUntil;
      if (lv !== undefined && lv < mv) {
        m = l;
        mv = lv;
      }
      if (rv !== undefined && rv < mv) m = r;
      if (m === i) break;
      a[i] = a[m] as Instance;
      i = m;
    }
    a[i] = last;
    return top;
  }
}

/** Simulates one day with `params`. */
export function simulateDay(params: SimulationParams): SimulationResult {
  // Arrivals and each request's draws come from streams of their own, so that every variant of a
  // seed sees the same requests, whatever its own calls do.
  const arrivals = seededRandom(params.seed);
  const draws = seededRandom(params.seed ^ 0x9e3779b9);
  const place = zipfSampler(params.places, draws);
  const dailyRequests = params.users * params.requestsPerUser;
  const refreshShare = Math.min(1, 1 / params.requestsPerUser);
  const auth0 = auth0Limits(params.auth0Plan);
  const openMeteo = params.openMeteoFreeTier
    ? fixedWindows([
        { limit: 600, windowMs: MINUTE },
        { limit: 5000, windowMs: HOUR },
        { limit: 10_000, windowMs: DAY },
      ])
    : unlimited;
  // Lambda: 1,000 new execution environments every 10 seconds per function, refilled continuously.
  const scaling = tokenBucket(100, 1000);

  const keySet = counter();
  const tokenEndpoint = counter();
  const geocoding = counter();
  const forecast = counter();
  const table = { reads: 0, writes: 0, readUnits: 0, writeUnits: 0, costPerDay: 0 };
  // The shared table, by place index: fresh until (ms, 0: no item); and loads in flight (the
  // lease): when they end, places first, then forecasts.
  const tablePlaces = new Int32Array(params.places);
  const tableForecasts = new Int32Array(params.places);
  const leases = new Int32Array(2 * params.places);
  const latencyBuckets = new Float64Array(1001); // 10 ms buckets, the last one open-ended
  let latencySum = 0;

  const busy = new BusyHeap();
  const idle: Instance[] = [];
  let idleHead = 0;
  let requests = 0;
  let peakRps = 0;
  let peakConcurrency = 0;
  let peakInstances = 0;
  let coldStarts = 0;
  let lambdaThrottled = 0;
  let failedRequests = 0;
  let peakProxyConcurrency = 0;
  let proxyThrottled = 0;
  const proxyEnds: number[] = [];
  let proxyHead = 0;

  /** A call to Open-Meteo (or the table first), for one cache level; the ms it added, or -1 refused. */
  const weatherLookup = (
    instanceCache: ExpiringLru,
    sharedItems: Int32Array,
    key: number,
    leaseSlot: number,
    t: number,
    ttlMs: number,
    service: ReturnType<typeof counter>,
    readUnits: number,
    writeUnits: number,
  ): number => {
    if (instanceCache.has(key, t)) return 0;
    let added = 0;
    if (params.sharedCache) {
      table.reads += 1;
      table.readUnits += readUnits;
      added += TIMINGS.tableMs;
      const until = sharedItems[key] ?? 0;
      if (until > t) {
        instanceCache.set(key, until);
        return added;
      }
      const inFlight = leases[leaseSlot] ?? 0;
      if (inFlight > t) {
        // Another instance holds the lease: wait for its item, then read it.
        table.reads += 1;
        table.readUnits += readUnits * 2; // strongly consistent
        instanceCache.set(key, t + ttlMs);
        return added + (inFlight - t) + TIMINGS.tableMs;
      }
      table.writes += 1;
      table.writeUnits += TABLE_UNITS.leaseWrite;
      added += TIMINGS.tableMs;
    }
    const allowed = openMeteo.take(t + added);
    service.count(t + added, allowed);
    if (!allowed) return -1;
    added += TIMINGS.openMeteoMs;
    if (params.sharedCache) {
      leases[leaseSlot] = Math.ceil(t + added);
      sharedItems[key] = Math.ceil(t + added + ttlMs);
      table.writes += 1;
      table.writeUnits += writeUnits;
      added += TIMINGS.tableMs;
    }
    instanceCache.set(key, t + added + ttlMs);
    return added;
  };

  const handle = (t: number): void => {
    requests += 1;
    const refreshes = draws() < refreshShare;
    const p = place();
    // Alexa refreshes the user's expired token through the proxy before the day's first request.
    let failed = false;
    if (refreshes) {
      // Refreshes end in arrival order (each lasts one token call), so a queue tracks them.
      while (proxyHead < proxyEnds.length && (proxyEnds[proxyHead] ?? 0) <= t) proxyHead += 1;
      const running = proxyEnds.length - proxyHead;
      const reserved = params.proxyReservedConcurrency;
      if (reserved > 0 && running >= reserved) {
        proxyThrottled += 1;
        failed = true;
      } else {
        const allowed = auth0.token.take(t);
        tokenEndpoint.count(t, allowed);
        if (!allowed) failed = true;
        proxyEnds.push(t + TIMINGS.tokenMs);
        if (proxyHead > 65_536 && proxyHead * 2 > proxyEnds.length) {
          proxyEnds.splice(0, proxyHead);
          proxyHead = 0;
        }
        peakProxyConcurrency = Math.max(peakProxyConcurrency, running + 1);
      }
    }
    // Lambda: finished instances become idle; idle ones past the idle limit are reclaimed.
    for (let next = busy.peek(); next !== undefined && next.busyUntil <= t; next = busy.peek()) {
      busy.pop();
      idle.push(next);
    }
    while (idleHead < idle.length && (idle[idleHead]?.busyUntil ?? 0) < t - TIMINGS.instanceIdleMs)
      idleHead += 1;
    if (idleHead > 4096 && idleHead * 2 > idle.length) {
      idle.splice(0, idleHead);
      idleHead = 0;
    }
    let instance = idle.length > idleHead ? idle.pop() : undefined;
    let added = 0;
    let coldMs = 0;
    if (instance === undefined) {
      const live = busy.size + idle.length - idleHead;
      if (live >= params.accountConcurrency || !scaling.take(t)) {
        lambdaThrottled += 1;
        return;
      }
      coldStarts += 1;
      coldMs = TIMINGS.coldStartMs;
      instance = {
        busyUntil: t,
        keysAt: -Infinity,
        shippedKeys: false,
        places: new ExpiringLru(params.places, TIMINGS.maxPlaces),
        forecasts: new ExpiringLru(params.places, TIMINGS.maxForecasts),
      };
      const shippedAt = params.shippedKeySetAt;
      if (
        params.shippedKeySet &&
        t >= shippedAt &&
        t < shippedAt + TIMINGS.keySetMaxAgeMs + TIMINGS.keySetOutageGraceMs
      ) {
        instance.keysAt = shippedAt;
        instance.shippedKeys = true;
      }
      if (params.sharedCache) {
        // The cache's warm-up read at init.
        table.reads += 1;
        table.readUnits += 0.5;
      }
    }
    if (!failed && t - instance.keysAt >= TIMINGS.keySetMaxAgeMs) {
      const allowed = auth0.keySet.take(t + coldMs);
      keySet.count(t + coldMs, allowed);
      if (allowed) {
        instance.keysAt = t;
        // A stale shipped set is fetched again in the background: the request does not wait.
        if (!instance.shippedKeys) added += TIMINGS.keySetMs;
        instance.shippedKeys = false;
      } else if (instance.keysAt === -Infinity) {
        failed = true; // no key at all: the apology
      } else {
        // Held keys keep serving through the outage (grace period); the next try in 30 s.
        instance.keysAt = t - TIMINGS.keySetMaxAgeMs + TIMINGS.keySetRetryMs;
      }
    }
    if (!failed) {
      const geo = weatherLookup(
        instance.places,
        tablePlaces,
        p,
        p,
        t + coldMs + added,
        TIMINGS.geocodingTtlMs,
        geocoding,
        TABLE_UNITS.placeRead,
        TABLE_UNITS.placeWrite,
      );
      if (geo < 0) failed = true;
      else {
        added += geo;
        // Keyed per place (and the one simulated day), as the skill's table items are.
        const fc = weatherLookup(
          instance.forecasts,
          tableForecasts,
          p,
          params.places + p,
          t + coldMs + added,
          TIMINGS.forecastTtlMs,
          forecast,
          TABLE_UNITS.forecastRead,
          TABLE_UNITS.forecastWrite,
        );
        if (fc < 0) failed = true;
        else added += fc;
      }
    }
    if (failed) failedRequests += 1;
    latencySum += added;
    const bucket = Math.min(1000, Math.floor(added / 10));
    latencyBuckets[bucket] = (latencyBuckets[bucket] ?? 0) + 1;
    instance.busyUntil = t + coldMs + TIMINGS.baseMs + added;
    busy.push(instance);
    peakConcurrency = Math.max(peakConcurrency, busy.size);
    peakInstances = Math.max(peakInstances, busy.size + idle.length - idleHead);
  };

  for (let s = 0; s < 86_400; s += 1) {
    const n = poisson(expectedPerSecond(dailyRequests, s), arrivals);
    peakRps = Math.max(peakRps, n);
    const offsets = new Float64Array(n);
    for (let i = 0; i < n; i += 1) offsets[i] = arrivals() * SECOND;
    offsets.sort();
    for (const offset of offsets) handle(s * SECOND + offset);
  }

  const percentile = (q: number): number => {
    const target = q * requests;
    let seen = 0;
    for (let i = 0; i < latencyBuckets.length; i += 1) {
      seen += latencyBuckets[i] ?? 0;
      if (seen >= target) return i * 10;
    }
    return 10_000;
  };
  table.costPerDay =
    (table.readUnits * DYNAMODB_PRICES.perMillionReads +
      table.writeUnits * DYNAMODB_PRICES.perMillionWrites) /
    1_000_000;
  const strip = ({ calls, throttled, peakPerSecond }: ServiceCalls): ServiceCalls => ({
    calls,
    throttled,
    peakPerSecond,
  });
  return {
    params,
    requests,
    peakRps,
    peakConcurrency,
    peakInstances,
    coldStarts,
    lambdaThrottled,
    keySet: strip(keySet),
    tokenEndpoint: strip(tokenEndpoint),
    geocoding: strip(geocoding),
    forecast: strip(forecast),
    failedRequests,
    table,
    addedLatency: {
      meanMs: requests === 0 ? 0 : latencySum / requests,
      p95Ms: percentile(0.95),
      p99Ms: percentile(0.99),
    },
    peakProxyConcurrency,
    proxyThrottled,
  };
}
