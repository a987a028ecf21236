/**
 * Words written once per advice: a cached forecast hands out the same advice object on every
 * request, so a warm instance writes each answer and card once for it and the few other things
 * they show. Those things are the key, compared field by field (no key string is built); the
 * advice gone, its words go with it.
 */
import type { Advice } from '../advice/index.js';

/** What else the words depend on: primitives only, compared with `===`. */
export type WordsKey = readonly (string | number | boolean | undefined)[];

/**
 * `write(input)`, remembered per advice and `key`: the returned function answers the same words
 * for the same advice and key without writing them again. At most `max` keys per advice are kept
 * (past that, words are written each time), so odd input cannot grow it.
 */
export function rememberPerAdvice<I, V>(
  write: (input: I) => V,
  max: number,
): (input: I, advice: Advice, key: WordsKey) => V {
  const byAdvice = new WeakMap<Advice, { readonly key: WordsKey; readonly value: V }[]>();
  return (input, advice, key) => {
    let held = byAdvice.get(advice);
    if (held === undefined) {
      held = [];
      byAdvice.set(advice, held);
    }
    for (const entry of held) {
      if (sameKey(entry.key, key)) return entry.value;
    }
    const value = write(input);
    if (held.length < max) held.push({ key, value });
    return value;
  };
}

function sameKey(a: WordsKey, b: WordsKey): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}
