/**
 * The on-disk token cache: one JSON file per issuer + client + audience + scope, named by a
 * SHA-256 of that key, written with mode 0600 in a folder with mode 0700, replaced atomically.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What identifies a cached token. The secret is not part of it and is never stored. */
export interface CacheKey {
  readonly issuer: string;
  readonly clientId: string;
  readonly audience: string;
  readonly scope: string | undefined;
}

/** A cached token. */
export interface CachedToken {
  readonly accessToken: string;
  /** Epoch ms at which the token expires. */
  readonly expiresAt: number;
  /** The whole token response, as the endpoint sent it. */
  readonly response: Readonly<Record<string, unknown>>;
}

/** The file name (without folder) holding the token for `key`. */
export function cacheFileName(key: CacheKey): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([key.issuer, key.clientId, key.audience, key.scope ?? null]))
    .digest('hex');
  return `${digest.slice(0, 32)}.json`;
}

function assertIsCachedToken(value: unknown): asserts value is CachedToken {
  const v = value as Partial<Record<keyof CachedToken, unknown>> | null;
  if (
    typeof v !== 'object' ||
    v === null ||
    typeof v.accessToken !== 'string' ||
    typeof v.expiresAt !== 'number' ||
    typeof v.response !== 'object' ||
    v.response === null
  ) {
    throw new TypeError('not a cached token');
  }
}

/** Reads the cached token at `path`; undefined when absent or unreadable (a broken file is ignored). */
export async function readCachedToken(path: string): Promise<CachedToken | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(path, 'utf8'));
    assertIsCachedToken(value);
    return value;
  } catch {
    return undefined;
  }
}

/** Writes `token` to `path` (mode 0600) through a temporary file and a rename. */
export async function writeCachedToken(
  dir: string,
  path: string,
  token: CachedToken,
): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temporary = join(dir, `.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(temporary, JSON.stringify(token), { mode: 0o600, flag: 'wx' });
  await chmod(temporary, 0o600); // the umask cannot widen it, but be explicit
  await rename(temporary, path);
}
