/**
 * Signing keys by `kid`, from the issuer's key set through jwks-rsa (its cache and rate limiter
 * on), imported once per key into a `KeyObject` and held no longer than the key-set cache allows.
 *
 * Rules, in order:
 * - a held key younger than `cacheMaxAgeMs` is used as it is (no I/O, no import);
 * - lookups that need jwks-rsa run one at a time, so each sees what the one before it learnt
 *   (jwks-rsa's limiter queues concurrent callers for seconds instead of refusing them);
 * - a `kid` missing from a set fetched successfully within `recentFetchWindowMs` is unknown,
 *   without another fetch (so random `kid`s cannot make us hammer the endpoint), and a `kid` such
 *   a set holds is imported from it, also without another fetch;
 * - within `retryAfterFailureMs` of a failed fetch nothing is fetched (a circuit breaker);
 * - otherwise jwks-rsa is asked, which fetches (rate limited) when its cache has no entry;
 * - when that fails (down, timeout, bad answer, rate limited), a key held before keeps serving
 *   until `cacheMaxAgeMs + outageGraceMs` after it was fetched, retried every `retryAfterFailureMs`;
 * - a key absent from a newer fetched set is dropped at once;
 * - a key of the set shipped with the deployment (`shipped`) is held as if fetched when the set
 *   was: used as it is while fresh; once stale (and within the outage grace), still used while
 *   the set is fetched again in the background, which drops it if the tenant no longer publishes
 *   it. A `kid` the shipped set does not hold is fetched at once, as without it (rotation).
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import type jwksRsa from 'jwks-rsa';
import { KeySetUnavailableError, TokenSignatureError } from './errors.js';
import { fetchKeySet, type PublicJwk } from './jwks-fetch.js';
import type { ShippedKeySet } from './shipped-key-set.js';

/** Something that happened to the key set, for logs and metrics. */
export type KeySetEvent =
  | { readonly type: 'fetched'; readonly kids: readonly string[] }
  | { readonly type: 'fetch-failed'; readonly error: unknown }
  | { readonly type: 'stale-key-served'; readonly kid: string | undefined };

export interface KeyStoreOptions {
  readonly jwksUri: string;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly requestsPerMinute: number;
  readonly cacheMaxAgeMs: number;
  readonly outageGraceMs: number;
  readonly recentFetchWindowMs: number;
  readonly retryAfterFailureMs: number;
  readonly now: () => number;
  readonly fetch: typeof fetch;
  readonly onEvent: (event: KeySetEvent) => void;
  /** The key set shipped with the deployment, if any. */
  readonly shipped?: ShippedKeySet | undefined;
}

/** Returns the public key for a token's `kid`, or rejects with the verifier's errors. */
export type KeyLookup = (kid: string | undefined) => Promise<KeyObject>;

interface Imported {
  readonly key: KeyObject;
  readonly fetchedAt: number;
  retired: boolean;
  /** From the shipped set: refreshed in the background once stale. */
  readonly shipped?: boolean;
}

interface Held {
  readonly imported: Imported;
  refreshAt: number;
}

/**
 * Map keys for a `kid`: every real one gets a prefix, so no `kid` a token carries can name the
 * slot of tokens without one.
 */
const NO_KID_SLOT = 'none';
const slotOf = (kid: string | undefined): string =>
  kid === undefined ? NO_KID_SLOT : `kid:${kid}`;
const kidOf = (slot: string): string | undefined =>
  slot === NO_KID_SLOT ? undefined : slot.slice(4);

