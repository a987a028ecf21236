/**
 * `createSharedCache(options)`: the weather cache every instance shares, on one table.
 *
 * A lookup reads the item (an eventually consistent read); a fresh, valid item answers. On a
 * miss, the instance takes a short lease on the key by a conditional write; the winner calls the
 * upstream and stores the value, the others poll the item (strongly consistent reads) for a short
 * while, so that a burst of instances missing at once costs the upstream one call. The reader
 * checks `expiresAt` itself (the table's TTL deletes lazily), and an item that fails its codec's
 * checks is a miss.
 *
 * The table never costs an answer: each call has its own short deadline, and any failure
 * (unreachable, slow, throttled, an answer the SDK cannot read) makes the instance skip the table
 * for `bypassMs` and answer from the upstream, logged once per `logPeriodMs`.
 */
import { createHash } from 'node:crypto';
import type { Logger } from '../../../common/logger.js';
import { untilAborted } from '../loading-cache.js';
import { CorruptItemError, type ItemCodec } from './codecs.js';
import type { RawItem, SharedCache, SharedItemStore, SharedLookup } from './types.js';

/** Options of {@link createSharedCache}. */
export interface SharedCacheOptions {
  /** The table, or a loader of it (started at once, awaited by the first lookup). */
  readonly store: SharedItemStore | (() => Promise<SharedItemStore>);
  /** The clock, epoch milliseconds. */
  readonly now: () => number;
  /** Where failures are logged, once per period (never keys or values). */
  readonly logger?: Logger;
  /** Deadline of each table call, ms. */
  readonly callTimeoutMs: number;
  /** How long an instance that lost the lease waits for the winner's item, ms. */
  readonly waitMs: number;
  /** How long a lease holds, ms (the upstream call must fit in it). */
  readonly leaseMs: number;
  /** How long the table is skipped after a failure, ms. */
  readonly bypassMs: number;
  /** At most one log line per kind of failure in this period, ms. */
  readonly logPeriodMs: number;
  /** First pause between polls while waiting, ms (doubling, at most 4 times this). */
  readonly pollMs: number;
}

/** Why a table call failed, as logged. */
export type TableFailure = 'timeout' | 'throttled' | 'unreachable' | 'unavailable' | 'error';

/** The item key of a cache key: a prefix, the kind, and a hash (no place names or postal codes in the table). */
export function itemKey(kind: string, key: string): string {
  return `wsiw1#${kind}#${createHash('sha256').update(key).digest('base64url').slice(0, 32)}`;
}

/** Classifies a failure of a table call for the log line. */
export function classifyTableFailure(error: unknown): TableFailure {
  const name = error instanceof Error ? error.name : '';
  const code = (error as { code?: unknown } | null)?.code;
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  if (/Throttl|ProvisionedThroughputExceeded|RequestLimitExceeded/.test(name)) return 'throttled';
  if (
    typeof code === 'string' &&
    ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH'].includes(code)
  ) {
    return 'unreachable';
  }
  if (/ServiceUnavailable|InternalServerError/.test(name)) return 'unavailable';
  return 'error';
}

type Seen<V> =
  | { readonly kind: 'hit'; readonly value: V }
  | { readonly kind: 'leased' }
  | { readonly kind: 'miss' }
  | { readonly kind: 'corrupt'; readonly error: CorruptItemError };

/** Table failed: the lookup goes to the upstream. */
class Bypass extends Error {
  override readonly name = 'Bypass';
}

