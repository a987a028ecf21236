import { expect } from 'chai';
import { createLoadingCache, untilAborted } from '../../../lambda/weather/loading-cache.js';

function cache(overrides: { ttlMs?: number; staleIfErrorMs?: number; maxEntries?: number } = {}) {
  const clock = { now: 1_000_000 };
  const store = createLoadingCache<string>({
    maxEntries: overrides.maxEntries ?? 10,
    ttlMs: overrides.ttlMs ?? 100,
    staleIfErrorMs: overrides.staleIfErrorMs ?? 0,
    now: () => clock.now,
  });
  return { clock, store };
}

const failing = (): Promise<string> => Promise.reject(new Error('down'));

describe('weather/loading-cache', () => {
  it('loads once and answers from the cache while fresh', async () => {
    const { store } = cache();
    let loads = 0;
    const load = () => Promise.resolve(`v${++loads}`);
    await store.get('k', load);
    const second = await store.get('k', load);
    expect(second).to.include({ value: 'v1', stale: false });
    expect(loads).to.equal(1);
  });

  it('peeks at a fresh entry without loading, as get would answer it', async () => {
    const { store } = cache();
    const loaded = await store.get('k', () => Promise.resolve('v'));
    expect(store.peek('k')).to.deep.equal(loaded);
  });

  it('peeks at nothing for a missing, expired or unusable entry', async () => {
    const { clock, store } = cache();
    await store.get('k', () => Promise.resolve('v'));
    expect(store.peek('other')).to.equal(undefined);
    expect(store.peek('k', (value) => value !== 'v')).to.equal(undefined);
    clock.now += 100;
    expect(store.peek('k')).to.equal(undefined);
  });

  it('counts a peek as a use: the peeked entry outlives a less recent one', async () => {
    const { store } = cache({ maxEntries: 2 });
    await store.get('a', () => Promise.resolve('a'));
    await store.get('b', () => Promise.resolve('b'));
    store.peek('a');
    await store.get('c', () => Promise.resolve('c'));
    expect(store.peek('a')?.value).to.equal('a');
    expect(store.peek('b')).to.equal(undefined);
  });

  it('loads again once the entry is older than ttlMs', async () => {
    const { clock, store } = cache();
    await store.get('k', () => Promise.resolve('old'));
    clock.now += 100;
    const next = await store.get('k', () => Promise.resolve('new'));
    expect(next.value).to.equal('new');
  });

  it('shares one load among concurrent callers', async () => {
    const { store } = cache();
    let loads = 0;
    let release: (v: string) => void = () => undefined;
    const load = () => {
      loads += 1;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const both = Promise.all([store.get('k', load), store.get('k', load)]);
    release('v');
    expect((await both).map((c) => c.value)).to.deep.equal(['v', 'v']);
    expect(loads).to.equal(1);
  });

  it('does not keep a failed load: the next caller tries again', async () => {
    const { store } = cache();
    await store.get('k', failing).catch(() => undefined);
    const next = await store.get('k', () => Promise.resolve('v'));
    expect(next.value).to.equal('v');
  });

  it('answers with the expired entry, marked stale, when a reload fails within staleIfErrorMs', async () => {
    const { clock, store } = cache({ staleIfErrorMs: 1000 });
    await store.get('k', () => Promise.resolve('old'));
    clock.now += 500;
    expect(await store.get('k', failing)).to.include({ value: 'old', stale: true });
  });

  it('rethrows the failure when the expired entry is older than staleIfErrorMs', async () => {
    const { clock, store } = cache({ staleIfErrorMs: 1000 });
    await store.get('k', () => Promise.resolve('old'));
    clock.now += 1000;
    let message = '';
    await store.get('k', failing).catch((e: unknown) => (message = (e as Error).message));
    expect(message).to.equal('down');
  });

  it('reloads a fresh entry that the caller finds unusable', async () => {
    const { store } = cache();
    await store.get('k', () => Promise.resolve('short'));
    const next = await store.get('k', () => Promise.resolve('long enough'), {
      isUsable: (v) => v.length > 5,
    });
    expect(next.value).to.equal('long enough');
  });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const { store } = cache({ maxEntries: 2 });
    await store.get('a', () => Promise.resolve('a'));
    await store.get('b', () => Promise.resolve('b'));
    await store.get('a', failing); // a is now the most recently used
    await store.get('c', () => Promise.resolve('c'));
    const b = await store.get('b', () => Promise.resolve('b2'));
    expect(b.value).to.equal('b2');
    expect(store.size).to.equal(2);
  });

  it('stops waiting when the signal aborts, while the load carries on into the cache', async () => {
    const { store } = cache();
    const controller = new AbortController();
    let release: (v: string) => void = () => undefined;
    const pending = store.get('k', () => new Promise<string>((r) => (release = r)), {
      signal: controller.signal,
    });
    controller.abort(new Error('budget'));
    let message = '';
    await pending.catch((e: unknown) => (message = (e as Error).message));
    release('late');
    await new Promise((r) => setImmediate(r));
    const later = await store.get('k', failing);
    expect([message, later.value]).to.deep.equal(['budget', 'late']);
  });

  it('leaves no unhandled rejection when a caller stopped waiting and the load fails', async () => {
    const { store } = cache();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const controller = new AbortController();
    let fail: (e: Error) => void = () => undefined;
    const pending = store.get('k', () => new Promise<string>((_, reject) => (fail = reject)), {
      signal: controller.signal,
    });
    controller.abort(new Error('budget'));
    await pending.catch(() => undefined);
    fail(new Error('late failure'));
    await new Promise((r) => setTimeout(r, 10));
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).to.deep.equal([]);
  });

  it('untilAborted rejects at once for a signal already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    let message = '';
    await untilAborted(new Promise(() => undefined), controller.signal).catch(
      (e: unknown) => (message = (e as Error).message),
    );
    expect(message).to.equal('gone');
  });
});
