/**
 * The on-disk token cache: one JSON file per issuer + client (and its secret) + audience + scope,
 * named by a SHA-256 of that key, written with mode 0600 in a folder with mode 0700 that must be
 * the user's own, replaced atomically; a symlink is never followed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CacheFolderError } from './errors.js';

/**
 * What identifies a cached token. The secret is part of it (a wrong secret must not get the
 * cached token), through its SHA-256 only; it is never stored.
 */
export interface CacheKey {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
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
  const secret = createHash('sha256').update(key.clientSecret).digest('hex');
  const digest = createHash('sha256')
    .update(JSON.stringify([key.issuer, key.clientId, secret, key.audience, key.scope ?? null]))
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

/**
 * Creates the cache folder `dir` (mode 0700) if need be, and checks it is the user's own: a
 * folder, not a symlink, owned by the user, writable by nobody else. Throws
 * {@link CacheFolderError} otherwise.
 */
export async function assertPrivateFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const stat = await lstat(dir);
  const problem = stat.isSymbolicLink()
    ? 'is a symbolic link'
    : !stat.isDirectory()
      ? 'is not a folder'
      : process.getuid !== undefined && stat.uid !== process.getuid()
        ? 'belongs to another user'
        : (stat.mode & 0o022) !== 0
          ? 'is writable by others (chmod 700 it)'
          : undefined;
  if (problem !== undefined) {
    throw new CacheFolderError(`The token cache folder ${dir} ${problem}: not used`);
  }
}

/**
 * Reads the cached token at `path`; undefined when absent, unreadable or a symbolic link (never
 * followed), and for a broken file.
 */
export async function readCachedToken(path: string): Promise<CachedToken | undefined> {
  try {
    if ((await lstat(path)).isSymbolicLink()) return undefined;
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
  await assertPrivateFolder(dir);
  const temporary = join(dir, `.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(temporary, JSON.stringify(token), { mode: 0o600, flag: 'wx' });
  await chmod(temporary, 0o600); // the umask cannot widen it, but be explicit
  await rename(temporary, path);
}