/** Creates a {@link SharedCache} on `options.store`. */
export function createSharedCache(options: SharedCacheOptions): SharedCache {
  const { now, logger } = options;
  let store: SharedItemStore | undefined;
  let storeFailed = false;
  // One read at creation (init, off the request path): the client's first call pays for its
  // setup and the connection, which would not fit a request's short deadline.
  const warmUp = (table: SharedItemStore): void => {
    table
      .read(itemKey('warm-up', 'init'), { consistent: false, signal: AbortSignal.timeout(3000) })
      .catch(() => undefined);
  };
  const loading: Promise<void> | undefined =
    typeof options.store === 'function'
      ? options.store().then(
          (loaded) => {
            store = loaded;
            warmUp(loaded);
          },
          (error: unknown) => {
            storeFailed = true;
            logger?.error('weather cache table unusable: the DynamoDB client did not load', {
              error,
            });
          },
        )
      : undefined;
  if (typeof options.store !== 'function') store = options.store;
  if (store !== undefined) warmUp(store);

  let bypassUntil = 0;
  const lastLogged = new Map<string, { at: number; suppressed: number }>();
  /** Logs `message` at most once per period per `topic`, counting the lines left out. */
  const logOnce = (topic: string, message: string, fields: Record<string, unknown>): void => {
    const t = now();
    const last = lastLogged.get(topic);
    if (last !== undefined && t - last.at < options.logPeriodMs) {
      last.suppressed += 1;
      return;
    }
    lastLogged.set(topic, { at: t, suppressed: 0 });
    logger?.warn(message, { ...fields, suppressedSinceLast: last?.suppressed ?? 0 });
  };

  /** One table call within its deadline; a failure starts the bypass period and throws Bypass. */
  const call = async <T>(
    operation: string,
    run: (table: SharedItemStore, signal: AbortSignal) => Promise<T>,
  ): Promise<T> => {
    if (store === undefined) throw new Bypass('no table');
    const signal = AbortSignal.timeout(options.callTimeoutMs);
    try {
      // The SDK honours the signal; the race also bounds a store that would not.
      return await untilAborted(run(store, signal), signal);
    } catch (error) {
      bypassUntil = now() + options.bypassMs;
      const reason = classifyTableFailure(error);
      logOnce(`table:${reason}`, 'weather cache table bypassed', {
        operation,
        reason,
        bypassMs: options.bypassMs,
        error,
      });
      throw new Bypass(reason, { cause: error });
    }
  };

  const classify = <V>(item: RawItem | undefined, codec: ItemCodec<V>): Seen<V> => {
    if (item === undefined) return { kind: 'miss' };
    const { value, expiresAt, leaseUntil } = item;
    const t = now();
    if (value === undefined) {
      // A lease: someone is loading, until its time runs out.
      if (typeof leaseUntil === 'number' && leaseUntil > t) return { kind: 'leased' };
      if (leaseUntil === undefined || typeof leaseUntil === 'number') return { kind: 'miss' };
      return { kind: 'corrupt', error: new CorruptItemError('The lease item has no valid time') };
    }
    if (typeof expiresAt !== 'number' || !Number.isFinite(expiresAt)) {
      return { kind: 'corrupt', error: new CorruptItemError('The item has no valid expiresAt') };
    }
    // The table's TTL deletes lazily (up to days late): the reader checks expiry itself.
    if (expiresAt * 1000 <= t) return { kind: 'miss' };
    if (typeof value !== 'string') {
      return { kind: 'corrupt', error: new CorruptItemError('The item value is not text') };
    }
    try {
      return { kind: 'hit', value: codec.decode(value) };
    } catch (error) {
      if (error instanceof CorruptItemError) return { kind: 'corrupt', error };
      throw error;
    }
  };

  const loadAndStore = async <V>(
    pk: string,
    load: () => Promise<V>,
    lookup: SharedLookup<V>,
  ): Promise<V> => {
    const value = await load();
    if (now() >= bypassUntil) {
      const expiresAt = Math.floor((now() + lookup.ttlMs) / 1000);
      await call('write', (table, signal) =>
        table.write({ pk, value: lookup.codec.encode(value), expiresAt }, { signal }),
      ).catch(() => undefined);
    }
    return value;
  };

  const waitForItem = async <V>(pk: string, codec: ItemCodec<V>): Promise<V | undefined> => {
    // Real elapsed time (the injected clock dates items; it need not move while we wait).
    const deadline = performance.now() + options.waitMs;
    let pause = options.pollMs;
    while (performance.now() + pause <= deadline) {
      await sleep(pause);
      pause = Math.min(pause * 2, options.pollMs * 4);
      const seen = classify(
        await call('read', (table, signal) => table.read(pk, { consistent: true, signal })),
        codec,
      );
      if (seen.kind === 'hit') return seen.value;
      if (seen.kind !== 'leased') return undefined; // the holder gave up, or wrote garbage
    }
    return undefined;
  };

  return {
    async get(key, load, lookup) {
      if (loading !== undefined && store === undefined && !storeFailed) await loading;
      if (store === undefined || now() < bypassUntil) return load();
      const pk = itemKey(lookup.codec.kind, key);
      try {
        const seen = classify(
          await call('read', (table, signal) => table.read(pk, { consistent: false, signal })),
          lookup.codec,
        );
        if (seen.kind === 'hit') return seen.value;
        if (seen.kind === 'corrupt') {
          logOnce('corrupt', 'weather cache item unreadable: treated as a miss', {
            kind: lookup.codec.kind,
            error: seen.error,
          });
          return await loadAndStore(pk, load, lookup);
        }
        if (seen.kind === 'miss') {
          const t = now();
          const leaseUntil = t + options.leaseMs;
          const won = await call('lease', (table, signal) =>
            table.lease(
              { pk, leaseUntil, expiresAt: Math.ceil(leaseUntil / 1000) + 60, now: t },
              { signal },
            ),
          );
          if (won) return await loadAndStore(pk, load, lookup);
        }
        const stored = await waitForItem(pk, lookup.codec);
        if (stored !== undefined) return stored;
        return await loadAndStore(pk, load, lookup);
      } catch (error) {
        if (error instanceof Bypass) return load();
        throw error;
      }
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
