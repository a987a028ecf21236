/** Typed or spoken text as words. */

/** One word, as said and in lower case. */
export interface Word {
  readonly lower: string;
  readonly spoken: string;
}

/**
 * Splits an utterance into words: punctuation dropped, apostrophes (curly ones made straight)
 * and hyphens kept.
 */
export function words(utterance: string): Word[] {
  return utterance
    .replace(/[’‘]/g, "'")
    .replace(/[.,!?;:"()]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((spoken) => ({ spoken, lower: spoken.toLowerCase() }));
}
