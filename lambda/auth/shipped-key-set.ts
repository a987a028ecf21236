/**
 * The key set shipped with the deployment: `npm run deploy` fetches the tenant's key set and
 * writes it beside the skill's bundle (`jwks.json`), with the time it was fetched. The skill
 * starts with it as if it had fetched it then, so its age counts against the same freshness rules
 * as a set it fetched itself (key-store.ts): a fresh process answers its first request without a
 * key-set call while the set is fresh, and refreshes it in the background once it is stale.
 *
 * The file is a JWKS document with one more member, `fetchedAt` (ISO 8601).
 */
import { readFileSync } from 'node:fs';
import { usableKeys, type PublicJwk } from './jwks-fetch.js';

/** The keys a deployment shipped, and when they were fetched (ms since the epoch). */
export interface ShippedKeySet {
  readonly keys: readonly PublicJwk[];
  readonly fetchedAt: number;
}

/** A `jwks.json` that cannot be used; the skill logs it and fetches the set instead. */
export class ShippedKeySetError extends Error {
  override readonly name = 'ShippedKeySetError';
}

/** The file's text for `document` (a key set as the tenant published it) fetched at `fetchedAt`. */
export function serialiseShippedKeySet(document: unknown, fetchedAt: number): string {
  const keys = usableKeys(document);
  if (keys.length === 0) throw new ShippedKeySetError('The key set holds no RSA signing key');
  return `${JSON.stringify({ keys, fetchedAt: new Date(fetchedAt).toISOString() }, null, 2)}\n`;
}

/**
 * Reads the shipped set at `path`: undefined when there is no such file (a deployment without
 * one, or a local run), else its keys and fetch time, or {@link ShippedKeySetError} when it is
 * not a usable set or says it was fetched after `now` (a clock or a file to distrust).
 */
export function readShippedKeySet(path: string, now: number): ShippedKeySet | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ShippedKeySetError(`The shipped key set could not be read`, { cause: error });
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    throw new ShippedKeySetError('The shipped key set is not JSON', { cause });
  }
  let keys: PublicJwk[];
  try {
    keys = usableKeys(body);
  } catch (cause) {
    throw new ShippedKeySetError('The shipped key set has no "keys" array', { cause });
  }
  if (keys.length === 0)
    throw new ShippedKeySetError('The shipped key set holds no RSA signing key');
  const stamp = (body as { fetchedAt?: unknown }).fetchedAt;
  const fetchedAt = typeof stamp === 'string' ? Date.parse(stamp) : Number.NaN;
  if (!Number.isFinite(fetchedAt)) {
    throw new ShippedKeySetError('The shipped key set has no valid "fetchedAt" time');
  }
  if (fetchedAt > now + 60_000) {
    throw new ShippedKeySetError('The shipped key set says it was fetched in the future');
  }
  return { keys, fetchedAt };
}
