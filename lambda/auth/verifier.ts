/**
 * `createAccessTokenVerifier(options)`: checks its options once and returns `verify(token)`,
 * which resolves to what a genuine token grants or rejects with one of the errors in errors.ts.
 * In order: the token's shape and header (token-shape.ts), the key for its `kid` (key-store.ts),
 * the RS256 signature, synchronously (rs256.ts), then the claims (claims.ts).
 */
import { defaultHttpFetch } from '../../common/http-fetch.js';
import { EnvValueError, normaliseIssuer, parseServiceUrl } from '../../common/env.js';
import { createOptionChecker } from '../../common/options.js';
import { checkClaims, decodeClaims, type VerifiedAccessToken } from './claims.js';
import { TokenSignatureError } from './errors.js';
import { createKeyStore, type KeySetEvent } from './key-store.js';
import { verifyRs256 } from './rs256.js';
import type { ShippedKeySet } from './shipped-key-set.js';
import { inspectToken } from './token-shape.js';
import { createVerifiedTokenCache } from './verified-cache.js';

export type { VerifiedAccessToken } from './claims.js';
export type { KeySetEvent } from './key-store.js';

/** Options of the key-set client. Every field has a safe default. */
export interface KeySetOptions {
  /** Deadline of one key-set fetch, headers and body. Default 3000; at most 3000. */
  timeoutMs?: number;
  /** Largest key-set body accepted, in bytes. Default 256 KiB. */
  maxBytes?: number;
  /** Key-set fetches allowed per minute (cache misses only). Default 10; at most 10. */
  requestsPerMinute?: number;
  /** How long a fetched key is used before the set is asked again. Default 10 minutes. */
  cacheMaxAgeMs?: number;
  /** How long past `cacheMaxAgeMs` a known key keeps serving while the set is unreachable. Default 12 hours. */
  outageGraceMs?: number;
  /** A `kid` absent from a set fetched this recently is unknown, without another fetch. Default 60 s. */
  recentFetchWindowMs?: number;
  /** During an outage, how often the set is tried again. Default 30 s. */
  retryAfterFailureMs?: number;
  /** The fetch implementation. Default: the skill's node:http fetch (common/http-fetch.ts). */
  fetch?: typeof fetch;
  /** Told of fetches, failures and stale keys served (for logs). Default: nothing. */
  onEvent?: (event: KeySetEvent) => void;
  /**
   * The key set shipped with the deployment (`jwks.json` beside the bundle, see
   * shipped-key-set.ts): held as if fetched when it was. Default: none.
   */
  shipped?: ShippedKeySet;
}

/** Options of {@link createAccessTokenVerifier}. */
export interface AccessTokenVerifierOptions {
  /** The tenant, e.g. `https://example.us.auth0.com/`: https unless loopback; `iss` must equal it (one trailing slash). */
  issuerBaseUrl: string;
  /** The API identifier that `aud` must contain, e.g. `https://whatshouldiwear`. */
  audience: string;
  /** A scope the token must grant in `scope` or `permissions`; none when absent. */
  requiredScope?: string;
  /** Leeway for `exp`, `nbf` and `iat`, in seconds. Default 5; 0 to 60. */
  clockToleranceSeconds?: number;
  /** Longest token accepted, in characters, checked before any parsing. Default 8192. */
  maxTokenLength?: number;
  /** The key-set client. */
  jwks?: KeySetOptions;
  /**
   * How many verified tokens to remember (by hash, until their `exp`), so a token Alexa sends again
   * skips the signature check. Default 10,000; 0 turns the cache off.
   */
  verifiedTokenCacheSize?: number;
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
}

/** Verifies an access token: resolves to what it grants, or rejects with an `AccessTokenError`. */
export type VerifyAccessToken = (token: unknown) => Promise<VerifiedAccessToken>;

