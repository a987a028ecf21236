/**
 * An in-memory cache for slow lookups: entries live `ttlMs`, the least recently used is evicted
 * beyond `maxEntries`, concurrent loads of one key share one call, and an expired entry still
 * answers (marked stale) for `staleIfErrorMs` when a fresh load fails or runs out of time.
 */

/** Options of {@link createLoadingCache}. */
export interface LoadingCacheOptions {
  /** Most entries kept; the least recently used goes first. */
  readonly maxEntries: number;
  /** How long an entry is fresh, in milliseconds. */
  readonly ttlMs: number;
  /** How long after it was loaded an entry may still answer when a reload fails. 0: never. */
  readonly staleIfErrorMs: number;
  /** The clock, in milliseconds since the epoch. */
  readonly now: () => number;
}

/** A value from the cache, with when it was loaded and whether it is past its freshness. */
export interface Cached<V> {
  readonly value: V;
  readonly loadedAt: number;
  readonly stale: boolean;
}

/** Per-lookup options. */
export interface LookupOptions<V> {
  /**
   * Stops waiting (the shared load carries on for other callers and the cache). A function is
   * called only when a load is needed, so a cache hit costs no signal or timer.
   */
  readonly signal?: AbortSignal | (() => AbortSignal);
  /** A fresh entry that fails this test is reloaded (a forecast missing the day asked for, say). */
  readonly isUsable?: (value: V) => boolean;
}

/** See {@link createLoadingCache}. */
export interface LoadingCache<V> {
  /** The cached value for `key`, or the result of `load` (shared with concurrent callers). */
  get(key: string, load: () => Promise<V>, options?: LookupOptions<V>): Promise<Cached<V>>;
  /**
   * What `get` answers at once for `key`, without a promise: the fresh entry (marked most recently
   * used), or undefined when `get` would load (none, expired, or failing `isUsable`).
   */
  peek(key: string, isUsable?: (value: V) => boolean): Cached<V> | undefined;
  /** Entries held now. */
  readonly size: number;
  /** Drops every entry (loads in flight still complete). */
  clear(): void;
}

interface Entry<V> {
  readonly value: V;
  readonly loadedAt: number;
}

/** Creates a {@link LoadingCache}. */
export function createLoadingCache<V>(options: LoadingCacheOptions): LoadingCache<V> {
  const entries = new Map<string, Entry<V>>();
  const inFlight = new Map<string, Promise<Entry<V>>>();

  let newest: string | undefined;
  const remember = (key: string, entry: Entry<V>): void => {
    // Already the most recently used and unchanged: nothing to move.
    if (newest === key && entries.get(key) === entry) return;
    newest = key;
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > options.maxEntries) {
      const oldest = entries.keys().next();
      if (oldest.done === true) break;
      entries.delete(oldest.value);
    }
  };

  const startLoad = (key: string, load: () => Promise<V>): Promise<Entry<V>> => {
    const running = inFlight.get(key);
    if (running !== undefined) return running;
    const promise = (async () => {
      try {
        const entry = { value: await load(), loadedAt: options.now() };
        remember(key, entry);
        return entry;
      } finally {
        inFlight.delete(key);
      }
    })();
    // A caller that stopped waiting must not leave the shared load's failure unhandled.
    promise.catch(() => undefined);
    inFlight.set(key, promise);
    return promise;
  };

  const peek = (key: string, isUsable?: (value: V) => boolean): Cached<V> | undefined => {
    const held = entries.get(key);
    if (held === undefined || (isUsable !== undefined && !isUsable(held.value))) return undefined;
    if (options.now() - held.loadedAt >= options.ttlMs) return undefined;
    remember(key, held); // most recently used
    return { value: held.value, loadedAt: held.loadedAt, stale: false };
  };

  const get = async (
    key: string,
    load: () => Promise<V>,
    lookup: LookupOptions<V> = {},
  ): Promise<Cached<V>> => {
    const fresh = peek(key, lookup.isUsable);
    if (fresh !== undefined) return fresh;
    const usable = lookup.isUsable ?? always;
    const held = entries.get(key);
    try {
      const signal = typeof lookup.signal === 'function' ? lookup.signal() : lookup.signal;
      const entry = await untilAborted(startLoad(key, load), signal);
      return { value: entry.value, loadedAt: entry.loadedAt, stale: false };
    } catch (error) {
      const fallback = entries.get(key) ?? held;
      if (
        fallback !== undefined &&
        usable(fallback.value) &&
        options.now() - fallback.loadedAt < options.staleIfErrorMs
      ) {
        return { value: fallback.value, loadedAt: fallback.loadedAt, stale: true };
      }
      throw error;
    }
  };

  return {
    get,
    peek,
    get size() {
      return entries.size;
    },
    clear() {
      entries.clear();
    },
  };
}

/**
 * `promise`, or a rejection with `signal.reason` as soon as `signal` aborts, whichever is first.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(asError(signal.reason));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      reject(asError(signal.reason));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(asError(error));
      },
    );
  });
}

function always(): boolean {
  return true;
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error('Aborted', { cause: reason });
}
