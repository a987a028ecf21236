/**
 * Rate-limited stand-ins of the shared services, in virtual time (milliseconds): fixed windows
 * (Open-Meteo's free tier counts calls per minute, hour and day) and token buckets (Auth0's burst
 * and sustained limits; Lambda's scaling rate). A refused call is not counted against the limit.
 */

/** A limit: `take(t)` is true when a call at virtual time `t` (ms) is allowed, and counts it. */
export interface Limiter {
  /** True when a call at `t` would be allowed (nothing is counted). */
  allows(t: number): boolean;
  /** Counts a call at `t` when allowed; false (and nothing counted) when refused. */
  take(t: number): boolean;
}

/** One fixed window: at most `limit` calls in each `windowMs` (aligned on multiples of it). */
export interface FixedWindow {
  readonly limit: number;
  readonly windowMs: number;
}

/** Calls allowed while every window has room (Open-Meteo: 600/min, 5,000/h, 10,000/day). */
export function fixedWindows(windows: readonly FixedWindow[]): Limiter {
  const state = windows.map((w) => ({ ...w, index: -1, count: 0 }));
  const roll = (t: number): void => {
    for (const w of state) {
      const index = Math.floor(t / w.windowMs);
      if (index !== w.index) {
        w.index = index;
        w.count = 0;
      }
    }
  };
  const allows = (t: number): boolean => {
    roll(t);
    return state.every((w) => w.count < w.limit);
  };
  return {
    allows,
    take(t) {
      if (!allows(t)) return false;
      for (const w of state) w.count += 1;
      return true;
    },
  };
}

/** A token bucket: `burst` calls at once, refilled at `perSecond` (Auth0's "burst" and "sustained"). */
export function tokenBucket(perSecond: number, burst: number): Limiter {
  let tokens = burst;
  let last = 0;
  const refill = (t: number): void => {
    tokens = Math.min(burst, tokens + ((t - last) * perSecond) / 1000);
    last = t;
  };
  return {
    allows(t) {
      refill(t);
      return tokens >= 1;
    },
    take(t) {
      refill(t);
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

/** Allowed only when every one of `limiters` allows; then counted by each. */
export function allOf(...limiters: readonly Limiter[]): Limiter {
  const allows = (t: number): boolean => limiters.every((l) => l.allows(t));
  return {
    allows,
    take(t) {
      if (!allows(t)) return false;
      for (const l of limiters) l.take(t);
      return true;
    },
  };
}

/** No limit (a paid plan, say). */
export const unlimited: Limiter = { allows: () => true, take: () => true };
