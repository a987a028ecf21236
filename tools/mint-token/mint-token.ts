/**
 * `mintToken`: an access token from the client-credentials grant at `<issuer>oauth/token`,
 * served from a disk cache until 60 s before it expires, with concurrent callers (in this
 * process or in others) sharing one call to the endpoint.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeJwt } from 'jose';
import { normaliseIssuer, parseServiceUrl } from '../../common/index.js';
import {
  assertPrivateFolder,
  cacheFileName,
  readCachedToken,
  writeCachedToken,
  type CachedToken,
} from './disk-cache.js';
import { MintOptionsError } from './errors.js';
import { acquireFileLock } from './file-lock.js';
import { requestToken, type TokenResponseBody } from './token-request.js';

/** Options of {@link mintToken}. */
export interface MintTokenOptions {
  /** The tenant, e.g. `https://example.us.auth0.com/` (https, or http on loopback). */
  issuerBaseUrl: string;
  /** The machine-to-machine client's id. */
  clientId: string;
  /** Its secret; sent to the token endpoint only, never cached or printed. */
  clientSecret: string;
  /** The API identifier (`aud`). */
  audience: string;
  /** Space-separated scopes; omitted, the tenant grants the client's default scopes. */
  scope?: string;
  /** Folder of the disk cache (default {@link defaultCacheDir}); `false` turns the cache off. */
  cacheDir?: string | false;
  /** How the client authenticates (default `client_secret_post`, Auth0's default for M2M apps). */
  authMethod?: 'client_secret_post' | 'client_secret_basic';
  /** Budget for the token endpoint call, ms (default 10000). */
  timeoutMs?: number;
  /** Reuse a cached token only while it has more than this left, ms (default 60000). */
  reuseMarginMs?: number;
  /** Clock for expiry decisions, epoch ms (default `Date.now`). */
  now?: () => number;
  /** The fetch to use (default the global one). */
  fetch?: typeof fetch;
  /** Lock polling, ms (default 50); abandoned-lock age, ms (default 30000). */
  lock?: { pollMs?: number; staleMs?: number };
}

/** A minted (or cached) access token. */
export interface MintedToken {
  readonly accessToken: string;
  /** Epoch ms at which it expires. */
  readonly expiresAt: number;
  /** The token endpoint's whole response. */
  readonly response: Readonly<Record<string, unknown>>;
  /** True when it came from the disk cache. */
  readonly fromCache: boolean;
}

/** `<repo>/.cache/mint-token`: git-ignored, beside the code that uses it. */
export function defaultCacheDir(): string {
  return fileURLToPath(new URL('../../.cache/mint-token', import.meta.url));
}

const inFlight = new Map<string, Promise<MintedToken>>();

function expiryOf(body: TokenResponseBody, now: number): number {
  const expiresIn = Number(body.expires_in);
  if (Number.isFinite(expiresIn) && expiresIn > 0) return now + expiresIn * 1000;
  try {
    const { exp } = decodeJwt(body.access_token);
    if (typeof exp === 'number') return exp * 1000;
  } catch {
    // not a JWT: no way to know its lifetime
  }
  return now; // unknown lifetime: usable once, never reused from the cache
}

function checkOptions(options: MintTokenOptions): string {
  const missing = (['clientId', 'clientSecret', 'audience'] as const).filter(
    (name) => options[name].trim() === '',
  );
  if (missing.length > 0) throw new MintOptionsError(`missing ${missing.join(', ')}`);
  try {
    return normaliseIssuer(parseServiceUrl(options.issuerBaseUrl).href);
  } catch (error) {
    throw new MintOptionsError(`issuerBaseUrl ${(error as Error).message}`, { cause: error });
  }
}

async function fetchFresh(options: MintTokenOptions, issuer: string): Promise<CachedToken> {
  const now = options.now ?? Date.now;
  const body = await requestToken({
    tokenUrl: `${issuer}oauth/token`,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    audience: options.audience,
    scope: options.scope,
    authMethod: options.authMethod ?? 'client_secret_post',
    timeoutMs: options.timeoutMs ?? 10_000,
    fetch: options.fetch ?? fetch,
  });
  return { accessToken: body.access_token, expiresAt: expiryOf(body, now()), response: body };
}

async function mintCached(
  options: MintTokenOptions,
  issuer: string,
  dir: string,
  path: string,
): Promise<MintedToken> {
  const now = options.now ?? Date.now;
  const margin = options.reuseMarginMs ?? 60_000;
  const usable = async (): Promise<CachedToken | undefined> => {
    const cached = await readCachedToken(path);
    return cached !== undefined && cached.expiresAt - margin > now() ? cached : undefined;
  };
  const hit = (cached: CachedToken): MintedToken => ({ ...cached, fromCache: true });

  await assertPrivateFolder(dir);
  const cached = await usable();
  if (cached) return hit(cached);
  const lock = await acquireFileLock(`${path}.lock`, {
    pollMs: options.lock?.pollMs ?? 50,
    staleMs: options.lock?.staleMs ?? 30_000,
    waitMs: (options.timeoutMs ?? 10_000) + 5_000,
    shouldStop: async () => (await usable()) !== undefined,
  });
  try {
    const filled = await usable();
    if (filled) return hit(filled);
    const fresh = await fetchFresh(options, issuer);
    if (fresh.expiresAt - margin > now()) await writeCachedToken(dir, path, fresh);
    return { ...fresh, fromCache: false };
  } finally {
    await lock?.release();
  }
}

/**
 * Returns an access token for `audience` from the client-credentials grant, reusing a cached
 * one until `reuseMarginMs` before it expires. Rejects with a `MintTokenError` subclass:
 * `BadCredentialsError`, `UnauthorizedClientError`, `UnknownAudienceError`, `NetworkError`,
 * `TimeoutError`, `TokenEndpointError`, `InvalidResponseError` or `MintOptionsError`.
 */
export async function mintToken(options: MintTokenOptions): Promise<MintedToken> {
  const issuer = checkOptions(options);
  const dir = options.cacheDir ?? defaultCacheDir();
  if (dir === false) return { ...(await fetchFresh(options, issuer)), fromCache: false };

  const { clientId, clientSecret, audience, scope } = options;
  const path = join(dir, cacheFileName({ issuer, clientId, clientSecret, audience, scope }));
  const pending = inFlight.get(path);
  if (pending) return pending;
  const promise = mintCached(options, issuer, dir, path).finally(() => inFlight.delete(path));
  inFlight.set(path, promise);
  return promise;
}
