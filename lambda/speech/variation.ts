/**
 * Deterministic variety: the same seed (a request id, say) always picks the same wording, so
 * answers vary between requests yet tests can pin them.
 */
import { hashString } from '../weather/index.js';

/** One of `choices`, chosen by `seed` and `slot` (so that different slots vary independently). */
export function pick<T>(choices: readonly [T, ...T[]], seed: string, slot: string): T {
  const index = hashString(`${seed}\u0000${slot}`) % choices.length;
  return choices[index] ?? choices[0];
}