/** Checks `options` (throwing one `ConfigError` naming every bad one) and returns `verify`. */
export function createAccessTokenVerifier(options: AccessTokenVerifierOptions): VerifyAccessToken {
  const config = checkOptions(options);
  const now = options.now ?? Date.now;
  const jwks = options.jwks ?? {};
  const keyFor = createKeyStore({
    jwksUri: new URL('.well-known/jwks.json', config.issuer).href,
    timeoutMs: config.timeoutMs,
    requestsPerMinute: config.requestsPerMinute,
    maxBytes: jwks.maxBytes ?? 256 * 1024,
    cacheMaxAgeMs: jwks.cacheMaxAgeMs ?? 10 * 60_000,
    outageGraceMs: jwks.outageGraceMs ?? 12 * 3_600_000,
    recentFetchWindowMs: jwks.recentFetchWindowMs ?? 60_000,
    retryAfterFailureMs: jwks.retryAfterFailureMs ?? 30_000,
    now,
    fetch: jwks.fetch ?? defaultHttpFetch(),
    onEvent: jwks.onEvent ?? (() => undefined),
    shipped: jwks.shipped,
  });
  const cache = config.cacheSize > 0 ? createVerifiedTokenCache(config.cacheSize) : undefined;
  const rules = {
    issuer: config.issuer,
    audience: options.audience,
    requiredScope: options.requiredScope,
    clockToleranceSeconds: config.clockTolerance,
  };

  return async (token) => {
    let id: string | undefined;
    if (cache !== undefined && typeof token === 'string' && token.length <= config.maxTokenLength) {
      id = cache.idOf(token);
      const seen = cache.get(id, now());
      // Still the key the store holds for that kid: nothing learnt since says otherwise.
      if (seen !== undefined && (await keyFor(seen.kid)) === seen.key) return seen.result;
    }
    const inspected = inspectToken(token, config.maxTokenLength);
    const key = await keyFor(inspected.kid);
    if (!verifyRs256(inspected.signingInput, inspected.signature, key)) {
      throw new TokenSignatureError('bad-signature', 'The token signature does not verify');
    }
    const result = checkClaims(decodeClaims(inspected.payload), rules, now());
    if (id !== undefined) cache?.set(id, { result, kid: inspected.kid, key });
    return result;
  };
}

function checkOptions(options: AccessTokenVerifierOptions) {
  const check = createOptionChecker();
  const issuer = check.attempt(
    'issuerBaseUrl',
    () => normaliseIssuer(parseServiceUrl(options.issuerBaseUrl).href),
    '',
  );
  check.attempt(
    'audience',
    () => {
      if (typeof options.audience !== 'string' || options.audience.trim() === '')
        throw new EnvValueError('is required');
    },
    undefined,
  );
  check.attempt(
    'requiredScope',
    () => {
      const s = options.requiredScope;
      if (s !== undefined && (s === '' || /\s/.test(s)))
        throw new EnvValueError('must be one scope, without spaces');
    },
    undefined,
  );
  const jwks = options.jwks ?? {};
  const config = {
    issuer,
    clockTolerance: check.number('clockToleranceSeconds', options.clockToleranceSeconds, 5, 0, 60),
    maxTokenLength: check.number('maxTokenLength', options.maxTokenLength, 8192, 256, 65_536),
    timeoutMs: check.number('jwks.timeoutMs', jwks.timeoutMs, 3000, 1, 3000),
    requestsPerMinute: check.number('jwks.requestsPerMinute', jwks.requestsPerMinute, 10, 1, 10),
    cacheSize: check.number(
      'verifiedTokenCacheSize',
      options.verifiedTokenCacheSize,
      10_000,
      0,
      1_000_000,
    ),
  };
  check.number('jwks.cacheMaxAgeMs', jwks.cacheMaxAgeMs, 600_000, 1, 86_400_000);
  check.number('jwks.outageGraceMs', jwks.outageGraceMs, 43_200_000, 0, 7 * 86_400_000);
  check.done();
  return config;
}
