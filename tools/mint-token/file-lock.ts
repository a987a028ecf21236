/**
 * A cross-process lock on one cache entry: a lock file created with O_EXCL holding the owner's
 * pid. Waiters poll; a lock whose owner is dead, or older than `staleMs`, is taken over.
 */
import { open, readFile, rm, stat } from 'node:fs/promises';

/** Options of {@link acquireFileLock}. */
export interface FileLockOptions {
  /** Poll interval while waiting, ms. */
  readonly pollMs: number;
  /** Age after which a lock is considered abandoned, ms (measured on file mtime). */
  readonly staleMs: number;
  /** Give up waiting after this long and take the lock over, ms. */
  readonly waitMs: number;
  /** Called between polls; resolve true to stop waiting (e.g. the cache was filled meanwhile). */
  readonly shouldStop?: () => Promise<boolean>;
}

/** A held lock; `release` is idempotent. */
export interface FileLock {
  release(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isAbandoned(path: string, staleMs: number): Promise<boolean> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    const pid = Number.parseInt(text, 10);
    if (Number.isSafeInteger(pid) && pid > 0 && !isAlive(pid)) return true;
    return Date.now() - info.mtimeMs > staleMs;
  } catch {
    return false; // gone already, or half-written: try again at the next poll
  }
}

async function tryCreate(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'wx', 0o600);
    await handle.writeFile(String(process.pid));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Takes the lock at `path`, waiting while another live process holds it. Resolves undefined when
 * `shouldStop` asked to stop waiting (the lock is then not held).
 */
export async function acquireFileLock(
  path: string,
  options: FileLockOptions,
): Promise<FileLock | undefined> {
  const deadline = Date.now() + options.waitMs;
  for (;;) {
    if (await tryCreate(path)) {
      let held = true;
      return {
        async release() {
          if (!held) return;
          held = false;
          await rm(path, { force: true });
        },
      };
    }
    if ((await options.shouldStop?.()) === true) return undefined;
    if (Date.now() > deadline || (await isAbandoned(path, options.staleMs))) {
      await rm(path, { force: true });
      continue;
    }
    await sleep(options.pollMs);
  }
}
