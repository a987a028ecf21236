/**
 * Checking a factory's options once: every problem is collected, then one `ConfigError` names
 * them all (as `parseEnv` does for the environment).
 */
import { ConfigError, EnvValueError, parseServiceUrl, type EnvProblem } from './env.js';

/** Collects problems; each check returns the value, or `fallback` after noting the problem. */
export interface OptionChecker {
  /** Runs `read`; an `EnvValueError` it throws becomes a problem named `name`. */
  attempt<T>(name: string, read: () => T, fallback: T): T;
  /** A whole number in `[min, max]` (`value` or else `fallback`). */
  number(
    name: string,
    value: number | undefined,
    fallback: number,
    min: number,
    max: number,
  ): number;
  /** An https URL (http for loopback hosts). */
  url(name: string, value: string | undefined, fallback: string): URL;
  /** Throws one {@link ConfigError} if any check failed. */
  done(): void;
}

/** Starts collecting option problems. */
export function createOptionChecker(): OptionChecker {
  const problems: EnvProblem[] = [];
  const attempt = <T>(name: string, read: () => T, fallback: T): T => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof EnvValueError)) throw error;
      problems.push({ name, problem: error.message });
      return fallback;
    }
  };
  return {
    attempt,
    number: (name, value, fallback, min, max) =>
      attempt(
        name,
        () => {
          const v = value ?? fallback;
          if (!Number.isInteger(v) || v < min || v > max) {
            throw new EnvValueError(`must be a whole number from ${min} to ${max}`);
          }
          return v;
        },
        fallback,
      ),
    url: (name, value, fallback) =>
      attempt(name, () => parseServiceUrl(value ?? fallback), new URL(fallback)),
    done() {
      if (problems.length > 0) throw new ConfigError(problems);
    },
  };
}
