/** The English variants the skill speaks, and the words that differ between them. */

/** Style of English: US (and Canada) or Commonwealth (UK, Australia, India). */
export type EnglishStyle = 'us' | 'commonwealth';

/** The style for an Alexa locale (`en-US`, `en-GB`, ...); US style when unknown. */
export function styleOf(locale: string | undefined): EnglishStyle {
  if (locale === undefined) return 'us';
  return /^en-(GB|AU|IN|IE|NZ)$/i.test(locale) ? 'commonwealth' : 'us';
}
