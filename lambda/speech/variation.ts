/**
 * Deterministic variety: the same seed (a request id, say) always picks the same wording, so
 * answers vary between requests yet tests can pin them.
 */
import { hashString } from '../weather/index.js';

/**
 * The hash every choice of `seed` starts from (the seed and a separator), computed once for
 * several choices: see {@link choiceIndex}.
 */
export function seedHash(seed: string): number {
  return hashString('\u0000', hashString(seed));
}

/** The index among `count` choices that `slot` takes for a seed (given as its {@link seedHash}). */
export function choiceIndex(seed: number, slot: string, count: number): number {
  return hashString(slot, seed) % count;
}

/** One of `choices`, chosen by `seed` and `slot` (so that different slots vary independently). */
export function pick<T>(choices: readonly [T, ...T[]], seed: string, slot: string): T {
  return choices[choiceIndex(seedHash(seed), slot, choices.length)] ?? choices[0];
}
