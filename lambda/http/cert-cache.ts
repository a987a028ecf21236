/**
 * Bounds ask-sdk-express-adapter's certificate cache by count and age.
 *
 * `SkillRequestSignatureVerifier` downloads a signing certificate chain, validates it (dates,
 * `echo-api.amazon.com` in the SAN, a chain to a trusted root) and keeps it in `certCache` (a
 * `Map` from URL to PEM) for the life of the process: never re-validated, so a certificate that
 * expires keeps verifying, and never evicted. The adapter exposes no option for either, so this
 * wrapper manages that `Map` from outside: entries older than `maxAgeMs` are dropped before each
 * check (the next request downloads and validates the chain again), and past `maxEntries` the
 * oldest go. The adapter caches only chains that passed validation, under the URL it is given,
 * which the caller makes canonical (see `cert-url.ts`), so the cache holds Amazon's few real
 * certificates. If an upgrade of the adapter drops `certCache`, construction fails loudly.
 */
import type { IncomingHttpHeaders } from 'node:http';

/** The check being wrapped: ask-sdk-express-adapter's `SkillRequestSignatureVerifier`. */
export interface CachingSignatureVerifier {
  verify(body: string, headers?: IncomingHttpHeaders): Promise<unknown>;
}

/** Limits of {@link boundCertCache}. */
export interface CertCacheLimits {
  /** Most certificate chains kept. Default 4 (Amazon signs with one at a time). */
  readonly maxEntries?: number;
  /** Longest a chain is trusted without downloading and validating it again, ms. Default 1 h. */
  readonly maxAgeMs?: number;
  /** Clock, ms. Default `Date.now`. */
  readonly now?: () => number;
}

export const DEFAULT_CERT_CACHE_ENTRIES = 4;
export const DEFAULT_CERT_CACHE_AGE_MS = 60 * 60 * 1000;

/** Thrown at construction when the adapter no longer keeps its cache where this expects it. */
export class CertCacheShapeError extends Error {
  override readonly name = 'CertCacheShapeError';
}

/** Wraps `verifier` so that its certificate cache stays within `limits`. */
export function boundCertCache(
  verifier: CachingSignatureVerifier,
  limits: CertCacheLimits = {},
): CachingSignatureVerifier & { cachedUrls(): readonly string[] } {
  const cache: unknown = Reflect.get(verifier, 'certCache');
  if (!(cache instanceof Map)) {
    throw new CertCacheShapeError(
      'ask-sdk-express-adapter: SkillRequestSignatureVerifier has no certCache Map; lambda/http/cert-cache.ts needs updating',
    );
  }
  const certs = cache as Map<unknown, unknown>;
  const maxEntries = limits.maxEntries ?? DEFAULT_CERT_CACHE_ENTRIES;
  const maxAgeMs = limits.maxAgeMs ?? DEFAULT_CERT_CACHE_AGE_MS;
  const now = limits.now ?? Date.now;
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1)
    throw new RangeError('maxEntries must be a whole number of at least 1');
  if (!Number.isFinite(maxAgeMs) || maxAgeMs <= 0)
    throw new RangeError('maxAgeMs must be a positive number of milliseconds');
  /** When each cached URL was first seen in the cache: its chain was validated then. */
  const cachedAt = new Map<unknown, number>();

  const dropExpired = (): void => {
    const t = now();
    for (const [url, at] of cachedAt) {
      if (t - at >= maxAgeMs) {
        cachedAt.delete(url);
        certs.delete(url);
      }
    }
  };
  const recordAndTrim = (): void => {
    const t = now();
    for (const url of certs.keys()) if (!cachedAt.has(url)) cachedAt.set(url, t);
    for (const url of cachedAt.keys()) if (!certs.has(url)) cachedAt.delete(url);
    // Map iteration is insertion order: the first entries are the oldest.
    for (const url of cachedAt.keys()) {
      if (certs.size <= maxEntries) break;
      cachedAt.delete(url);
      certs.delete(url);
    }
  };

  return {
    async verify(body, headers) {
      dropExpired();
      try {
        return await verifier.verify(body, headers);
      } finally {
        recordAndTrim();
      }
    },
    cachedUrls: () => [...certs.keys()].map(String),
  };
}
