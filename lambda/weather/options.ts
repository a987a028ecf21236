/** Checks a provider's options once, naming every bad one in one `ConfigError`. */
import { ConfigError, EnvValueError, parseServiceUrl, type EnvProblem } from '../../common/env.js';
import type { WakingHours } from './types.js';

/** Collects problems; each `check` returns the value, or `fallback` after noting the problem. */
export interface OptionChecker {
  number(
    name: string,
    value: number | undefined,
    fallback: number,
    min: number,
    max: number,
  ): number;
  url(name: string, value: string | undefined, fallback: string): URL;
  wakingHours(name: string, value: WakingHours | undefined, fallback: WakingHours): WakingHours;
  /** Throws one {@link ConfigError} if any check failed. */
  done(): void;
}

/** Starts collecting option problems. */
export function checkOptions(): OptionChecker {
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
    number(name, value, fallback, min, max) {
      return attempt(
        name,
        () => {
          const v = value ?? fallback;
          if (!Number.isInteger(v) || v < min || v > max) {
            throw new EnvValueError(`must be a whole number from ${min} to ${max}`);
          }
          return v;
        },
        fallback,
      );
    },
    url(name, value, fallback) {
      return attempt(name, () => parseServiceUrl(value ?? fallback), new URL(fallback));
    },
    wakingHours(name, value, fallback) {
      return attempt(
        name,
        () => {
          const v = value ?? fallback;
          const ok = (h: number): boolean => Number.isInteger(h) && h >= 0 && h <= 23;
          if (!ok(v.from) || !ok(v.to) || v.from > v.to) {
            throw new EnvValueError('must be whole hours from 0 to 23, `from` not after `to`');
          }
          return { from: v.from, to: v.to };
        },
        fallback,
      );
    },
    done() {
      if (problems.length > 0) throw new ConfigError(problems);
    },
  };
}
