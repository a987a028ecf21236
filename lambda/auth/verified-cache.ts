/**
 * A bounded cache of tokens already verified. Alexa sends the same access token on every turn
 * until it refreshes, so a repeated token costs one SHA-256 and a map lookup instead of a
 * signature check. Keyed by a hash of the whole token (the token itself is not kept); an entry is
 * never trusted past the token's `exp`, nor once the key that verified it is no longer the one the
 * key store holds for its `kid`; the oldest entry goes first when the cache is full. Only tokens
 * that passed every check get in, so hostile traffic cannot fill it with junk.
 */
import { hash, type KeyObject } from 'node:crypto';
import type { VerifiedAccessToken } from './claims.js';

/** What is remembered of one verified token. */
export interface VerifiedEntry {
  readonly result: VerifiedAccessToken;
  readonly kid: string | undefined;
  readonly key: KeyObject;
}

export interface VerifiedTokenCache {
  /** The cache key of `token`: a SHA-256 of the whole token. */
  idOf(token: string): string;
  /** The entry for `id` when its token is still before its `exp` at `nowMs`. */
  get(id: string, nowMs: number): VerifiedEntry | undefined;
  set(id: string, entry: VerifiedEntry): void;
}

/** A cache of at most `maxEntries` tokens. */
export function createVerifiedTokenCache(maxEntries: number): VerifiedTokenCache {
  const entries = new Map<string, VerifiedEntry>();
  return {
    idOf: (token) => hash('sha256', token, 'base64'),
    get(id, nowMs) {
      const entry = entries.get(id);
      if (entry === undefined) return undefined;
      if (nowMs >= entry.result.expiresAt.getTime()) {
        entries.delete(id);
        return undefined;
      }
      return entry;
    },
    set(id, entry) {
      entries.delete(id);
      entries.set(id, entry);
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done !== true) entries.delete(oldest.value);
      }
    },
  };
}
