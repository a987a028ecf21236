/**
 * How a user names the skill: "open <invocation>" (or ask, tell, launch, start, begin, use, talk
 * to) alone is a launch; "ask <invocation> (to) ..." (any of those verbs, then optionally to,
 * for, about, if, whether or and) is a one-shot request whose words follow. A leading "Alexa" is
 * dropped.
 */
import { words, type Word } from './words.js';

const VERBS = new Set(['open', 'launch', 'start', 'begin', 'use', 'ask', 'tell']);
const CONNECTORS = new Set(['to', 'for', 'about', 'if', 'whether', 'and']);

/** The verb words before the invocation name (`talk to` is two). */
function verbLength(said: readonly Word[]): number {
  const [first, second] = said;
  if (first?.lower === 'talk' && second?.lower === 'to') return 2;
  return first !== undefined && VERBS.has(first.lower) ? 1 : 0;
}

/**
 * Splits off the invocation: `'launch'` for a launch phrase, the words of the request for a
 * one-shot, else the words said to the open skill (without a leading "Alexa").
 */
export function splitInvocation(
  invocationName: string,
  said: readonly Word[],
): readonly Word[] | 'launch' {
  const rest = said[0]?.lower === 'alexa' ? said.slice(1) : said;
  const name = words(invocationName).map((w) => w.lower);
  const verbs = verbLength(rest);
  if (verbs === 0 || !name.every((w, i) => rest[verbs + i]?.lower === w)) return rest;
  const after = rest.slice(verbs + name.length);
  if (after.length === 0) return 'launch';
  return CONNECTORS.has(after[0]?.lower ?? '') ? after.slice(1) : after;
}