/** Builds a {@link KeyLookup} over a jwks-rsa client configured from `options`. */
export function createKeyStore(options: KeyStoreOptions): KeyLookup {
  const { now, onEvent } = options;
  const held = new Map<string, Held>();
  // jwks-rsa hands back the same object for as long as its cache holds a key, and a new one after
  // every fetch: the import and the fetch time ride on that object, and go when it goes.
  const imported = new WeakMap<jwksRsa.SigningKey, Imported>();
  const inflight = new Map<string, Promise<KeyObject>>();
  let lastSet:
    | {
        at: number;
        kids: ReadonlySet<string | undefined>;
        /** The set's keys by `kid`, so a key the set just brought needs no fetch of its own. */
        keys: ReadonlyMap<string, PublicJwk>;
      }
    | undefined;
  let lastFailureAt = Number.NEGATIVE_INFINITY;
  let tail: Promise<unknown> = Promise.resolve();
  /** The shipped keys; gone once a set is fetched. */
  let shipped = shippedByKid(options.shipped);

  // jwks-rsa is loaded on the first fetch, not at start: a fresh instance that verifies with the
  // key set shipped with the deployment never needs it.
  let client: Promise<{ lib: typeof jwksRsa; client: jwksRsa.JwksClient }> | undefined;
  const jwksClient = () =>
    (client ??= import('jwks-rsa').then(({ default: lib }) => ({
      lib,
      client: new lib.JwksClient({
        jwksUri: options.jwksUri,
        cache: true,
        cacheMaxAge: options.cacheMaxAgeMs,
        cacheMaxEntries: 16,
        rateLimit: true,
        jwksRequestsPerMinute: options.requestsPerMinute,
        timeout: options.timeoutMs,
        fetcher: (uri) =>
          fetchKeySet(uri, options).then(
            (set) => {
              recordSet(set.keys);
              return set;
            },
            (error: unknown) => {
              recordFailure(error);
              throw error;
            },
          ),
      }),
    })));

  function recordFailure(error: unknown): void {
    lastFailureAt = now();
    onEvent({ type: 'fetch-failed', error });
  }

  function recordSet(keys: readonly PublicJwk[]): void {
    const kids = keys.map((k) => k.kid);
    lastSet = { at: now(), kids: new Set(kids), keys: firstByKid(keys) };
    shipped = undefined;
    for (const [slot, entry] of held) {
      if (!lastSet.kids.has(kidOf(slot))) {
        entry.imported.retired = true;
        held.delete(slot);
      }
    }
    onEvent({ type: 'fetched', kids: kids.filter((k): k is string => k !== undefined) });
  }

  /** The last set fetched, while it is recent enough to answer for the issuer's keys. */
  const recentSet = () =>
    lastSet !== undefined && now() - lastSet.at < options.recentFetchWindowMs ? lastSet : undefined;

  function knownAbsent(kid: string | undefined): boolean {
    const set = recentSet();
    if (set === undefined) return false;
    return kid === undefined ? set.kids.size !== 1 : !set.kids.has(kid);
  }

  function unknownKey(kid: string | undefined, cause?: unknown): TokenSignatureError {
    return kid === undefined
      ? new TokenSignatureError('no-kid', 'The token names no key and the key set has several', {
          cause,
        })
      : new TokenSignatureError(
          'unknown-kid',
          'The token names a key the issuer does not publish',
          { cause },
        );
  }

  /** The key for `kid` from a set fetched within the recent window, imported once; else undefined. */
  function fromRecentSet(slot: string, kid: string | undefined): KeyObject | undefined {
    const set = recentSet();
    if (kid === undefined || set === undefined) return undefined;
    const jwk = set.keys.get(kid);
    if (jwk === undefined) return undefined;
    let key: KeyObject;
    try {
      key = createPublicKey({ key: { ...jwk }, format: 'jwk' });
    } catch {
      return undefined; // a key Node cannot import: jwks-rsa's path decides
    }
    const entry: Imported = { key, fetchedAt: set.at, retired: false };
    held.set(slot, { imported: entry, refreshAt: entry.fetchedAt + options.cacheMaxAgeMs });
    return entry.key;
  }

  async function refresh(slot: string, kid: string | undefined): Promise<KeyObject> {
    const previous = held.get(slot);
    if (previous !== undefined && now() < previous.refreshAt) return previous.imported.key;
    if (knownAbsent(kid)) throw unknownKey(kid);
    const recent = fromRecentSet(slot, kid);
    if (recent !== undefined) return recent;
    if (now() - lastFailureAt < options.retryAfterFailureMs) {
      return heldThroughOutage(
        slot,
        kid,
        previous,
        new Error('The last key-set fetch failed moments ago'),
      );
    }
    let signingKey: jwksRsa.SigningKey;
    const { lib, client } = await jwksClient();
    try {
      signingKey = await client.getSigningKey(kid);
    } catch (error) {
      if (error instanceof lib.SigningKeyNotFoundError) {
        held.delete(slot);
        throw unknownKey(kid, error);
      }
      if (error instanceof lib.JwksRateLimitError) recordFailure(error);
      return heldThroughOutage(slot, kid, previous, error);
    }
    let entry = imported.get(signingKey);
    if (entry === undefined) {
      entry = { key: createPublicKey(signingKey.getPublicKey()), fetchedAt: now(), retired: false };
      imported.set(signingKey, entry);
    }
    if (entry.retired) throw unknownKey(kid);
    const freshUntil = entry.fetchedAt + options.cacheMaxAgeMs;
    if (freshUntil <= now()) {
      // jwks-rsa answered from what it held before: no newer set was had.
      return heldThroughOutage(slot, kid, { imported: entry, refreshAt: 0 }, undefined);
    }
    held.set(slot, { imported: entry, refreshAt: freshUntil });
    return entry.key;
  }

  function heldThroughOutage(
    slot: string,
    kid: string | undefined,
    previous: Held | undefined,
    cause: unknown,
  ): KeyObject {
    const t = now();
    if (
      previous &&
      !previous.imported.retired &&
      t < previous.imported.fetchedAt + options.cacheMaxAgeMs + options.outageGraceMs
    ) {
      previous.refreshAt = t + options.retryAfterFailureMs;
      held.set(slot, previous);
      onEvent({ type: 'stale-key-served', kid });
      return previous.imported.key;
    }
    held.delete(slot);
    throw new KeySetUnavailableError(
      'key-set-unavailable',
      'The signing keys could not be fetched',
      { cause },
    );
  }

  /** A shipped key asked for the first time: imported and held as fetched when the set was. */
  function holdShipped(slot: string, kid: string | undefined): Held | undefined {
    if (shipped === undefined) return undefined;
    const jwk = kid === undefined ? shipped.noKid : shipped.byKid.get(kid);
    if (jwk === undefined) return undefined;
    const imported: Imported = {
      key: createPublicKey({ key: { ...jwk }, format: 'jwk' }),
      fetchedAt: shipped.fetchedAt,
      retired: false,
      shipped: true,
    };
    const entry = { imported, refreshAt: shipped.fetchedAt + options.cacheMaxAgeMs };
    held.set(slot, entry);
    return entry;
  }

  function queued(slot: string, kid: string | undefined): Promise<KeyObject> {
    let pending = inflight.get(slot);
    if (pending === undefined) {
      const run = () => refresh(slot, kid);
      pending = tail.then(run, run).finally(() => inflight.delete(slot));
      tail = pending.catch(() => undefined);
      inflight.set(slot, pending);
    }
    return pending;
  }

  return (kid) => {
    const slot = slotOf(kid);
    const entry = held.get(slot) ?? holdShipped(slot, kid);
    if (entry === undefined) return queued(slot, kid);
    const { imported } = entry;
    const t = now();
    if (t < entry.refreshAt) return Promise.resolve(imported.key);
    if (
      imported.shipped === true &&
      t < imported.fetchedAt + options.cacheMaxAgeMs + options.outageGraceMs
    ) {
      // Stale, shipped: used while the set is fetched again in the background.
      queued(slot, kid).catch(() => undefined);
      return Promise.resolve(imported.key);
    }
    return queued(slot, kid);
  };
}

/**
 * The keys of a set by `kid`. One rule for a kid that two keys share, for a fetched set and the
 * shipped one alike: the first in the set, as jwks-rsa's lookup takes it.
 */
function firstByKid(keys: readonly PublicJwk[]): Map<string, PublicJwk> {
  const byKid = new Map<string, PublicJwk>();
  for (const key of keys) {
    if (key.kid !== undefined && !byKid.has(key.kid)) byKid.set(key.kid, key);
  }
  return byKid;
}

/** The shipped keys by `kid`; a set of one key also answers tokens that name no `kid`. */
function shippedByKid(set: ShippedKeySet | undefined) {
  if (set === undefined) return undefined;
  const [only, ...others] = set.keys;
  return {
    fetchedAt: set.fetchedAt,
    byKid: firstByKid(set.keys),
    noKid: others.length === 0 ? only : undefined,
  };
}
