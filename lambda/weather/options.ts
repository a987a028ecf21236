/** Checks a provider's options once, naming every bad one in one `ConfigError`. */
import { EnvValueError } from '../../common/env.js';
import { createOptionChecker, type OptionChecker as BaseChecker } from '../../common/options.js';
import type { WakingHours } from './types.js';

/** The shared checks, plus waking hours. */
export interface OptionChecker extends BaseChecker {
  wakingHours(name: string, value: WakingHours | undefined, fallback: WakingHours): WakingHours;
}

/** Starts collecting option problems. */
export function checkOptions(): OptionChecker {
  const base = createOptionChecker();
  return {
    ...base,
    wakingHours: (name, value, fallback) =>
      base.attempt(
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
      ),
  };
}
