/**
 * Text that Alexa speaks. Sentences are built as plain text, then escaped for SSML in one place,
 * so every slot value and place name inside them is escaped by construction.
 */
import { memo } from '../../common/memo.js';

/** One thing to say: SSML for the speech (without the `<speak>` wrapper) and plain text for cards. */
export interface Utterance {
  readonly ssml: string;
  readonly text: string;
}

const SSML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes `text` for use as SSML character data or an attribute value. */
export const escapeSsml = memo((text: string): string =>
  text.replace(/[&<>"']/g, (c) => SSML_ESCAPES[c] ?? c),
);

/** Longest outside value (a slot, a place name) put into a sentence, in characters. */
export const MAX_SPOKEN_VALUE_LENGTH = 60;

/**
 * An outside value made fit to speak: control and invisible format characters removed,
 * whitespace collapsed, cut to `maxLength` at a word boundary where possible. Not yet escaped.
 */
export function speakable(value: string, maxLength = MAX_SPOKEN_VALUE_LENGTH): string {
  const clean = cleanSpoken(value);
  if (clean.length <= maxLength) return clean;
  const cut = clean.slice(0, maxLength);
  const space = cut.lastIndexOf(' ');
  return (space > maxLength / 2 ? cut.slice(0, space) : cut).trim();
}

/** `value` without control and invisible format characters, whitespace collapsed. */
const cleanSpoken = memo((value: string): string =>
  value
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim(),
);

/** An {@link Utterance} of the plain `text`. */
export function utterance(text: string): Utterance {
  return { ssml: escapeSsml(text), text };
}
