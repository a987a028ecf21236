import { expect } from 'chai';
import { createLogger } from '../../../../common/logger.js';
import type { ResolvedPlace } from '../../../../lambda/weather/index.js';
import { parseGeocoding } from '../../../../lambda/weather/open-meteo-schema.js';
import {
  classifyTableFailure,
  createDynamoDbSharedCache,
  createSharedCache,
  itemKey,
  placeCodec,
  sharedCacheTimings,
  type SharedCache,
  type SharedCacheOptions,
} from '../../../../lambda/weather/shared-cache/index.js';
import { CHICAGO as CHICAGO_RESULT, geocodingBody } from '../../../harness/open-meteo-bodies.js';
import { createMemoryStore, type MemoryStore } from './support/memory-store.js';

// The place as the provider resolves it from Open-Meteo's answer.
const CHICAGO = parseGeocoding(geocodingBody(CHICAGO_RESULT)) as ResolvedPlace;
const KEY = 'name::chicago';
const PK = itemKey('place', KEY);
const TTL_MS = 60_000;
const T0 = Date.UTC(2026, 10, 25, 12);

function named(name: string, message = name): Error {
  return Object.assign(new Error(message), { name });
}

describe('weather/shared-cache: the cache every instance shares', () => {
  let store: MemoryStore;
  let now: number;
  let logs: string[];
  let loads: number;

  const cache = (overrides: Partial<SharedCacheOptions> = {}): SharedCache =>
    createSharedCache({
      store,
      now: () => now,
      logger: createLogger({ level: 'debug', sink: (line) => logs.push(line) }),
      callTimeoutMs: 50,
      waitMs: 200,
      leaseMs: 1000,
      bypassMs: 30_000,
      logPeriodMs: 60_000,
      pollMs: 5,
      ...overrides,
    });
  const load =
    (delayMs = 0) =>
    async (): Promise<ResolvedPlace> => {
      loads += 1;
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return CHICAGO;
    };
  const lookup = { codec: placeCodec, ttlMs: TTL_MS };
  const reads = () => store.calls.read - 1; // less the warm-up read at creation

  beforeEach(() => {
    store = createMemoryStore();
    now = T0;
    logs = [];
    loads = 0;
  });

  it('loads on a miss, and stores the value with expiresAt at now + ttl (epoch seconds)', async () => {
    const value = await cache().get(KEY, load(), lookup);

    expect(value).to.deep.equal(CHICAGO);
    expect(loads).to.equal(1);
    expect(store.items.get(PK)).to.deep.include({ expiresAt: (T0 + TTL_MS) / 1000 });
  });

  it('answers another instance from the stored item, without loading', async () => {
    await cache().get(KEY, load(), lookup);

    const value = await cache().get(KEY, load(), lookup);

    expect(value).to.deep.equal(CHICAGO);
    expect(loads).to.equal(1);
  });

  it('keys items by a hash: no place name in the table', async () => {
    await cache().get(KEY, load(), lookup);

    expect([...store.items.keys()].join()).not.to.match(/chicago/i);
  });

  it('treats an item past its expiresAt as a miss, though the table still holds it', async () => {
    await cache().get(KEY, load(), lookup);
    now += TTL_MS;

    await cache().get(KEY, load(), lookup);

    expect(loads).to.equal(2);
  });

  it('treats a corrupted item as a miss, replaces it, and logs once per period', async () => {
    const expiresAt = T0 / 1000 + 3600;
    store.items.set(PK, { pk: PK, value: '{"found":true,"results":[{"name":"X"}]}', expiresAt });

    await cache().get(KEY, load(), lookup);
    store.items.set(PK, { pk: PK, value: 42, expiresAt });
    const shared = cache();
    await shared.get(KEY, load(), lookup);
    store.items.set(PK, { pk: PK, value: 'not json', expiresAt });
    await shared.get(KEY, load(), lookup);

    expect(loads).to.equal(3);
    expect(placeCodec.decode(String(store.items.get(PK)?.['value']))).to.deep.equal(CHICAGO);
    const lines = logs.filter((l) => l.includes('item unreadable'));
    expect(lines).to.have.length(2); // one per cache: the second cache's second line is held back
  });

  it('treats an item without a valid expiresAt as corrupted', async () => {
    store.items.set(PK, { pk: PK, value: placeCodec.encode(CHICAGO), expiresAt: 'soon' });

    await cache().get(KEY, load(), lookup);

    expect(loads).to.equal(1);
  });

  it('lets one of several instances missing at once load, the others reading its item', async () => {
    const instances = [cache(), cache(), cache()];

    const values = await Promise.all(instances.map((c) => c.get(KEY, load(30), lookup)));

    expect(values).to.deep.equal([CHICAGO, CHICAGO, CHICAGO]);
    expect(loads).to.equal(1);
    expect(store.calls.lease).to.equal(3);
  });

  it('waits for the lease holder, and loads itself when no item comes within waitMs', async () => {
    store.items.set(PK, { pk: PK, leaseUntil: T0 + 1000, expiresAt: T0 / 1000 + 60 });
    const started = Date.now();

    const value = await cache({ waitMs: 40 }).get(KEY, load(), lookup);

    expect(value).to.deep.equal(CHICAGO);
    expect(loads).to.equal(1);
    // It waited by polling (the first read, then pauses of 5, 10 and 20 ms while they fit in the
    // 40; fewer when timers run late), then gave up in time. Polls are counted, not milliseconds:
    // a loaded machine's timers can also fire early against a clock read before they were set
    // (libuv's loop time), and a lower bound in milliseconds once failed at 22.
    expect(reads()).to.be.within(2, 4);
    expect(Date.now() - started).to.be.below(150);
  });

  it('takes over a lease whose time has run out (its holder died)', async () => {
    store.items.set(PK, { pk: PK, leaseUntil: T0 - 1, expiresAt: T0 / 1000 + 60 });

    await cache({ waitMs: 10_000 }).get(KEY, load(), lookup);

    expect(loads).to.equal(1);
    expect(store.calls.lease).to.equal(1);
  });

  it('passes the load failure (the upstream) on, unchanged', async () => {
    const failure = new Error('upstream down');

    const outcome = await cache()
      .get(KEY, () => Promise.reject(failure), lookup)
      .catch((error: unknown) => error);

    expect(outcome).to.equal(failure);
  });

  describe('a table that fails costs no answer', () => {
    it('a throttled table: answers from the upstream, skips the table for bypassMs, logs once', async () => {
      store.fail('read', named('ThrottlingException', 'Rate exceeded'));
      const shared = cache();

      await shared.get(KEY, load(), lookup);
      now += 29_000;
      await shared.get(KEY, load(), lookup);

      expect(loads).to.equal(2);
      expect(reads()).to.equal(1);
      const lines = logs.filter((l) => l.includes('weather cache table bypassed'));
      expect(lines).to.have.length(1);
      expect(lines[0]).to.include('"reason":"throttled"');
    });

    it('tries the table again after bypassMs, and logs again only after the period', async () => {
      store.fail('read', named('ThrottlingException'));
      const shared = cache({ bypassMs: 1000, logPeriodMs: 5000 });

      await shared.get(KEY, load(), lookup);
      now += 1000;
      await shared.get(KEY, load(), lookup);
      now += 5000;
      await shared.get(KEY, load(), lookup);

      expect(reads()).to.equal(3);
      const lines = logs.filter((l) => l.includes('weather cache table bypassed'));
      expect(lines).to.have.length(2);
      expect(lines[1]).to.include('"suppressedSinceLast":1');
    });

    it('a table that never answers: bypassed within callTimeoutMs', async () => {
      store.fail('read', 'hang');
      const started = Date.now();

      const value = await cache({ callTimeoutMs: 30 }).get(KEY, load(), lookup);

      expect(value).to.deep.equal(CHICAGO);
      expect(Date.now() - started).to.be.within(25, 150);
      expect(logs.join()).to.include('"reason":"timeout"');
    });

    it('a failing lease or write: the value still comes from the upstream', async () => {
      store.fail('lease', named('InternalServerError'));
      const first = await cache().get(KEY, load(), lookup);
      store = createMemoryStore();
      store.fail('write', named('ProvisionedThroughputExceededException'));
      const second = await cache().get(KEY, load(), lookup);

      expect([first, second]).to.deep.equal([CHICAGO, CHICAGO]);
      expect(logs.join()).to.include('"reason":"unavailable"').and.include('"reason":"throttled"');
    });

    it('a client that does not load (no SDK): every lookup goes upstream, the error logged once', async () => {
      const shared = createDynamoDbSharedCache({
        tableName: 'wsiw-weather-cache',
        budgetMs: 2500,
        logger: createLogger({ sink: (line) => logs.push(line) }),
        loadStoreModule: () => Promise.reject(new Error('Cannot find module')),
      });

      await shared.get(KEY, load(), lookup);
      await shared.get(KEY, load(), lookup);

      expect(loads).to.equal(2);
      expect(logs.filter((l) => l.includes('did not load'))).to.have.length(1);
    });
  });

  it('loads the client module once, at creation, and logs its version', async () => {
    let imports = 0;
    const shared = createDynamoDbSharedCache({
      tableName: 'wsiw-weather-cache',
      budgetMs: 2500,
      now: () => now,
      logger: createLogger({ sink: (line) => logs.push(line) }),
      loadStoreModule: () => {
        imports += 1;
        return Promise.resolve({ SDK_VERSION: '3.0.0-test', createDynamoDbStore: () => store });
      },
    });
    expect(imports).to.equal(1);

    await shared.get(KEY, load(), lookup);
    await shared.get(KEY, load(), lookup);

    expect(imports).to.equal(1);
    expect(loads).to.equal(1);
    expect(logs.join()).to.include('@aws-sdk/client-dynamodb 3.0.0-test');
  });

  it('classifies table failures for the log', () => {
    expect(classifyTableFailure(named('TimeoutError'))).to.equal('timeout');
    expect(classifyTableFailure(named('ThrottlingException'))).to.equal('throttled');
    expect(classifyTableFailure(named('ProvisionedThroughputExceededException'))).to.equal(
      'throttled',
    );
    expect(classifyTableFailure(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).to.equal(
      'unreachable',
    );
    expect(classifyTableFailure(named('InternalServerError'))).to.equal('unavailable');
    expect(classifyTableFailure(named('SyntaxError'))).to.equal('error');
  });

  it('fits every table wait well inside the weather budget', () => {
    for (const budgetMs of [250, 500, 1000, 2500, 4500]) {
      const t = sharedCacheTimings(budgetMs);
      // A read, a lease, the wait, and a poll running past it: the upstream keeps the rest.
      expect(3 * t.callTimeoutMs + t.waitMs, String(budgetMs)).to.be.at.most(0.6 * budgetMs);
    }
  });
});
