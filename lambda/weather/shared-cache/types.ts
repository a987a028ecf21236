/**
 * The shared weather cache's two seams: the item store (one DynamoDB table in production, an
 * in-memory or faulty one in tests) and the cache the provider calls.
 */
import type { ItemCodec } from './codecs.js';

/**
 * One item as read from the table: attribute names to plain values (`S` as a string, `N` as a
 * number, anything else as the raw attribute value). Nothing in it is trusted yet.
 */
export type RawItem = Readonly<Record<string, unknown>>;

/** A value item to write: the key, the encoded value, and when it stops being usable. */
export interface ValueItem {
  readonly pk: string;
  /** The encoded value ({@link ItemCodec.encode}). */
  readonly value: string;
  /** Epoch seconds: the table's TTL attribute, and the reader's own freshness check. */
  readonly expiresAt: number;
}

/** A lease item to write, only if no usable item holds the key. */
export interface LeaseItem {
  readonly pk: string;
  /** Epoch milliseconds until which the lease holds. */
  readonly leaseUntil: number;
  /** Epoch seconds after which the table may delete the lease (its TTL). */
  readonly expiresAt: number;
  /** The writer's clock, epoch milliseconds: an older lease (or an expired value) is replaced. */
  readonly now: number;
}

/** Per-call options of the store: every call is bounded by `signal`. */
export interface StoreCallOptions {
  readonly signal: AbortSignal;
}

/**
 * The table, as the cache uses it: three item operations, each one request. Any rejection is a
 * table failure (unreachable, slow, throttled, an answer the SDK cannot read).
 */
export interface SharedItemStore {
  /** The item under `pk`, or undefined. `consistent`: a strongly consistent read. */
  read(
    pk: string,
    options: StoreCallOptions & { readonly consistent: boolean },
  ): Promise<RawItem | undefined>;
  /** Writes a value item, replacing whatever the key holds. */
  write(item: ValueItem, options: StoreCallOptions): Promise<void>;
  /**
   * Writes a lease when the key is free: no item, an expired one (by `expiresAt`), or a lease
   * past its `leaseUntil` (`attribute_not_exists(pk)` or those conditions). Resolves to false when
   * another holds the key.
   */
  lease(item: LeaseItem, options: StoreCallOptions): Promise<boolean>;
}

/** Per-lookup options of {@link SharedCache.get}. */
export interface SharedLookup<V> {
  /** How the value is stored and checked when read back. */
  readonly codec: ItemCodec<V>;
  /** How long the stored value is fresh, in milliseconds. */
  readonly ttlMs: number;
}

/**
 * The shared cache, behind the in-memory one: `get` answers from the table when an instance
 * stored the value, else runs `load` once across instances (a lease) and stores its value. The
 * table never costs an answer: on any table failure `get` runs `load` as if there were no table.
 */
export interface SharedCache {
  /** The value under `key` from the table, or `load()`'s (stored for the other instances). */
  get<V>(key: string, load: () => Promise<V>, lookup: SharedLookup<V>): Promise<V>;
}
