/**
 * The clock of the stack's token world: the issuer, the proxy, the skill's token check and
 * Alexa's token store all read it, so that moving it forward expires an access token everywhere
 * at once without waiting. Dates of forecasts keep the real clock.
 */

/** A clock that can be moved forward. */
export interface StackClock {
  /** Milliseconds since the epoch: the base clock plus every advance so far. */
  now(): number;
  /** Moves the clock forward by `ms` (whole, not negative). */
  advance(ms: number): void;
  /** The total advance so far, in ms. */
  offsetMs(): number;
}

/** A clock that runs with `base` (default `Date.now`), moved forward by {@link StackClock.advance}. */
export function createStackClock(base: () => number = Date.now): StackClock {
  let offset = 0;
  return {
    now: () => base() + offset,
    advance(ms) {
      if (!Number.isSafeInteger(ms) || ms < 0) {
        throw new RangeError('the clock only moves forward, by a whole number of ms');
      }
      offset += ms;
    },
    offsetMs: () => offset,
  };
}
